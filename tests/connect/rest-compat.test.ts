/**
 * One scripted session of Kafka Connect REST calls, sent to our standalone worker and to Kafka
 * Connect 4.3.1's (ConnectStandalone) on the same Sluice broker: every endpoint of issue 19, in an
 * order that walks a FileStreamSource connector through its lifecycle, plus refusals. Status codes
 * must be equal, and the JSON the same in shape (keys and value types, recursively); where Kafka's
 * answer is fixed text (error messages, offsets messages, configs) the values must be equal too.
 * What differs by nature is normalized first: connector names carry the side's prefix, worker
 * ids and paths differ, traces are stacks of different languages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer, Producer } from '@sluice/client';
import { startConnectStandalone, type ConnectStandalone } from '@sluice/connect';
import { eventually, JavaConnectStandalone } from '@sluice/test-kit';

interface Step {
  what: string;
  status: number;
  shape: unknown;
  /** The normalized JSON, where the step compares values. */
  value?: unknown;
}

/** Types in place of values: what "the same JSON shape" means here. Arrays give the union of their elements' shapes. */
function shape(v: unknown): unknown {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    const shapes = [...new Set(v.map((x) => JSON.stringify(shape(x))))].sort();
    return shapes.map((s) => JSON.parse(s));
  }
  if (typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])]));
  return typeof v;
}

/** Setting documentation is prose, which we write in our own words: left out of value comparisons. */
function withoutProse(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutProse);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'documentation').map(([k, x]) => [k, withoutProse(x)]));
  return v;
}

/** The connector-level settings we have (Kafka 4.3 has a few more: plugin versions, topic creation, exactly-once). */
const ours = new Set(['name', 'connector.class', 'tasks.max', 'tasks.max.enforce', 'key.converter', 'value.converter', 'header.converter', 'config.action.reload', 'errors.retry.timeout', 'errors.retry.delay.max.ms', 'errors.tolerance', 'errors.log.enable', 'errors.log.include.messages']);

async function session(base: string, side: string, dir: string): Promise<Step[]> {
  const steps: Step[] = [];
  const src = `${side}-src`;
  const input = join(dir, `${side}-in.txt`);
  writeFileSync(input, 'alpha\nbeta\ngamma\n');
  const norm = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null).replaceAll(`${side}-`, '').replaceAll(dir, '<dir>').replace(/"worker_id":"[^"]*"/g, '"worker_id":"<worker>"'));
  const call = async (what: string, method: string, path: string, body?: unknown, compare: 'shape' | 'value' = 'shape', pick?: (json: any) => unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json = text === '' ? null : JSON.parse(text);
    const picked = pick ? pick(json) : json;
    steps.push({ what: `${method} ${path.replaceAll(`${side}-`, '')} (${what})`, status: res.status, shape: shape(norm(picked)), ...(compare === 'value' ? { value: withoutProse(norm(picked)) } : {}) });
    return json;
  };
  const running = (state = 'RUNNING') =>
    eventually(`${src} ${state}`, async () => {
      const s = (await (await fetch(`${base}/connectors/${src}/status`)).json()) as any;
      return s.connector?.state === state && s.tasks.length === 1 && s.tasks[0].state === state;
    }, 60_000);
  const config = { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector', file: input, topic: `${side}-rest-lines`, 'tasks.max': '1' };

  await call('server info', 'GET', '/');
  await call('no connectors', 'GET', '/connectors', undefined, 'value');
  await call('FileStream plugins', 'GET', '/connector-plugins', undefined, 'value', (j: any[]) => j.filter((p) => p.class.includes('FileStream')));
  await call('every plugin type', 'GET', '/connector-plugins?connectorsOnly=false', undefined, 'value', (j: any[]) => [...new Set(j.map((p) => p.type))].sort());
  await call('validate, a missing topic', 'PUT', '/connector-plugins/FileStreamSource/config/validate', { 'connector.class': 'FileStreamSource', file: input }, 'value', (j: any) => ({
    name: j.name,
    // Kafka's source connectors have more settings (exactly-once, topic creation); the common groups and the error must agree.
    groups: j.groups.filter((g: string) => ['Common', 'Transforms', 'Predicates', 'Error Handling'].includes(g)),
    errors: j.configs.filter((c: any) => c.value?.errors.length > 0).map((c: any) => [c.value.name, c.value.errors]),
    topic: j.configs.find((c: any) => c.definition?.name === 'topic'),
    errorHandling: j.configs.filter((c: any) => c.definition?.group === 'Error Handling').map((c: any) => c.definition.name).sort(),
    common: Object.fromEntries(j.configs.filter((c: any) => ['Common', 'Error Handling'].includes(c.definition?.group) && ours.has(c.definition.name)).map((c: any) => [c.definition.name, c])),
  }));
  await call('create', 'POST', '/connectors', { name: src, config }, 'value', (j) => ({ name: j.name, config: j.config, type: j.type }));
  await call('create again', 'POST', '/connectors', { name: src, config }, 'value');
  await running();
  await call('info', 'GET', `/connectors/${src}`, undefined, 'value');
  await call('config', 'GET', `/connectors/${src}/config`, undefined, 'value');
  await call('unknown connector', 'GET', '/connectors/nope', undefined, 'value');
  await call('list', 'GET', '/connectors', undefined, 'value');
  await call('expand status', 'GET', '/connectors?expand=status', undefined, 'value');
  await call('expand info', 'GET', '/connectors?expand=info', undefined, 'value');
  await call('expand both', 'GET', '/connectors?expand=status&expand=info');
  await call('status', 'GET', `/connectors/${src}/status`, undefined, 'value');
  await call('tasks', 'GET', `/connectors/${src}/tasks`, undefined, 'value');
  await call('task status', 'GET', `/connectors/${src}/tasks/0/status`, undefined, 'value');
  await call('unknown task status', 'GET', `/connectors/${src}/tasks/9/status`, undefined, 'value');
  await call('update config', 'PUT', `/connectors/${src}/config`, { ...config, 'batch.size': '100' }, 'value', (j) => ({ name: j.name, config: j.config, type: j.type }));
  await running();
  await call('pause', 'PUT', `/connectors/${src}/pause`, undefined, 'value');
  await running('PAUSED');
  await call('paused status', 'GET', `/connectors/${src}/status`, undefined, 'value');
  await call('resume', 'PUT', `/connectors/${src}/resume`, undefined, 'value');
  await running();
  await call('restart', 'POST', `/connectors/${src}/restart`, undefined, 'value');
  await running();
  await call('restart with tasks', 'POST', `/connectors/${src}/restart?includeTasks=true&onlyFailed=false`, undefined, 'shape');
  await running();
  await call('restart only failed', 'POST', `/connectors/${src}/restart?includeTasks=true&onlyFailed=true`, undefined, 'value');
  await call('restart task', 'POST', `/connectors/${src}/tasks/0/restart`, undefined, 'value');
  await running();
  await eventually('topics known', async () => ((await (await fetch(`${base}/connectors/${src}/topics`)).json()) as any)[src]?.topics.length === 1, 60_000);
  await call('topics', 'GET', `/connectors/${src}/topics`, undefined, 'value');
  await call('reset topics', 'PUT', `/connectors/${src}/topics/reset`, undefined, 'value');
  await call('topics after reset', 'GET', `/connectors/${src}/topics`, undefined, 'value');
  await eventually('offsets stored', async () => ((await (await fetch(`${base}/connectors/${src}/offsets`)).json()) as any).offsets?.length === 1, 60_000);
  await call('offsets', 'GET', `/connectors/${src}/offsets`, undefined, 'value');
  await call('alter offsets while running', 'PATCH', `/connectors/${src}/offsets`, { offsets: [{ partition: { filename: input }, offset: { position: 6 } }] }, 'value');
  await call('stop', 'PUT', `/connectors/${src}/stop`, undefined, 'value');
  await eventually('stopped', async () => ((await (await fetch(`${base}/connectors/${src}/status`)).json()) as any).connector?.state === 'STOPPED', 60_000);
  await call('stopped status', 'GET', `/connectors/${src}/status`, undefined, 'value');
  await call('alter offsets', 'PATCH', `/connectors/${src}/offsets`, { offsets: [{ partition: { filename: input }, offset: { position: 6 } }] }, 'value');
  await call('altered offsets', 'GET', `/connectors/${src}/offsets`, undefined, 'value');
  await call('reset offsets', 'DELETE', `/connectors/${src}/offsets`, undefined, 'value');
  await call('offsets after reset', 'GET', `/connectors/${src}/offsets`, undefined, 'value');
  // A sink's offsets are its consumer group's (connect-<name>).
  const sink = `${side}-sink`;
  await call('create a sink', 'PUT', `/connectors/${sink}/config`, { 'connector.class': 'FileStreamSink', file: join(dir, `${side}-out.txt`), topics: `${side}-rest-lines` }, 'value', (j) => ({ name: j.name, config: j.config, type: j.type }));
  await eventually('sink offsets committed', async () => ((await (await fetch(`${base}/connectors/${sink}/offsets`)).json()) as any).offsets?.[0]?.offset?.kafka_offset === 3, 60_000);
  await call('sink offsets', 'GET', `/connectors/${sink}/offsets`, undefined, 'value');
  await call('stop the sink', 'PUT', `/connectors/${sink}/stop`, undefined, 'value');
  await eventually('sink stopped', async () => ((await (await fetch(`${base}/connectors/${sink}/status`)).json()) as any).connector?.state === 'STOPPED', 60_000);
  await call('alter sink offsets', 'PATCH', `/connectors/${sink}/offsets`, { offsets: [{ partition: { kafka_topic: `${side}-rest-lines`, kafka_partition: 0 }, offset: { kafka_offset: 1 } }] }, 'value');
  await call('altered sink offsets', 'GET', `/connectors/${sink}/offsets`, undefined, 'value');
  await call('reset sink offsets', 'DELETE', `/connectors/${sink}/offsets`, undefined, 'value');
  await call('sink offsets after reset', 'GET', `/connectors/${sink}/offsets`, undefined, 'value');
  await call('delete the sink', 'DELETE', `/connectors/${sink}`, undefined, 'value');
  await call('unknown class', 'PUT', `/connectors/${side}-bad/config`, { 'connector.class': 'com.example.NoSuchConnector', topic: 't' }, 'value', (j) => ({ error_code: j.error_code, message: j.message.split(',')[0] }));
  await call('invalid config', 'PUT', `/connectors/${side}-bad/config`, { 'connector.class': 'FileStreamSource', file: input, 'tasks.max': '0' }, 'value', (j) => ({ error_code: j.error_code, message: j.message.split('\n').slice(0, 1) }));
  // Kafka's worker logs through log4j2 here, as its distribution does (tests/compat/connect/pom.xml), and lists every
  // logger its classes made; so the list is compared only for the names this session sets. The levels set are
  // neither side's root level (Kafka's is WARN here, ours INFO), so what counts as changed is the same.
  const ns = 'org.apache.kafka.connect.sluicetest';
  await call('loggers', 'GET', '/admin/loggers', undefined, 'value', (j) => typeof j);
  await call('unknown logger', 'GET', `/admin/loggers/${ns}.Child`, undefined, 'value');
  await call('set a logger', 'PUT', `/admin/loggers/${ns}.Child`, { level: 'DEBUG' }, 'value');
  await call('set it to the same level', 'PUT', `/admin/loggers/${ns}.Child`, { level: 'DEBUG' }, 'value');
  await call('a logger set', 'GET', `/admin/loggers/${ns}.Child`, undefined, 'shape');
  await call('set its parent', 'PUT', `/admin/loggers/${ns}`, { level: 'ERROR' }, 'value');
  await call('the child follows', 'GET', `/admin/loggers/${ns}.Child`, undefined, 'value', (j) => j.level);
  await call('a name that only starts alike, lower case', 'PUT', `/admin/loggers/${ns}x`, { level: 'trace' }, 'value');
  await call('an unknown scope is the worker', 'PUT', `/admin/loggers/${ns}?scope=galaxy`, { level: 'FATAL' }, 'value');
  await call('cluster scope', 'PUT', `/admin/loggers/${ns}?scope=cluster`, { level: 'ERROR' }, 'value');
  await call('no level', 'PUT', `/admin/loggers/${ns}`, {}, 'value');
  await call('an unknown level', 'PUT', `/admin/loggers/${ns}`, { level: 'LOUD' }, 'value');
  await call('the loggers set', 'GET', '/admin/loggers', undefined, 'value', (j: Record<string, { level: string }>) => Object.fromEntries(Object.entries(j).filter(([k]) => k.startsWith(ns)).map(([k, v]) => [k, v.level])));
  await call('delete', 'DELETE', `/connectors/${src}`, undefined, 'value');
  await call('deleted', 'GET', `/connectors/${src}`, undefined, 'value');
  return steps;
}

/**
 * A sink with errors.tolerance=all and a dead letter queue, run by one worker: records whose value
 * converter or transform fails go to the DLQ with Kafka's context headers, the others to the file.
 * Returns the sink file's lines and each DLQ record with its headers, normalized where the sides
 * differ by nature (the side's prefix, stack traces, a value's type named by each language, the
 * JSON parser's own words).
 */
async function deadLetterSession(base: string, side: string, dir: string, bootstrap: string): Promise<{ lines: string[]; dead: unknown[] }> {
  const input = `${side}-dlq-in`;
  const dlq = `${side}-dlq`;
  const output = join(dir, `${side}-dlq-out.txt`);
  const producer = new Producer({ bootstrapServers: bootstrap });
  try {
    await producer.sendBatch([
      { topic: input, partition: 0, key: 'k1', value: '{"id":"a1","n":1}', headers: [{ key: 'origin', value: 'test' }], timestamp: 1_700_000_000_001 },
      { topic: input, partition: 0, key: 'k2', value: 'not json', timestamp: 1_700_000_000_002 },
      { topic: input, partition: 0, key: 'k3', value: '"plain"', headers: [{ key: 'origin', value: 'test3' }], timestamp: 1_700_000_000_003 },
      { topic: input, partition: 0, key: 'k4', value: '{"id":"a4"}', timestamp: 1_700_000_000_004 },
    ]);
  } finally {
    await producer.close();
  }
  const res = await fetch(`${base}/connectors/${side}-dlq-sink/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      'connector.class': 'FileStreamSink',
      topics: input,
      file: output,
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      transforms: 'pick',
      'transforms.pick.type': 'org.apache.kafka.connect.transforms.ExtractField$Value',
      'transforms.pick.field': 'id',
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.deadletterqueue.topic.name': dlq,
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
    }),
  });
  assert.equal(res.status, 201, await res.text());
  const lines = () => (existsSync(output) ? readFileSync(output, 'utf8').split('\n').filter(Boolean) : []);
  await eventually(`${side}: two lines in the sink file`, () => lines().length >= 2, 60_000);
  // The failed records came before the last good one, so their dead letter queue (and its topic) exists by now.
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest' });
  consumer.assign([{ topic: dlq, partition: 0 }]);
  const records: Awaited<ReturnType<Consumer['poll']>> = [];
  try {
    await eventually(`${side}: two records in the dead letter queue`, async () => {
      records.push(...(await consumer.poll({ timeoutMs: 500 })));
      return records.length >= 2;
    }, 60_000);
  } finally {
    await consumer.close();
  }
  const text = (b: Buffer | null | undefined) => (b === null || b === undefined ? null : b.toString());
  const normalize = (key: string, value: string | null) => {
    if (value === null) return null;
    if (key === '__connect.errors.exception.stacktrace') return value.length > 0 ? '<stack trace>' : '';
    return value
      .replaceAll(`${side}-`, '')
      .replace(/found: \S+/, 'found: <type>')
      .replace(/serialization error: .*$/s, 'serialization error: <parser>');
  };
  const dead = records.map((r) => ({
    key: text(r.key),
    value: text(r.value),
    timestamp: Number(r.timestamp),
    headers: r.headers.map((h) => [h.key, normalize(h.key, text(h.value))]),
  }));
  return { lines: lines(), dead };
}

describe('Kafka Connect REST API: ours and Kafka Connect 4.3.1 on one Sluice broker', () => {
  let broker: Broker;
  let dir: string;
  let ours: ConnectStandalone;
  let java: JavaConnectStandalone;

  before(async () => {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-rest-'));
    const worker = { 'bootstrap.servers': broker.bootstrap, 'offset.flush.interval.ms': '200', 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };
    ours = await startConnectStandalone({ worker: { ...worker, listeners: 'http://127.0.0.1:0', 'offset.storage.file.filename': join(dir, 'ours.offsets') }, log: () => undefined });
    java = await JavaConnectStandalone.start(dir, { ...worker, 'offset.storage.file.filename': join(dir, 'java.offsets') });
  }, { timeout: 240_000 });

  after(async () => {
    await ours?.stop();
    await java?.stop();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the same status codes and JSON shapes, and Kafka\'s texts, for every endpoint', { timeout: 300_000 }, async () => {
    const theirs = await session(java.url, 'java', dir);
    const mine = await session(ours.url, 'ours', dir);
    assert.deepEqual(mine.map((s) => s.what), theirs.map((s) => s.what));
    // Key order carries no meaning in JSON objects; arrays keep theirs.
    const canonical = (v: unknown): unknown => (Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v);
    const differences = mine.flatMap((s, i) => (JSON.stringify(canonical(s)) === JSON.stringify(canonical(theirs[i])) ? [] : [{ ours: s, kafka: theirs[i] }]));
    if (process.env.SLUICE_CONNECT_REST_DUMP) writeFileSync(process.env.SLUICE_CONNECT_REST_DUMP, JSON.stringify({ ours: mine, kafka: theirs }));
    assert.deepEqual(differences, [], `${differences.length} of ${mine.length} steps differ:\n${JSON.stringify(differences, null, 1)}`);
  });

  test('a dead letter queue gets the records Kafka Connect puts there, with Kafka\'s context headers', { timeout: 180_000 }, async () => {
    const [theirs, mine] = await Promise.all([deadLetterSession(java.url, 'java', dir, broker.bootstrap), deadLetterSession(ours.url, 'ours', dir, broker.bootstrap)]);
    assert.deepEqual(theirs.lines, ['a1', 'a4'], 'Kafka Connect wrote the records that pass');
    assert.equal(theirs.dead.length, 2, JSON.stringify(theirs.dead));
    assert.deepEqual(mine, theirs);
  });
});
