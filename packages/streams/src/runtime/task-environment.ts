/**
 * What a task is given by whoever runs it (the stream thread or the test driver): where its
 * outputs go, the application's defaults and handlers, the clock, and the state environment of
 * a task with stores.
 */
import type { TimestampExtractor } from '../processor/timestamps.ts';
import type { Serde } from '../serdes.ts';
import type { StoreRecordContext } from '../state/api.ts';
import type { DeserializationExceptionHandler, ErrorHandlerContext, OutputRecord, ProcessingExceptionHandler, ProductionExceptionHandler, StreamsLogger } from './handlers.ts';
import type { TaskStateEnvironment } from './task-stores.ts';

/** Where a task's outputs go: the producer in the runtime, in-memory topics in the test driver. */
export interface RecordCollector {
  /**
   * Queues an output; `partitioner` (if any) is called with the topic's partition count.
   * `taskId` and `origin` (the input record being processed, null in a punctuation) are kept
   * for the production exception handler.
   */
  send(record: OutputRecord, partitioner: ((numPartitions: number) => number | undefined) | undefined, taskId: string, origin: StoreRecordContext | null): void;
  /** The offset of the last acknowledged record per `topic:partition` written (Java's RecordCollector.offsets()): what a checkpoint records of the changelogs. */
  offsets?(): ReadonlyMap<string, bigint>;
}

/** The handler context of an output whose input was `origin`. */
export function errorContextOf(taskId: string, origin: StoreRecordContext | null): ErrorHandlerContext {
  return { taskId, topic: origin?.topic ?? null, partition: origin?.partition ?? -1, offset: origin?.offset ?? -1n, timestamp: origin?.timestamp ?? -1 };
}

export interface TaskEnvironment {
  applicationId: string;
  defaultTimestampExtractor: TimestampExtractor;
  defaultKeySerde: Serde<unknown>;
  defaultValueSerde: Serde<unknown>;
  collector: RecordCollector;
  deserializationExceptionHandler: DeserializationExceptionHandler;
  productionExceptionHandler: ProductionExceptionHandler;
  processingExceptionHandler: ProcessingExceptionHandler;
  log: StreamsLogger;
  now(): number;
  requestCommit(): void;
  /** Where a task with state stores keeps them; needed only when the topology has stores. */
  state?: TaskStateEnvironment;
}
