/**
 * A mixed Connect group: Kafka Connect 4.3.1's own distributed worker (ConnectDistributed, one
 * JVM) and ours share a group.id and the three storage topics on one Sluice broker, with the
 * default `sessioned` protocol (signed task configs between workers).
 * 1. Ours starts first and leads; Java's joins. Two FileStreamSource connectors are created
 *    through Java's REST API (forwarded to our leader). FileStreamSourceConnector makes one task
 *    whatever tasks.max says (Java's and ours), so two connectors give each worker a connector
 *    and a task: the connector Java runs sends its task configs, signed, to our leader, which
 *    must accept them for that task to exist. Every line reaches its topic once; our /status
 *    shows tasks on both workers.
 * 2. Once every line's source offset is committed (GET /offsets), ours stops: Java leads, takes
 *    every task over after scheduled.rebalance.max.delay.ms and goes on from the committed
 *    offsets. Kafka's source tasks are at-least-once, redelivering only what was not committed;
 *    everything was, so lines appended afterwards arrive and nothing arrives twice.
 * 3. A new worker of ours joins the Java-led group and is given work by Java's incremental
 *    cooperative assignor; a connector created through our REST API is forwarded to the Java
 *    leader, and a connector run by ours, reconfigured, has its new task configs (sent by ours to
 *    the Java leader with our signature) accepted.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer } from '@sluice/client';
import { startConnectDistributed, type ConnectDistributed } from '@sluice/connect';
import { createTopicsAndWait, eventually, JavaConnectDistributed, type JavaConnectWorker } from '@sluice/test-kit';
import { distributedWorkerSettings } from './support.ts';

let broker: Broker;
let dir: string;
let java: JavaConnectWorker | undefined;
const ours: ConnectDistributed[] = [];
const logs: string[] = [];

/** Both sides' worker settings (the Java worker chooses its own listeners). */
const settings = (): Record<string, string> =>
  distributedWorkerSettings({ bootstrap: broker.bootstrap, groupId: 'mixed-connect', topicPrefix: 'mixed' }, { 'scheduled.rebalance.max.delay.ms': '1000' });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-connect-mixed-'));
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  await createTopicsAndWait(broker.bootstrap, ['a', 'b', 'c'].map((s) => ({ name: `mixed-lines-${s}`, partitions: 1 })));
}, { timeout: 120_000 });

after(async () => {
  for (const w of ours) await w.stop().catch(() => undefined);
  await java?.stop();
  await broker?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startOurs(name: string): Promise<ConnectDistributed> {
  return startConnectDistributed({ worker: settings(), log: (line) => void logs.push(`${name}: ${line}`) });
}

async function rest(url: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(new URL(path, url), { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text) };
}

const workerId = (url: string) => new URL(url).host;
const lines = (side: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${side}-${from + i}`);
const inputOf = (side: string) => join(dir, `${side}.txt`);
const sourceConfig = (side: string) => ({ 'connector.class': 'FileStreamSource', file: inputOf(side), topic: `mixed-lines-${side}`, 'tasks.max': '2' });

/** Every value in the topic, from its beginning to its end now. */
async function topicValues(topic: string): Promise<string[]> {
  const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
  try {
    const tp = { topic, partition: 0 };
    consumer.assign([tp]);
    const [end] = await consumer.endOffsets([tp]);
    const out: string[] = [];
    while ((await consumer.position(tp)) < end!.offset) out.push(...(await consumer.poll({ timeoutMs: 200 })).map((r) => r.value?.toString() ?? ''));
    return out;
  } finally {
    await consumer.close();
  }
}

function context(): string {
  return `\n--- ours (end) ---\n${logs.slice(-60).join('\n')}\n--- Kafka Connect 4.3.1 (end) ---\n${java?.log.slice(-6000) ?? ''}`;
}
const failWithLogs = (e: Error) => assert.fail(`${e.message}${context()}`);

/** Waits until the topic holds `expected` (a check that could only see more records later fails at once on a wrong prefix). */
async function topicHolds(side: string, expected: string[]): Promise<void> {
  let seen: string[] = [];
  await eventually(`mixed-lines-${side} holds ${expected.length} lines`, async () => {
    seen = await topicValues(`mixed-lines-${side}`);
    return seen.length >= expected.length;
  }, 60_000).catch(failWithLogs);
  assert.deepEqual(seen, expected, `mixed-lines-${side}: every line once, in order`);
}

async function statusOf(url: string, name: string): Promise<any> {
  return (await rest(url, `/connectors/${name}/status`)).json;
}

const allRunning = (s: any) => s?.connector?.state === 'RUNNING' && s.tasks?.length === 1 && s.tasks[0].state === 'RUNNING';

test('Kafka Connect 4.3.1 and Sluice distributed workers in one group: forwarding, signed task configs, takeover from offsets', { timeout: 240_000 }, async () => {
  for (const side of ['a', 'b', 'c']) writeFileSync(inputOf(side), lines(side, 0, 100).join('\n') + '\n');

  // 1. Ours leads, Java's joins; connectors created through Java's REST API.
  const first = await startOurs('ours-1');
  ours.push(first);
  java = await JavaConnectDistributed.start(dir, settings());
  for (const side of ['a', 'b']) {
    await eventually(`connector ${side} created through the Java worker`, async () => {
      const r = await rest(java!.url, `/connectors`, 'POST', { name: `mixed-${side}`, config: sourceConfig(side) });
      if (r.status === 201) return true;
      if (r.status !== 409 && r.status !== 500) assert.fail(`POST /connectors answered ${r.status} ${JSON.stringify(r.json)}`);
      return false;
    }, 90_000).catch(failWithLogs);
  }
  const javaId = workerId(java.url);
  const firstId = workerId(first.url);
  await eventually('both connectors and their tasks run, a task on each worker', async () => {
    const statuses = await Promise.all(['a', 'b'].map((s) => statusOf(first.url, `mixed-${s}`)));
    if (!statuses.every(allRunning)) return false;
    const taskWorkers = new Set(statuses.map((s) => s.tasks[0].worker_id));
    return taskWorkers.has(javaId) && taskWorkers.has(firstId);
  }, 90_000).catch(failWithLogs);
  // The leader is ours (the first member); the Java worker ran one of the connectors, so its task configs reached our leader signed.
  const joins = (name: string) => logs.filter((l) => l.startsWith(`${name}: Joined group`));
  assert.ok(joins('ours-1').some((l) => l.includes(`(leader ${first.url}, this worker;`) && l.includes('connectors [mixed-')), `ours led the group that shared the connectors:\n${joins('ours-1').join('\n')}`);
  const byJava = (await Promise.all(['a', 'b'].map(async (s) => ({ s, status: await statusOf(first.url, `mixed-${s}`) })))).filter((x) => x.status.connector.worker_id === javaId);
  assert.equal(byJava.length, 1, 'the Java worker runs one of the two connectors');
  assert.deepEqual(await statusOf(java.url, 'mixed-a'), await statusOf(first.url, 'mixed-a'), 'both workers answer the same status');
  for (const side of ['a', 'b']) await topicHolds(side, lines(side, 0, 100));

  // 2. Every line's offset committed, ours stops: Java's worker leads and takes everything over from those offsets.
  for (const side of ['a', 'b']) {
    await eventually(`mixed-${side}'s offsets committed to the end of its file`, async () => {
      const r = await rest(java!.url, `/connectors/mixed-${side}/offsets`);
      const position = r.json?.offsets?.[0]?.offset?.position;
      return position === lines(side, 0, 100).join('\n').length + 1;
    }, 60_000).catch(failWithLogs);
  }
  await first.stop();
  ours.splice(ours.indexOf(first), 1);
  for (const side of ['a', 'b']) appendFileSync(inputOf(side), lines(side, 100, 150).join('\n') + '\n');
  await eventually('the Java worker runs every connector and task', async () => {
    const statuses = await Promise.all(['a', 'b'].map((s) => statusOf(java!.url, `mixed-${s}`)));
    return statuses.every((s) => allRunning(s) && s.connector.worker_id === javaId && s.tasks[0].worker_id === javaId);
  }, 60_000).catch(failWithLogs);
  for (const side of ['a', 'b']) await topicHolds(side, lines(side, 0, 150));

  // 3. A new worker of ours joins the Java-led group and is given work.
  const second = await startOurs('ours-2');
  ours.push(second);
  const secondId = workerId(second.url);
  await eventually('the Java leader gives our new worker a connector and a task', async () => {
    const statuses = await Promise.all(['a', 'b'].map((s) => statusOf(second.url, `mixed-${s}`)));
    return statuses.every(allRunning) && statuses.some((s) => s.connector.worker_id === secondId) && statuses.some((s) => s.tasks[0].worker_id === secondId);
  }, 60_000).catch(failWithLogs);
  const javaLed = (l: string) => l.includes(`(leader ${java!.url}/;`) || l.includes(`(leader ${java!.url};`);
  assert.ok(joins('ours-2').length > 0 && joins('ours-2').every(javaLed), `the Java worker led every generation our new worker joined:\n${joins('ours-2').join('\n')}`);
  const created = await rest(second.url, '/connectors', 'POST', { name: 'mixed-c', config: sourceConfig('c') });
  assert.equal(created.status, 201, `created through our worker, forwarded to the Java leader: ${JSON.stringify(created.json)}${context()}`);
  await eventually('mixed-c runs', async () => allRunning(await statusOf(java!.url, 'mixed-c')), 60_000).catch(failWithLogs);
  await topicHolds('c', lines('c', 0, 100));

  // A connector ours runs, reconfigured: ours makes its task configs and sends them to the Java leader, signed.
  const onSecond = (await Promise.all(['a', 'b', 'c'].map(async (s) => ({ s, status: await statusOf(second.url, `mixed-${s}`) })))).find((x) => x.status.connector.worker_id === secondId);
  assert.ok(onSecond, 'our worker runs a connector');
  const reconfigured = await rest(second.url, `/connectors/mixed-${onSecond.s}/config`, 'PUT', { ...sourceConfig(onSecond.s), 'batch.size': '7' });
  assert.equal(reconfigured.status, 200, JSON.stringify(reconfigured.json));
  await eventually(`the Java leader accepts the task configs our worker made for mixed-${onSecond.s}`, async () => {
    const tasks = (await rest(java!.url, `/connectors/mixed-${onSecond.s}/tasks`)).json;
    return Array.isArray(tasks) && tasks.length === 1 && tasks[0].config['batch.size'] === '7';
  }, 60_000).catch(failWithLogs);
  const status = await statusOf(java.url, `mixed-${onSecond.s}`);
  assert.equal(status.connector.worker_id, secondId, 'the connector still runs on ours, which made the task configs');
  assert.ok(allRunning(status), JSON.stringify(status));
});
