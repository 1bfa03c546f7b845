/**
 * bench/broker over SASL_SSL: produce and consume throughput through a SASL_SSL listener with
 * SCRAM-SHA-256, Sluice against Apache Kafka 4.3.1 in the same run, driven by the same Java client
 * programs as bench/broker/run.ts (packages/test-kit/java, kafka-clients 4.3.1) given the client
 * settings a user writes for Kafka (SLUICE_CLIENT_CONFIG). Prints each figure and the ratio.
 *
 *   node --conditions=sluice:source --import tsx bench/broker/sasl-ssl.ts [--records 200000]
 *
 * Both brokers get the same certificate (an RSA 2048 key, made with openssl for the run) and the
 * same SCRAM user; Kafka keeps its defaults otherwise (TLS 1.3, its cipher suites), Sluice too.
 * Sluice runs as `npx sluice broker` runs it, from the built JavaScript in dist/ (`npm run build`
 * first), as in run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Admin } from '@sluice/client';
import { answersKafkaRequests, freePort, javaTool, makeCertificates, sluiceBin, startApacheKafka, type TestCertificates } from '@sluice/test-kit';

const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' } } });
const RECORDS = Number(values.records);
const SIZE = 1024;
const USER = { name: 'bench', password: 'bench-secret' };

interface Result {
  produce1: number;
  produce6: number;
  produceP99: number;
  consume1: number;
  consume6: number;
}

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

async function measure(bootstrap: string, config: string): Promise<Result> {
  const env = { SLUICE_CLIENT_CONFIG: config };
  await javaTool(['create-topic', bootstrap, 'secure-1', '1'], undefined, env);
  await javaTool(['create-topic', bootstrap, 'secure-6', '6'], undefined, env);
  const p1 = (await javaTool(['perf-produce', bootstrap, 'secure-1', String(RECORDS), String(SIZE)], undefined, env))[0]!;
  const p6 = (await javaTool(['perf-produce', bootstrap, 'secure-6', String(RECORDS), String(SIZE)], undefined, env))[0]!;
  const c1 = (await javaTool(['perf-consume', bootstrap, 'secure-1', String(RECORDS + 1)], undefined, env))[0]!;
  const c6 = (await javaTool(['perf-consume', bootstrap, 'secure-6', String(RECORDS + 1)], undefined, env))[0]!;
  return { produce1: p1.mbPerSec as number, produce6: p6.mbPerSec as number, produceP99: p6.p99Ms as number, consume1: c1.mbPerSec as number, consume6: c6.mbPerSec as number };
}

/** The broker process's environment without this script's loader, so that it runs dist/ (as run.ts). */
function userEnv(): NodeJS.ProcessEnv {
  const nodeOptions = (process.env.NODE_OPTIONS ?? '').split(/\s+/).filter((o) => o !== '' && !o.includes('sluice:source') && !o.includes('tsx')).join(' ');
  return { ...process.env, NODE_OPTIONS: nodeOptions };
}

async function sluice(dir: string, certs: TestCertificates, config: string): Promise<Result> {
  const [plainPort, securePort] = [await freePort(), await freePort()];
  const settings = {
    listeners: `PLAINTEXT://127.0.0.1:${plainPort},SASL_SSL://127.0.0.1:${securePort}`,
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': certs.brokerKeyStore,
    'sasl.enabled.mechanisms': 'SCRAM-SHA-256',
  };
  const dataDir = join(dir, 'sluice-data');
  const args = [sluiceBin, 'broker', '--port', String(plainPort), '--data-dir', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['--set', `${k}=${v}`])];
  const child: ChildProcess = spawn(process.execPath, args, { env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    for (const started = Date.now(); !(await answersKafkaRequests(plainPort)); await new Promise((r) => setTimeout(r, 20))) {
      if (child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`sluice broker did not start:\n${output}`);
    }
    // The SCRAM user, added as a user adds it (AlterUserScramCredentials), over the plaintext listener.
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${plainPort}` });
    try {
      await admin.alterUserScramCredentials([{ user: USER.name, mechanism: 'SCRAM-SHA-256', password: USER.password }]);
    } finally {
      await admin.close();
    }
    return await measure(`127.0.0.1:${securePort}`, config);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function kafka(certs: TestCertificates, config: string): Promise<Result> {
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
  try {
    return await measure(k.listeners.SECURE!, config);
  } finally {
    await k.stop();
  }
}

function ratioRow(label: string, s: number, k: number, unit: string, higherIsBetter: boolean): void {
  console.log(`${label.padEnd(46)} ${s.toFixed(1).padStart(10)} ${k.toFixed(1).padStart(12)} ${unit.padEnd(5)} ${(s / k).toFixed(2)}× ${higherIsBetter ? '(higher is better)' : '(lower is better)'}`);
}

const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-sasl-ssl-'));
try {
  const certs = await makeCertificates(dir);
  const config = clientConfig(dir, certs);
  console.log(`${RECORDS} records of ${SIZE} bytes, acks=all, over SASL_SSL with SCRAM-SHA-256 (an RSA 2048 certificate); Java client 4.3.1`);
  const s = await sluice(dir, certs, config);
  const k = await kafka(certs, config);
  console.log(`\n${''.padEnd(46)} ${'Sluice'.padStart(10)} ${'Kafka 4.3.1'.padStart(12)}   Sluice/Kafka`);
  ratioRow('SASL_SSL produce, 1 partition', s.produce1, k.produce1, 'MB/s', true);
  ratioRow('SASL_SSL produce, 6 partitions', s.produce6, k.produce6, 'MB/s', true);
  ratioRow('SASL_SSL produce p99 send-to-ack, 6 partitions', s.produceP99, k.produceP99, 'ms', false);
  ratioRow('SASL_SSL consume, 1 partition', s.consume1, k.consume1, 'MB/s', true);
  ratioRow('SASL_SSL consume, 6 partitions', s.consume6, k.consume6, 'MB/s', true);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
