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
import { Producer } from '@sluice/client';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    skus: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
    'restock-share': { type: 'string', default: '0.2' },
  },
});
const rate = Number(values.rate);
const skus = Number(values.skus);
const limit = values.count === undefined ? Infinity : Number(values.count);
const restockShare = Number(values['restock-share']);
if (!(restockShare >= 0 && restockShare <= 1)) {
  console.error(`--restock-share must be a number from 0 to 1, got ${JSON.stringify(values['restock-share'])}`);
  process.exit(2);
}
for (const [name, n] of [['--rate', rate], ['--skus', skus], ['--seed', Number(values.seed)], ['--count', limit]] as const) {
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

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const producer = new Producer({ bootstrapServers, lingerMs: 5 });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));

console.log(`inventory generator: ${rate} records/s for ${skus} items to orders and restocks on ${bootstrapServers} (Ctrl-C stops)`);
let sent = 0;
let orderId = 0;
const started = Date.now();
while (!stopping && sent < limit) {
  // Catch up with the schedule: as many records as the rate says by now, in one batch.
  const due = Math.min(limit, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
  const batch = [];
  for (; sent < due; sent++) {
    const sku = `sku-${between(1, skus)}`;
    if (random() < restockShare) batch.push({ topic: 'restocks', key: sku, value: JSON.stringify({ sku, quantity: between(10, 50) }) });
    else batch.push({ topic: 'orders', key: `order-${++orderId}`, value: JSON.stringify({ sku, quantity: between(1, 5) }) });
  }
  if (batch.length > 0) await producer.sendBatch(batch);
  if (sent < limit) await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate)));
}
await producer.close();
console.log(`inventory generator: sent ${sent} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
