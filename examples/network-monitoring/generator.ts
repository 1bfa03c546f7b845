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
import { generateAtRate, positiveNumbers, seededRandom } from '../shared/generator.ts';
import type { Metric } from './model.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    devices: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
  },
});
const { rate, devices: deviceCount, seed, count } = positiveNumbers(values, ['rate', 'devices', 'seed', 'count']);
const { random, between } = seededRandom(seed);

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

let eventTime = Date.now();
let pending: Metric[] = [];
await generateAtRate({
  name: 'network-monitoring',
  describe: `readings/s from ${deviceCount} devices to device-metrics`,
  unit: 'readings',
  rate,
  limit: count,
  next: () => {
    while (pending.length === 0) {
      eventTime += TICK_MS;
      pending = tick();
    }
    const metric = pending.shift()!;
    return [{ topic: 'device-metrics', key: metric.device, value: JSON.stringify(metric), timestamp: eventTime }];
  },
});
