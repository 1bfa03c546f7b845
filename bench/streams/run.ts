/**
 * bench/streams: records per second through two pipelines, Sluice streams against Java Kafka
 * Streams 4.3.1 running the same one (bench/streams/java, jars from Maven Central), on the same
 * broker in the same run:
 * - filter: source → filter(value contains "important") → sink (stateless);
 * - count: source → groupByKey → count (a persistent store with its changelog) → sink, once
 *   with at_least_once and once with exactly_once_v2; after each count run the same application
 *   starts again on an empty state directory, and the store's restoration from its changelog is
 *   timed (records restored per second, by the restore listener);
 * - windowed-count: source → groupByKey → windowedBy(1-minute tumbling TimeWindows) → count (a
 *   persistent window store with its changelog) → sink, at_least_once; event time advances 1 ms
 *   a record, so --keys 50000 puts each key about 1.2 times in a window;
 * - join: two sources of --records records each, with the same keys, inner-joined within
 *   JoinWindows of 1 minute (persistent window stores with their changelogs) → sink,
 *   at_least_once; event time advances 2 ms a record on each side, so with --keys 50000 a key
 *   comes back after 100 s and each record has exactly one partner (the rate counts both sides).
 *
 *   node --conditions=sluice:source bench/streams/run.ts [--records 200000] [--partitions 6] [--rounds 2] [--keys 50000] [--workload filter,count,windowed-count,join] [--kafka]
 *
 * The broker is the Sluice broker in its own process (with --kafka, also Apache Kafka 4.3.1).
 * The source topics are filled once; each run is a fresh application (its own application.id and
 * destination topic) reading one from the beginning, each in its own process. Figures: records
 * per second from the first to the last input record processed, and from the first record until
 * close() returned (every output acknowledged, offsets committed); best of the rounds by the
 * latter. Start-up to the first record (JVM, group join) is printed beside them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Admin, Producer } from '@sluice/client';
import { freePort, mavenProjectClasspath, repoRoot, startApacheKafka, startBrokerProcess } from '@sluice/test-kit';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    partitions: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '2' },
    keys: { type: 'string', default: '50000' },
    workload: { type: 'string', default: 'filter,count' },
    kafka: { type: 'boolean', default: false },
  },
});
const RECORDS = Number(values.records);
const PARTITIONS = Number(values.partitions);
const ROUNDS = Number(values.rounds);
/** Distinct keys of the count workload's source: how many entries its store and changelog hold. */
const KEYS = Number(values.keys);
const WORKLOADS = new Set(values.workload.split(','));
const GUARANTEES = ['at_least_once', 'exactly_once_v2'] as const;
type Guarantee = (typeof GUARANTEES)[number];
const here = dirname(fileURLToPath(import.meta.url));
const javaProject = join(here, 'java');

interface RunResult {
  records: number;
  processMs: number;
  untilFirstMs: number;
  closeMs: number;
}

function runApp<R = RunResult>(command: string, args: string[]): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"records"') || l.startsWith('{"restored"'));
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

async function benchFilter(label: string, bootstrap: string, cp: string): Promise<{ sluice: RunResult[]; java: RunResult[] }> {
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
      const r = impl === 'sluice' ? await runApp(process.execPath, ['--conditions=sluice:source', join(here, 'sluice-app.ts'), ...args]) : await runApp('java', ['-Xmx1g', '-cp', cp, 'dev.sluice.bench.FilterApp', ...args]);
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

interface RestoreResult {
  restored: number;
  restoreMs: number;
  untilRestoredMs: number;
}

interface CountResults {
  run: Record<Guarantee, { sluice: RunResult[]; java: RunResult[] }>;
  restore: { sluice: RestoreResult[]; java: RestoreResult[] };
}

/** The count workload's source: KEYS distinct keys, each updated RECORDS / KEYS times. */
async function fillCountSource(bootstrap: string): Promise<void> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  await admin.createTopics([{ name: 'bench-count-source', numPartitions: PARTITIONS, replicationFactor: 1 }], { ifNotExists: true });
  await admin.close();
  const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 10, batchSize: 262_144 });
  const filler = 'x'.repeat(80);
  for (let i = 0; i < RECORDS; i += 10_000) {
    const batch = [];
    for (let j = i; j < Math.min(RECORDS, i + 10_000); j++) batch.push({ topic: 'bench-count-source', key: `key-${j % KEYS}`, value: `record ${j} ${filler}` });
    await producer.sendBatch(batch);
  }
  await producer.close();
}

/** Runs the count app of `impl` (its process or restore mode). */
function runCount<R>(impl: 'sluice' | 'java', cp: string, args: string[]): Promise<R> {
  return impl === 'sluice'
    ? runApp<R>(process.execPath, ['--conditions=sluice:source', join(here, 'sluice-count-app.ts'), ...args])
    : runApp<R>('java', ['-Xmx1g', '-cp', cp, 'dev.sluice.bench.CountApp', ...args]);
}

async function benchCount(label: string, bootstrap: string, cp: string): Promise<CountResults> {
  console.log(`\n${label}: filling bench-count-source with ${RECORDS} records of ${KEYS} keys in ${PARTITIONS} partitions...`);
  await fillCountSource(bootstrap);
  const results: CountResults = { run: { at_least_once: { sluice: [], java: [] }, exactly_once_v2: { sluice: [], java: [] } }, restore: { sluice: [], java: [] } };
  const admin = new Admin({ bootstrapServers: bootstrap });
  const stateRoot = mkdtempSync(join(tmpdir(), 'sluice-bench-streams-state-'));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const guarantee of GUARANTEES) {
        for (const impl of ['sluice', 'java'] as const) {
          const app = `bench-count-${impl}-${guarantee}-${round}`;
          const destination = `${app}-out`;
          await admin.createTopics([{ name: destination, numPartitions: PARTITIONS, replicationFactor: 1 }], { ifNotExists: true });
          const r = await runCount<RunResult>(impl, cp, [bootstrap, app, 'bench-count-source', destination, String(RECORDS), guarantee, join(stateRoot, app), 'process']);
          // Every key is counted at least once, whatever the cache merged.
          const written = await outputCount(bootstrap, destination);
          if (written < KEYS) throw new Error(`${impl} wrote ${written} records to ${destination}, expected at least ${KEYS}`);
          results.run[guarantee][impl].push(r);
          console.log(`  round ${round + 1} ${guarantee.padEnd(15)} ${impl.padEnd(6)} ${((r.records / r.processMs) * 1000).toFixed(0).padStart(8)} records/s  (start to first record ${r.untilFirstMs.toFixed(0)} ms, close ${r.closeMs.toFixed(0)} ms, ${written} written)`);
          if (guarantee !== 'at_least_once') continue;
          // The same application on an empty state directory: its store comes back from the changelog.
          const restore = await runCount<RestoreResult>(impl, cp, [bootstrap, app, 'bench-count-source', destination, String(PARTITIONS), guarantee, join(stateRoot, `${app}-restore`), 'restore']);
          if (restore.restored < KEYS) throw new Error(`${impl} restored ${restore.restored} records, expected at least ${KEYS}`);
          results.restore[impl].push(restore);
          console.log(`  round ${round + 1} restore         ${impl.padEnd(6)} ${((restore.restored / restore.restoreMs) * 1000).toFixed(0).padStart(8)} records/s  (${restore.restored} restored in ${restore.restoreMs.toFixed(0)} ms)`);
        }
      }
    }
  } finally {
    await admin.close();
    rmSync(stateRoot, { recursive: true, force: true });
  }
  return results;
}

function reportCount(label: string, r: CountResults): void {
  for (const guarantee of GUARANTEES) report(`${label}, count by key, ${guarantee}`, r.run[guarantee]);
  const rate = (x: RestoreResult) => (x.restored / x.restoreMs) * 1000;
  const fastest = (xs: RestoreResult[]) => xs.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const [s, j] = [fastest(r.restore.sluice), fastest(r.restore.java)];
  console.log(`\n${label}, restoration from the changelog (best of ${ROUNDS}):`);
  for (const [name, x] of [['Sluice streams', s], ['Kafka Streams 4.3.1 (Java)', j]] as const) {
    console.log(`  ${name.padEnd(28)} ${rate(x).toFixed(0).padStart(11)} records/s  (${x.restored} records in ${x.restoreMs.toFixed(0)} ms; ${x.untilRestoredMs.toFixed(0)} ms from start)`);
  }
  console.log(`  Sluice/Java: ${(rate(s) / rate(j)).toFixed(2)}×`);
}

const WINDOW_MS = 60_000;
/** Event time of the windowed workloads: in the past, so no retention or timestamp check of the broker interferes. */
const eventTimeBase = Math.floor((Date.now() - 4 * RECORDS - 3_600_000) / WINDOW_MS) * WINDOW_MS;

/** Fills `topic` with RECORDS records of KEYS keys, record j at eventTimeBase + j × msPerRecord. */
async function fillTimed(bootstrap: string, topic: string, msPerRecord: number, side: string): Promise<void> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  await admin.createTopics([{ name: topic, numPartitions: PARTITIONS, replicationFactor: 1 }], { ifNotExists: true });
  await admin.close();
  const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 10, batchSize: 262_144 });
  const filler = 'x'.repeat(80);
  for (let i = 0; i < RECORDS; i += 10_000) {
    const batch = [];
    for (let j = i; j < Math.min(RECORDS, i + 10_000); j++) {
      batch.push({ topic, key: `key-${j % KEYS}`, value: `${side} ${j} ${filler}`, timestamp: eventTimeBase + j * msPerRecord });
    }
    await producer.sendBatch(batch);
  }
  await producer.close();
}

/** Distinct (key, window) pairs of the windowed-count source: each is counted, so written, at least once. */
function windowedCountPairs(): number {
  const pairs = new Set<number>();
  for (let j = 0; j < RECORDS; j++) pairs.add((j % KEYS) * 1_000_000 + Math.floor((eventTimeBase + j) / WINDOW_MS - eventTimeBase / WINDOW_MS));
  return pairs.size;
}

/** Inner join results: record j of the left side meets right record i of its key when 2 ms × |i − j| ≤ 1 minute. */
function joinPairs(): number {
  const reach = Math.floor(WINDOW_MS / 2 / KEYS);
  let n = 0;
  for (let j = 0; j < RECORDS; j++) {
    for (let m = -reach; m <= reach; m++) if (j + m * KEYS >= 0 && j + m * KEYS < RECORDS) n++;
  }
  return n;
}

/** Runs the windowed-count or join app of `impl` in its own process, at_least_once, `rounds` times. */
async function benchWindowed(label: string, bootstrap: string, cp: string, workload: 'windowed-count' | 'join'): Promise<{ sluice: RunResult[]; java: RunResult[] }> {
  const sources = workload === 'join' ? ['bench-join-left', 'bench-join-right'] : ['bench-windowed-source'];
  console.log(`\n${label}: filling ${sources.join(' and ')} with ${RECORDS} records of ${KEYS} keys in ${PARTITIONS} partitions...`);
  for (const topic of sources) await fillTimed(bootstrap, topic, workload === 'join' ? 2 : 1, topic.endsWith('right') ? 'right' : 'left');
  const minimum = workload === 'join' ? joinPairs() : windowedCountPairs();
  const results = { sluice: [] as RunResult[], java: [] as RunResult[] };
  const admin = new Admin({ bootstrapServers: bootstrap });
  const stateRoot = mkdtempSync(join(tmpdir(), 'sluice-bench-streams-state-'));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const impl of ['sluice', 'java'] as const) {
        const app = `bench-${workload}-${impl}-${round}`;
        const destination = `${app}-out`;
        await admin.createTopics([{ name: destination, numPartitions: PARTITIONS, replicationFactor: 1 }], { ifNotExists: true });
        const expected = String(RECORDS * sources.length);
        const args = [bootstrap, app, ...sources, destination, expected, 'at_least_once', join(stateRoot, app)];
        const [script, javaClass] = workload === 'join' ? ['sluice-join-app.ts', 'dev.sluice.bench.JoinApp'] : ['sluice-windowed-count-app.ts', 'dev.sluice.bench.WindowedCountApp'];
        const r = impl === 'sluice' ? await runApp(process.execPath, ['--conditions=sluice:source', join(here, script), ...args]) : await runApp('java', ['-Xmx1g', '-cp', cp, javaClass, ...args]);
        const written = await outputCount(bootstrap, destination);
        // The join emits each pair once (more only after a failure); the count each (key, window) at least once.
        if (written < minimum) throw new Error(`${impl} wrote ${written} records to ${destination}, expected at least ${minimum}`);
        results[impl].push(r);
        console.log(`  round ${round + 1} ${impl.padEnd(6)} ${((r.records / r.processMs) * 1000).toFixed(0).padStart(8)} records/s  (start to first record ${r.untilFirstMs.toFixed(0)} ms, close ${r.closeMs.toFixed(0)} ms, ${written} written, ${minimum} expected at least)`);
      }
    }
  } finally {
    await admin.close();
    rmSync(stateRoot, { recursive: true, force: true });
  }
  return results;
}

async function benchOn(label: string, bootstrap: string, cp: string): Promise<void> {
  if (WORKLOADS.has('filter')) report(`${label}, filter`, await benchFilter(label, bootstrap, cp));
  if (WORKLOADS.has('count')) reportCount(label, await benchCount(label, bootstrap, cp));
  if (WORKLOADS.has('windowed-count')) report(`${label}, windowed count (1-minute tumbling windows), at_least_once`, await benchWindowed(label, bootstrap, cp, 'windowed-count'));
  if (WORKLOADS.has('join')) report(`${label}, stream–stream inner join (1-minute JoinWindows), at_least_once`, await benchWindowed(label, bootstrap, cp, 'join'));
}

const cp = await mavenProjectClasspath(javaProject);
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-streams-'));
const port = await freePort();
const broker = await startBrokerProcess(port, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0']);
try {
  await benchOn('on the Sluice broker', `127.0.0.1:${port}`, cp);
} finally {
  broker.child.kill('SIGTERM');
  await broker.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
if (values.kafka) {
  const kafka = await startApacheKafka();
  try {
    await benchOn('on Apache Kafka 4.3.1', kafka.bootstrap, cp);
  } finally {
    await kafka.stop();
  }
}
