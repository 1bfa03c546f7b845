/**
 * bench/broker: Sluice against Apache Kafka 4.3.1 (single node, KRaft, default settings), one
 * after the other on this machine, driven by the same Java client programs
 * (packages/test-kit/java, kafka-clients 4.3.1). Prints each figure and the Sluice/Kafka ratio.
 *
 *   node --conditions=sluice:source bench/broker/run.ts [--records 200000] [--latency-samples 2000]
 *        [--startup-rounds 3] [--topics 100] [--partitions-per-topic 10] [--startup-only]
 *        [--help-rounds 10] [--cli-only]
 *
 * Measured: start-up time to the first answered request (an ApiVersions and a Metadata request,
 * the same probe for both) on an empty data folder and, after a clean stop, on a folder holding
 * 1,000 partitions with a few records each (median of --startup-rounds restarts); idle memory
 * (RSS), produce throughput (1 KiB records, acks=all) to 1 and 6 partitions, consume throughput,
 * loaded memory, produce-to-consume latency percentiles, and transactional produce: Apache Kafka's
 * own ProducerPerformance (kafka-tools 4.3.1, class path from packages/test-kit/kafka-tools/pom.xml) with
 * --transactional-id and --transaction-duration-ms 100 to 6 partitions (--txn-only: just that row).
 * And the command line's first answer (--cli-only: just these rows): `sluice --help`, as the
 * installed command and through npx, against Kafka's kafka-topics.sh --help, which is
 * TopicCommand's main run by a JVM (here without the script's own bash around it).
 *
 * Sluice runs as a user gets it from `npx sluice broker`: the built JavaScript in dist/ with no
 * loader (the `sluice:source` condition this script itself runs under is kept from the broker
 * process), so `npm run build` must have run; the output says which entry point it resolved.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Admin, Producer } from '@sluice/client';
import { javaTool, kafkaToolsClasspath, repoRoot, sluiceBin, startApacheKafka } from '@sluice/test-kit';
import { startSluiceProcess, userEnv, type SluiceProcess } from './sluice-process.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    'latency-samples': { type: 'string', default: '2000' },
    'startup-rounds': { type: 'string', default: '3' },
    topics: { type: 'string', default: '100' },
    'partitions-per-topic': { type: 'string', default: '10' },
    'startup-only': { type: 'boolean', default: false },
    'txn-only': { type: 'boolean', default: false },
    'help-rounds': { type: 'string', default: '10' },
    'cli-only': { type: 'boolean', default: false },
  },
});
const RECORDS = Number(values.records);
const SAMPLES = Number(values['latency-samples']);
const SIZE = 1024;
const STARTUP_ROUNDS = Number(values['startup-rounds']);
const TOPICS = Number(values.topics);
const PARTITIONS_PER_TOPIC = Number(values['partitions-per-topic']);
const RECORDS_PER_PARTITION = 5;
const HELP_ROUNDS = Number(values['help-rounds']);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface Result {
  idleMb: number;
  produce1: number;
  produce6: number;
  produceP99: number;
  consume1: number;
  consume6: number;
  loadedMb: number;
  e2eP50: number;
  e2eP99: number;
  txnProduce6: number;
}

/** ProducerPerformance in transactions of 100 ms (a commit, then the next begins), acks=all; MB/s.
 * Run asynchronously: the broker's output is piped to this process, and a blocked event loop
 * would fill that pipe and stall Kafka's logging (and Kafka with it). */
async function transactionalProduce(bootstrap: string, topic: string, records: number): Promise<number> {
  const { stdout: out } = await promisify(execFile)('java', ['-cp', await kafkaToolsClasspath(), 'org.apache.kafka.tools.ProducerPerformance',
    '--topic', topic, '--num-records', String(records), '--record-size', String(SIZE), '--throughput', '-1',
    '--command-property', `bootstrap.servers=${bootstrap}`, 'acks=all',
    '--transactional-id', `bench-txn-${Date.now()}`, '--transaction-duration-ms', '100'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  // The summary: "N records sent, R records/sec (M MB/sec), ..."
  const summary = /(\d+) records sent, [\d.]+ records\/sec \(([\d.]+) MB\/sec\)/.exec(out.trim().split('\n').at(-1) ?? '');
  if (!summary || Number(summary[1]) !== records) throw new Error(`ProducerPerformance did not report ${records} records sent:\n${out.slice(-2000)}`);
  return Number(summary[2]);
}

async function createTopics(bootstrap: string): Promise<void> {
  // Topics with 1 and 6 partitions through the Java AdminClient-free route: kcat cannot set a
  // partition count, so auto-creation is avoided and CreateTopics goes through the Java tools.
  await javaTool(['create-topic', bootstrap, 'bench-1', '1']);
  await javaTool(['create-topic', bootstrap, 'bench-6', '6']);
  await javaTool(['create-topic', bootstrap, 'bench-e2e', '1']);
  await javaTool(['create-topic', bootstrap, 'bench-txn-6', '6']);
}

async function measure(bootstrap: string, pid: number): Promise<Result> {
  await new Promise((r) => setTimeout(r, 2000));
  const idleMb = rssMb(pid);
  await createTopics(bootstrap);
  if (values['txn-only']) return { txnProduce6: await transactionalProduce(bootstrap, 'bench-txn-6', RECORDS) } as Result;
  const p1 = (await javaTool(['perf-produce', bootstrap, 'bench-1', String(RECORDS), String(SIZE)]))[0];
  const p6 = (await javaTool(['perf-produce', bootstrap, 'bench-6', String(RECORDS), String(SIZE)]))[0];
  const c1 = (await javaTool(['perf-consume', bootstrap, 'bench-1', String(RECORDS + 1)]))[0];
  const c6 = (await javaTool(['perf-consume', bootstrap, 'bench-6', String(RECORDS + 1)]))[0];
  const loadedMb = rssMb(pid);
  const e2e = (await javaTool(['perf-e2e', bootstrap, 'bench-e2e', String(SAMPLES), String(SIZE)]))[0];
  const txnProduce6 = await transactionalProduce(bootstrap, 'bench-txn-6', RECORDS);
  return {
    idleMb,
    produce1: p1.mbPerSec as number,
    produce6: p6.mbPerSec as number,
    produceP99: p6.p99Ms as number,
    consume1: c1.mbPerSec as number,
    consume6: c6.mbPerSec as number,
    loadedMb,
    e2eP50: e2e.p50Ms as number,
    e2eP99: e2e.p99Ms as number,
    txnProduce6,
  };
}

// ---- Starting Sluice as a user does, and timing it ----

/** What `sluice` will run, asked of a process with the broker's own environment. */
function sluiceEntryPoint(): string {
  const entry = execFileSync(process.execPath, ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('@sluice/cli'))"], {
    cwd: repoRoot,
    env: userEnv(),
    encoding: 'utf8',
  });
  const path = fileURLToPath(entry);
  if (!path.endsWith('.js')) throw new Error(`sluice would run ${path}, not built JavaScript`);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the packages first (npm run build)`);
  return path;
}

/** Stops it and fails unless it stopped cleanly (exit 0: every partition closed and synced). */
async function stopCleanly(broker: SluiceProcess): Promise<void> {
  const code = await broker.stop();
  if (code !== 0) throw new Error(`sluice broker did not stop cleanly (exit ${code}):\n${broker.output()}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Fills a broker with TOPICS × PARTITIONS_PER_TOPIC partitions, RECORDS_PER_PARTITION records of
 * 100 bytes in each, so that a restart opens real logs (segments, indexes, producer state), not
 * empty folders. The same client for both brokers.
 */
async function fillWithPartitions(bootstrap: string): Promise<void> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  const names = Array.from({ length: TOPICS }, (_, i) => `startup-${String(i).padStart(3, '0')}`);
  try {
    for (let i = 0; i < names.length; i += 20) {
      await admin.createTopics(names.slice(i, i + 20).map((name) => ({ name, numPartitions: PARTITIONS_PER_TOPIC, replicationFactor: 1 })));
    }
  } finally {
    await admin.close();
  }
  const producer = new Producer({ bootstrapServers: bootstrap });
  try {
    const value = Buffer.alloc(100, 'x');
    const records = names.flatMap((topic) =>
      Array.from({ length: PARTITIONS_PER_TOPIC * RECORDS_PER_PARTITION }, (_, i) => ({ topic, partition: i % PARTITIONS_PER_TOPIC, value })),
    );
    await producer.sendBatch(records);
  } finally {
    await producer.close();
  }
}

interface Startup {
  emptyMs: number;
  manyPartitionsMs: number;
}

async function sluiceStartup(): Promise<Startup> {
  const empty: number[] = [];
  for (let round = 0; round < STARTUP_ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-startup-'));
    try {
      const broker = await startSluiceProcess(dir);
      empty.push(broker.startupMs);
      await stopCleanly(broker);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-partitions-'));
  const many: number[] = [];
  try {
    const first = await startSluiceProcess(dir);
    await fillWithPartitions(`127.0.0.1:${first.port}`);
    await stopCleanly(first);
    for (let round = 0; round < STARTUP_ROUNDS; round++) {
      const broker = await startSluiceProcess(dir);
      many.push(broker.startupMs);
      await stopCleanly(broker);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { emptyMs: median(empty), manyPartitionsMs: median(many) };
}

async function kafkaStartup(): Promise<Startup> {
  const quiet = { log: () => {} };
  const measureRestarts = async (dir: string) => {
    const times: number[] = [];
    for (let round = 0; round < STARTUP_ROUNDS; round++) {
      const k = await startApacheKafka({ logDir: dir, ...quiet });
      times.push(k.startupMs);
      await k.stop(); // SIGTERM: a controlled shutdown, which writes Kafka's clean-shutdown marker
    }
    return median(times);
  };
  const emptyDir = mkdtempSync(join(tmpdir(), 'kafka-bench-startup-'));
  const manyDir = mkdtempSync(join(tmpdir(), 'kafka-bench-partitions-'));
  try {
    // Format and start once, then time starts on the formatted folder: Kafka cannot start on a
    // folder that was never formatted.
    await (await startApacheKafka({ logDir: emptyDir, ...quiet })).stop();
    const emptyMs = await measureRestarts(emptyDir);
    const first = await startApacheKafka({ logDir: manyDir, ...quiet });
    try {
      await fillWithPartitions(first.bootstrap);
    } finally {
      await first.stop();
    }
    return { emptyMs, manyPartitionsMs: await measureRestarts(manyDir) };
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(manyDir, { recursive: true, force: true });
  }
}

// ---- The command line's first answer ----

/** Wall time of one run of a command, from spawning it to its exit; fails unless it printed
 * `expected` (on either stream: Kafka's tools print their usage on stderr). */
function timeCommand(file: string, args: string[], env: NodeJS.ProcessEnv, expected: RegExp): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: repoRoot, env, maxBuffer: 1 << 22 }, (_error, stdout, stderr) => {
      const ms = performance.now() - started;
      if (expected.test(stdout) || expected.test(stderr)) resolve(ms);
      else reject(new Error(`${file} ${args.join(' ')} did not print ${expected}:\n${stdout}\n${stderr}`));
    });
  });
}

interface HelpTimes {
  sluiceMs: number;
  npxMs: number;
  kafkaMs: number;
  /** `node -e 0`: what any Node command costs before its first module, for scale. */
  nodeMs: number;
}

/** Median of HELP_ROUNDS runs of each, taking turns, after one run each that warms the page
 * cache and Node's compile cache (which `sluice` keeps between runs, as a user's second call
 * finds it). */
async function helpTimes(): Promise<HelpTimes> {
  const env = { ...userEnv(), PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  const classpath = await kafkaToolsClasspath();
  const runs = {
    sluiceMs: () => timeCommand(process.execPath, [sluiceBin, '--help'], env, /^Usage: sluice <command>/),
    npxMs: () => timeCommand('npx', ['--no', '--', 'sluice', '--help'], env, /^Usage: sluice <command>/),
    kafkaMs: () => timeCommand('java', ['-cp', classpath, 'org.apache.kafka.tools.TopicCommand', '--help'], env, /--bootstrap-server/),
    nodeMs: () => timeCommand(process.execPath, ['-e', 'console.log("started")'], env, /^started/),
  };
  const times: Record<keyof HelpTimes, number[]> = { sluiceMs: [], npxMs: [], kafkaMs: [], nodeMs: [] };
  for (let round = -1; round < HELP_ROUNDS; round++) {
    for (const [key, run] of Object.entries(runs) as [keyof HelpTimes, () => Promise<number>][]) {
      const ms = await run();
      if (round >= 0) times[key].push(ms);
    }
  }
  return { sluiceMs: median(times.sluiceMs), npxMs: median(times.npxMs), kafkaMs: median(times.kafkaMs), nodeMs: median(times.nodeMs) };
}

// ---- Throughput, latency and memory ----

async function sluice(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-broker-'));
  const broker = await startSluiceProcess(dir);
  try {
    return await measure(`127.0.0.1:${broker.port}`, broker.child.pid!);
  } finally {
    await stopCleanly(broker);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function kafka(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-bench-broker-'));
  const k = await startApacheKafka({ logDir: dir, log: () => {} });
  try {
    return await measure(k.bootstrap, k.pid);
  } finally {
    await k.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function ratioRow(label: string, sluiceValue: number, kafkaValue: number, unit: string, higherIsBetter: boolean): void {
  const ratio = sluiceValue / kafkaValue;
  console.log(`${label.padEnd(46)} ${sluiceValue.toFixed(1).padStart(10)} ${kafkaValue.toFixed(1).padStart(12)} ${unit.padEnd(5)} ${ratio.toFixed(2)}× ${higherIsBetter ? '(higher is better)' : '(lower is better)'}`);
}

const entryPoint = sluiceEntryPoint();
console.log(`Sluice: ${process.execPath} ${sluiceBin} broker, running ${entryPoint} (built JavaScript, no loader), Node ${process.version}`);
const partitions = TOPICS * PARTITIONS_PER_TOPIC;
if (!values['cli-only']) console.log(`start-up: median of ${STARTUP_ROUNDS}; ${partitions} partitions as ${TOPICS} topics × ${PARTITIONS_PER_TOPIC}, ${RECORDS_PER_PARTITION} records each, restarted after a clean stop`);
if (!values['txn-only']) console.log(`--help: median of ${HELP_ROUNDS} runs of each, after one that warms the caches`);
if (!values['startup-only'] && !values['cli-only']) console.log(`${RECORDS} records of ${SIZE} bytes, acks=all; ${SAMPLES} latency samples`);
console.log();
const startupRows = !values['txn-only'] && !values['cli-only'];
const help = values['txn-only'] ? undefined : await helpTimes();
const sStart = startupRows ? await sluiceStartup() : undefined;
const kStart = startupRows ? await kafkaStartup() : undefined;
const s = values['startup-only'] || values['cli-only'] ? undefined : await sluice();
const k = values['startup-only'] || values['cli-only'] ? undefined : await kafka();
console.log(`${''.padEnd(46)} ${'Sluice'.padStart(10)} ${'Kafka 4.3.1'.padStart(12)}   Sluice/Kafka`);
if (help) {
  ratioRow('sluice --help / kafka-topics --help', help.sluiceMs, help.kafkaMs, 'ms', false);
  ratioRow('npx sluice --help / kafka-topics --help', help.npxMs, help.kafkaMs, 'ms', false);
  console.log(`(node -e alone, for scale: ${help.nodeMs.toFixed(1)} ms)`);
}
if (sStart && kStart) {
  ratioRow('start-up to first answered request, empty', sStart.emptyMs, kStart.emptyMs, 'ms', false);
  ratioRow(`start-up to first answered request, ${partitions} p.`, sStart.manyPartitionsMs, kStart.manyPartitionsMs, 'ms', false);
}
const rows: [string, keyof Result, string, boolean][] = [
  ['memory, idle (RSS)', 'idleMb', 'MB', false],
  ['produce, 1 partition', 'produce1', 'MB/s', true],
  ['produce, 6 partitions', 'produce6', 'MB/s', true],
  ['produce p99 send-to-ack, 6 partitions', 'produceP99', 'ms', false],
  ['consume, 1 partition', 'consume1', 'MB/s', true],
  ['consume, 6 partitions', 'consume6', 'MB/s', true],
  ['memory, after the load (RSS)', 'loadedMb', 'MB', false],
  ['end-to-end latency p50', 'e2eP50', 'ms', false],
  ['end-to-end latency p99', 'e2eP99', 'ms', false],
  ['transactional produce, 6 p., 100 ms txns', 'txnProduce6', 'MB/s', true],
];
if (s && k) {
  for (const [label, key, unit, higherIsBetter] of rows) if (!values['txn-only'] || key === 'txnProduce6') ratioRow(label, s[key], k[key], unit, higherIsBetter);
  console.log('\nKafka durability note: with acks=all Kafka acknowledges once the (only) replica has the data in its page cache; Sluice acknowledges after fdatasync.');
}
if (sStart) console.log('Kafka is probed every 250 ms until it logs "Kafka Server started", then every 100 ms; Sluice every 5 ms: Kafka\'s start-up may read up to 250 ms long.');
