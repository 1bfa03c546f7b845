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
import { generateAtRate, positiveNumbers, seededRandom } from '../shared/generator.ts';
import type { Category, Click, Product } from './model.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    users: { type: 'string', default: '50' },
    products: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const { rate, users, products: productCount, seed, count } = positiveNumbers(values, ['rate', 'users', 'products', 'seed', 'count']);
const { random, between } = seededRandom(seed);

const categories: Category[] = ['books', 'games', 'kitchen', 'garden', 'music', 'sports'].map((name, i) => ({ categoryId: `cat-${i + 1}`, name }));
const products: Product[] = Array.from({ length: productCount }, (_, i) => ({ productId: `p-${i + 1}`, name: `product ${i + 1}`, categoryId: categories[i % categories.length]!.categoryId }));
const favourite = Array.from({ length: users }, () => between(0, categories.length - 1));

/** A product a user clicks: four times in five within their favourite category. */
function pick(user: number): Product {
  const inFavourite = products.filter((p) => p.categoryId === categories[favourite[user]!]!.categoryId);
  const pool = random() < 0.8 && inFavourite.length > 0 ? inFavourite : products;
  return pool[between(0, pool.length - 1)]!;
}

await generateAtRate({
  name: 'recommendations',
  describe: `clicks/s of ${users} users on a catalogue of ${productCount} products`,
  unit: 'clicks',
  rate,
  limit: count,
  // The catalogue first, so clicks find their products.
  first: [
    ...categories.map((c) => ({ topic: 'categories', key: c.categoryId, value: JSON.stringify(c) })),
    ...products.map((p) => ({ topic: 'products', key: p.productId, value: JSON.stringify(p) })),
  ],
  next: () => {
    const user = between(0, users - 1);
    const click: Click = { userId: `user-${user + 1}`, productId: pick(user).productId };
    const records = [{ topic: 'clicks', key: click.userId, value: JSON.stringify(click) }];
    // Now and then the catalogue changes: a product moves to another category.
    if (random() < 0.01) {
      const moved = products[between(0, products.length - 1)]!;
      moved.categoryId = categories[between(0, categories.length - 1)]!.categoryId;
      records.push({ topic: 'products', key: moved.productId, value: JSON.stringify(moved) });
    }
    return records;
  },
});
