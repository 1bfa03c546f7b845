/**
 * bench/broker/validation.ts: produce throughput with every record of every batch validated before
 * it is stored (issue 13, item 3; docs/decisions/005), uncompressed and compressed (each
 * compressed batch decompressed once to check its records), Sluice against Apache Kafka 4.3.1,
 * whose LogValidator does the same work, driven by the same Java client program as
 * bench/broker/run.ts (packages/test-kit/java's perf-produce, kafka-clients 4.3.1: 1 KiB records,
 * acks=all, linger.ms 5, batch.size 64 KiB) with compression.type given through SLUICE_CLIENT_CONFIG.
 *
 *   node --conditions=sluice:source bench/broker/validation.ts [--records 100000] [--rounds 3]
 *
 * Both brokers run side by side for the whole run and take turns, round after round (the one to go
 * first alternating), and each figure is the median of the rounds, as in sasl-ssl.ts. Sluice runs
 * as `npx sluice broker` runs it, from the built JavaScript in dist/ (`npm run build` first).
 * The cost of validation alone, without a network or a disk, is bench/protocol's
 * "decode + validate every record" row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { javaTool, startApacheKafka } from '@sluice/test-kit';
import { startSluiceProcess } from './sluice-process.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' } } });
const RECORDS = Number(values.records);
const ROUNDS = Number(values.rounds);
const SIZE = 1024;
const CODECS = ['none', 'lz4', 'zstd', 'gzip'] as const;
type Codec = (typeof CODECS)[number];

interface Target {
  name: 'Sluice' | 'Kafka';
  bootstrap: string;
  stop(): Promise<void>;
}

/** One round on one broker: a topic of one partition per codec, produced to; MB/s by codec. */
async function measure(target: Target, dir: string, round: number): Promise<Record<Codec, number>> {
  const out = {} as Record<Codec, number>;
  for (const codec of CODECS) {
    const config = join(dir, `client-${codec}.properties`);
    writeFileSync(config, `compression.type=${codec}\n`);
    const topic = `validation-${codec}-r${round}`;
    await javaTool(['create-topic', target.bootstrap, topic, '1']);
    const r = (await javaTool(['perf-produce', target.bootstrap, topic, String(RECORDS), String(SIZE)], 900_000, { SLUICE_CLIENT_CONFIG: config }))[0]!;
    out[codec] = r.mbPerSec as number;
  }
  return out;
}

async function startSluice(dir: string): Promise<Target> {
  const broker = await startSluiceProcess(join(dir, 'sluice-data'));
  return { name: 'Sluice', bootstrap: `127.0.0.1:${broker.port}`, stop: async () => { await broker.stop(); } };
}

async function startKafka(): Promise<Target> {
  const k = await startApacheKafka({ log: () => {} });
  return { name: 'Kafka', bootstrap: k.bootstrap, stop: () => k.stop() };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-validation-'));
const targets: Target[] = [];
try {
  console.log(`${RECORDS} records of ${SIZE} bytes to one partition, acks=all, every record validated by the broker; Java client 4.3.1; median of ${ROUNDS} rounds, the brokers taking turns`);
  targets.push(await startSluice(dir), await startKafka());
  const results: Record<Target['name'], Record<Codec, number>[]> = { Sluice: [], Kafka: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) results[target.name].push(await measure(target, dir, round));
  }
  console.log(`\n${''.padEnd(36)} ${'Sluice'.padStart(10)} ${'Kafka 4.3.1'.padStart(12)}   Sluice/Kafka`);
  for (const codec of CODECS) {
    const [s, k] = [median(results.Sluice.map((r) => r[codec])), median(results.Kafka.map((r) => r[codec]))];
    console.log(`${`produce, 1 partition, ${codec}`.padEnd(36)} ${s.toFixed(1).padStart(10)} ${k.toFixed(1).padStart(12)} MB/s  ${(s / k).toFixed(2)}×`);
  }
  console.log(`\nEach round (Sluice / Kafka): ${CODECS.map((c) => `${c} ${results.Sluice.map((r) => r[c].toFixed(0)).join(',')} / ${results.Kafka.map((r) => r[c].toFixed(0)).join(',')}`).join('; ')}`);
} finally {
  for (const t of targets) await t.stop();
  rmSync(dir, { recursive: true, force: true });
}
