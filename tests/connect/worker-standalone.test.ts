/**
 * The standalone Connect worker on a Sluice broker, driven through its REST API as a user does:
 * a FileStreamSource → topic → FileStreamSink pipeline that must end with every line, in order
 * (with more lines appended while it runs and a restart of the worker from its offsets file),
 * the lifecycle endpoints (pause, resume, stop, offsets, restart, delete), and bad input: an
 * unknown class, a config that fails validation, a transform that throws (FAILED with its trace,
 * then tolerated into a dead letter queue with Kafka's context headers), none of which ends the
 * worker.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer, Producer } from '@sluice/client';
import { startConnectStandalone, type ConnectStandalone, DLQ_HEADERS, generateEvent, JsonConverter } from '@sluice/connect';
import { eventually } from '@sluice/test-kit';

async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text) };
}

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i} ${'x'.repeat((from + i) % 37)}`);
const readLines = (file: string) => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
};

describe('standalone Connect worker on Sluice', () => {
  let broker: Broker;
  let dir: string;
  let worker: ConnectStandalone;
  const log: string[] = [];
  const workerProps = () => ({
    'bootstrap.servers': broker.bootstrap,
    listeners: 'http://127.0.0.1:0',
    'offset.storage.file.filename': join(dir, 'connect.offsets'),
    'offset.flush.interval.ms': '300',
  });

  before(async () => {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-'));
    worker = await startConnectStandalone({ worker: workerProps(), log: (l) => log.push(l) });
  });

  after(async () => {
    await worker?.stop();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('file → topic → file: every line arrives, in order, across more input and a worker restart', { timeout: 180_000 }, async () => {
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    writeFileSync(input, `${lines(0, 3000).join('\n')}\n`);
    const base = worker.url;
    const created = await call(base, 'PUT', '/connectors/file-in/config', { 'connector.class': 'FileStreamSource', file: input, topic: 'lines', 'batch.size': '500' });
    assert.equal(created.status, 201);
    assert.deepEqual(created.json.tasks, [{ connector: 'file-in', task: 0 }]);
    assert.equal(created.json.type, 'source');
    const sink = await call(base, 'POST', '/connectors', { name: 'file-out', config: { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', file: output, topics: 'lines' } });
    assert.equal(sink.status, 201, JSON.stringify(sink.json));
    await eventually('3000 lines out', () => readLines(output).length >= 3000, 90_000);
    appendFileSync(input, `${lines(3000, 4000).join('\n')}\n`);
    await eventually('4000 lines out', () => readLines(output).length >= 4000, 90_000);

    const status = await call(base, 'GET', '/connectors/file-in/status');
    assert.equal(status.status, 200);
    assert.equal(status.json.connector.state, 'RUNNING');
    assert.deepEqual(status.json.tasks.map((t: any) => [t.id, t.state]), [[0, 'RUNNING']]);
    assert.equal(status.json.tasks[0].worker_id, worker.url.replace('http://', ''));
    const topics = await call(base, 'GET', '/connectors/file-in/topics');
    assert.deepEqual(topics.json, { 'file-in': { topics: ['lines'] } });
    const offsets = await eventually('source offset at the end of the file', async () => {
      const o = await call(base, 'GET', '/connectors/file-in/offsets');
      return o.json.offsets[0]?.offset.position === readFileSync(input).length ? o.json : undefined;
    });
    assert.deepEqual(offsets.offsets[0].partition, { filename: input });

    // A new worker process on the same offsets file goes on where the first stopped.
    await worker.stop();
    appendFileSync(input, `${lines(4000, 5000).join('\n')}\n`);
    worker = await startConnectStandalone({
      worker: workerProps(),
      connectors: [
        { name: 'file-in', 'connector.class': 'FileStreamSource', file: input, topic: 'lines' },
        { name: 'file-out', 'connector.class': 'FileStreamSink', file: output, topics: 'lines' },
      ],
      log: (l) => log.push(l),
    });
    await eventually('5000 lines out', () => readLines(output).length >= 5000, 90_000);
    // At-least-once may repeat a line after a restart; none may be missing, and the first copies keep their order.
    const out = readLines(output);
    const expected = lines(0, 5000);
    const seen = new Set(out);
    assert.deepEqual(expected.filter((l) => !seen.has(l)), []);
    const firsts = out.filter((l, i) => out.indexOf(l) === i);
    assert.deepEqual(firsts, expected);
  });

  test('lifecycle: pause, resume, stop, offsets while stopped, restart, delete', { timeout: 120_000 }, async () => {
    const base = worker.url;
    const input = join(dir, 'life.txt');
    writeFileSync(input, 'a\nb\n');
    assert.equal((await call(base, 'POST', '/connectors', { name: 'life', config: { 'connector.class': 'FileStreamSource', file: input, topic: 'life' } })).status, 201);
    assert.equal((await call(base, 'POST', '/connectors', { name: 'life', config: { 'connector.class': 'FileStreamSource', file: input, topic: 'life' } })).status, 409);
    await eventually('running', async () => (await call(base, 'GET', '/connectors/life/status')).json.tasks[0]?.state === 'RUNNING');
    assert.equal((await call(base, 'PUT', '/connectors/life/pause')).status, 202);
    await eventually('paused', async () => {
      const s = (await call(base, 'GET', '/connectors/life/status')).json;
      return s.connector.state === 'PAUSED' && s.tasks[0]?.state === 'PAUSED';
    });
    assert.equal((await call(base, 'PUT', '/connectors/life/resume')).status, 202);
    await eventually('resumed', async () => (await call(base, 'GET', '/connectors/life/status')).json.tasks[0]?.state === 'RUNNING');
    const patchRunning = await call(base, 'PATCH', '/connectors/life/offsets', { offsets: [{ partition: { filename: input }, offset: { position: 0 } }] });
    assert.equal(patchRunning.status, 400);
    assert.match(patchRunning.json.message, /STOPPED state/);
    assert.equal((await call(base, 'PUT', '/connectors/life/stop')).status, 204);
    const stopped = (await call(base, 'GET', '/connectors/life/status')).json;
    assert.equal(stopped.connector.state, 'STOPPED');
    assert.deepEqual(stopped.tasks, []);
    const patched = await call(base, 'PATCH', '/connectors/life/offsets', { offsets: [{ partition: { filename: input }, offset: { position: 2 } }] });
    assert.deepEqual(patched, { status: 200, json: { message: 'The offsets for this connector have been altered successfully' } });
    assert.deepEqual((await call(base, 'GET', '/connectors/life/offsets')).json, { offsets: [{ partition: { filename: input }, offset: { position: 2 } }] });
    assert.deepEqual(await call(base, 'DELETE', '/connectors/life/offsets'), { status: 200, json: { message: 'The offsets for this connector have been reset successfully' } });
    assert.deepEqual((await call(base, 'GET', '/connectors/life/offsets')).json, { offsets: [] });
    assert.equal((await call(base, 'PUT', '/connectors/life/resume')).status, 202);
    await eventually('running again', async () => (await call(base, 'GET', '/connectors/life/status')).json.tasks[0]?.state === 'RUNNING');
    assert.equal((await call(base, 'POST', '/connectors/life/restart')).status, 204);
    const restarting = await call(base, 'POST', '/connectors/life/restart?includeTasks=true');
    assert.equal(restarting.status, 202);
    assert.equal(restarting.json.connector.state, 'RESTARTING');
    assert.equal(restarting.json.tasks[0].state, 'RESTARTING');
    assert.equal((await call(base, 'POST', '/connectors/life/tasks/0/restart')).status, 204);
    assert.equal((await call(base, 'POST', '/connectors/life/tasks/7/restart')).status, 404);
    await eventually('running after restarts', async () => (await call(base, 'GET', '/connectors/life/tasks/0/status')).json.state === 'RUNNING');
    assert.equal((await call(base, 'DELETE', '/connectors/life')).status, 204);
    assert.deepEqual(await call(base, 'GET', '/connectors/life'), { status: 404, json: { error_code: 404, message: 'Connector life not found' } });
  });

  test('bad input: unknown class, invalid config, a throwing transform; the worker carries on', { timeout: 120_000 }, async () => {
    const base = worker.url;
    const unknown = await call(base, 'PUT', '/connectors/nope/config', { 'connector.class': 'com.example.NoSuchConnector', topic: 't' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.message, /^Failed to find any class that implements Connector and which name matches com\.example\.NoSuchConnector/);
    const invalid = await call(base, 'PUT', '/connectors/bad/config', { 'connector.class': 'FileStreamSource', 'tasks.max': '0', file: join(dir, 'x') });
    assert.equal(invalid.status, 400);
    assert.match(invalid.json.message, /^Connector configuration is invalid and contains the following 2 error\(s\):/);
    assert.match(invalid.json.message, /tasks\.max: Invalid value 0 for configuration tasks\.max: Value must be at least 1/);
    assert.match(invalid.json.message, /topic: Missing required configuration "topic" which has no default value\./);
    const badTransform = await call(base, 'PUT', '/connectors/bad/config', { 'connector.class': 'FileStreamSource', topic: 't', transforms: 'x', 'transforms.x.type': 'NoSuchTransform' });
    assert.equal(badTransform.status, 400);
    assert.match(badTransform.json.message, /NoSuchTransform/);
    assert.equal((await call(base, 'GET', '/connectors/bad')).status, 404);

    // ExtractField$Value on a string value throws at run time: the sink task is FAILED with the trace.
    const input = join(dir, 'fail.txt');
    writeFileSync(input, 'one\ntwo\nthree\n');
    await call(base, 'PUT', '/connectors/fail-in/config', { 'connector.class': 'FileStreamSource', file: input, topic: 'fail', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' });
    const extract = { 'connector.class': 'FileStreamSink', file: join(dir, 'fail-out.txt'), topics: 'fail', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter', transforms: 'pick', 'transforms.pick.type': 'org.apache.kafka.connect.transforms.ExtractField$Value', 'transforms.pick.field': 'id' };
    assert.equal((await call(base, 'PUT', '/connectors/fail-out/config', extract)).status, 201);
    const failed = await eventually('task FAILED', async () => {
      const s = (await call(base, 'GET', '/connectors/fail-out/status')).json;
      return s.tasks[0]?.state === 'FAILED' ? s : undefined;
    });
    assert.equal(failed.connector.state, 'RUNNING');
    assert.match(failed.tasks[0].trace, /Tolerance exceeded in error handler/);
    assert.match(failed.tasks[0].trace, /Caused by: DataException: Only Struct objects supported for \[field extraction\]/);

    // With errors.tolerance=all and a dead letter queue, the same records go there with Kafka's context headers.
    const tolerant = { ...extract, 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'fail-dlq', 'errors.deadletterqueue.topic.replication.factor': '1', 'errors.deadletterqueue.context.headers.enable': 'true', 'errors.log.enable': 'true' };
    assert.equal((await call(base, 'PUT', '/connectors/fail-out/config', tolerant)).status, 200);
    const restarted = await call(base, 'POST', '/connectors/fail-out/restart?includeTasks=true&onlyFailed=true');
    assert.equal(restarted.status, 202);
    await eventually('task RUNNING', async () => (await call(base, 'GET', '/connectors/fail-out/status')).json.tasks[0]?.state === 'RUNNING');
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap, groupId: 'dlq-reader', autoOffsetReset: 'earliest' });
    consumer.subscribe('fail-dlq');
    const dead: any[] = [];
    try {
      await eventually('three records in the DLQ', async () => {
        dead.push(...(await consumer.poll({ timeoutMs: 500 })));
        return dead.length >= 3;
      });
    } finally {
      await consumer.close();
    }
    assert.deepEqual(dead.map((r) => r.value.toString()), ['one', 'two', 'three']);
    const headers = Object.fromEntries(dead[0].headers.map((h: any) => [h.key, h.value.toString()]));
    assert.equal(headers[DLQ_HEADERS.topic], 'fail');
    assert.equal(headers[DLQ_HEADERS.partition], '0');
    assert.equal(headers[DLQ_HEADERS.offset], '0');
    assert.equal(headers[DLQ_HEADERS.connector], 'fail-out');
    assert.equal(headers[DLQ_HEADERS.task], '0');
    assert.equal(headers[DLQ_HEADERS.stage], 'TRANSFORMATION');
    assert.equal(headers[DLQ_HEADERS.exceptionClass], 'org.apache.kafka.connect.errors.DataException');
    assert.match(headers[DLQ_HEADERS.exceptionMessage], /Only Struct objects supported/);
    assert.ok(log.some((l) => l.includes("Error encountered in task fail-out-0. Executing stage 'TRANSFORMATION'")));

    // The worker still answers.
    const root = await call(base, 'GET', '/');
    assert.equal(root.status, 200);
    assert.equal(root.json.version, '4.3.1');
    assert.equal(typeof root.json.kafka_cluster_id, 'string');
  });

  test('the data generator: seeded events, max.records, and the sequence going on from the stored count after a reconfiguration', { timeout: 120_000 }, async () => {
    const base = worker.url;
    const config = { 'connector.class': 'dev.sluice.connect.DataGeneratorSourceConnector', kind: 'orders', topic: 'gen-orders', rate: '0', seed: '7', 'max.records': '120', 'batch.size': '50' };
    assert.equal((await call(base, 'PUT', '/connectors/gen/config', { ...config, 'max.records': '60' })).status, 201);
    await eventually('60 generated', async () => (await call(base, 'GET', '/connectors/gen/offsets')).json.offsets[0]?.offset.count === 60);
    // Raising max.records goes on from the stored count, not from the start.
    assert.equal((await call(base, 'PUT', '/connectors/gen/config', config)).status, 200);
    await eventually('120 generated', async () => (await call(base, 'GET', '/connectors/gen/offsets')).json.offsets[0]?.offset.count === 120);
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap, groupId: 'gen-reader', autoOffsetReset: 'earliest' });
    consumer.subscribe('gen-orders');
    const got: any[] = [];
    try {
      await eventually('120 records', async () => {
        got.push(...(await consumer.poll({ timeoutMs: 500 })));
        return got.length >= 120;
      });
    } finally {
      await consumer.close();
    }
    assert.equal(got.length, 120);
    const json = new JsonConverter();
    json.configure({}, false);
    const orderIds = got.map((r) => (json.toConnectData('gen-orders', r.value).value as any).get('order_id'));
    assert.deepEqual(orderIds, Array.from({ length: 120 }, (_, n) => `order-7-${n}`));
    // Each event is what generateEvent makes from the seed and its number (ts aside, the time it was made).
    for (const n of [0, 59, 60, 119]) {
      const value = json.toConnectData('gen-orders', got[n].value).value as any;
      const expected = generateEvent('orders', 7, n, 0).value;
      for (const field of ['order_id', 'customer_id', 'sku', 'quantity', 'unit_price', 'status']) assert.deepEqual(value.get(field), expected.get(field), `record ${n} ${field}`);
      assert.equal(got[n].key.toString(), JSON.stringify({ schema: { type: 'string', optional: false }, payload: `order-7-${n}` }));
    }
    assert.equal((await call(base, 'DELETE', '/connectors/gen')).status, 204);
  });

  test('user code that throws plain errors (connector start, taskConfigs, task start, poll) fails only its connector or task, with the error in its trace', { timeout: 120_000 }, async () => {
    const plugin = join(import.meta.dirname, 'fixtures', 'throwing-plugin.ts');
    const other = await startConnectStandalone({ worker: { ...workerProps(), 'offset.storage.file.filename': join(dir, 'throwing.offsets'), 'plugin.path': plugin }, log: (l) => log.push(l) });
    const status = async (name: string) => (await call(other.url, 'GET', `/connectors/${name}/status`)).json;
    try {
      for (const fail of ['start', 'taskConfigs', 'task-start', 'poll']) {
        const created = await call(other.url, 'PUT', `/connectors/throw-${fail}/config`, { 'connector.class': 'test.ThrowingSource', fail });
        assert.ok([200, 201].includes(created.status), `${fail}: ${JSON.stringify(created.json)}`);
      }
      for (const [name, message] of [['throw-start', /Error: connector start: the database is unreachable/], ['throw-taskConfigs', /Error: taskConfigs: no tables found/]] as const) {
        const s = await eventually(`${name} FAILED`, async () => ((await status(name)).connector?.state === 'FAILED' ? status(name) : undefined));
        assert.match(s.connector.trace, message);
      }
      for (const [name, message] of [['throw-task-start', /TypeError: task start: cannot read properties of undefined/], ['throw-poll', /RangeError: poll: offset out of range/]] as const) {
        const s = await eventually(`${name}'s task FAILED`, async () => ((await status(name)).tasks?.[0]?.state === 'FAILED' ? status(name) : undefined));
        assert.equal(s.connector.state, 'RUNNING');
        assert.match(s.tasks[0].trace, message);
      }
      // Fixed and restarted, the task runs; the worker served throughout.
      assert.equal((await call(other.url, 'PUT', '/connectors/throw-poll/config', { 'connector.class': 'test.ThrowingSource', fail: '' })).status, 200);
      await eventually('throw-poll running again', async () => (await status('throw-poll')).tasks?.[0]?.state === 'RUNNING');
      assert.equal((await call(other.url, 'GET', '/')).status, 200);
    } finally {
      await other.stop();
    }
  });

  test('errant records a sink task reports go to the dead letter queue as consumed; without errors.tolerance=all the task fails; with nowhere to report there is no reporter', { timeout: 120_000 }, async () => {
    const plugin = join(import.meta.dirname, 'fixtures', 'errant-plugin.ts');
    const other = await startConnectStandalone({ worker: { ...workerProps(), 'offset.storage.file.filename': join(dir, 'errant.offsets'), 'plugin.path': plugin }, log: (l) => log.push(l) });
    const readTopic = async (topic: string, count: number) => {
      const consumer = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest' });
      consumer.assign([{ topic, partition: 0 }]);
      const got: any[] = [];
      try {
        await eventually(`${count} records in ${topic}`, async () => {
          got.push(...(await consumer.poll({ timeoutMs: 500 })));
          return got.length >= count;
        });
      } finally {
        await consumer.close();
      }
      return got;
    };
    const failedWith = (name: string) =>
      eventually(`${name} FAILED`, async () => {
        const s = (await call(other.url, 'GET', `/connectors/${name}/status`)).json;
        return s.tasks?.[0]?.state === 'FAILED' ? (s.tasks[0].trace as string) : undefined;
      });
    try {
      const producer = new Producer({ bootstrapServers: broker.bootstrap });
      await producer.sendBatch(['good1', 'bad2', 'good3', 'bad4'].map((value, i) => ({ topic: 'errant', partition: 0, key: `k${i + 1}`, value, headers: [{ key: 'seq', value: String(i + 1) }] })));
      await producer.close();
      const sink = (file: string, extra: Record<string, string>) => ({
        'connector.class': 'test.ErrantSink',
        topics: 'errant',
        file: join(dir, file),
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        ...extra,
      });
      const dlq = { 'errors.deadletterqueue.topic.replication.factor': '1', 'errors.deadletterqueue.context.headers.enable': 'true' };
      assert.equal((await call(other.url, 'PUT', '/connectors/errant-tolerant/config', sink('errant-1.txt', { ...dlq, 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'errant-dlq' }))).status, 201);
      assert.equal((await call(other.url, 'PUT', '/connectors/errant-strict/config', sink('errant-2.txt', { ...dlq, 'errors.deadletterqueue.topic.name': 'errant-dlq-strict' }))).status, 201);
      assert.equal((await call(other.url, 'PUT', '/connectors/errant-nowhere/config', sink('errant-3.txt', {}))).status, 201);
      assert.equal((await call(other.url, 'PUT', '/connectors/errant-unawaited/config', sink('errant-4.txt', { ...dlq, 'errors.deadletterqueue.topic.name': 'errant-dlq-unawaited', 'report.await': 'false' }))).status, 201);

      // Tolerated: the good values written, the bad ones in the queue with their key, headers and Kafka's context.
      await eventually('the good values written', () => readLines(join(dir, 'errant-1.txt')).length >= 2);
      assert.deepEqual(readLines(join(dir, 'errant-1.txt')), ['good1', 'good3']);
      const dead = await readTopic('errant-dlq', 2);
      assert.deepEqual(dead.map((r) => [r.key.toString(), r.value.toString()]), [['k2', 'bad2'], ['k4', 'bad4']]);
      const headers = Object.fromEntries(dead[0].headers.map((h: any) => [h.key, h.value.toString()]));
      assert.equal(headers.seq, '2');
      assert.equal(headers[DLQ_HEADERS.offset], '1');
      assert.equal(headers[DLQ_HEADERS.connector], 'errant-tolerant');
      assert.equal(headers[DLQ_HEADERS.stage], 'TASK_PUT');
      assert.equal(headers[DLQ_HEADERS.executingClass], 'org.apache.kafka.connect.sink.SinkTask');
      assert.equal(headers[DLQ_HEADERS.exceptionClass], 'org.apache.kafka.connect.errors.ConnectException');
      assert.equal(headers[DLQ_HEADERS.exceptionMessage], 'cannot write bad2');
      assert.equal((await call(other.url, 'GET', '/connectors/errant-tolerant/status')).json.tasks[0].state, 'RUNNING');

      // Not tolerated: reported to the queue, then the task fails.
      const strict = await failedWith('errant-strict');
      assert.match(strict, /Tolerance exceeded in error handler/);
      assert.match(strict, /cannot write bad2/);
      assert.deepEqual((await readTopic('errant-dlq-strict', 1)).map((r) => r.value.toString()), ['bad2']);

      // A report the task did not wait for fails the task all the same once put returns, as Kafka's
      // report throws inside put, and it is not lost: the queue has it (bad4 too: the task went on
      // past bad2 within that put, where Kafka's throw would have stopped it).
      assert.match(await failedWith('errant-unawaited'), /Tolerance exceeded in error handler/);
      assert.deepEqual((await readTopic('errant-dlq-unawaited', 1)).map((r) => r.value.toString())[0], 'bad2');

      // Neither a dead letter queue nor the error log: the task gets no reporter.
      assert.match(await failedWith('errant-nowhere'), /no errant record reporter for bad2/);
    } finally {
      await other.stop();
    }
  });

  test('a plugin from plugin.path; RetriableExceptions from a transform and from put are retried, nothing is lost', { timeout: 120_000 }, async () => {
    const plugin = join(import.meta.dirname, 'fixtures', 'flaky-plugin.ts');
    const other = await startConnectStandalone({ worker: { ...workerProps(), 'offset.storage.file.filename': join(dir, 'flaky.offsets'), 'plugin.path': plugin }, log: (l) => log.push(l) });
    try {
      const producer = new Producer({ bootstrapServers: broker.bootstrap });
      await producer.sendBatch(['r1', 'r2', 'r3', 'r4', 'r5'].map((value) => ({ topic: 'flaky', value })));
      await producer.close();
      const output = join(dir, 'flaky-out.txt');
      const created = await call(other.url, 'PUT', '/connectors/flaky/config', {
        'connector.class': 'test.FlakySink',
        topics: 'flaky',
        file: output,
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        transforms: 'slow',
        'transforms.slow.type': 'test.FlakyTransform',
        'errors.retry.timeout': '30000',
        'errors.retry.delay.max.ms': '100',
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      await eventually('five values out', () => readLines(output).length >= 5);
      assert.deepEqual(readLines(output), ['r1', 'r2', 'r3', 'r4', 'r5']);
      const status = (await call(other.url, 'GET', '/connectors/flaky/status')).json;
      assert.equal(status.tasks[0].state, 'RUNNING');
      assert.equal(status.tasks[0].version, '1.0');
      const plugins = (await call(other.url, 'GET', '/connector-plugins')).json;
      assert.ok(plugins.some((p: any) => p.class === 'test.FlakySink' && p.type === 'sink' && p.version === '1.0'));
    } finally {
      await other.stop();
    }
  });
});
