/**
 * What every Sluice app of bench/streams shares, so each keeps only its topology: the config,
 * the count of input records processed (a peek on each source), start, the wait for the last
 * input record, close, and the one JSON line of figures. The twin of
 * java/src/main/java/dev/sluice/bench/BenchRun.java.
 */
import { KafkaStreams } from '@sluice/streams';

type StreamsConfig = ConstructorParameters<typeof KafkaStreams>[1];

/** The config of the stateful apps; guarantee is at_least_once | exactly_once_v2. */
export function statefulConfig(applicationId: string, bootstrap: string, guarantee: string, stateDir: string): StreamsConfig {
  return {
    applicationId,
    bootstrapServers: bootstrap,
    processingGuarantee: guarantee as 'at_least_once' | 'exactly_once_v2',
    stateDir,
  };
}

export class BenchRun {
  seen = 0;
  private firstAt = 0;
  private lastAt = 0;
  started = 0;
  private done!: () => void;
  private readonly processed = new Promise<void>((resolve) => (this.done = resolve));
  private timeout: NodeJS.Timeout | undefined;

  readonly expected: number;

  constructor(expected: number) {
    this.expected = expected;
  }

  /** The peek on each source; with two sources both count towards the one expected total. */
  readonly countSeen = (): void => {
    this.seen++;
    if (this.seen === 1) this.firstAt = performance.now();
    if (this.seen === this.expected) {
      this.lastAt = performance.now();
      this.done();
    }
  };

  /**
   * Exits 1 after 600 s with what has been seen (and what else the app reports), so a stuck
   * run fails the bench instead of hanging it.
   */
  guard(progress: () => Record<string, number> = () => ({ seen: this.seen })): void {
    this.timeout = setTimeout(() => {
      console.log(JSON.stringify({ error: 'timed out', ...progress() }));
      process.exit(1);
    }, 600_000);
  }

  /** Starts the app and remembers when, for the time until the first record. */
  async start(streams: KafkaStreams): Promise<void> {
    this.started = performance.now();
    await streams.start();
  }

  /** Closes the app and exits 0 after printing what the app measured (the timeout is cleared). */
  async closeAndPrint(streams: KafkaStreams, figures: () => Record<string, number>): Promise<never> {
    clearTimeout(this.timeout);
    await streams.close();
    console.log(JSON.stringify(figures()));
    process.exit(0);
  }

  /** Waits until the expected records are processed, closes (flush outputs, commit), prints the figures. */
  async awaitProcessedAndReport(streams: KafkaStreams): Promise<never> {
    await this.processed;
    return this.closeAndPrint(streams, () => {
      const closed = performance.now();
      return { records: this.expected, processMs: this.lastAt - this.firstAt, untilFirstMs: this.firstAt - this.started, closeMs: closed - this.lastAt };
    });
  }
}
