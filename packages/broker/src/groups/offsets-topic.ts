/**
 * __consumer_offsets: the compacted internal topic where the group coordinator keeps committed
 * offsets and group metadata, as Kafka does. Created on first use; replayed on start.
 *
 * Transactional offset commits go into the group's partition as a transactional batch of the
 * producer (its id and epoch), and the transaction's COMMIT or ABORT marker follows them there,
 * written through the partition log like any other partition's marker, so that the partition's
 * producer state, last stable offset and aborted-transaction index are kept as everywhere else.
 * Kafka writes these batches with no sequence (its coordinator's appends skip the sequence
 * check); Sluice's partition log checks the sequence of every producer batch, so the coordinator,
 * the only writer of this producer's batches here, numbers them as an idempotent producer would,
 * from the partition's own producer state: the epoch check still fences an old producer.
 */
import { ControlRecordType, decodeControlKey, decodeRecordBatches, encodeUncompressedRecordBatch, Attributes } from '@sluice/protocol';
import type { PartitionView, Topics } from '../topics/types.ts';
import type { GroupCoordinator, GroupStore } from './coordinator.ts';
import type { OffsetsTxnMarker, TxnProducer } from './coordinator-types.ts';
import { type GroupRecord, decodeGroupRecord, offsetsPartitionFor } from './records.ts';

const INT32_MAX = 2147483647;

/** The sequence the producer's next batch on `partition` starts at (0 for a new epoch, or a producer the partition does not know). */
function nextSequence(partition: PartitionView, producer: TxnProducer): number {
  const known = partition.activeProducers().find((p) => p.producerId === producer.producerId);
  if (known === undefined || known.epoch !== producer.producerEpoch) return 0;
  return known.lastSequence === INT32_MAX ? 0 : known.lastSequence + 1;
}

export const OFFSETS_TOPIC = '__consumer_offsets';

export class OffsetsTopicStore implements GroupStore {
  private creating: Promise<void> | null = null;

  private readonly topics: Topics;
  private readonly partitions: () => number;

  constructor(topics: Topics, partitions: () => number) {
    this.topics = topics;
    this.partitions = partitions;
  }

  private ensureTopic(): Promise<void> {
    if (this.topics.get(OFFSETS_TOPIC) !== undefined) return Promise.resolve();
    this.creating ??= this.topics
      .create(OFFSETS_TOPIC, { partitions: this.partitions(), configs: { 'cleanup.policy': 'compact', 'segment.bytes': '104857600', 'compression.type': 'producer' } })
      .then(
        () => undefined,
        (e) => {
          this.creating = null;
          if (this.topics.get(OFFSETS_TOPIC) === undefined) throw e;
        },
      );
    return this.creating;
  }

  private partitionOf(groupId: string): PartitionView {
    const count = this.topics.get(OFFSETS_TOPIC)!.partitionCount;
    return this.topics.partition(OFFSETS_TOPIC, offsetsPartitionFor(groupId, count))!;
  }

  async append(groupId: string, records: GroupRecord[]): Promise<bigint> {
    await this.ensureTopic();
    const written = await this.partitionOf(groupId).append(encodeUncompressedRecordBatch({ records: records.map((r) => ({ key: r.key, value: r.value })) }), true);
    return written.baseOffset;
  }

  async offsetsPartition(groupId: string): Promise<number> {
    await this.ensureTopic();
    return this.partitionOf(groupId).index;
  }

  appendTransactional(groupId: string, producer: TxnProducer, records: GroupRecord[]): Promise<bigint> {
    // The sequence is read and the batch handed to the log in one go: no other append of the
    // producer can come between them.
    const write = () => {
      const partition = this.partitionOf(groupId);
      const batch = encodeUncompressedRecordBatch({
        records: records.map((r) => ({ key: r.key, value: r.value })),
        producerId: producer.producerId,
        producerEpoch: producer.producerEpoch,
        baseSequence: nextSequence(partition, producer),
        transactional: true,
      });
      return partition.append(batch, true).then((w) => w.baseOffset);
    };
    return this.topics.get(OFFSETS_TOPIC) !== undefined ? write() : this.ensureTopic().then(write);
  }

  async appendMarker(offsetsPartition: number, marker: OffsetsTxnMarker): Promise<boolean> {
    const partition = this.topics.partition(OFFSETS_TOPIC, offsetsPartition);
    if (partition === undefined) return false;
    await partition.appendMarker(marker);
    return true;
  }

  /** Replays every partition into the coordinator, oldest record first. */
  async load(coordinator: GroupCoordinator): Promise<number> {
    const topic = this.topics.get(OFFSETS_TOPIC);
    if (topic === undefined) return 0;
    let replayed = 0;
    for (let p = 0; p < topic.partitionCount; p++) {
      const partition = this.topics.partition(OFFSETS_TOPIC, p)!;
      let offset = partition.logStartOffset;
      while (offset < partition.highWatermark) {
        const chunks = await partition.read(offset, 4 << 20, partition.highWatermark);
        if (chunks.length === 0) break;
        for (const batch of await decodeRecordBatches(Buffer.concat(chunks))) {
          const { attributes, producerId } = batch.header;
          const transactional = (attributes & Attributes.transactional) !== 0;
          for (const r of batch.records) {
            if (r.offset < offset || r.key === null) continue;
            if ((attributes & Attributes.control) !== 0) {
              const type = decodeControlKey(r.key).type;
              if (type === ControlRecordType.Commit || type === ControlRecordType.Abort) coordinator.replayMarker(p, producerId, type === ControlRecordType.Commit);
              continue;
            }
            const decoded = decodeGroupRecord(r.key, r.value);
            if (decoded !== null) {
              coordinator.replay(decoded, { offsetsPartition: p, recordOffset: r.offset, producerId: transactional ? producerId : null });
              replayed++;
            }
          }
          offset = batch.header.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n;
        }
      }
    }
    coordinator.afterReplay();
    return replayed;
  }
}
