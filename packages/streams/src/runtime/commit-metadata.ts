/**
 * What a task commits with each input partition's offset, in Kafka Streams' format
 * (TopicPartitionMetadata and ProcessorMetadata), so either side reads what the other committed:
 * base64 of version 2, the partition time (int64), then the processor metadata: an entry count
 * (int32) and per entry a UTF-8 key (int32 length, bytes) and an int64 value. Version 1 has the
 * partition time only. The processor metadata holds what processors keep across a change of
 * owner (onWindowClose's last emitted window close time, under the store's name).
 */

/** Java's RecordQueue.UNKNOWN: no partition time. */
export const UNKNOWN_PARTITION_TIME = -1;

export interface CommitMetadata {
  partitionTime: number;
  processorMetadata: Map<string, number>;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/**
 * A time as Java's long: Long.MAX_VALUE read from another writer's metadata comes back as the
 * double 2^63, one past the int64 range, which would fail every later commit of the task.
 */
function toInt64(time: number): bigint {
  const n = BigInt(Math.trunc(time));
  return n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n;
}

export function encodeCommitMetadata(partitionTime: number, processorMetadata: ReadonlyMap<string, number>): string {
  const entries = [...processorMetadata].map(([key, value]) => ({ key: Buffer.from(key, 'utf8'), value }));
  const metaLength = entries.length === 0 ? 0 : 4 + entries.reduce((n, e) => n + 4 + e.key.length + 8, 0);
  const out = Buffer.alloc(1 + 8 + metaLength);
  out.writeInt8(2, 0);
  out.writeBigInt64BE(toInt64(partitionTime), 1);
  if (entries.length > 0) {
    let at = out.writeInt32BE(entries.length, 9);
    for (const e of entries) {
      at = out.writeInt32BE(e.key.length, at);
      at += e.key.copy(out, at);
      at = out.writeBigInt64BE(toInt64(e.value), at);
    }
  }
  return out.toString('base64');
}

/**
 * Base64 as Java's basic decoder takes it (padding optional, but right if there). Node's decoder
 * skips what is not base64, so another client's text such as "Ahoy-mate-checkpoint-17" would read
 * as version 2 with a partition time from its letters.
 */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/**
 * Reads what encodeCommitMetadata (or Java) wrote; null for anything else (another client's
 * metadata, a newer version): as Java, the task then starts without it rather than fail. As Java's
 * TopicPartitionMetadata.decode, processor metadata that cannot be read leaves the partition time.
 */
export function decodeCommitMetadata(text: string | null | undefined): CommitMetadata | null {
  if (!text || !STRICT_BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length < 9) return null;
  const version = bytes.readInt8(0);
  if (version !== 1 && version !== 2) return null;
  const partitionTime = Number(bytes.readBigInt64BE(1));
  const processorMetadata = version === 2 ? (decodeProcessorMetadata(bytes, 9) ?? new Map<string, number>()) : new Map<string, number>();
  return { partitionTime, processorMetadata };
}

/**
 * ProcessorMetadata from `start` on (nothing there: none); null if it is cut short or a length is
 * negative. Every length is checked against what is left, so a hostile entry count cannot make
 * the loop run long (a negative key length would otherwise step back and read the same entry again).
 */
function decodeProcessorMetadata(bytes: Buffer, start: number): Map<string, number> | null {
  const metadata = new Map<string, number>();
  if (bytes.length === start) return metadata;
  if (bytes.length < start + 4) return null;
  const count = bytes.readInt32BE(start);
  let at = start + 4;
  for (let i = 0; i < count; i++) {
    if (at + 4 > bytes.length) return null;
    const length = bytes.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length + 8 > bytes.length) return null;
    const key = bytes.toString('utf8', at, at + length);
    at += length;
    metadata.set(key, Number(bytes.readBigInt64BE(at)));
    at += 8;
  }
  return count < 0 ? null : metadata;
}

/**
 * What a task restores from the metadata committed with its input partitions (Java's
 * initializeTaskTimeAndProcessorMetadata): each partition's time, handed to `partitionTime`, and
 * the processor metadata merged over the partitions (the largest value of each key), returned.
 */
export function mergeCommittedMetadata(committed: readonly { topic: string; metadata: string | null }[], partitionTime: (topic: string, time: number) => void): Map<string, number> {
  const processorMetadata = new Map<string, number>();
  for (const c of committed) {
    const decoded = decodeCommitMetadata(c.metadata);
    if (!decoded) continue;
    if (decoded.partitionTime !== UNKNOWN_PARTITION_TIME) partitionTime(c.topic, decoded.partitionTime);
    for (const [key, value] of decoded.processorMetadata) processorMetadata.set(key, Math.max(value, processorMetadata.get(key) ?? value));
  }
  return processorMetadata;
}

/** What initializeFromCommitted needs of a task and of the consumer. */
interface MetadataTask {
  initializeMetadata(committed: readonly { topic: string; metadata: string | null }[]): void;
}
interface CommittedReader {
  committed(partitions: readonly { topic: string; partition: number }[], options?: { signal?: AbortSignal }): Promise<readonly { topic: string; partition: number; metadata: string | null }[]>;
}

/** Hands each task the metadata committed with its input partitions, read from the group in one request (its retries end when `signal` aborts). */
export async function initializeFromCommitted<T extends MetadataTask>(consumer: CommittedReader, tasks: readonly T[], partitionsOf: (task: T) => readonly { topic: string; partition: number }[], signal?: AbortSignal): Promise<void> {
  const taskOf = new Map<string, T>();
  for (const t of tasks) for (const tp of partitionsOf(t)) taskOf.set(`${tp.topic}:${tp.partition}`, t);
  if (taskOf.size === 0) return;
  const committed = await consumer.committed([...taskOf.keys()].map((k) => ({ topic: k.slice(0, k.lastIndexOf(':')), partition: Number(k.slice(k.lastIndexOf(':') + 1)) })), { signal });
  const byTask = new Map<T, { topic: string; metadata: string | null }[]>();
  for (const c of committed) {
    const task = taskOf.get(`${c.topic}:${c.partition}`);
    if (task) byTask.set(task, [...(byTask.get(task) ?? []), { topic: c.topic, metadata: c.metadata }]);
  }
  for (const [task, metadata] of byTask) task.initializeMetadata(metadata);
}
