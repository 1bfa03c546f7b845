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
import { generateAtRate, positiveNumbers, seededRandom } from '../shared/generator.ts';
import type { Payment, Profile } from './model.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    cards: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const { rate, cards, seed, count } = positiveNumbers(values, ['rate', 'cards', 'seed', 'count']);
const { random, between, pick } = seededRandom(seed);

const COUNTRIES = ['DE', 'FR', 'GB', 'IT', 'NL', 'PL', 'ES', 'US'] as const;
const profiles: Profile[] = [];
const home = new Map<string, string>();
for (let i = 1; i <= cards; i++) {
  const card = `card-${String(i).padStart(4, '0')}`;
  profiles.push({ card, customer: `customer-${between(1, Math.max(1, Math.ceil(cards / 2)))}`, maxPaymentsPerMinute: between(4, 8), maxAmountPer10Minutes: 500 * between(2, 12) });
  home.set(card, pick(COUNTRIES));
}

let eventTime = Date.now();
await generateAtRate({
  name: 'fraud-detection',
  describe: `payments/s on ${cards} cards to payments`,
  unit: 'payments',
  rate,
  limit: count,
  // The profiles first, a little before the first payment, so each payment finds its card's limits.
  first: profiles.map((p) => ({ topic: 'customer-profiles', key: p.card, value: JSON.stringify(p), timestamp: eventTime - 1000 })),
  next: () => {
    // Squaring skews the choice towards the first cards: a few busy cards, many quiet ones.
    const card = profiles[Math.floor(random() ** 2 * cards)]!.card;
    const abroad = random() < 0.01;
    const payment: Payment = {
      card,
      amount: random() < 0.05 ? between(300, 1500) : between(5, 80),
      country: abroad ? pick(COUNTRIES) : home.get(card)!,
    };
    eventTime += between(0, 4000);
    return [{ topic: 'payments', key: card, value: JSON.stringify(payment), timestamp: eventTime }];
  },
});
