// Pattern sources and per-source offset reset against the Sluice broker: topics matching a
// pattern (including one created while the application runs) all reach the output, and a source
// with offsetResetPolicy 'latest' skips what was written before the application first started.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { KafkaStreams, Serdes, StreamsBuilder } from '@sluice/streams';
import { createTopics, produce, readTopic } from './support.ts';

const S = Serdes.String();
let broker: Broker;

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
});
after(async () => {
  await broker?.close();
});

test('a pattern source reads every matching topic, including one created after start', async () => {
  const bootstrap = broker.bootstrap;
  await createTopics(bootstrap, [
    { name: 'pat-orders-a', partitions: 2 },
    { name: 'pat-orders-b', partitions: 1 },
    { name: 'not-pat-orders-x', partitions: 1 },
    { name: 'pat-out', partitions: 1 },
  ]);
  await produce(bootstrap, 'pat-orders-a', [{ key: 'a1', value: 'a1' }, { key: 'a2', value: 'a2' }, { key: 'a3', value: 'a3' }]);
  await produce(bootstrap, 'pat-orders-b', [{ key: 'b1', value: 'b1' }]);
  await produce(bootstrap, 'not-pat-orders-x', [{ key: 'x1', value: 'x1' }]);

  const builder = new StreamsBuilder();
  builder.stream(/pat-orders-.*/, { keySerde: S, valueSerde: S }).mapValues((v) => v.toUpperCase()).to('pat-out', { keySerde: S, valueSerde: S });
  // A short metadata age: the consumer's pattern subscription notices the new topic sooner.
  const streams = new KafkaStreams(builder.build(), { applicationId: 'e2e-pattern', bootstrapServers: bootstrap, commitIntervalMs: 200, consumer: { metadataMaxAgeMs: 500 } });
  try {
    await streams.start();
    await streams.waitForState('RUNNING', 60_000);
    await createTopics(bootstrap, [{ name: 'pat-orders-c', partitions: 3 }]);
    await produce(bootstrap, 'pat-orders-c', [{ key: 'c1', value: 'c1' }, { key: 'c2', value: 'c2' }]);
    const expected = ['A1', 'A2', 'A3', 'B1', 'C1', 'C2'];
    const got = await readTopic(bootstrap, 'pat-out', (rs) => rs.length >= expected.length, 60_000);
    // Give a stray record of the non-matching topic a moment to show up, should it be read.
    const settled = await readTopic(bootstrap, 'pat-out', (rs) => rs.length > expected.length, 1_000);
    assert.deepEqual(got.map((r) => r.value).sort(), expected);
    assert.deepEqual(settled.map((r) => r.value).sort(), expected);
    assert.ok(streams.state() === 'RUNNING' || streams.state() === 'REBALANCING', `state ${streams.state()}`);
  } finally {
    await streams.close({ timeoutMs: 30_000 });
  }
});

test("offsetResetPolicy 'latest' skips records written before the application started", async () => {
  const bootstrap = broker.bootstrap;
  await createTopics(bootstrap, [
    { name: 'reset-latest', partitions: 2 },
    { name: 'reset-default', partitions: 1 },
    { name: 'reset-out', partitions: 1 },
  ]);
  await produce(bootstrap, 'reset-latest', [{ key: 'o1', value: 'old-1' }, { key: 'o2', value: 'old-2' }, { key: 'o3', value: 'old-3' }]);
  await produce(bootstrap, 'reset-default', [{ key: 'd1', value: 'default-old' }]);

  const builder = new StreamsBuilder();
  builder.stream('reset-latest', { keySerde: S, valueSerde: S, offsetResetPolicy: 'latest' }).to('reset-out', { keySerde: S, valueSerde: S });
  builder.stream('reset-default', { keySerde: S, valueSerde: S }).to('reset-out', { keySerde: S, valueSerde: S });
  const streams = new KafkaStreams(builder.build(), { applicationId: 'e2e-reset', bootstrapServers: bootstrap, commitIntervalMs: 200 });
  let producing = true;
  try {
    await streams.start();
    await streams.waitForState('RUNNING', 60_000);
    // The end offset is looked up after the assignment, so a record written right after RUNNING
    // could still be before it: keep writing new records until one comes through.
    let i = 0;
    const writer = (async () => {
      while (producing) {
        await produce(bootstrap, 'reset-latest', [{ key: `n${i}`, value: `new-${i++}` }]);
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    const got = await readTopic(bootstrap, 'reset-out', (rs) => rs.some((r) => r.value === 'default-old') && rs.some((r) => r.value?.startsWith('new-')), 60_000);
    producing = false;
    await writer;
    const values = got.map((r) => r.value ?? '');
    assert.ok(values.includes('default-old'), `the default source reads from the beginning: ${values.join(', ')}`);
    assert.ok(values.some((v) => v.startsWith('new-')), `records written after start arrive: ${values.join(', ')}`);
    assert.deepEqual(values.filter((v) => v.startsWith('old-')), [], 'records written before start are skipped');
  } finally {
    producing = false;
    await streams.close({ timeoutMs: 30_000 });
  }
});
