/**
 * Kafka's InternalSinkRecord: the record a sink task is given, which remembers the record it was
 * consumed as. A copy the task makes with `newRecord` remembers it too, so when the task reports
 * that copy as errant (KIP-610) the dead letter queue gets the bytes as consumed, not the copy.
 * A record the task built itself has no consumed record: Kafka's WorkerErrantRecordReporter then
 * converts it back to bytes with the task's converters (without the headers, as Kafka's 3-argument
 * fromConnectData), as `consumedRecordOf` does.
 */
import { SinkRecord, type Converter, type Header, type HeaderConverter, type Schema, type SinkRecordInit } from '@sluice/connect-api';
import { ConsumerRecord } from '@sluice/client';
import { toBuffer } from './source-record-conversion.ts';

export class InternalSinkRecord extends SinkRecord {
  readonly consumed: ConsumerRecord;

  constructor(consumed: ConsumerRecord, init: SinkRecordInit) {
    super({ ...init, originalTopic: consumed.topic, originalKafkaPartition: consumed.partition, originalKafkaOffset: consumed.offset });
    this.consumed = consumed;
  }

  /** The record as the transforms left it, remembering what it was consumed as. */
  static wrap(consumed: ConsumerRecord, record: SinkRecord): InternalSinkRecord {
    return new InternalSinkRecord(consumed, { ...fieldsOf(record), kafkaOffset: record.kafkaOffset, timestampType: record.timestampType });
  }

  override newRecord(topic: string, kafkaPartition: number | null, keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, timestamp: number | null, headers: Iterable<Header> = this.headers.duplicate()): SinkRecord {
    return new InternalSinkRecord(this.consumed, { topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers, kafkaOffset: this.kafkaOffset, timestampType: this.timestampType });
  }
}

function fieldsOf(r: SinkRecord) {
  return { topic: r.topic, kafkaPartition: r.kafkaPartition, keySchema: r.keySchema, key: r.key, valueSchema: r.valueSchema, value: r.value, timestamp: r.timestamp, headers: r.headers };
}

export interface SinkConverters {
  keyConverter: Converter;
  valueConverter: Converter;
  headerConverter: HeaderConverter;
}

/**
 * The consumed record an errant sink record stands for: the one it came from, or (for a record the
 * task built) the record converted back with the converters, at its own topic, partition and
 * offset. A converter's error is thrown to the task, as Kafka's report() throws it.
 */
export function consumedRecordOf(record: SinkRecord, c: SinkConverters): ConsumerRecord {
  if (record instanceof InternalSinkRecord) return record.consumed;
  const key = toBuffer(c.keyConverter.fromConnectData(record.topic, record.keySchema, record.key));
  const value = toBuffer(c.valueConverter.fromConnectData(record.topic, record.valueSchema, record.value));
  const headers = [...record.headers].map((h) => ({ key: h.key, value: toBuffer(c.headerConverter.fromConnectHeader(record.topic, h.key, h.schema, h.value)) }));
  // No timestamp is Kafka's NO_TIMESTAMP (-1): the dead letter queue record then gets the producer's time.
  const timestampType = record.timestampType === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime';
  return new ConsumerRecord(record.topic, record.kafkaPartition ?? -1, record.kafkaOffset, 0, record.timestamp ?? -1, timestampType, key, value, headers, -1);
}
