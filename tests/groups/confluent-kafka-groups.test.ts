// confluent-kafka-python (librdkafka 2.16) as a group member: reads everything once and resumes
// from its commits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker, type Broker } from '@sluice/broker';
import { CONFLUENT_KAFKA_VERSION, kcat, pythonVenv, run } from '@sluice/test-kit';

const script = join(dirname(fileURLToPath(import.meta.url)), 'python_group_consumer.py');
let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'num.partitions': '3' } });
});
after(() => broker.close());

async function consume(python: string): Promise<string[]> {
  const out = await run(python, [script, broker.bootstrap, 'ck-grouped', 'ck-group', '4'], { timeoutMs: 120_000 });
  return JSON.parse(out.trim().split('\n').pop()!).values;
}

test('confluent-kafka-python consumer group reads once and resumes from its commits', { timeout: 600_000 }, async () => {
  const python = await pythonVenv('py-confluent-kafka', [`confluent-kafka==${CONFLUENT_KAFKA_VERSION}`]);
  await kcat(['-b', broker.bootstrap, '-P', '-t', 'ck-grouped'], Array.from({ length: 300 }, (_, i) => `a${i}`).join('\n') + '\n');
  const first = await consume(python);
  assert.equal(first.length, 300);
  assert.equal(new Set(first).size, 300);
  await kcat(['-b', broker.bootstrap, '-P', '-t', 'ck-grouped'], Array.from({ length: 30 }, (_, i) => `b${i}`).join('\n') + '\n');
  const second = await consume(python);
  assert.deepEqual(second.sort(), Array.from({ length: 30 }, (_, i) => `b${i}`).sort());
});
