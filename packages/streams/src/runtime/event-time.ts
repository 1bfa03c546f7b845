/**
 * The event time of an input record: what the source's timestamp extractor makes of it, as Kafka
 * Streams' RecordQueue asks it. Apart from the task so that the task keeps only the bookkeeping
 * (its partition time), and the extractor's failures are worded in one place.
 */
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import { type TimestampExtractor, isInvalidTimestampError } from '../processor/timestamps.ts';
import type { RawRecord } from './handlers.ts';

/**
 * The time `extractor` gives `raw` (whole ms, as Java's long: a fraction can be neither committed
 * as partition time nor produced), or -1 when it gives no usable time: the record is skipped,
 * with a warning. An extractor that throws fails the task, as in Java.
 */
export function eventTimeOf(extractor: TimestampExtractor, raw: RawRecord, key: unknown, value: unknown, partitionTime: number, taskId: string, log: { warn(message: string): void }): number {
  let ts: number;
  try {
    ts = extractor({ topic: raw.topic, partition: raw.partition, offset: raw.offset, timestamp: raw.timestamp, key, value, headers: raw.headers }, partitionTime);
  } catch (e) {
    if (isInvalidTimestampError(e)) throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `task ${taskId}: ${(e as Error).message}`, { cause: e, taskId });
    throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `task ${taskId}: the timestamp extractor failed on ${raw.topic}-${raw.partition} at offset ${raw.offset}: ${messageOf(e)}`, { cause: e, taskId });
  }
  if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 0) {
    log.warn(`task ${taskId}: skipping the record of ${raw.topic}-${raw.partition} at offset ${raw.offset}: the timestamp extractor returned ${String(ts)}`);
    return -1;
  }
  return Math.floor(ts);
}
