/**
 * The client retries through a cluster that went away, silently. While `sluice consume` waits
 * for records, or `sluice produce` for acknowledgements or input, after an interval without any
 * this checks that the cluster can still be reached, and calls `onLost` once when it cannot and
 * `onBack` once when it can again. Where the user asked to keep going (consume without --exit,
 * produce within delivery.timeout.ms) the command says so and keeps trying; consume --exit gives
 * up with the reason. SLUICE_CONNECTION_CHECK_MS sets the interval (10 s; tests shorten it).
 */
import { UsageError } from './args.ts';

export const CONNECTION_CHECK_EVERY_MS = 10_000;

export function connectionCheckInterval(env: NodeJS.ProcessEnv): number {
  const text = env.SLUICE_CONNECTION_CHECK_MS;
  if (text === undefined || text === '') return CONNECTION_CHECK_EVERY_MS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`SLUICE_CONNECTION_CHECK_MS must be a whole number of milliseconds of at least 1, got ${JSON.stringify(text)}`);
  return n;
}

export class ConnectionWatch {
  private recordsSeen = false;
  private lost = false;
  private checking = false;
  private timer: NodeJS.Timeout | null = null;

  private readonly check: () => Promise<void>;
  private readonly onLost: (reason: Error) => void;
  private readonly onBack: () => void;

  /** `check` resolves when the cluster answers and rejects with the reason when it does not. */
  constructor(check: () => Promise<void>, onLost: (reason: Error) => void, onBack: () => void = () => {}) {
    this.check = check;
    this.onLost = onLost;
    this.onBack = onBack;
  }

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Records arrived: the cluster is evidently there. */
  sawRecords(): void {
    this.recordsSeen = true;
  }

  /** One interval's check (skipped when records arrived meanwhile or a check is still running). */
  async tick(): Promise<void> {
    if (this.checking) return;
    if (this.recordsSeen && !this.lost) {
      this.recordsSeen = false;
      return;
    }
    this.recordsSeen = false;
    this.checking = true;
    try {
      await this.check();
      if (this.lost) this.onBack();
      this.lost = false;
    } catch (e) {
      if (!this.lost) this.onLost(e as Error);
      this.lost = true;
    } finally {
      this.checking = false;
    }
  }
}
