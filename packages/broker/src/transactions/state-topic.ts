/**
 * __transaction_state: the compacted internal topic where the transaction coordinator keeps one
 * record per change of a transactional id, as Kafka does (topic configs of Kafka's
 * TransactionStateManager.transactionTopicConfigs: compacted, uncompressed). Created at the first
 * write, so a broker that never sees a transaction does not list it; replayed on start.
 */
import { decodeRecordBatches, encodeUncompressedRecordBatch, isControl } from '@sluice/protocol';
import type { Topics } from '../topics/types.ts';
import { type ReadTransactionRecord, type TransactionRecord, readTransactionRecord, transactionPartitionFor } from './records.ts';

export const TRANSACTION_STATE_TOPIC = '__transaction_state';

export interface TransactionStateTopicOptions {
  /** transaction.state.log.num.partitions, read when the topic is created. */
  partitions: () => number;
  /** transaction.state.log.segment.bytes. */
  segmentBytes: () => number;
}

/**
 * Where the coordinator's records go: durable before the promise resolves, or only written when
 * `durable` is false (a later durable append of the same partition makes it durable too).
 */
export interface TransactionStore {
  append(transactionalId: string, record: TransactionRecord, durable?: boolean): Promise<void>;
}

export class TransactionStateTopic implements TransactionStore {
  private creating: Promise<void> | null = null;

  private readonly topics: Topics;
  private readonly options: TransactionStateTopicOptions;

  constructor(topics: Topics, options: TransactionStateTopicOptions) {
    this.topics = topics;
    this.options = options;
  }

  private ensureTopic(): Promise<void> {
    if (this.topics.get(TRANSACTION_STATE_TOPIC) !== undefined) return Promise.resolve();
    this.creating ??= this.topics
      .create(TRANSACTION_STATE_TOPIC, {
        partitions: this.options.partitions(),
        configs: { 'cleanup.policy': 'compact', 'compression.type': 'uncompressed', 'segment.bytes': String(this.options.segmentBytes()) },
      })
      .then(
        () => undefined,
        (e) => {
          this.creating = null;
          // Another caller may have created it meanwhile.
          if (this.topics.get(TRANSACTION_STATE_TOPIC) === undefined) throw e;
        },
      );
    return this.creating;
  }

  /** One plain batch (no producer id), by default synced before it resolves: Kafka writes these with acks=-1. */
  async append(transactionalId: string, record: TransactionRecord, durable = true): Promise<void> {
    await this.ensureTopic();
    const count = this.topics.get(TRANSACTION_STATE_TOPIC)!.partitionCount;
    const partition = this.topics.partition(TRANSACTION_STATE_TOPIC, transactionPartitionFor(transactionalId, count))!;
    await partition.append(encodeUncompressedRecordBatch({ records: [{ key: record.key, value: record.value }] }), durable);
  }

  /** Every record of every partition, oldest first within a partition; the last one of an id wins. */
  async *records(): AsyncGenerator<ReadTransactionRecord> {
    const topic = this.topics.get(TRANSACTION_STATE_TOPIC);
    if (topic === undefined) return;
    for (let p = 0; p < topic.partitionCount; p++) {
      const partition = this.topics.partition(TRANSACTION_STATE_TOPIC, p)!;
      let offset = partition.logStartOffset;
      while (offset < partition.highWatermark) {
        const chunks = await partition.read(offset, 4 << 20, partition.highWatermark);
        if (chunks.length === 0) break;
        for (const batch of await decodeRecordBatches(Buffer.concat(chunks))) {
          // Control batches never reach this topic from us; skip any all the same.
          if (!isControl(batch.header.attributes)) {
            for (const r of batch.records) {
              if (r.offset < offset || r.key === null) continue;
              const read = readTransactionRecord(r.key, r.value);
              if (read !== null) yield read;
            }
          }
          offset = batch.header.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n;
        }
      }
    }
  }
}
