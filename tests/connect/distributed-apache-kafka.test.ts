/**
 * Sluice's Connect workers against Apache Kafka 4.3.1 (the issue's "works against Sluice and
 * against Apache Kafka"): two distributed workers in this process, with exactly-once source
 * support enabled, run a file source into a topic and a file sink out of it. On Kafka the
 * storage topics, the Connect group, the leader's fencable config writes, the tasks'
 * transactional producers and the zombie fencing all meet Kafka's own coordinators. Then the
 * worker running the source task stops (leaving the group), the other takes everything over, and
 * the lines written meanwhile arrive too: every line in the sink's file once, in order.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConnectDistributed, type ConnectDistributed } from '@sluice/connect';
import { eventually, startApacheKafka, type ApacheKafka } from '@sluice/test-kit';
import { distributedWorkerSettings } from './support.ts';

let kafka: ApacheKafka;
let dir: string;
const workers: ConnectDistributed[] = [];
const logs: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-connect-on-kafka-'));
  kafka = await startApacheKafka({ config: { 'group.min.session.timeout.ms': '1000' } });
}, { timeout: 300_000 });

after(async () => {
  for (const w of workers) await w.stop().catch(() => undefined);
  await kafka?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(name: string): Promise<ConnectDistributed> {
  return startConnectDistributed({
    worker: distributedWorkerSettings({ bootstrap: kafka.bootstrap, groupId: 'sluice-connect-on-kafka', topicPrefix: 'on-kafka' }, { 'exactly.once.source.support': 'enabled' }),
    log: (line) => void logs.push(`${name}: ${line}`),
  });
}

async function rest(worker: ConnectDistributed, path: string, method = 'GET', body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(new URL(path, worker.url), { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text) };
}

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line-${from + i}`);
const failWithLogs = (e: Error) => assert.fail(`${e.message}\n${logs.slice(-80).join('\n')}`);

test('two Sluice Connect workers on Apache Kafka 4.3.1: exactly-once file source to topic to file sink, through a worker leaving', { timeout: 300_000 }, async () => {
  const input = join(dir, 'input.txt');
  const output = join(dir, 'output.txt');
  writeFileSync(input, lines(0, 500).join('\n') + '\n');
  workers.push(await startWorker('a'), await startWorker('b'));

  await eventually('the group has a leader that takes the source', async () => {
    const r = await rest(workers[0]!, '/connectors/lines-in/config', 'PUT', { 'connector.class': 'FileStreamSource', file: input, topic: 'on-kafka-lines', 'tasks.max': '1', 'exactly.once.support': 'required' });
    return r.status === 201 || r.status === 200;
  }, 90_000).catch(failWithLogs);
  await eventually('the group takes the sink', async () => {
    const r = await rest(workers[1]!, '/connectors/lines-out/config', 'PUT', { 'connector.class': 'FileStreamSink', file: output, topics: 'on-kafka-lines', 'tasks.max': '1' });
    return r.status === 201 || r.status === 200;
  }, 90_000).catch(failWithLogs);

  const sinkLines = () => (existsSync(output) ? readFileSync(output, 'utf8').split('\n').filter(Boolean) : []);
  await eventually('the first 500 lines reach the sink', async () => sinkLines().length >= 500, 120_000).catch(failWithLogs);

  // Every connector and task RUNNING, and both workers answer the same.
  const status = async (w: ConnectDistributed, name: string) => (await rest(w, `/connectors/${name}/status`)).json;
  const source = await status(workers[0]!, 'lines-in');
  assert.equal(source.connector.state, 'RUNNING', JSON.stringify(source));
  assert.equal(source.tasks[0].state, 'RUNNING', JSON.stringify(source));
  assert.deepEqual(await status(workers[1]!, 'lines-in'), source);

  // The worker running the source task leaves; the other takes it over from the committed offsets.
  const owner = workers.findIndex((w) => w.url.includes(source.tasks[0].worker_id));
  assert.ok(owner >= 0, `the source task runs on ${source.tasks[0].worker_id}, none of ${workers.map((w) => w.url)}`);
  const [leaving] = workers.splice(owner, 1);
  await leaving!.stop();
  appendFileSync(input, lines(500, 800).join('\n') + '\n');
  const remaining = workers[0]!;
  await eventually('the remaining worker runs the source task', async () => {
    const s = await status(remaining, 'lines-in');
    return s?.tasks?.[0]?.state === 'RUNNING' && remaining.url.includes(s.tasks[0].worker_id);
  }, 90_000).catch(failWithLogs);
  await eventually('all 800 lines reach the sink', async () => sinkLines().length >= 800, 120_000).catch(failWithLogs);
  assert.deepEqual(sinkLines(), lines(0, 800), 'the sink has every line once, in order');
});
