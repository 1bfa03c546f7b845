/**
 * Connect's records (ConnectRecord, SourceRecord, SinkRecord): a key and a value with their
 * schemas, the topic and partition, a timestamp and headers. A transform makes a changed copy
 * with `newRecord`, which keeps the record's kind and its source offset or Kafka offset.
 */
import type { Schema } from './data/schema.ts';
import { ConnectHeaders, type Header } from './header.ts';

export interface RecordInit {
  topic: string;
  /** The Kafka partition, or null to let the producer's partitioner choose. */
  kafkaPartition?: number | null;
  keySchema?: Schema | null;
  key?: unknown;
  valueSchema?: Schema | null;
  value: unknown;
  /** Milliseconds since the epoch, or null. */
  timestamp?: number | null;
  headers?: Iterable<Header>;
}

export abstract class ConnectRecord<R extends ConnectRecord<R> = ConnectRecord<any>> {
  readonly topic: string;
  readonly kafkaPartition: number | null;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  readonly timestamp: number | null;
  readonly headers: ConnectHeaders;

  constructor(init: RecordInit) {
    this.topic = init.topic;
    this.kafkaPartition = init.kafkaPartition ?? null;
    this.keySchema = init.keySchema ?? null;
    this.key = init.key ?? null;
    this.valueSchema = init.valueSchema ?? null;
    this.value = init.value ?? null;
    this.timestamp = init.timestamp ?? null;
    this.headers = new ConnectHeaders(init.headers ?? []);
  }

  /** A copy with these parts (Kafka's newRecord); headers default to a copy of this record's. */
  abstract newRecord(topic: string, kafkaPartition: number | null, keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, timestamp: number | null, headers?: Iterable<Header>): R;

  toString(): string {
    return `ConnectRecord{topic='${this.topic}', kafkaPartition=${this.kafkaPartition}, key=${String(this.key)}, keySchema=${String(this.keySchema)}, value=${String(this.value)}, valueSchema=${String(this.valueSchema)}, timestamp=${this.timestamp}, headers=${String(this.headers)}}`;
  }
}

/** A map as Java prints one in messages: `{file=a.txt, position=3}`. */
function javaMap(map: Readonly<Record<string, unknown>> | null): string {
  return map === null ? 'null' : `{${Object.entries(map).map(([k, v]) => `${k}=${String(v)}`).join(', ')}}`;
}

/** Where a source record comes from, and how far the source has been read: JSON-like maps the runtime stores. */
export type SourcePartition = Readonly<Record<string, unknown>>;
export type SourceOffset = Readonly<Record<string, unknown>>;

export interface SourceRecordInit extends RecordInit {
  sourcePartition: SourcePartition | null;
  sourceOffset: SourceOffset | null;
}

/** A record a SourceTask produces, with its place in the source system. */
export class SourceRecord extends ConnectRecord<SourceRecord> {
  readonly sourcePartition: SourcePartition | null;
  readonly sourceOffset: SourceOffset | null;

  constructor(init: SourceRecordInit) {
    super(init);
    this.sourcePartition = init.sourcePartition;
    this.sourceOffset = init.sourceOffset;
  }

  override toString(): string {
    return `SourceRecord{sourcePartition=${javaMap(this.sourcePartition)}, sourceOffset=${javaMap(this.sourceOffset)}} ${super.toString()}`;
  }

  newRecord(topic: string, kafkaPartition: number | null, keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, timestamp: number | null, headers: Iterable<Header> = this.headers.duplicate()): SourceRecord {
    return new SourceRecord({ sourcePartition: this.sourcePartition, sourceOffset: this.sourceOffset, topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers });
  }
}

/** Kafka's TimestampType, as a sink record carries it. */
export type TimestampType = 'NoTimestampType' | 'CreateTime' | 'LogAppendTime';

export interface SinkRecordInit extends RecordInit {
  kafkaOffset: bigint;
  timestampType?: TimestampType;
  originalTopic?: string;
  originalKafkaPartition?: number | null;
  originalKafkaOffset?: bigint;
}

/** A record a SinkTask receives, with its Kafka offset; `original*` are as read, before any transform. */
export class SinkRecord extends ConnectRecord<SinkRecord> {
  readonly kafkaOffset: bigint;
  readonly timestampType: TimestampType;
  readonly originalTopic: string;
  readonly originalKafkaPartition: number | null;
  readonly originalKafkaOffset: bigint;

  constructor(init: SinkRecordInit) {
    super(init);
    this.kafkaOffset = init.kafkaOffset;
    this.timestampType = init.timestampType ?? 'NoTimestampType';
    this.originalTopic = init.originalTopic ?? init.topic;
    this.originalKafkaPartition = init.originalKafkaPartition !== undefined ? init.originalKafkaPartition : (init.kafkaPartition ?? null);
    this.originalKafkaOffset = init.originalKafkaOffset ?? init.kafkaOffset;
  }

  override toString(): string {
    return `SinkRecord{kafkaOffset=${this.kafkaOffset}, timestampType=${this.timestampType}, originalTopic=${this.originalTopic}, originalKafkaPartition=${this.originalKafkaPartition}, originalKafkaOffset=${this.originalKafkaOffset}} ${super.toString()}`;
  }

  newRecord(topic: string, kafkaPartition: number | null, keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, timestamp: number | null, headers: Iterable<Header> = this.headers.duplicate()): SinkRecord {
    return new SinkRecord({
      topic,
      kafkaPartition,
      keySchema,
      key,
      valueSchema,
      value,
      timestamp,
      headers,
      kafkaOffset: this.kafkaOffset,
      timestampType: this.timestampType,
      originalTopic: this.originalTopic,
      originalKafkaPartition: this.originalKafkaPartition,
      originalKafkaOffset: this.originalKafkaOffset,
    });
  }
}
