/**
 * What handlers need from topics and partitions. The topic manager implements it over the storage
 * engine; handlers never reach into storage themselves.
 */
import type { AbortedTransaction, ActiveProducer, LogConfig, TransactionMarker } from '@sluice/storage';

export interface AppendOutcome {
  baseOffset: bigint;
  lastOffset: bigint;
  /** -1 unless the topic uses LogAppendTime. */
  logAppendTime: bigint;
  logStartOffset: bigint;
}

/** A transaction's COMMIT or ABORT marker, as its coordinator writes it to a partition. */
export type PartitionMarker = TransactionMarker;

/** An aborted transaction as Fetch reports it to read_committed readers. */
export type AbortedTransactionView = AbortedTransaction;

/** A producer the partition knows, as DescribeProducers shows it. */
export type PartitionProducer = ActiveProducer;

export interface PartitionView {
  readonly topic: string;
  readonly index: number;
  readonly logStartOffset: bigint;
  readonly logEndOffset: bigint;
  /** The end of what consumers may read: what is durable under the `always` policy. */
  readonly highWatermark: bigint;
  /**
   * Last stable offset, where read_committed readers stop: the first offset of the earliest
   * transaction not durably decided (open, or closed by a marker not yet durable), else the high
   * watermark.
   */
  readonly lastStableOffset: bigint;
  /** The topic settings in force for this partition, parsed: what the append path checks against. */
  readonly settings: Readonly<LogConfig>;
  /** Bytes of the partition's segments on disk (DescribeLogDirs). */
  readonly size: number;
  /** Bytes readable between `offset` and the high watermark (an estimate is fine), for min_bytes. */
  bytesAvailable(offset: bigint): number;
  /**
   * Appends validated batches. Offsets are assigned synchronously, in call order; the promise
   * resolves when the append is durable (`durable: true`) or written (`durable: false`).
   * `transactionVersion` 2: the broker added the partition to the producer's transaction itself
   * (KIP-890), so a producer new here must start that transaction at sequence 0.
   */
  append(batches: Buffer, durable: boolean, transactionVersion?: number): Promise<AppendOutcome>;
  /**
   * Writes a transaction marker for the coordinator; resolves with its offset once durable.
   * Refused with Kafka's INVALID_PRODUCER_EPOCH or TRANSACTION_COORDINATOR_FENCED by name.
   */
  appendMarker(marker: PartitionMarker): Promise<{ offset: bigint }>;
  /**
   * The aborted transactions a read_committed fetch of [fetchOffset, upperBound) must report:
   * those whose data may lie in that range (upperBound: the offset after the last batch returned).
   */
  abortedTransactions(fetchOffset: bigint, upperBound: bigint): AbortedTransactionView[];
  /** Every producer the partition knows (DescribeProducers). */
  activeProducers(): PartitionProducer[];
  /** Whole batches from the one containing `offset`, at least one even past maxBytes, below `maxOffset`. */
  read(offset: bigint, maxBytes: number, maxOffset: bigint): Promise<Buffer[]>;
  /** First offset whose timestamp is at or after `timestamp`, with that timestamp; null past the end. */
  offsetForTimestamp(timestamp: bigint): Promise<{ offset: bigint; timestamp: bigint } | null>;
  /** Offset and timestamp of the record with the largest timestamp (ListOffsets -3). */
  maxTimestamp(): Promise<{ offset: bigint; timestamp: bigint } | null>;
  deleteRecordsBefore(offset: bigint): Promise<bigint>;
}

export interface TopicView {
  readonly name: string;
  readonly topicId: string;
  readonly partitionCount: number;
  readonly internal: boolean;
  /** Per-topic config overrides (Kafka names); defaults come from the broker. */
  readonly configs: Readonly<Record<string, string>>;
}

export interface TopicConfigEntry {
  name: string;
  value: string | null;
  /** Kafka's ConfigSource: DEFAULT_CONFIG, STATIC_BROKER_CONFIG, DYNAMIC_TOPIC_CONFIG… */
  source: 'DEFAULT_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DYNAMIC_DEFAULT_BROKER_CONFIG' | 'DYNAMIC_BROKER_CONFIG' | 'DYNAMIC_TOPIC_CONFIG';
  readOnly: boolean;
  sensitive: boolean;
  doc: string;
  type: string;
}

export interface CreateTopicOptions {
  partitions: number;
  configs: Record<string, string>;
  validateOnly?: boolean;
}

/** The broker's topics, as handlers see them. Errors are TopicError with a Kafka error code. */
export interface Topics {
  get(name: string): TopicView | undefined;
  getById(topicId: string): TopicView | undefined;
  list(): TopicView[];
  partition(topic: string, index: number): PartitionView | undefined;
  create(name: string, options: CreateTopicOptions): Promise<TopicView>;
  delete(name: string): Promise<void>;
  createPartitions(name: string, totalCount: number, validateOnly: boolean): Promise<void>;
  describeConfigs(name: string): TopicConfigEntry[];
  /** The effective value of one topic config (override, else broker default, else Kafka's default). */
  configValue(name: string, config: string): string | null;
  /** Replaces (incremental: false) or changes (incremental: true) a topic's overrides; null removes one. */
  alterConfigs(name: string, changes: Record<string, string | null>, incremental: boolean, validateOnly: boolean): Promise<void>;
}
