/**
 * What a source task's loop is told from outside, as Kafka's WorkerTask holds it: its target
 * state (started or paused) and to stop. The at-least-once and exactly-once source runners both
 * extend it; a paused loop sleeps until it is started again or stopped.
 */
import type { TargetState } from './status.ts';

export abstract class TaskLoop {
  #target: TargetState = 'STARTED';
  #stopping = false;
  #wake: (() => void) | null = null;

  get stopping(): boolean {
    return this.#stopping;
  }

  setTarget(target: TargetState): void {
    this.#target = target;
    this.#wake?.();
  }

  /** Asks the loop to end; the runner's `done` resolves once the task stopped and its last offsets were committed. */
  stop(): void {
    this.#stopping = true;
    this.#wake?.();
  }

  protected get started(): boolean {
    return this.#target === 'STARTED';
  }

  /** Resolves once the task is to run again or to stop. */
  protected async waitWhilePaused(): Promise<void> {
    while (!this.#stopping && !this.started) {
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = null;
    }
  }
}
