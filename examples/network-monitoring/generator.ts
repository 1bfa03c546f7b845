/**
 * The network-monitoring example's data generator: readings of a set of devices at a chosen rate
 * into `device-metrics`.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 npm run example:network-monitoring:generate -- [--rate 100] [--devices 8] [--seed 1] [--count N]
 *
 * --rate: readings per second; --count: stop after that many (default: run until Ctrl-C).
 * The readings' timestamps are simulated: every 2 s of simulated time each device reports (or,
 * one time in ten, misses a beat), so a short run covers minutes. Now and then a device starts
 * failing for a few beats (mostly errors, high latency: a burst), and now and then one falls
 * silent for 2 to 3 minutes before coming back.
 */
import { parseArgs } from 'node:util';
import { Producer } from '@sluice/client';
import type { Metric } from './model.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    devices: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const rate = Number(values.rate);
const deviceCount = Number(values.devices);
const limit = values.count === undefined ? Infinity : Number(values.count);
for (const [name, n] of [['--rate', rate], ['--devices', deviceCount], ['--seed', Number(values.seed)], ['--count', limit]] as const) {
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

const TICK_MS = 2_000;
const devices = Array.from({ length: deviceCount }, (_, i) => ({ name: `router-${String(i + 1).padStart(2, '0')}`, silentTicks: 0, failingTicks: 0 }));

/** One beat of simulated time: the readings every device that is not silent sends. */
function tick(): Metric[] {
  const readings: Metric[] = [];
  for (const d of devices) {
    if (d.silentTicks > 0) {
      d.silentTicks--;
      continue;
    }
    if (random() < 0.004) {
      d.silentTicks = between(60, 90);
      continue;
    }
    if (d.failingTicks > 0) d.failingTicks--;
    else if (random() < 0.01) d.failingTicks = between(3, 8);
    if (random() < 0.1) continue; // a missed beat
    const error = random() < (d.failingTicks > 0 ? 0.8 : 0.02);
    readings.push({ device: d.name, latencyMs: error ? between(200, 2000) : between(5, 80), status: error ? 'error' : 'ok' });
  }
  return readings;
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const producer = new Producer({ bootstrapServers, lingerMs: 5 });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));

console.log(`network-monitoring generator: ${rate} readings/s from ${deviceCount} devices to device-metrics on ${bootstrapServers} (Ctrl-C stops)`);
let eventTime = Date.now();
let pending: Metric[] = [];
let sent = 0;
const started = Date.now();
while (!stopping && sent < limit) {
  // Catch up with the schedule: as many readings as the rate says by now, in one batch.
  const due = Math.min(limit, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
  const batch = [];
  for (; sent < due; sent++) {
    while (pending.length === 0) {
      eventTime += TICK_MS;
      pending = tick();
    }
    const metric = pending.shift()!;
    batch.push({ topic: 'device-metrics', key: metric.device, value: JSON.stringify(metric), timestamp: eventTime });
  }
  if (batch.length > 0) await producer.sendBatch(batch);
  if (sent < limit) await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate)));
}
await producer.close();
console.log(`network-monitoring generator: sent ${sent} readings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
