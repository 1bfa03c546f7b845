/**
 * Delayed operations ("purgatory" in Kafka): work that completes when something happens or when
 * its time runs out — a fetch waiting for min_bytes, a join waiting for the group. An operation
 * watches keys; whoever changes the state behind a key calls notify(key), which re-checks only the
 * operations watching it. Nothing polls.
 */
import { type ErrorLog, contained, stderrErrorLog } from '../contain.ts';

interface Operation {
  readonly keys: readonly string[];
  readonly tryComplete: () => boolean;
  readonly resolve: (completed: boolean) => void;
  timer: NodeJS.Timeout | undefined;
  done: boolean;
}

export class DelayedOperations {
  private readonly watchers = new Map<string, Set<Operation>>();

  private readonly log: ErrorLog;

  constructor(log: ErrorLog = stderrErrorLog) {
    this.log = log;
  }

  /**
   * Resolves true as soon as `tryComplete()` returns true (checked now and on every notify of one
   * of `keys`), or false after `timeoutMs`. `tryComplete` must be synchronous and cheap.
   */
  wait(keys: readonly string[], timeoutMs: number, tryComplete: () => boolean): Promise<boolean> {
    if (tryComplete()) return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const op: Operation = { keys, tryComplete, resolve, timer: undefined, done: false };
      for (const k of keys) {
        let set = this.watchers.get(k);
        if (set === undefined) this.watchers.set(k, (set = new Set()));
        set.add(op);
      }
      // Runs from a timer: nothing may escape it (keys name the topic-partition or group).
      op.timer = setTimeout(contained(this.log, () => `expiring a delayed operation on ${describeKeys(keys)}`, () => this.finish(op, false)), timeoutMs);
    });
  }

  /** Re-checks the operations watching `key`. Called from event listeners: it never throws. */
  notify(key: string): void {
    const set = this.watchers.get(key);
    if (set === undefined) return;
    for (const op of [...set]) {
      if (op.done) continue;
      let completed: boolean;
      try {
        completed = op.tryComplete();
      } catch {
        completed = true; // let the waiter find and report the problem itself
      }
      if (completed) contained(this.log, () => `completing a delayed operation on ${describeKeys([key])}`, () => this.finish(op, true))();
    }
  }

  /** Completes every waiting operation now (on shutdown), as if its time had run out. */
  expireAll(): void {
    for (const set of [...this.watchers.values()]) for (const op of [...set]) this.finish(op, false);
  }

  get size(): number {
    const ops = new Set<Operation>();
    for (const set of this.watchers.values()) for (const op of set) ops.add(op);
    return ops.size;
  }

  private finish(op: Operation, completed: boolean): void {
    if (op.done) return;
    op.done = true;
    clearTimeout(op.timer);
    for (const k of op.keys) {
      const set = this.watchers.get(k);
      if (set === undefined) continue;
      set.delete(op);
      if (set.size === 0) this.watchers.delete(k);
    }
    op.resolve(completed);
  }
}

/** Keys as a log line shows them: a partition key's NUL between topic and partition becomes a dash. */
function describeKeys(keys: readonly string[]): string {
  return keys.map((k) => k.replace('\u0000', '-')).join(', ');
}
