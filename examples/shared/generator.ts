/**
 * What every example's data generator shares: its command-line numbers, a seeded random source
 * (one seed gives the same records every time, which the end-to-end tests rely on) and a loop
 * that sends records at a chosen rate until a count is reached or Ctrl-C. The generators keep
 * only what makes their data realistic.
 */
import { Producer } from '@sluice/client';

/** The number given for each option, or an exit with a message naming the option when one is not a positive number. */
export function positiveNumbers<const N extends string>(values: { readonly [K in N]?: string | undefined }, names: readonly N[]): { [K in N]: number } {
  const out = {} as { [K in N]: number };
  for (const name of names) {
    const raw = values[name];
    const n = raw === undefined ? Infinity : Number(raw);
    if (!(n > 0)) {
      console.error(`--${name} must be a positive number, got ${JSON.stringify(raw)}`);
      process.exit(2);
    }
    out[name] = n;
  }
  return out;
}

export interface SeededRandom {
  /** In [0, 1). */
  random(): number;
  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast, and good enough to make example data. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed | 0;
  const random = (): number => {
    let t = (state = (state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return { random, between, pick: (items) => items[between(0, items.length - 1)]! };
}

export interface GeneratedRecord {
  topic: string;
  key: string;
  value: string;
  timestamp?: number;
}

export interface RateOptions {
  /** The example's name, for the log lines. */
  name: string;
  /** What is being sent, e.g. `payments on 200 cards to payments`. */
  describe: string;
  /** The plural of one unit of `next()`, e.g. `payments`. */
  unit: string;
  /** Units a second. */
  rate: number;
  /** Stop after this many units (Infinity: until Ctrl-C). */
  limit: number;
  /** Sent once before the first unit (reference data, profiles, a catalogue). */
  first?: readonly GeneratedRecord[];
  /** The records of one unit (a payment, or a click with a catalogue change). */
  next(): GeneratedRecord[];
}

/**
 * Sends `first`, then units at `rate` a second to KAFKA_BOOTSTRAP_SERVERS (default
 * 127.0.0.1:9092): each round sends as many as the schedule says are due by now, in one batch.
 */
export async function generateAtRate(options: RateOptions): Promise<void> {
  const { name, rate, limit } = options;
  const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
  const producer = new Producer({ bootstrapServers, lingerMs: 5 });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));

  console.log(`${name} generator: ${rate} ${options.describe} on ${bootstrapServers} (Ctrl-C stops)`);
  const first = options.first ?? [];
  if (first.length > 0) await producer.sendBatch([...first]);

  let sent = 0;
  const started = Date.now();
  while (!stopping && sent < limit) {
    const due = Math.min(limit, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
    const batch: GeneratedRecord[] = [];
    for (; sent < due; sent++) batch.push(...options.next());
    if (batch.length > 0) await producer.sendBatch(batch);
    if (sent < limit) await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate)));
  }
  await producer.close();
  const preface = first.length > 0 ? `${first.length} records first, then ` : '';
  console.log(`${name} generator: sent ${preface}${sent} ${options.unit} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
