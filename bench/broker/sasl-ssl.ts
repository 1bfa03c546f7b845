/**
 * bench/broker over SASL_SSL: produce and consume throughput through a SASL_SSL listener with
 * SCRAM-SHA-256, Sluice against Apache Kafka 4.3.1 in the same run, driven by the same Java client
 * programs as bench/broker/run.ts (packages/test-kit/java, kafka-clients 4.3.1) given the client
 * settings a user writes for Kafka (SLUICE_CLIENT_CONFIG). Prints each figure and the ratio.
 *
 *   node --conditions=sluice:source bench/broker/sasl-ssl.ts [--records 200000] [--rounds 3] [--sluice-set key=value ...]
 *
 * Both brokers run side by side for the whole run and take turns, round after round (the one to
 * go first alternating); each figure is the median of the rounds, so that a shared machine's
 * changing load weighs on both (a first version ran all of Sluice, then all of Kafka, and gave
 * ratios from 0.5x to 6x from one run to the next on the busy development VM).
 *
 * Both brokers get the same certificate (an RSA 2048 key, made with openssl for the run) and the
 * same SCRAM user; Kafka keeps its defaults otherwise (TLS 1.3, its cipher suites), Sluice too.
 * Sluice runs as `npx sluice broker` runs it, from the built JavaScript in dist/ (`npm run build`
 * first), as in run.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Admin } from '@sluice/client';
import { freePort, javaTool, makeCertificates, startApacheKafka, type TestCertificates } from '@sluice/test-kit';
import { startSluiceProcess } from './sluice-process.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' }, rounds: { type: 'string', default: '3' }, 'sluice-set': { type: 'string', multiple: true, default: [] } } });
const RECORDS = Number(values.records);
const ROUNDS = Number(values.rounds);
const SIZE = 1024;
const USER = { name: 'bench', password: 'bench-secret' };

type Row = 'produce1' | 'produce6' | 'produceP99' | 'consume1' | 'consume6';
type Result = Record<Row, number>;

/** The client settings for the SASL_SSL listener, as a Java properties file. */
function clientConfig(dir: string, certs: TestCertificates): string {
  const file = join(dir, 'client.properties');
  writeFileSync(file, [
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-256',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${USER.name}" password="${USER.password}";`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${certs.caFile}`,
  ].join('\n') + '\n');
  return file;
}

interface Target {
  name: string;
  bootstrap: string;
  stop(): Promise<void>;
}

/** One round on one broker: produce to 1 and 6 partitions, then consume what was produced. */
async function measure(target: Target, config: string, round: number): Promise<Result> {
  const env = { SLUICE_CLIENT_CONFIG: config };
  const run = async (args: string[]) => (await javaTool(args, 900_000, env))[0]!;
  const [t1, t6] = [`secure-1-r${round}`, `secure-6-r${round}`];
  await run(['create-topic', target.bootstrap, t1, '1']);
  await run(['create-topic', target.bootstrap, t6, '6']);
  const p1 = await run(['perf-produce', target.bootstrap, t1, String(RECORDS), String(SIZE)]);
  const p6 = await run(['perf-produce', target.bootstrap, t6, String(RECORDS), String(SIZE)]);
  const c1 = await run(['perf-consume', target.bootstrap, t1, String(RECORDS + 1)]);
  const c6 = await run(['perf-consume', target.bootstrap, t6, String(RECORDS + 1)]);
  return { produce1: p1.mbPerSec as number, produce6: p6.mbPerSec as number, produceP99: p6.p99Ms as number, consume1: c1.mbPerSec as number, consume6: c6.mbPerSec as number };
}

async function startSluice(dir: string, certs: TestCertificates): Promise<Target> {
  const [plainPort, securePort] = [await freePort(), await freePort()];
  const settings = {
    listeners: `PLAINTEXT://127.0.0.1:${plainPort},SASL_SSL://127.0.0.1:${securePort}`,
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': certs.brokerKeyStore,
    'sasl.enabled.mechanisms': 'SCRAM-SHA-256',
  };
  // --sluice-set k=v: more broker settings, e.g. log.flush.interval.messages=9223372036854775807 for
  // Kafka's flush policy (Sluice syncs every acks=all append by default; Kafka leaves it to the OS).
  const args = [...Object.entries(settings).map(([k, v]) => `${k}=${v}`), ...values['sluice-set']].flatMap((kv) => ['--set', kv]);
  const broker = await startSluiceProcess(join(dir, 'sluice-data'), { port: plainPort, args });
  const stop = async () => { await broker.stop(); };
  try {
    // The SCRAM user, added as a user adds it (AlterUserScramCredentials), over the plaintext listener.
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${plainPort}` });
    try {
      await admin.alterUserScramCredentials([{ user: USER.name, mechanism: 'SCRAM-SHA-256', password: USER.password }]);
    } finally {
      await admin.close();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { name: 'Sluice', bootstrap: `127.0.0.1:${securePort}`, stop };
}

async function startKafka(certs: TestCertificates): Promise<Target> {
  const k = await startApacheKafka({
    log: () => {},
    extraListeners: { SECURE: 'SASL_SSL' },
    formatArgs: ['--add-scram', `SCRAM-SHA-256=[name=${USER.name},password=${USER.password}]`],
    config: {
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.brokerKeyStore,
      'sasl.enabled.mechanisms': 'SCRAM-SHA-256',
      'listener.name.secure.scram-sha-256.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    },
  });
  return { name: 'Kafka', bootstrap: k.listeners.SECURE!, stop: () => k.stop() };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function ratioRow(label: string, s: number, k: number, unit: string, higherIsBetter: boolean): void {
  console.log(`${label.padEnd(46)} ${s.toFixed(1).padStart(10)} ${k.toFixed(1).padStart(12)} ${unit.padEnd(5)} ${(s / k).toFixed(2)}× ${higherIsBetter ? '(higher is better)' : '(lower is better)'}`);
}

const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-sasl-ssl-'));
const targets: Target[] = [];
try {
  const certs = await makeCertificates(dir);
  const config = clientConfig(dir, certs);
  console.log(`${RECORDS} records of ${SIZE} bytes, acks=all, over SASL_SSL with SCRAM-SHA-256 (an RSA 2048 certificate); Java client 4.3.1; median of ${ROUNDS} rounds, the brokers taking turns`);
  targets.push(await startSluice(dir, certs), await startKafka(certs));
  const results: Record<string, Result[]> = { Sluice: [], Kafka: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Both brokers run throughout and take turns, the first one alternating, so that the load of
    // a shared machine falls on both alike.
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) results[target.name]!.push(await measure(target, config, round));
  }
  const of = (name: string, row: Row) => median(results[name]!.map((r) => r[row]));
  console.log(`\n${''.padEnd(46)} ${'Sluice'.padStart(10)} ${'Kafka 4.3.1'.padStart(12)}   Sluice/Kafka`);
  const rows: [string, Row, string, boolean][] = [
    ['SASL_SSL produce, 1 partition', 'produce1', 'MB/s', true],
    ['SASL_SSL produce, 6 partitions', 'produce6', 'MB/s', true],
    ['SASL_SSL produce p99 send-to-ack, 6 partitions', 'produceP99', 'ms', false],
    ['SASL_SSL consume, 1 partition', 'consume1', 'MB/s', true],
    ['SASL_SSL consume, 6 partitions', 'consume6', 'MB/s', true],
  ];
  for (const [label, row, unit, higherIsBetter] of rows) ratioRow(label, of('Sluice', row), of('Kafka', row), unit, higherIsBetter);
  console.log(`\nEach round (Sluice / Kafka): ${rows.map(([, row]) => `${row} ${results.Sluice!.map((r) => r[row].toFixed(0)).join(',')} / ${results.Kafka!.map((r) => r[row].toFixed(0)).join(',')}`).join('; ')}`);
} finally {
  for (const t of targets) await t.stop();
  rmSync(dir, { recursive: true, force: true });
}
