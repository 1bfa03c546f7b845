/**
 * When `emitStrategy(onWindowClose())` looks for closed windows (Java's TimeTracker and the
 * `lastEmitWindowCloseTime` of its windowed aggregation processors): at most once per emit
 * interval of wall-clock time, and only once the window close time moved past the last one
 * emitted. The last close time emitted goes into the task's processor metadata, which is
 * committed with the input offsets (as Java's, under the store's name), so an instance that takes
 * the task over (a restart, a rebalance) emits neither the windows emitted before the commit again
 * nor skips those closed after it.
 */
import type { ProcessorContext } from '../processor/api.ts';

export class FinalResultEmitTracker {
  /** The window close time of the last emit; -1: none yet. */
  lastEmitWindowCloseTime = -1;
  private nextTimeToEmit = 0;

  private readonly context: ProcessorContext<unknown, unknown>;
  private readonly storeName: string;
  private readonly emitIntervalMs: number;

  constructor(context: ProcessorContext<unknown, unknown>, storeName: string, emitIntervalMs: number) {
    this.context = context;
    this.storeName = storeName;
    this.emitIntervalMs = emitIntervalMs;
    const committed = context.processorMetadataForKey?.(storeName);
    if (committed !== null && committed !== undefined) this.lastEmitWindowCloseTime = committed;
  }

  /** Java's shouldEmitFinal: throttled by wall-clock time, and only when the close time moved. */
  shouldEmitFinal(windowCloseTime: number): boolean {
    const now = this.context.currentSystemTimeMs();
    if (now < this.nextTimeToEmit) return false;
    this.nextTimeToEmit = now + this.emitIntervalMs;
    return this.lastEmitWindowCloseTime === -1 || this.lastEmitWindowCloseTime < windowCloseTime;
  }

  /** The windows closed by `windowCloseTime` were forwarded: noted here and in the metadata to commit. */
  emitted(windowCloseTime: number): void {
    this.lastEmitWindowCloseTime = windowCloseTime;
    this.context.addProcessorMetadataKeyValue?.(this.storeName, windowCloseTime);
  }
}
