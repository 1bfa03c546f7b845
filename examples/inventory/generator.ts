/**
 * The inventory example's data generator: random orders and restocks for a set of items, at a
 * chosen rate, into the `orders` and `restocks` topics (values are JSON: `{"sku":"sku-7","quantity":3}`).
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 npm run example:inventory:generate -- [--rate 100] [--skus 20] [--seed 1] [--count N]
 *
 * --rate: records per second (orders and restocks together); --restock-share: the share of
 * restocks among them (0.2: about one restock for four orders; less makes restock alerts likelier);
 * --count: stop after that many (default: run until Ctrl-C). Prints how many it sent when it stops.
 */
import { parseArgs } from 'node:util';
import { generateAtRate, positiveNumbers, seededRandom } from '../shared/generator.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    skus: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
    'restock-share': { type: 'string', default: '0.2' },
  },
});
const { rate, skus, seed, count } = positiveNumbers(values, ['rate', 'skus', 'seed', 'count']);
const restockShare = Number(values['restock-share']);
if (!(restockShare >= 0 && restockShare <= 1)) {
  console.error(`--restock-share must be a number from 0 to 1, got ${JSON.stringify(values['restock-share'])}`);
  process.exit(2);
}
const { random, between } = seededRandom(seed);

let orderId = 0;
await generateAtRate({
  name: 'inventory',
  describe: `records/s for ${skus} items to orders and restocks`,
  unit: 'records',
  rate,
  limit: count,
  next: () => {
    const sku = `sku-${between(1, skus)}`;
    return random() < restockShare
      ? [{ topic: 'restocks', key: sku, value: JSON.stringify({ sku, quantity: between(10, 50) }) }]
      : [{ topic: 'orders', key: `order-${++orderId}`, value: JSON.stringify({ sku, quantity: between(1, 5) }) }];
  },
});
