/**
 * The recommendations example's data generator: a catalogue (categories, then products naming
 * their category), then clicks of users on products at a chosen rate, with a few products moved
 * to another category along the way (values are JSON; see model.ts).
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 npm run example:recommendations:generate -- [--rate 100] [--users 50] [--products 40] [--seed 1] [--count N]
 *
 * --rate: clicks per second; --count: stop after that many clicks (default: run until Ctrl-C).
 * Users mostly click within a favourite category, so some products are viewed together more
 * than others. Prints how many clicks it sent when it stops.
 */
import { parseArgs } from 'node:util';
import { Producer } from '@sluice/client';
import type { Category, Click, Product } from './model.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    users: { type: 'string', default: '50' },
    products: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const rate = Number(values.rate);
const users = Number(values.users);
const productCount = Number(values.products);
const limit = values.count === undefined ? Infinity : Number(values.count);
for (const [name, n] of [['--rate', rate], ['--users', users], ['--products', productCount], ['--seed', Number(values.seed)], ['--count', limit]] as const) {
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

const categories: Category[] = ['books', 'games', 'kitchen', 'garden', 'music', 'sports'].map((name, i) => ({ categoryId: `cat-${i + 1}`, name }));
const products: Product[] = Array.from({ length: productCount }, (_, i) => ({ productId: `p-${i + 1}`, name: `product ${i + 1}`, categoryId: categories[i % categories.length]!.categoryId }));
const favourite = Array.from({ length: users }, () => between(0, categories.length - 1));

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const producer = new Producer({ bootstrapServers, lingerMs: 5 });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));

console.log(`recommendations generator: a catalogue of ${productCount} products, then ${rate} clicks/s of ${users} users on ${bootstrapServers} (Ctrl-C stops)`);
// The catalogue first, so clicks find their products.
await producer.sendBatch([
  ...categories.map((c) => ({ topic: 'categories', key: c.categoryId, value: JSON.stringify(c) })),
  ...products.map((p) => ({ topic: 'products', key: p.productId, value: JSON.stringify(p) })),
]);

/** A product a user clicks: four times in five within their favourite category. */
function pick(user: number): Product {
  const inFavourite = products.filter((p) => p.categoryId === categories[favourite[user]!]!.categoryId);
  const pool = random() < 0.8 && inFavourite.length > 0 ? inFavourite : products;
  return pool[between(0, pool.length - 1)]!;
}

let sent = 0;
const started = Date.now();
while (!stopping && sent < limit) {
  // Catch up with the schedule: as many clicks as the rate says by now, in one batch.
  const due = Math.min(limit, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
  const batch = [];
  for (; sent < due; sent++) {
    const user = between(0, users - 1);
    const click: Click = { userId: `user-${user + 1}`, productId: pick(user).productId };
    batch.push({ topic: 'clicks', key: click.userId, value: JSON.stringify(click) });
    // Now and then the catalogue changes: a product moves to another category.
    if (random() < 0.01) {
      const moved = products[between(0, products.length - 1)]!;
      moved.categoryId = categories[between(0, categories.length - 1)]!.categoryId;
      batch.push({ topic: 'products', key: moved.productId, value: JSON.stringify(moved) });
    }
  }
  if (batch.length > 0) await producer.sendBatch(batch);
  if (sent < limit) await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate)));
}
await producer.close();
console.log(`recommendations generator: sent ${sent} clicks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
