/**
 * bench/broker: Sluice against Apache Kafka 4.3.1 (single node, KRaft, default settings), one
 * after the other on this machine, driven by the same Java client programs
 * (tests/support/java, kafka-clients 4.3.1). Prints each figure and the Sluice/Kafka ratio.
 *
 *   node --conditions=sluice:source --import tsx bench/broker/run.ts [--records 200000] [--latency-samples 2000]
 *
 * Measured: start-up time to the first answered request, idle memory (RSS), produce throughput
 * (1 KiB records, acks=all) to 1 and 6 partitions, consume throughput, loaded memory, and
 * produce-to-consume latency percentiles.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApacheKafka } from '../../tests/compat/kafka/apache-kafka.js';
import { javaTool } from '../../tests/support/java.js';
import { freePort, startBrokerProcess } from '../../tests/support/processes.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' }, 'latency-samples': { type: 'string', default: '2000' } } });
const RECORDS = Number(values.records);
const SAMPLES = Number(values['latency-samples']);
const SIZE = 1024;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface Result {
  startupMs: number;
  idleMb: number;
  produce1: number;
  produce6: number;
  produceP99: number;
  consume1: number;
  consume6: number;
  loadedMb: number;
  e2eP50: number;
  e2eP99: number;
}

async function createTopics(bootstrap: string): Promise<void> {
  // Topics with 1 and 6 partitions through the Java AdminClient-free route: kcat cannot set a
  // partition count, so auto-creation is avoided and CreateTopics goes through the Java tools.
  await javaTool(['create-topic', bootstrap, 'bench-1', '1']);
  await javaTool(['create-topic', bootstrap, 'bench-6', '6']);
  await javaTool(['create-topic', bootstrap, 'bench-e2e', '1']);
}

async function measure(bootstrap: string, pid: number, startupMs: number): Promise<Result> {
  await new Promise((r) => setTimeout(r, 2000));
  const idleMb = rssMb(pid);
  await createTopics(bootstrap);
  const p1 = (await javaTool(['perf-produce', bootstrap, 'bench-1', String(RECORDS), String(SIZE)]))[0];
  const p6 = (await javaTool(['perf-produce', bootstrap, 'bench-6', String(RECORDS), String(SIZE)]))[0];
  const c1 = (await javaTool(['perf-consume', bootstrap, 'bench-1', String(RECORDS + 1)]))[0];
  const c6 = (await javaTool(['perf-consume', bootstrap, 'bench-6', String(RECORDS + 1)]))[0];
  const loadedMb = rssMb(pid);
  const e2e = (await javaTool(['perf-e2e', bootstrap, 'bench-e2e', String(SAMPLES), String(SIZE)]))[0];
  return {
    startupMs,
    idleMb,
    produce1: p1.mbPerSec as number,
    produce6: p6.mbPerSec as number,
    produceP99: p6.p99Ms as number,
    consume1: c1.mbPerSec as number,
    consume6: c6.mbPerSec as number,
    loadedMb,
    e2eP50: e2e.p50Ms as number,
    e2eP99: e2e.p99Ms as number,
  };
}

async function sluice(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-broker-'));
  const port = await freePort();
  const started = Date.now();
  const broker = await startBrokerProcess(port, dir);
  const startupMs = Date.now() - started;
  try {
    return await measure(`127.0.0.1:${port}`, broker.child.pid!, startupMs);
  } finally {
    broker.child.kill('SIGTERM');
    await broker.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function kafka(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-bench-broker-'));
  // Format and start once, then time a start on the formatted folder, as for Sluice.
  await (await startApacheKafka({ logDir: dir, log: () => {} })).stop();
  const k = await startApacheKafka({ logDir: dir, log: () => {} });
  try {
    return await measure(k.bootstrap, k.pid, k.startupMs);
  } finally {
    await k.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}


console.log(`${RECORDS} records of ${SIZE} bytes, acks=all; ${SAMPLES} latency samples\n`);
const s = await sluice();
const k = await kafka();
const rows: [string, keyof Result, string, boolean][] = [
  ['start-up to first answered request', 'startupMs', 'ms', false],
  ['memory, idle (RSS)', 'idleMb', 'MB', false],
  ['produce, 1 partition', 'produce1', 'MB/s', true],
  ['produce, 6 partitions', 'produce6', 'MB/s', true],
  ['produce p99 send-to-ack, 6 partitions', 'produceP99', 'ms', false],
  ['consume, 1 partition', 'consume1', 'MB/s', true],
  ['consume, 6 partitions', 'consume6', 'MB/s', true],
  ['memory, after the load (RSS)', 'loadedMb', 'MB', false],
  ['end-to-end latency p50', 'e2eP50', 'ms', false],
  ['end-to-end latency p99', 'e2eP99', 'ms', false],
];
console.log(`${''.padEnd(40)} ${'Sluice'.padStart(10)} ${'Kafka 4.3.1'.padStart(12)}   Sluice/Kafka`);
for (const [label, key, unit, higherIsBetter] of rows) {
  const ratio = s[key] / k[key];
  console.log(`${label.padEnd(40)} ${s[key].toFixed(1).padStart(10)} ${k[key].toFixed(1).padStart(12)} ${unit.padEnd(5)} ${ratio.toFixed(2)}× ${higherIsBetter ? '(higher is better)' : '(lower is better)'}`);
}
console.log('\nKafka durability note: with acks=all Kafka acknowledges once the (only) replica has the data in its page cache; Sluice acknowledges after fdatasync.');
