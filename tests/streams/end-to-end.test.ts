// The same topologies end to end against the Sluice broker and a real Apache Kafka 4.3.1 broker:
// one test body, run once per broker, with the same assertions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Admin } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { Branched, type FixedKeyProcessorContext, KafkaStreams, type KafkaStreamsState, KeyValue, Produced, type ProcessorContext, Serdes, StreamsBuilder } from '@sluice/streams';
import { startApacheKafka } from '@sluice/test-kit';
import { createTopics, produce, readTopic } from './support.ts';

const S = Serdes.String();

interface Target {
  name: string;
  start(): Promise<{ bootstrap: string; stop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'Sluice broker',
    async start() {
      const broker: Broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
      return { bootstrap: broker.bootstrap, stop: () => broker.close() };
    },
  },
  {
    name: 'Apache Kafka 4.3.1',
    async start() {
      const kafka = await startApacheKafka();
      return { bootstrap: kafka.bootstrap, stop: () => kafka.stop() };
    },
  },
];

/** Input i: "important" every third record, "urgent" every other one. */
function inputs(n: number) {
  return Array.from({ length: n }, (_, i) => ({ key: `k${i % 6}`, value: `${i % 3 === 0 ? 'important' : 'boring'} ${i % 2 === 0 ? 'urgent' : 'normal'} #${i}` }));
}

for (const target of targets) {
  describe(`streams end to end against ${target.name}`, () => {
    let broker: { bootstrap: string; stop(): Promise<void> };
    before(async () => {
      broker = await target.start();
    });
    after(async () => {
      await broker?.stop();
    });

    test('the important-filter pipeline: filter, split, mapValues, selectKey, repartition, flatMapValues, dynamic to', async () => {
      const bootstrap = broker.bootstrap;
      const app = 'e2e-pipeline';
      await createTopics(bootstrap, [
        { name: 'e2e-source', partitions: 3 },
        { name: 'e2e-urgent', partitions: 1 },
        { name: 'e2e-normal', partitions: 1 },
      ]);
      const records = inputs(90);
      await produce(bootstrap, 'e2e-source', records.slice(0, 45));

      const builder = new StreamsBuilder();
      builder
        .stream('e2e-source', { keySerde: S, valueSerde: S })
        .filter((_k, v) => v.includes('important'))
        .split()
        .branch((_k, v) => v.includes('urgent'), Branched.withConsumer((s) => s.mapValues((v) => v.toUpperCase()).to('e2e-urgent', Produced.with(S, S))))
        .defaultBranch(
          Branched.withConsumer((s) =>
            s
              .selectKey((_k, v) => v.split('#')[1])
              .repartition({ name: 'by-number', numberOfPartitions: 2, keySerde: S, valueSerde: S })
              .flatMapValues((v) => [v, `${v}!`])
              .to(() => 'e2e-normal', Produced.with(S, S)),
          ),
        );
      const streams = new KafkaStreams(builder.build(), { applicationId: app, bootstrapServers: bootstrap, commitIntervalMs: 500 });
      const states: KafkaStreamsState[] = [];
      streams.setStateListener((s) => states.push(s));
      await streams.start();
      await streams.waitForState('RUNNING', 60_000);
      await produce(bootstrap, 'e2e-source', records.slice(45));

      const important = records.filter((r) => r.value.includes('important'));
      const urgent = important.filter((r) => r.value.includes('urgent')).map((r) => `${r.key}=${r.value.toUpperCase()}`);
      const normal = important.filter((r) => !r.value.includes('urgent')).flatMap((r) => {
        const n = r.value.split('#')[1];
        return [`${n}=${r.value}`, `${n}=${r.value}!`];
      });
      const gotUrgent = await readTopic(bootstrap, 'e2e-urgent', (rs) => rs.length >= urgent.length);
      const gotNormal = await readTopic(bootstrap, 'e2e-normal', (rs) => rs.length >= normal.length);
      assert.deepEqual(gotUrgent.map((r) => `${r.key}=${r.value}`).sort(), urgent.sort());
      assert.deepEqual(gotNormal.map((r) => `${r.key}=${r.value}`).sort(), normal.sort());

      assert.equal(await streams.close({ timeoutMs: 30_000 }), true);
      assert.equal(streams.state(), 'NOT_RUNNING');
      assert.deepEqual(states.slice(0, 2), ['REBALANCING', 'RUNNING']);
      assert.deepEqual(states.slice(-2), ['PENDING_SHUTDOWN', 'NOT_RUNNING']);

      const admin = new Admin({ bootstrapServers: bootstrap });
      try {
        const [repartition] = await admin.describeTopics([`${app}-by-number-repartition`]);
        assert.equal(repartition.partitions.length, 2);
        // A graceful close commits everything processed: the group's offsets are at the end.
        const committed = await admin.listGroupOffsets(app, [0, 1, 2].map((partition) => ({ topic: 'e2e-source', partition })));
        assert.equal(committed.reduce((sum, c) => sum + Number(c.offset ?? 0n), 0), records.length);
      } finally {
        await admin.close();
      }
    });

    test('map, filterNot, flatMap, merge, peek, foreach, processValues and process with headers', async () => {
      const bootstrap = broker.bootstrap;
      await createTopics(bootstrap, [
        { name: 'e2e-left', partitions: 2 },
        { name: 'e2e-right', partitions: 2 },
        { name: 'e2e-merged', partitions: 2 },
      ]);
      const builder = new StreamsBuilder();
      const peeked: string[] = [];
      const seen: string[] = [];
      const left = builder.stream('e2e-left', { keySerde: S, valueSerde: S }).map((k, v) => KeyValue.pair(v, k));
      const right = builder
        .stream('e2e-right', { keySerde: S, valueSerde: S })
        .filterNot((_k, v) => v.startsWith('skip'))
        .flatMap((k, v) => [KeyValue.pair(k, v), KeyValue.pair(k, `${v}+1`)]);
      const merged = left.merge(right).peek((k) => peeked.push(k));
      merged.foreach((k, v) => seen.push(`${k}=${v}`));
      merged
        .processValues<string>(() => {
          let ctx!: FixedKeyProcessorContext<string, string>;
          return { init: (c) => (ctx = c), process: (r) => ctx.forward(r.withValue(`${r.value}@${ctx.recordMetadata()!.topic}`)) };
        })
        .process<string, string>(() => {
          let ctx!: ProcessorContext<string, string>;
          return { init: (c) => (ctx = c), process: (r) => ctx.forward(r.withKey(r.key.toUpperCase()).withHeaders([{ key: 'task', value: Buffer.from(ctx.taskId) }])) };
        })
        .to('e2e-merged', Produced.with(S, S));
      const streams = new KafkaStreams(builder.build(), { applicationId: 'e2e-ops', bootstrapServers: bootstrap, commitIntervalMs: 500 });
      await streams.start();
      await produce(bootstrap, 'e2e-left', [{ key: 'a', value: 'x' }, { key: 'b', value: 'y' }]);
      await produce(bootstrap, 'e2e-right', [{ key: 'c', value: 'keep' }, { key: 'd', value: 'skip me' }]);
      const out = await readTopic(bootstrap, 'e2e-merged', (rs) => rs.length >= 4);
      assert.deepEqual(out.map((r) => `${r.key}=${r.value}`).sort(), ['C=keep+1@e2e-right', 'C=keep@e2e-right', 'X=a@e2e-left', 'Y=b@e2e-left']);
      for (const r of out) assert.match(r.headers.join(), /^task=0_[01]$/);
      assert.deepEqual(seen.sort(), ['c=keep', 'c=keep+1', 'x=a', 'y=b']);
      assert.deepEqual(peeked.sort(), ['c', 'c', 'x', 'y']);
      await streams.close();
    });

    test('a missing source topic stops start() with a clear error and state ERROR', async () => {
      const builder = new StreamsBuilder();
      builder.stream('e2e-no-such-topic').to('e2e-whatever');
      const streams = new KafkaStreams(builder.build(), { applicationId: 'e2e-missing', bootstrapServers: broker.bootstrap, logger: { info() {}, warn() {}, error() {} } });
      await assert.rejects(streams.start(), /source topic 'e2e-no-such-topic' does not exist/);
      assert.equal(streams.state(), 'ERROR');
    });
  });
}
