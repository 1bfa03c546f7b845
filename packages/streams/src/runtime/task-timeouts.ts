/**
 * Java's task timeouts (KIP-572, `task.timeout.ms`): a client timeout met by a task's work (the
 * offsets committed for its input, the restore consumer's position, the changelogs' end
 * offsets, while a broker restarts) does not fail the stream thread; the task tries again at
 * the loop's next turn. Only a task stuck that long since its first timeout fails, and any
 * progress clears the clock.
 */
import { KafkaError } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import { streamsConfigDefinitions } from './config.ts';
import type { StreamsLogger } from './handlers.ts';

/** task.timeout.ms's default (Java's), for clocks made without the application's settings. */
export const DEFAULT_TASK_TIMEOUT_MS = streamsConfigDefinitions.taskTimeoutMs.default!;

/** A client failure worth trying again later: a timeout, or a retriable error whose retries ran out. */
export function isTimeout(e: unknown): boolean {
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    if (c instanceof KafkaError && (c.code === 'TIMEOUT' || c.code === 'REQUEST_TIMEOUT' || c.retriable)) return true;
  }
  return false;
}

export class TaskTimeouts {
  /** Task id → when its first timeout since its last progress happened. */
  private readonly since = new Map<string, number>();

  private readonly timeoutMs: number;
  private readonly log: StreamsLogger;

  constructor(timeoutMs: number, log: StreamsLogger) {
    this.timeoutMs = timeoutMs;
    this.log = log;
  }

  /**
   * A task's work timed out: starts its clock (logging what it waits for), or throws once it has
   * run for task.timeout.ms. Anything but a timeout is thrown as it is.
   */
  timedOut(taskId: string, what: string, e: unknown, now = Date.now()): void {
    if (!isTimeout(e)) throw e;
    const first = this.since.get(taskId);
    if (first === undefined) {
      this.since.set(taskId, now);
      this.log.warn(`task ${taskId}: ${what} timed out (${messageOf(e)}); trying again, for up to task.timeout.ms (${this.timeoutMs} ms)`);
      if (this.timeoutMs > 0) return;
    } else if (now - first < this.timeoutMs) {
      return;
    }
    this.since.delete(taskId);
    throw new StreamsError(StreamsErrorCode.TASK_TIMEOUT, `task ${taskId} did not make progress within ${this.timeoutMs} ms (${what}: ${messageOf(e)}); increase task.timeout.ms if a broker may take that long to come back`, { cause: e, taskId });
  }

  /** The task made progress (or left): its clock stops. */
  clear(taskId: string): void {
    if (this.since.delete(taskId)) this.log.info(`task ${taskId}: making progress again`);
  }
}
