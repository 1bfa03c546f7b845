/**
 * bench/streams: records per second through the filter pipeline (source → filter(value contains
 * "important") → sink), Sluice streams against Java Kafka Streams 4.3.1 running the same
 * pipeline (bench/streams/java, jars from Maven Central), on the same broker in the same run.
 *
 *   node --conditions=sluice:source --import tsx bench/streams/run.ts [--records 200000] [--partitions 6] [--rounds 2] [--kafka]
 *
 * The broker is the Sluice broker in its own process (with --kafka, also Apache Kafka 4.3.1).
 * The source topic is filled once; each run is a fresh application (its own application.id and
 * destination topic) reading it from the beginning, each in its own process. Figures: records
 * per second from the first to the last input record processed, and from the first record until
 * close() returned (every output acknowledged, offsets committed); best of the rounds by the
 * latter. Start-up to the first record (JVM, group join) is printed beside them.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Admin, Producer } from '@sluice/client';
import { freePort, repoRoot, startApacheKafka, startBrokerProcess } from '@sluice/test-kit';

const exec = promisify(execFile);
const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' }, partitions: { type: 'string', default: '6' }, rounds: { type: 'string', default: '2' }, kafka: { type: 'boolean', default: false } } });
const RECORDS = Number(values.records);
const PARTITIONS = Number(values.partitions);
const ROUNDS = Number(values.rounds);
const here = dirname(fileURLToPath(import.meta.url));
const javaProject = join(here, 'java');

interface RunResult {
  records: number;
  processMs: number;
  untilFirstMs: number;
  closeMs: number;
}

async function javaClasspath(): Promise<string> {
  const cpFile = join(javaProject, 'target', 'classpath.txt');
  const cls = join(javaProject, 'target', 'classes', 'dev', 'sluice', 'bench', 'FilterApp.class');
  const src = join(javaProject, 'src', 'main', 'java', 'dev', 'sluice', 'bench', 'FilterApp.java');
  if (!existsSync(cls) || !existsSync(cpFile) || statSync(src).mtimeMs > statSync(cls).mtimeMs) {
    console.log('building bench/streams/java (Kafka Streams 4.3.1 from Maven Central; once)...');
    await exec('mvn', ['-q', '-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], { cwd: javaProject, maxBuffer: 1 << 24 });
  }
  return `${join(javaProject, 'target', 'classes')}:${readFileSync(cpFile, 'utf8').trim()}`;
}

function runApp(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"records"'));
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`${command} exited ${code}:\n${out}`));
    });
  });
}

async function fill(bootstrap: string): Promise<number> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  await admin.createTopics([{ name: 'bench-source', numPartitions: PARTITIONS, replicationFactor: 1 }], { ifNotExists: true });
  await admin.close();
  const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 10, batchSize: 262_144 });
  let important = 0;
  const filler = 'x'.repeat(80);
  for (let i = 0; i < RECORDS; i += 10_000) {
    const batch = [];
    for (let j = i; j < Math.min(RECORDS, i + 10_000); j++) {
      const isImportant = j % 2 === 0;
      if (isImportant) important++;
      batch.push({ topic: 'bench-source', key: `key-${j % 1000}`, value: `${isImportant ? 'important' : 'ordinary'} record ${j} ${filler}` });
    }
    await producer.sendBatch(batch);
  }
  await producer.close();
  return important;
}

async function outputCount(bootstrap: string, topic: string): Promise<number> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  try {
    const [d] = await admin.describeTopics([topic]);
    const ends = await admin.listOffsets(d.partitions.map((p) => ({ topic, partition: p.partition, spec: 'latest' as const })));
    return ends.reduce((n, e) => n + Number(e.offset), 0);
  } finally {
    await admin.close();
  }
}

async function benchOn(label: string, bootstrap: string, cp: string): Promise<{ sluice: RunResult[]; java: RunResult[] }> {
  console.log(`\n${label}: filling bench-source with ${RECORDS} records in ${PARTITIONS} partitions...`);
  const important = await fill(bootstrap);
  const results = { sluice: [] as RunResult[], java: [] as RunResult[] };
  const admin = new Admin({ bootstrapServers: bootstrap });
  for (let round = 0; round < ROUNDS; round++) {
    for (const impl of ['sluice', 'java'] as const) {
      const app = `bench-${impl}-${round}`;
      const destination = `bench-destination-${impl}-${round}`;
      await admin.createTopics([{ name: destination, numPartitions: PARTITIONS, replicationFactor: 1 }], { ifNotExists: true });
      const args = [bootstrap, app, 'bench-source', destination, String(RECORDS)];
      const r = impl === 'sluice' ? await runApp(process.execPath, ['--conditions=sluice:source', '--import', 'tsx', join(here, 'sluice-app.ts'), ...args]) : await runApp('java', ['-Xmx1g', '-cp', cp, 'dev.sluice.bench.FilterApp', ...args]);
      const written = await outputCount(bootstrap, destination);
      if (written < important) throw new Error(`${impl} wrote ${written} records to ${destination}, expected ${important}`);
      results[impl].push(r);
      console.log(`  round ${round + 1} ${impl.padEnd(6)} ${((r.records / r.processMs) * 1000).toFixed(0).padStart(8)} records/s  (start to first record ${r.untilFirstMs.toFixed(0)} ms, close ${r.closeMs.toFixed(0)} ms, ${written} written)`);
    }
  }
  await admin.close();
  return results;
}

function best(rs: RunResult[]): RunResult {
  return rs.reduce((a, b) => (committedRate(b) > committedRate(a) ? b : a));
}

/** Records per second from the first record processed until every output is acknowledged and committed (close). */
function committedRate(x: RunResult): number {
  return (x.records / (x.processMs + x.closeMs)) * 1000;
}

function report(label: string, r: { sluice: RunResult[]; java: RunResult[] }): void {
  const s = best(r.sluice);
  const j = best(r.java);
  const rate = (x: RunResult) => (x.records / x.processMs) * 1000;
  console.log(`\n${label} (best of ${ROUNDS}):`);
  console.log(`  ${''.padEnd(28)} ${'processed/s'.padStart(11)} ${'committed/s'.padStart(11)}  start→first  close`);
  for (const [name, x] of [['Sluice streams', s], ['Kafka Streams 4.3.1 (Java)', j]] as const) {
    console.log(`  ${name.padEnd(28)} ${rate(x).toFixed(0).padStart(11)} ${committedRate(x).toFixed(0).padStart(11)}  ${x.untilFirstMs.toFixed(0).padStart(8)} ms  ${x.closeMs.toFixed(0).padStart(4)} ms`);
  }
  console.log(`  Sluice/Java: ${(rate(s) / rate(j)).toFixed(2)}× processed, ${(committedRate(s) / committedRate(j)).toFixed(2)}× committed, ${(s.untilFirstMs / j.untilFirstMs).toFixed(2)}× start-up`);
}

const cp = await javaClasspath();
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-streams-'));
const port = await freePort();
const broker = await startBrokerProcess(port, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0']);
try {
  report('on the Sluice broker', await benchOn('Sluice broker', `127.0.0.1:${port}`, cp));
} finally {
  broker.child.kill('SIGTERM');
  await broker.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
if (values.kafka) {
  const kafka = await startApacheKafka();
  try {
    report('on Apache Kafka 4.3.1', await benchOn('Apache Kafka 4.3.1', kafka.bootstrap, cp));
  } finally {
    await kafka.stop();
  }
}
