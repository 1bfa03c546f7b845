/**
 * What the error handling reports when the record changed on its way, checked against Kafka
 * Connect 4.3.1 (WorkerErrantRecordReporter, InternalSinkRecord, DeadLetterQueueReporter,
 * LogReporter): the dead letter queue gets the record as it was consumed (raw key, value and
 * headers, Kafka's context headers naming where it was read) when a transform replaced it and a
 * later transform failed, and when the task reports a copy it made with `newRecord`; a record the
 * task built itself is converted back with the connector's converters and placed where it says.
 * Source tasks have no dead letter queue in Kafka; their error log names the record as polled,
 * before the transforms.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer, Producer, type ConsumerRecord } from '@sluice/client';
import { startConnectStandalone, type ConnectStandalone, DLQ_HEADERS } from '@sluice/connect';
import { eventually } from '@sluice/test-kit';

async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text) };
}

const readLines = (file: string) => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
};

const headersOf = (r: ConsumerRecord) => Object.fromEntries(r.headers.map((h) => [h.key, h.value?.toString() ?? null]));

describe('errant records reported as consumed, whatever they became', () => {
  let broker: Broker;
  let dir: string;
  let worker: ConnectStandalone;
  const log: string[] = [];

  before(async () => {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-errant-'));
    worker = await startConnectStandalone({
      worker: {
        'bootstrap.servers': broker.bootstrap,
        listeners: 'http://127.0.0.1:0',
        'offset.storage.file.filename': join(dir, 'connect.offsets'),
        'offset.flush.interval.ms': '300',
        'plugin.path': join(import.meta.dirname, 'fixtures', 'errant-copy-plugin.ts'),
      },
      log: (l) => log.push(l),
    });
    const producer = new Producer({ bootstrapServers: broker.bootstrap });
    await producer.sendBatch(['good1', 'bad2', 'good3'].map((value, i) => ({ topic: 'changing', partition: 0, key: `k${i + 1}`, value, timestamp: 1_700_000_000_000 + i, headers: [{ key: 'seq', value: String(i + 1) }] })));
    await producer.close();
  });

  after(async () => {
    await worker?.stop();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const readTopic = async (topic: string, count: number) => {
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest' });
    consumer.assign([{ topic, partition: 0 }]);
    const got: ConsumerRecord[] = [];
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

  const sink = (name: string, extra: Record<string, string>) =>
    call(worker.url, 'PUT', `/connectors/${name}/config`, {
      'connector.class': 'test.ErrantCopySink',
      topics: 'changing',
      file: join(dir, `${name}.txt`),
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': `${name}-dlq`,
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
      ...extra,
    });

  /** The one dead letter of bad2 as consumed: its bytes, its headers, and where it was read. */
  const assertConsumedBad2 = (dead: ConsumerRecord, stage: string, executingClass: string, message: string) => {
    assert.equal(dead.key?.toString(), 'k2');
    assert.equal(dead.value?.toString(), 'bad2');
    assert.equal(dead.timestamp, 1_700_000_000_001);
    const headers = headersOf(dead);
    assert.equal(headers.seq, '2');
    assert.equal(headers[DLQ_HEADERS.topic], 'changing');
    assert.equal(headers[DLQ_HEADERS.partition], '0');
    assert.equal(headers[DLQ_HEADERS.offset], '1');
    assert.equal(headers[DLQ_HEADERS.stage], stage);
    assert.equal(headers[DLQ_HEADERS.executingClass], executingClass);
    assert.equal(headers[DLQ_HEADERS.exceptionMessage], message);
  };

  test('a transform replaced the record and a later transform failed: the consumed record goes to the queue', { timeout: 90_000 }, async () => {
    const extra = { transforms: 'replace,fail', 'transforms.replace.type': 'test.ReplaceValue', 'transforms.fail.type': 'test.FailOnBad' };
    assert.equal((await sink('transformed', extra)).status, 201);
    const [dead] = await readTopic('transformed-dlq', 1);
    assertConsumedBad2(dead!, 'TRANSFORMATION', 'test.FailOnBad', 'refusing replaced-bad2');
    await eventually('the good values written', () => readLines(join(dir, 'transformed.txt')).length >= 2);
    assert.deepEqual(readLines(join(dir, 'transformed.txt')), ['replaced-good1', 'replaced-good3']);
  });

  test('the task reports a copy made with newRecord: the consumed record goes to the queue', { timeout: 90_000 }, async () => {
    assert.equal((await sink('copied', { 'report.as': 'new-record' })).status, 201);
    const [dead] = await readTopic('copied-dlq', 1);
    assertConsumedBad2(dead!, 'TASK_PUT', 'org.apache.kafka.connect.sink.SinkTask', 'cannot write bad2');
    assert.equal((await call(worker.url, 'GET', '/connectors/copied/status')).json.tasks[0].state, 'RUNNING');
  });

  test('the task reports a record it built: converted back with the converters, where the record says it is', { timeout: 90_000 }, async () => {
    assert.equal((await sink('built', { 'report.as': 'built' })).status, 201);
    const [dead] = await readTopic('built-dlq', 1);
    assert.equal(dead!.key?.toString(), 'fk');
    assert.equal(dead!.value?.toString(), 'built-bad2');
    assert.equal(dead!.timestamp, 1234);
    const headers = headersOf(dead!);
    assert.equal(headers.h, 'hv');
    assert.equal(headers[DLQ_HEADERS.topic], 'elsewhere');
    assert.equal(headers[DLQ_HEADERS.partition], '3');
    assert.equal(headers[DLQ_HEADERS.offset], '42');
    assert.equal(headers[DLQ_HEADERS.stage], 'TASK_PUT');
    assert.equal(headers.seq, undefined);
  });

  test('a source record a transform replaced and a later transform refused is logged as polled', { timeout: 90_000 }, async () => {
    const input = join(dir, 'source.txt');
    writeFileSync(input, 'good1\nbad2\ngood3\n');
    const created = await call(worker.url, 'PUT', '/connectors/source/config', {
      'connector.class': 'FileStreamSource',
      file: input,
      topic: 'from-file',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      transforms: 'replace,fail',
      'transforms.replace.type': 'test.ReplaceValue',
      'transforms.fail.type': 'test.FailOnBad',
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.log.include.messages': 'true',
    });
    assert.equal(created.status, 201);
    const sent = await readTopic('from-file', 2);
    assert.deepEqual(sent.map((r) => r.value!.toString()), ['replaced-good1', 'replaced-good3']);
    const line = await eventually('the error logged', () => log.find((l) => l.includes("Executing stage 'TRANSFORMATION' with class 'test.FailOnBad'")));
    assert.match(line, /^Error encountered in task source-0\. Executing stage 'TRANSFORMATION' with class 'test\.FailOnBad', where source record is = SourceRecord\{.*value=bad2,/);
    assert.doesNotMatch(line, /replaced-bad2,/);
  });
});
