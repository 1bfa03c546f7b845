/**
 * The nodes a topology is made of. They are definitions, not running things: a task
 * instantiates them (one processor instance per node per task), so one topology runs any number
 * of tasks. A processor node names the state stores it uses (`stores`), as in Kafka.
 */
import type { Processor } from '../processor/api.ts';
import type { TimestampExtractor } from '../processor/timestamps.ts';
import type { Headers } from '../record.ts';
import type { Deserializer, Serializer } from '../serdes.ts';

/** What a sink's topic extractor and partitioner learn about the record being written. */
export interface RecordContext {
  /** The input record's topic, partition and offset; null when the record came from a punctuation. */
  topic: string | null;
  partition: number;
  offset: bigint;
  timestamp: number;
  headers: Headers;
}

/** Chooses the topic per record (Kafka's `TopicNameExtractor`). */
export type TopicNameExtractor<K, V> = (key: K, value: V, context: RecordContext) => string;

/**
 * Chooses the partition of an output record (Kafka's `StreamPartitioner`): a number in
 * [0, numPartitions), or undefined for the producer's default (murmur2 of the serialised key).
 */
export type StreamPartitioner<K, V> = (topic: string, key: K, value: V, numPartitions: number) => number | undefined;

/** Where a partition without a committed offset starts (Kafka's `AutoOffsetReset`). */
export type OffsetResetPolicy = 'earliest' | 'latest' | 'none';

export interface SourceNodeDef {
  readonly kind: 'source';
  readonly name: string;
  /** The topics it reads by name; empty for a pattern source. */
  readonly topics: readonly string[];
  /**
   * A pattern source (Kafka's `stream(Pattern)`): the regex as given, and anchored to the
   * whole topic name (Java's `matcher(topic).matches()`), which is what the runtime matches with.
   */
  readonly pattern?: RegExp;
  readonly anchoredPattern?: RegExp;
  /** Overrides the application's `auto.offset.reset` for the partitions of this source. */
  readonly offsetResetPolicy?: OffsetResetPolicy;
  /** Undefined: the application's default serde. */
  readonly keyDeserializer: Deserializer<unknown> | undefined;
  readonly valueDeserializer: Deserializer<unknown> | undefined;
  /** Undefined: the application's default. */
  readonly timestampExtractor?: TimestampExtractor;
}

export interface ProcessorNodeDef {
  readonly kind: 'processor';
  readonly name: string;
  readonly supplier: () => Processor<unknown, unknown, unknown, unknown>;
  readonly parents: readonly string[];
  /** Names of the state stores the processor is connected to (Topology.addStateStore, connectProcessorAndStateStores). */
  readonly stores: readonly string[];
}

export interface SinkNodeDef {
  readonly kind: 'sink';
  readonly name: string;
  readonly topic: string | TopicNameExtractor<unknown, unknown>;
  readonly keySerializer: Serializer<unknown> | undefined;
  readonly valueSerializer: Serializer<unknown> | undefined;
  readonly partitioner: StreamPartitioner<unknown, unknown> | undefined;
  readonly parents: readonly string[];
}

export type NodeDef = SourceNodeDef | ProcessorNodeDef | SinkNodeDef;

/** A topic the application owns and the runtime creates: `<application.id>-<name>`. */
export interface InternalTopicDef {
  readonly name: string;
  readonly kind: 'repartition';
  /** Fixed partition count; undefined: as many as the sub-topology that writes it reads. */
  readonly numberOfPartitions: number | undefined;
}

/** A store's changelog: `<application.id>-<store>-changelog`, compacted, one partition per task. */
export interface ChangelogTopicDef {
  /** `<store>-changelog`, without the application id. */
  readonly name: string;
  readonly kind: 'changelog';
  readonly storeName: string;
  /** The sub-topology whose tasks write it: its task count is the partition count. */
  readonly subtopology: number;
  /** Topic settings from the store builder's withLoggingEnabled(config). */
  readonly config: { readonly [setting: string]: string };
}
