/**
 * Error handling hooks with Kafka Streams' names and choices: what to do with a record that
 * cannot be deserialised, with an output that cannot be serialised or written, and with an
 * exception thrown out of processing.
 */
import type { Headers, Record } from '../record.ts';

export type HandlerResponse = 'CONTINUE' | 'FAIL';

/** Where a failing record was: the input record being processed (offset -1n inside a punctuation). */
export interface ErrorHandlerContext {
  taskId: string;
  topic: string | null;
  partition: number;
  offset: bigint;
  timestamp: number;
}

/** A record as read from Kafka, before deserialisation. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Headers;
}

/** A serialised output record. */
export interface OutputRecord {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: number;
  headers: Headers;
  /** Chosen by a StreamPartitioner; undefined: the producer's default partitioning. */
  partition?: number;
}

/** `deserialization.exception.handler`: skip the record (CONTINUE) or stop (FAIL). */
export type DeserializationExceptionHandler = (context: ErrorHandlerContext, record: RawRecord, error: Error) => HandlerResponse;

/**
 * `production.exception.handler`: an output could not be serialised ('serialization', with the
 * unserialised key and value) or the broker refused it ('send'). CONTINUE drops the output.
 */
export type ProductionExceptionHandler = (
  context: ErrorHandlerContext,
  failure: { phase: 'serialization'; topic: string; key: unknown; value: unknown } | { phase: 'send'; record: OutputRecord },
  error: Error,
) => HandlerResponse;

/**
 * `processing.exception.handler` (KIP-1033): a processor threw while processing `record`.
 * CONTINUE drops the record at that processor (the rest of the topology carries on with the next
 * record, and with this one where it went elsewhere); FAIL stops processing, as without a handler.
 * `processorNodeId` names the processor that threw.
 */
export type ProcessingExceptionHandler = (context: ErrorHandlerContext & { processorNodeId: string }, record: Record<unknown, unknown>, error: Error) => HandlerResponse;

/** Kafka's LogAndFailExceptionHandler: the default. */
export const logAndFailExceptionHandler: DeserializationExceptionHandler = () => 'FAIL';
/** Kafka's LogAndContinueExceptionHandler: log and skip the record. */
export const logAndContinueExceptionHandler: DeserializationExceptionHandler = () => 'CONTINUE';
/** Kafka's DefaultProductionExceptionHandler: fail. */
export const defaultProductionExceptionHandler: ProductionExceptionHandler = () => 'FAIL';
/** Log and drop outputs that cannot be written. */
export const logAndContinueProductionExceptionHandler: ProductionExceptionHandler = () => 'CONTINUE';
/** Kafka's LogAndFailProcessingExceptionHandler: the default. */
export const logAndFailProcessingExceptionHandler: ProcessingExceptionHandler = () => 'FAIL';
/** Kafka's LogAndContinueProcessingExceptionHandler: log and drop the record at the failing processor. */
export const logAndContinueProcessingExceptionHandler: ProcessingExceptionHandler = () => 'CONTINUE';

/**
 * What to do after processing threw (Kafka's StreamThreadExceptionResponse):
 * - REPLACE_THREAD: drop the tasks uncommitted and start over from the last commit with a new
 *   consumer and producer (records since the last commit are processed again: at-least-once);
 * - SHUTDOWN_CLIENT: stop this instance, which ends in ERROR;
 * - SHUTDOWN_APPLICATION: stop every instance of the application (through the group), all in ERROR.
 */
export type StreamsUncaughtExceptionResponse = 'REPLACE_THREAD' | 'SHUTDOWN_CLIENT' | 'SHUTDOWN_APPLICATION';
export type StreamsUncaughtExceptionHandler = (error: Error) => StreamsUncaughtExceptionResponse;

export interface StreamsLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Warnings and errors to stderr; info is quiet (an application logs what it wants). */
export function defaultLogger(prefix: string): StreamsLogger {
  return {
    info: () => {},
    warn: (m) => process.stderr.write(`[${prefix}] WARN ${m}\n`),
    error: (m) => process.stderr.write(`[${prefix}] ERROR ${m}\n`),
  };
}
