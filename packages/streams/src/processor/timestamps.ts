/**
 * Timestamp extractors (Kafka's TimestampExtractor): the event time of each input record, which
 * drives stream time and punctuation. They see the deserialised key and
 * value, and the partition time (the largest timestamp extracted so far from the record's
 * partition, -1 before the first). A negative result drops the record with a warning, as Kafka does.
 */
import type { Headers } from '../record.ts';

export interface TimestampedRecord {
  topic: string;
  partition: number;
  offset: bigint;
  /** The timestamp the record was written with (CreateTime or LogAppendTime). */
  timestamp: number;
  key: unknown;
  value: unknown;
  headers: Headers;
}

export type TimestampExtractor = (record: TimestampedRecord, partitionTime: number) => number;

class InvalidTimestampError extends Error {}

/** Kafka's default (FailOnInvalidTimestamp): the record's own timestamp; a negative one is an error. */
export const failOnInvalidTimestamp: TimestampExtractor = (record) => {
  if (record.timestamp < 0) {
    throw new InvalidTimestampError(
      `the record of ${record.topic}-${record.partition} at offset ${record.offset} has the invalid timestamp ${record.timestamp} (written by an old client?); ` +
        'choose another timestampExtractor, e.g. usePartitionTimeOnInvalidTimestamp or logAndSkipOnInvalidTimestamp',
    );
  }
  return record.timestamp;
};

/** The record's own timestamp; a negative one drops the record (with a warning). */
export const logAndSkipOnInvalidTimestamp: TimestampExtractor = (record) => record.timestamp;

/** The record's own timestamp, or the partition time when it is negative. */
export const usePartitionTimeOnInvalidTimestamp: TimestampExtractor = (record, partitionTime) => {
  if (record.timestamp >= 0) return record.timestamp;
  if (partitionTime < 0) throw new InvalidTimestampError(`the record of ${record.topic}-${record.partition} at offset ${record.offset} has the invalid timestamp ${record.timestamp} and there is no partition time yet`);
  return partitionTime;
};

/** Processing time instead of event time (Kafka's WallclockTimestampExtractor). */
export const wallclockTimestampExtractor: TimestampExtractor = () => Date.now();

export function isInvalidTimestampError(e: unknown): boolean {
  return e instanceof InvalidTimestampError;
}
