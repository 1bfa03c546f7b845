import { encodeUncompressedRecordBatch, decodeRecordBatches, type KafkaRecordInput } from '@sluice/protocol';
import { FileCache, MemoryFileSystem, PartitionLog, resolveTopicConfig, type FileSystem } from '../src/index.ts';

export function batch(values: string[], opts: { keys?: (string | null)[]; producerId?: bigint; epoch?: number; seq?: number; timestamp?: bigint } = {}): Buffer {
  const records: KafkaRecordInput[] = values.map((v, i) => ({ key: opts.keys?.[i] ?? null, value: v === '<null>' ? null : v, timestamp: opts.timestamp }));
  return encodeUncompressedRecordBatch({ records, producerId: opts.producerId ?? -1n, producerEpoch: opts.epoch ?? -1, baseSequence: opts.seq ?? -1, now: opts.timestamp ?? 1_700_000_000_000n });
}

/** A transactional batch of `values` (records keyed by `keys` when given). */
export function txnBatch(values: string[], o: { producerId: bigint; epoch: number; seq: number; keys?: string[] }): Buffer {
  return encodeUncompressedRecordBatch({
    records: values.map((v, i) => ({ key: o.keys?.[i] ?? null, value: v })),
    producerId: o.producerId,
    producerEpoch: o.epoch,
    baseSequence: o.seq,
    transactional: true,
    now: 1_700_000_000_000n,
  });
}

export async function openLog(fs: FileSystem, overrides: Record<string, string> = {}, now?: () => number, dir = '/data/t-0'): Promise<PartitionLog> {
  return PartitionLog.open({ cache: new FileCache(fs), dir, config: resolveTopicConfig(overrides), now });
}

/** Every record value readable from offset 0, in order, with its offset. */
export async function readAll(log: PartitionLog, from = log.logStartOffset): Promise<{ offset: bigint; value: string | null; key: string | null }[]> {
  const out: { offset: bigint; value: string | null; key: string | null }[] = [];
  let next = from;
  while (next < log.highWatermark) {
    const chunks = await log.read(next, 1 << 20);
    if (chunks.length === 0) break;
    const batches = await decodeRecordBatches(Buffer.concat(chunks));
    for (const b of batches) {
      for (const r of b.records) if (r.offset >= next) out.push({ offset: r.offset, value: r.value?.toString() ?? null, key: r.key?.toString() ?? null });
      next = b.header.baseOffset + BigInt(b.header.lastOffsetDelta) + 1n;
    }
  }
  return out;
}

export function memoryFs(): MemoryFileSystem {
  return new MemoryFileSystem();
}
