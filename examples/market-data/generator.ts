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
import { generateAtRate, positiveNumbers, seededRandom } from '../shared/generator.ts';
import type { Instrument, Trade } from './model.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    symbols: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const { rate, symbols: symbolCount, seed, count } = positiveNumbers(values, ['rate', 'symbols', 'seed', 'count']);
const { random, between } = seededRandom(seed);

const EXCHANGES = [['XNAS', 'USD'], ['XNYS', 'USD'], ['XLON', 'GBP'], ['XETR', 'EUR'], ['XPAR', 'EUR']] as const;
const instruments: Instrument[] = [];
const price = new Map<string, number>();
for (let i = 1; i <= symbolCount; i++) {
  const symbol = `SYM${String(i).padStart(3, '0')}`;
  const [exchange, currency] = EXCHANGES[between(0, EXCHANGES.length - 1)]!;
  instruments.push({ symbol, name: `Example Company ${i}`, exchange, currency });
  price.set(symbol, between(1000, 50000) / 100);
}

let eventTime = Date.now();
await generateAtRate({
  name: 'market-data',
  describe: `trades/s on ${symbolCount} symbols to trades`,
  unit: 'trades',
  rate,
  limit: count,
  first: instruments.map((i) => ({ topic: 'reference-data', key: i.symbol, value: JSON.stringify(i), timestamp: eventTime - 1000 })),
  next: () => {
    // Squaring skews the choice towards the first symbols: a few busy ones, many quiet ones.
    const symbol = instruments[Math.floor(random() ** 2 * symbolCount)]!.symbol;
    // A random walk of at most 0.5% a trade, in cents.
    const last = price.get(symbol)!;
    const next = Math.max(0.01, Math.round(last * (1 + (random() - 0.5) / 100) * 100) / 100);
    price.set(symbol, next);
    const trade: Trade = { symbol, price: next, quantity: random() < 0.1 ? between(500, 5000) : between(1, 200) };
    eventTime += between(0, 1000);
    return [{ topic: 'trades', key: symbol, value: JSON.stringify(trade), timestamp: eventTime }];
  },
});
