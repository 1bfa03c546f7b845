/**
 * The fraud-detection example's data generator: a profile (limits) for each card into
 * `customer-profiles`, then random card payments at a chosen rate into `payments`.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 npm run example:fraud-detection:generate -- [--rate 100] [--cards 20] [--seed 1] [--count N]
 *
 * --rate: payments per second; --count: stop after that many (default: run until Ctrl-C).
 * The payments' timestamps are simulated: they start now and move on by 0 to 4 s a payment
 * (2 s on average, whatever the rate), so a short run covers minutes of card use and fills
 * the 1- and 10-minute windows. Some cards are used much more than others, a few payments are
 * large, and now and then a card is used abroad: enough to break some limits.
 */
import { parseArgs } from 'node:util';
import { Producer } from '@sluice/client';
import type { Payment, Profile } from './model.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    cards: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const rate = Number(values.rate);
const cards = Number(values.cards);
const limit = values.count === undefined ? Infinity : Number(values.count);
for (const [name, n] of [['--rate', rate], ['--cards', cards], ['--seed', Number(values.seed)], ['--count', limit]] as const) {
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
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const COUNTRIES = ['DE', 'FR', 'GB', 'IT', 'NL', 'PL', 'ES', 'US'] as const;
const profiles: Profile[] = [];
const home = new Map<string, string>();
for (let i = 1; i <= cards; i++) {
  const card = `card-${String(i).padStart(4, '0')}`;
  profiles.push({ card, customer: `customer-${between(1, Math.max(1, Math.ceil(cards / 2)))}`, maxPaymentsPerMinute: between(4, 8), maxAmountPer10Minutes: 500 * between(2, 12) });
  home.set(card, pick(COUNTRIES));
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const producer = new Producer({ bootstrapServers, lingerMs: 5 });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));

console.log(`fraud-detection generator: ${rate} payments/s on ${cards} cards to payments on ${bootstrapServers} (Ctrl-C stops)`);
// The profiles first, a little before the first payment, so each payment finds its card's limits.
let eventTime = Date.now();
await producer.sendBatch(profiles.map((p) => ({ topic: 'customer-profiles', key: p.card, value: JSON.stringify(p), timestamp: eventTime - 1000 })));

let sent = 0;
const started = Date.now();
while (!stopping && sent < limit) {
  // Catch up with the schedule: as many payments as the rate says by now, in one batch.
  const due = Math.min(limit, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
  const batch = [];
  for (; sent < due; sent++) {
    // Squaring skews the choice towards the first cards: a few busy cards, many quiet ones.
    const card = profiles[Math.floor(random() ** 2 * cards)]!.card;
    const abroad = random() < 0.01;
    const payment: Payment = {
      card,
      amount: random() < 0.05 ? between(300, 1500) : between(5, 80),
      country: abroad ? pick(COUNTRIES) : home.get(card)!,
    };
    eventTime += between(0, 4000);
    batch.push({ topic: 'payments', key: card, value: JSON.stringify(payment), timestamp: eventTime });
  }
  if (batch.length > 0) await producer.sendBatch(batch);
  if (sent < limit) await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate)));
}
await producer.close();
console.log(`fraud-detection generator: sent ${profiles.length} profiles and ${sent} payments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
