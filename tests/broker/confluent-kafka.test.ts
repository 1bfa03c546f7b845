// confluent-kafka-python (librdkafka 2.16) with an idempotent producer and acks=all: every record
// delivered once, in order per key, read back by kcat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker, type Broker } from '@sluice/broker';
import { CONFLUENT_KAFKA_VERSION, kcat, pythonVenv, run } from '@sluice/test-kit';

const script = join(dirname(fileURLToPath(import.meta.url)), 'python', 'idempotent_producer.py');
let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'num.partitions': '3' } });
});
after(() => broker.close());

test('confluent-kafka-python idempotent producer, acks=all', { timeout: 600_000 }, async () => {
  const python = await pythonVenv('py-confluent-kafka', [`confluent-kafka==${CONFLUENT_KAFKA_VERSION}`]);
  const count = 20_000;
  const out = await run(python, [script, broker.bootstrap, 'ck-idempotent', String(count)], { timeoutMs: 300_000 });
  const result = JSON.parse(out.trim().split('\n').pop()!);
  assert.deepEqual(result, { delivered: count, failed: 0, firstError: null });
  const rows = (await kcat(['-b', broker.bootstrap, '-C', '-t', 'ck-idempotent', '-o', 'beginning', '-e', '-q', '-f', '%k %s %h\n'])).trim().split('\n');
  assert.equal(rows.length, count);
  const lastByKey = new Map<string, number>();
  for (const row of rows) {
    const [key, value, header] = row.split(' ');
    const i = Number(value.slice(1));
    assert.equal(key, `k${i % 100}`);
    assert.equal(header, `n=${i}`);
    assert.ok(i > (lastByKey.get(key) ?? -1), `key ${key} out of order`);
    lastByKey.set(key, i);
  }
});
