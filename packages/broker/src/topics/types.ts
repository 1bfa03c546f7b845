/**
 * What handlers need from topics and partitions. The topic manager implements it over the storage
 * engine; handlers never reach into storage themselves.
 */
import type { LogConfig } from '@sluice/storage';

export interface AppendOutcome {
  baseOffset: bigint;
  lastOffset: bigint;
  /** -1 unless the topic uses LogAppendTime. */
  logAppendTime: bigint;
  logStartOffset: bigint;
}

export interface PartitionView {
  readonly topic: string;
  readonly index: number;
  readonly logStartOffset: bigint;
  readonly logEndOffset: bigint;
  /** The end of what consumers may read: what is durable under the `always` policy. */
  readonly highWatermark: bigint;
  /** Last stable offset (= high watermark until transactions exist). */
  readonly lastStableOffset: bigint;
  /** The topic settings in force for this partition, parsed: what the append path checks against. */
  readonly settings: Readonly<LogConfig>;
  /** Bytes readable between `offset` and the high watermark (an estimate is fine), for min_bytes. */
  bytesAvailable(offset: bigint): number;
  /**
   * Appends validated batches. Offsets are assigned synchronously, in call order; the promise
   * resolves when the append is durable (`durable: true`) or written (`durable: false`).
   */
  append(batches: Buffer, durable: boolean): Promise<AppendOutcome>;
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
  source: 'DEFAULT_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DYNAMIC_DEFAULT_BROKER_CONFIG' | 'DYNAMIC_TOPIC_CONFIG';
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
  /** Applies the broker's topic defaults (log.retention.ms…) again after they changed while running. */
  brokerDefaultsChanged(): void;
}
