/**
 * __consumer_offsets: the compacted internal topic where the group coordinator keeps committed
 * offsets and group metadata, as Kafka does. Created on first use; replayed on start.
 */
import { decodeRecordBatches, encodeUncompressedRecordBatch } from '@sluice/protocol';
import type { Topics } from '../topics/types.js';
import type { GroupCoordinator, GroupStore } from './coordinator.js';
import { type GroupRecord, decodeGroupRecord, offsetsPartitionFor } from './records.js';

export const OFFSETS_TOPIC = '__consumer_offsets';

export class OffsetsTopicStore implements GroupStore {
  private creating: Promise<void> | null = null;

  constructor(
    private readonly topics: Topics,
    private readonly partitions: () => number,
  ) {}

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

  async append(groupId: string, records: GroupRecord[]): Promise<void> {
    await this.ensureTopic();
    const count = this.topics.get(OFFSETS_TOPIC)!.partitionCount;
    const partition = this.topics.partition(OFFSETS_TOPIC, offsetsPartitionFor(groupId, count))!;
    await partition.append(encodeUncompressedRecordBatch({ records: records.map((r) => ({ key: r.key, value: r.value })) }), true);
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
          for (const r of batch.records) {
            if (r.offset < offset || r.key === null) continue;
            const decoded = decodeGroupRecord(r.key, r.value);
            if (decoded !== null) {
              coordinator.replay(decoded);
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
