/**
 * bench/connect: a FileStreamSource → topic → FileStreamSink pipeline, records per second from
 * creating the two connectors to the last line in the sink's file, on our standalone worker and
 * on Kafka Connect 4.3.1's (ConnectStandalone, Kafka's FileStream connectors), against the same
 * Sluice broker process in the same run. Both use StringConverter, Kafka's default batch.size
 * (2000) and the same offset flush interval. Our worker runs in this process; the broker and the
 * Java worker in their own.
 *
 *   node --conditions=sluice:source bench/connect/run.ts [--records 200000] [--rounds 2]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startConnectStandalone } from '@sluice/connect';
import { freePort, JavaConnectStandalone, startBrokerProcess } from '@sluice/test-kit';

const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' }, rounds: { type: 'string', default: '2' } } });
const RECORDS = Number(values.records);
const ROUNDS = Number(values.rounds);

const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-connect-'));
const input = join(dir, 'input.txt');
// Order-like lines of about 100 bytes.
writeFileSync(input, Array.from({ length: RECORDS }, (_, i) => `{"order":${i},"customer":"customer-${i % 997}","sku":"sku-${i % 313}","quantity":${1 + (i % 5)},"price":${(i % 1000) / 10}}\n`).join(''));
const inputBytes = statSync(input).size;

const brokerPort = await freePort();
const broker = await startBrokerProcess(brokerPort, join(dir, 'data'), ['--set', 'group.initial.rebalance.delay.ms=0']);
const bootstrap = `127.0.0.1:${brokerPort}`;
const worker = { 'bootstrap.servers': bootstrap, 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter', 'offset.flush.interval.ms': '10000' };

async function put(base: string, name: string, config: Record<string, string>): Promise<void> {
  const res = await fetch(`${base}/connectors/${name}/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  if (res.status !== 201) throw new Error(`PUT ${name}: ${res.status} ${await res.text()}`);
}

/** Seconds from creating the pipeline's connectors to the sink file holding every line. */
async function pipeline(base: string, run: string): Promise<number> {
  const output = join(dir, `${run}.out`);
  const topic = `bench-${run}`;
  const started = performance.now();
  await put(base, `${run}-source`, { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector', file: input, topic });
  await put(base, `${run}-sink`, { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', file: output, topics: topic });
  const deadline = Date.now() + 600_000;
  for (;;) {
    let size = 0;
    try {
      size = statSync(output).size;
    } catch {
      // not created yet
    }
    if (size >= inputBytes) break;
    if (Date.now() > deadline) throw new Error(`${run}: ${size} of ${inputBytes} bytes after 10 minutes`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  for (const name of [`${run}-source`, `${run}-sink`]) await fetch(`${base}/connectors/${name}`, { method: 'DELETE' });
  return seconds;
}

const results: { side: string; round: number; seconds: number }[] = [];
try {
  const ours = await startConnectStandalone({ worker: { ...worker, listeners: 'http://127.0.0.1:0', 'offset.storage.file.filename': join(dir, 'ours.offsets') }, log: () => undefined });
  const java = await JavaConnectStandalone.start(dir, { ...worker, 'offset.storage.file.filename': join(dir, 'java.offsets') });
  try {
    // Alternating sides, so that neither always runs on a warmer machine.
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [side, base] of [['sluice', ours.url], ['kafka', java.url]] as const) {
        const seconds = await pipeline(base, `${side}-${round}`);
        results.push({ side, round, seconds });
        console.log(`${side} round ${round}: ${RECORDS} records in ${seconds.toFixed(2)} s = ${Math.round(RECORDS / seconds)} records/s`);
      }
    }
  } finally {
    await ours.stop();
    await java.stop();
  }
} finally {
  broker.child.kill('SIGTERM');
  await broker.exited;
  rmSync(dir, { recursive: true, force: true });
}
const best = (side: string) => Math.min(...results.filter((r) => r.side === side).map((r) => r.seconds));
const rate = (side: string) => RECORDS / best(side);
console.log(`\nbest of ${ROUNDS}: Sluice ${Math.round(rate('sluice'))} records/s, Kafka Connect 4.3.1 ${Math.round(rate('kafka'))} records/s, Sluice/Kafka ${(rate('sluice') / rate('kafka')).toFixed(2)}×`);
