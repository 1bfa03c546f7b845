/**
 * The market-data example's data generator: the reference data of each instrument into
 * `reference-data`, then random trades at a chosen rate into `trades`.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 npm run example:market-data:generate -- [--rate 100] [--symbols 8] [--seed 1] [--count N]
 *
 * --rate: trades per second; --count: stop after that many (default: run until Ctrl-C).
 * The trades' timestamps are simulated: they start now and move on by 0 to 1 s a trade (0.5 s
 * on average, whatever the rate), so a short run covers minutes of trading and closes many
 * windows. Each symbol's price is a random walk; some symbols trade much more than others.
 */
import { parseArgs } from 'node:util';
import { Producer } from '@sluice/client';
import type { Instrument, Trade } from './model.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    symbols: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const rate = Number(values.rate);
const symbolCount = Number(values.symbols);
const limit = values.count === undefined ? Infinity : Number(values.count);
for (const [name, n] of [['--rate', rate], ['--symbols', symbolCount], ['--seed', Number(values.seed)], ['--count', limit]] as const) {
  if (!(n > 0)) {
    console.error(`${name} must be a positive number, got ${JSON.stringify(values[name.slice(2) as keyof typeof values])}`);
    process.exit(2);
  }
}

/** A small seeded generator (mulberry32), so one seed gives the same records every time. */
let state = Number(values.seed) | 0;
function random(): number {
  let t = (state = (state + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const EXCHANGES = [['XNAS', 'USD'], ['XNYS', 'USD'], ['XLON', 'GBP'], ['XETR', 'EUR'], ['XPAR', 'EUR']] as const;
const instruments: Instrument[] = [];
const price = new Map<string, number>();
for (let i = 1; i <= symbolCount; i++) {
  const symbol = `SYM${String(i).padStart(3, '0')}`;
  const [exchange, currency] = EXCHANGES[between(0, EXCHANGES.length - 1)]!;
  instruments.push({ symbol, name: `Example Company ${i}`, exchange, currency });
  price.set(symbol, between(1000, 50000) / 100);
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const producer = new Producer({ bootstrapServers, lingerMs: 5 });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));

console.log(`market-data generator: ${rate} trades/s on ${symbolCount} symbols to trades on ${bootstrapServers} (Ctrl-C stops)`);
let eventTime = Date.now();
await producer.sendBatch(instruments.map((i) => ({ topic: 'reference-data', key: i.symbol, value: JSON.stringify(i), timestamp: eventTime - 1000 })));

let sent = 0;
const started = Date.now();
while (!stopping && sent < limit) {
  // Catch up with the schedule: as many trades as the rate says by now, in one batch.
  const due = Math.min(limit, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
  const batch = [];
  for (; sent < due; sent++) {
    // Squaring skews the choice towards the first symbols: a few busy ones, many quiet ones.
    const symbol = instruments[Math.floor(random() ** 2 * symbolCount)]!.symbol;
    // A random walk of at most 0.5% a trade, in cents.
    const last = price.get(symbol)!;
    const next = Math.max(0.01, Math.round(last * (1 + (random() - 0.5) / 100) * 100) / 100);
    price.set(symbol, next);
    const trade: Trade = { symbol, price: next, quantity: random() < 0.1 ? between(500, 5000) : between(1, 200) };
    eventTime += between(0, 1000);
    batch.push({ topic: 'trades', key: symbol, value: JSON.stringify(trade), timestamp: eventTime });
  }
  if (batch.length > 0) await producer.sendBatch(batch);
  if (sent < limit) await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate)));
}
await producer.close();
console.log(`market-data generator: sent ${instruments.length} instruments and ${sent} trades in ${((Date.now() - started) / 1000).toFixed(1)} s`);
