// The runtime against the Sluice broker: scale-out and hand-over between instances, the
// exception handlers, and punctuation on a real clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin } from '@sluice/client';
import {
  KafkaStreams,
  type KafkaStreamsState,
  PunctuationType,
  Record,
  Serdes,
  StreamsBuilder,
  StreamsErrorCode,
  type ProcessorContext,
  type StreamsConfig,
  type StreamsLogger,
  logAndContinueExceptionHandler,
  logAndContinueProductionExceptionHandler,
} from '@sluice/streams';
import { createTopics, produce, readTopic } from './support.ts';
import { eventually } from '@sluice/test-kit';

const S = Serdes.String();
const quiet: StreamsLogger = { info() {}, warn() {}, error() {} };
let broker: Broker;

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
});
after(async () => {
  await broker.close();
});

// A 10 s session: instances here leave the group when closed, so no test waits for an expiry,
// and the broker shares this process, so a pause of it (a loaded machine) longer than a short
// session expired live instances and rebalanced under the test ('no task was restarted').
function config(applicationId: string, extra: Partial<StreamsConfig> = {}): StreamsConfig {
  return { applicationId, bootstrapServers: broker.bootstrap, commitIntervalMs: 200, logger: quiet, consumer: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 200 }, ...extra };
}

function passThrough(input: string, output: string) {
  const b = new StreamsBuilder();
  b.stream(input, { keySerde: S, valueSerde: S }).to(output);
  return b.build();
}

test('two instances share six partitions; closing one hands its tasks to the other', async () => {
  await createTopics(broker.bootstrap, [
    { name: 'so-in', partitions: 6 },
    { name: 'so-out', partitions: 6 },
  ]);
  const one = new KafkaStreams(passThrough('so-in', 'so-out'), config('so-app'));
  const two = new KafkaStreams(passThrough('so-in', 'so-out'), config('so-app'));
  await one.start();
  await one.waitForState('RUNNING');
  await two.start();
  await eventually('tasks to spread over both instances', () => one.localTasks().length === 3 && two.localTasks().length === 3 && two.state() === 'RUNNING');
  assert.deepEqual([...one.localTasks(), ...two.localTasks()].sort(), ['0_0', '0_1', '0_2', '0_3', '0_4', '0_5']);
  await produce(broker.bootstrap, 'so-in', Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  await readTopic(broker.bootstrap, 'so-out', (rs) => rs.length >= 60);
  assert.equal(await one.close(), true);
  await eventually('the remaining instance to take every task', () => two.localTasks().length === 6 && two.state() === 'RUNNING');
  await produce(broker.bootstrap, 'so-in', Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `w${i}` })));
  const all = await readTopic(broker.bootstrap, 'so-out', (rs) => rs.length >= 120);
  assert.equal(new Set(all.map((r) => r.value)).size, 120);
  await two.close();
});

test('scale-out is cooperative: the first instance never stops the tasks it keeps', async () => {
  await createTopics(broker.bootstrap, [
    { name: 'co-in', partitions: 6 },
    { name: 'co-out', partitions: 6 },
  ]);
  // Each instance logs its processors' init and close per task.
  const build = (events: string[]) => {
    const b = new StreamsBuilder();
    b.stream('co-in', { keySerde: S, valueSerde: S })
      .process<string, string>(() => {
        let ctx!: ProcessorContext<string, string>;
        return {
          init(c) {
            ctx = c;
            events.push(`init ${c.taskId}`);
          },
          process(r) {
            ctx.forward(r);
          },
          close() {
            events.push(`close ${ctx.taskId}`);
          },
        };
      })
      .to('co-out', { keySerde: S, valueSerde: S });
    return b.build();
  };
  const firstEvents: string[] = [];
  const one = new KafkaStreams(build(firstEvents), config('co-app'));
  const two = new KafkaStreams(build([]), config('co-app'));
  try {
    await one.start();
    await eventually('the first instance to run every task', () => one.localTasks().length === 6 && one.state() === 'RUNNING');
    const before = firstEvents.length;
    await two.start();
    await eventually('tasks to spread over both instances', () => one.localTasks().length === 3 && two.localTasks().length === 3 && two.state() === 'RUNNING' && one.state() === 'RUNNING');
    const kept = one.localTasks();
    const closedSince = firstEvents.slice(before).filter((e) => e.startsWith('close ')).map((e) => e.slice(6));
    assert.deepEqual(closedSince.sort(), ['0_0', '0_1', '0_2', '0_3', '0_4', '0_5'].filter((t) => !kept.includes(t)), 'only the tasks that moved were closed');
    assert.deepEqual(firstEvents.slice(before).filter((e) => e.startsWith('init ')), [], 'no task was restarted');
    await produce(broker.bootstrap, 'co-in', Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
    const out = await readTopic(broker.bootstrap, 'co-out', (rs) => rs.length >= 60);
    assert.equal(new Set(out.map((r) => r.value)).size, 60);
  } finally {
    await one.close();
    await two.close();
  }
});

test('deserialization errors: logAndContinue skips the record, the default fails into ERROR', async () => {
  await createTopics(broker.bootstrap, [{ name: 'de-in', partitions: 1 }, { name: 'de-out', partitions: 1 }]);
  const build = () => {
    const b = new StreamsBuilder();
    b.stream('de-in', { keySerde: S, valueSerde: Serdes.JSON<{ n: number }>() }).mapValues((v) => String(v.n)).to('de-out', { keySerde: S, valueSerde: S });
    return b.build();
  };
  await produce(broker.bootstrap, 'de-in', [{ key: 'a', value: '{"n":1}' }, { key: 'b', value: 'not json' }, { key: 'c', value: '{"n":3}' }]);
  const lenient = new KafkaStreams(build(), config('de-lenient', { deserializationExceptionHandler: logAndContinueExceptionHandler }));
  await lenient.start();
  const out = await readTopic(broker.bootstrap, 'de-out', (rs) => rs.length >= 2);
  assert.deepEqual(out.map((r) => r.value), ['1', '3']);
  await lenient.close();

  const strict = new KafkaStreams(build(), config('de-strict'));
  const states: KafkaStreamsState[] = [];
  strict.setStateListener((s) => states.push(s));
  await strict.start();
  await strict.waitForState('ERROR').catch(() => {});
  assert.equal(strict.state(), 'ERROR');
  assert.equal((strict.error as { code?: string }).code, StreamsErrorCode.DESERIALIZATION_FAILED);
  assert.match(strict.error!.message, /de-in-0 at offset 1 could not be deserialised/);
  assert.deepEqual(states.slice(-2), ['PENDING_ERROR', 'ERROR']);
});

test('production errors: the handler drops unserialisable outputs or fails', async () => {
  await createTopics(broker.bootstrap, [{ name: 'pe-in', partitions: 1 }, { name: 'pe-out', partitions: 1 }]);
  const build = () => {
    const b = new StreamsBuilder();
    // Int32 cannot hold 2^40: serialising that output fails.
    b.stream('pe-in', { keySerde: S, valueSerde: S }).mapValues((v) => Number(v)).to('pe-out', { keySerde: S, valueSerde: Serdes.Int32() });
    return b.build();
  };
  await produce(broker.bootstrap, 'pe-in', [{ key: 'a', value: '1' }, { key: 'b', value: String(2 ** 40) }, { key: 'c', value: '3' }]);
  const lenient = new KafkaStreams(build(), config('pe-lenient', { productionExceptionHandler: logAndContinueProductionExceptionHandler }));
  await lenient.start();
  const out = await readTopic(broker.bootstrap, 'pe-out', (rs) => rs.length >= 2);
  assert.deepEqual(out.map((r) => r.key), ['a', 'c']);
  await lenient.close();

  const strict = new KafkaStreams(build(), config('pe-strict'));
  await strict.start();
  await strict.waitForState('ERROR').catch(() => {});
  assert.equal((strict.error as { code?: string }).code, StreamsErrorCode.PRODUCTION_FAILED);
});

test('production errors at send time: the broker refuses an output; the handler drops it or fails', async () => {
  // Outputs of 'big' go to a topic that takes batches of at most 1000 bytes; the others elsewhere.
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  await admin.createTopics([
    { name: 'ps-in', numPartitions: 1 },
    { name: 'ps-out', numPartitions: 1 },
    { name: 'ps-small', numPartitions: 1, configs: { 'max.message.bytes': '1000' } },
  ]);
  await admin.close();
  const build = () => {
    const b = new StreamsBuilder();
    const routed = b.stream('ps-in', { keySerde: S, valueSerde: S }).split();
    routed.branch((k) => k === 'big', { name: 'big', chain: (s) => s.mapValues((v) => v.repeat(5000)).to('ps-small', { keySerde: S, valueSerde: S }) });
    routed.defaultBranch({ name: 'rest', chain: (s) => s.to('ps-out') });
    return b.build();
  };
  await produce(broker.bootstrap, 'ps-in', [{ key: 'a', value: '1' }, { key: 'big', value: 'x' }, { key: 'c', value: '3' }]);
  const seen: { phase: string; topic: string; code?: string }[] = [];
  const lenient = new KafkaStreams(
    build(),
    config('ps-lenient', {
      productionExceptionHandler: (ctx, output, error) => {
        seen.push({ phase: output.phase, topic: output.phase === 'send' ? output.record.topic : output.topic, code: (error as { code?: string }).code });
        return 'CONTINUE';
      },
    }),
  );
  try {
    await lenient.start();
    const out = await readTopic(broker.bootstrap, 'ps-out', (rs) => rs.length >= 2);
    assert.deepEqual(out.map((r) => r.key), ['a', 'c']);
    await eventually('the refused output to reach the handler', () => seen.length > 0);
    assert.deepEqual(seen, [{ phase: 'send', topic: 'ps-small', code: 'MESSAGE_TOO_LARGE' }]);
    assert.equal(lenient.state(), 'RUNNING');
  } finally {
    await lenient.close();
  }

  const strict = new KafkaStreams(build(), config('ps-strict'));
  try {
    await strict.start();
    await strict.waitForState('ERROR').catch(() => {});
    assert.equal(strict.state(), 'ERROR');
    assert.equal((strict.error as { code?: string }).code, StreamsErrorCode.PRODUCTION_FAILED);
    assert.match(strict.error!.message, /ps-small/);
  } finally {
    await strict.close();
  }
});

test('commit.interval.ms: offsets are committed while running at the interval, and on close', async () => {
  await createTopics(broker.bootstrap, [{ name: 'ci-in', partitions: 2 }, { name: 'ci-out', partitions: 1 }]);
  await produce(broker.bootstrap, 'ci-in', Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  const committedTotal = async (group: string) => (await admin.listGroupOffsets(group)).reduce((sum, o) => sum + (o.offset !== null && o.offset >= 0n ? Number(o.offset) : 0), 0);
  try {
    const frequent = new KafkaStreams(passThrough('ci-in', 'ci-out'), config('ci-frequent', { commitIntervalMs: 100 }));
    try {
      await frequent.start();
      await eventually('offsets committed while running', async () => (await committedTotal('ci-frequent')) === 20);
    } finally {
      await frequent.close();
    }

    // An interval longer than the test: nothing is committed while it runs, everything on close.
    const rare = new KafkaStreams(passThrough('ci-in', 'ci-out'), config('ci-rare', { commitIntervalMs: 600_000 }));
    try {
      await rare.start();
      await readTopic(broker.bootstrap, 'ci-out', (rs) => rs.length >= 40);
      await rare.waitForState('RUNNING');
      assert.equal(await committedTotal('ci-rare'), 0, 'no commit before the interval');
    } finally {
      await rare.close();
    }
    assert.equal(await committedTotal('ci-rare'), 20, 'close commits what was processed');
  } finally {
    await admin.close();
  }
});

test('uncaught exceptions: REPLACE_THREAD starts over from the last commit and loses nothing', async () => {
  await createTopics(broker.bootstrap, [{ name: 'rt-in', partitions: 2 }, { name: 'rt-out', partitions: 1 }]);
  let thrown = false;
  const b = new StreamsBuilder();
  b.stream('rt-in', { keySerde: S, valueSerde: S })
    .peek((_k, v) => {
      if (v === 'v5' && !thrown) {
        thrown = true;
        throw new Error('boom');
      }
    })
    .to('rt-out');
  const streams = new KafkaStreams(b.build(), config('rt-app'));
  const errors: string[] = [];
  streams.setUncaughtExceptionHandler((e) => {
    errors.push(e.message);
    return 'REPLACE_THREAD';
  });
  await streams.start();
  await produce(broker.bootstrap, 'rt-in', Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  const out = await readTopic(broker.bootstrap, 'rt-out', (rs) => new Set(rs.map((r) => r.value)).size >= 10);
  assert.equal(new Set(out.map((r) => r.value)).size, 10);
  assert.equal(streams.threadsStarted, 2);
  assert.match(errors[0], /boom/);
  await streams.waitForState('RUNNING');
  await streams.close();
});

test('processing.exception.handler: CONTINUE drops what a processor threw on, and the instance keeps running', async () => {
  await createTopics(broker.bootstrap, [{ name: 'ph-in', partitions: 1 }, { name: 'ph-out', partitions: 1 }]);
  const b = new StreamsBuilder();
  b.stream('ph-in', { keySerde: S, valueSerde: S })
    .peek((_k, v) => {
      if (v === 'v5') throw new Error('boom');
    })
    .to('ph-out');
  const failures: string[] = [];
  const streams = new KafkaStreams(
    b.build(),
    config('ph-app', {
      processingExceptionHandler: (ctx, record, error) => {
        failures.push(`${ctx.processorNodeId} ${String(record.value)} ${error.message}`);
        return 'CONTINUE';
      },
    }),
  );
  try {
    await streams.start();
    await produce(broker.bootstrap, 'ph-in', Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
    const out = await readTopic(broker.bootstrap, 'ph-out', (rs) => rs.length >= 9);
    assert.deepEqual(out.map((r) => r.value), ['v0', 'v1', 'v2', 'v3', 'v4', 'v6', 'v7', 'v8', 'v9']);
    assert.deepEqual(failures, ['KSTREAM-PEEK-0000000001 v5 boom']);
    assert.equal(streams.state(), 'RUNNING');
  } finally {
    await streams.close();
  }
});

test('uncaught exceptions: SHUTDOWN_APPLICATION stops every instance', async () => {
  await createTopics(broker.bootstrap, [{ name: 'sa-in', partitions: 2 }]);
  const build = () => {
    const b = new StreamsBuilder();
    b.stream('sa-in', { keySerde: S, valueSerde: S }).foreach((_k, v) => {
      if (v === 'poison') throw new Error('poison pill');
    });
    return b.build();
  };
  const instances = [new KafkaStreams(build(), config('sa-app')), new KafkaStreams(build(), config('sa-app'))];
  for (const s of instances) s.setUncaughtExceptionHandler(() => 'SHUTDOWN_APPLICATION');
  for (const s of instances) await s.start();
  await eventually('both instances to run', () => instances.every((s) => s.state() === 'RUNNING' && s.localTasks().length === 1));
  await produce(broker.bootstrap, 'sa-in', [{ key: 'x', value: 'poison' }]);
  await eventually('every instance to stop in ERROR', () => instances.every((s) => s.state() === 'ERROR'), 30_000);
  assert.ok(instances.some((s) => s.error?.message.includes('SHUTDOWN_APPLICATION')));
});

test('wall-clock punctuation runs on the real clock; close runs processor close()', async () => {
  await createTopics(broker.bootstrap, [{ name: 'wc-in', partitions: 1 }, { name: 'wc-out', partitions: 1 }]);
  let closed = 0;
  const b = new StreamsBuilder();
  b.stream('wc-in', { keySerde: S, valueSerde: S })
    .process<string, string>(() => {
      let count = 0;
      let ctx!: ProcessorContext<string, string>;
      return {
        init(c) {
          ctx = c;
          c.schedule(100, PunctuationType.WALL_CLOCK_TIME, (now) => {
            if (count > 0) ctx.forward(new Record('count', String(count), now));
            count = 0;
          });
        },
        process() {
          count++;
        },
        close() {
          closed++;
        },
      };
    })
    .to('wc-out', { keySerde: S, valueSerde: S });
  const streams = new KafkaStreams(b.build(), config('wc-app'));
  await streams.start();
  await produce(broker.bootstrap, 'wc-in', Array.from({ length: 5 }, (_, i) => ({ key: null, value: `v${i}` })));
  const out = await readTopic(broker.bootstrap, 'wc-out', (rs) => rs.reduce((n, r) => n + Number(r.value), 0) >= 5);
  assert.equal(out.reduce((n, r) => n + Number(r.value), 0), 5);
  await streams.close();
  assert.equal(closed, 1);
});

test('a processor whose init throws puts the instance in ERROR with the cause', async () => {
  await createTopics(broker.bootstrap, [{ name: 'ie-in', partitions: 1 }]);
  const b = new StreamsBuilder();
  b.stream('ie-in').process(() => ({
    init() {
      throw new Error('cannot init');
    },
    process() {},
  }));
  const streams = new KafkaStreams(b.build(), config('ie-app'));
  await streams.start();
  await streams.waitForState('ERROR').catch(() => {});
  assert.equal(streams.state(), 'ERROR');
  assert.match(streams.error!.message, /task 0_0: initialising processor 'KSTREAM-PROCESSOR-0000000001' failed: cannot init/);
});

test('a processor supplier that throws when a task is made puts the instance in ERROR with the cause, not a stalled partition', async () => {
  await createTopics(broker.bootstrap, [{ name: 'se-in', partitions: 1 }]);
  const b = new StreamsBuilder();
  b.stream('se-in').process(() => {
    throw new Error('no processor for you');
  });
  const streams = new KafkaStreams(b.build(), config('se-app'));
  await streams.start();
  await streams.waitForState('ERROR').catch(() => {});
  assert.equal(streams.state(), 'ERROR');
  assert.match(streams.error!.message, /no processor for you/);
});

test('co-partitioned inputs share a task; repartition topics default to the input partition count', async () => {
  await createTopics(broker.bootstrap, [{ name: 'cp-a', partitions: 3 }, { name: 'cp-b', partitions: 3 }, { name: 'cp-out', partitions: 1 }]);
  const b = new StreamsBuilder();
  const a = b.stream('cp-a', { keySerde: S, valueSerde: S });
  a.merge(b.stream('cp-b', { keySerde: S, valueSerde: S })).selectKey((_k, v) => v).repartition({ name: 'rk' }).to('cp-out');
  const streams = new KafkaStreams(b.build(), config('cp-app'));
  await streams.start();
  await streams.waitForState('RUNNING');
  const [thread] = streams.metadataForLocalThreads();
  assert.deepEqual(
    thread.activeTasks.filter((t) => t.taskId.startsWith('0_')),
    [0, 1, 2].map((p) => ({ taskId: `0_${p}`, topicPartitions: [{ topic: 'cp-a', partition: p }, { topic: 'cp-b', partition: p }] })),
  );
  assert.deepEqual(thread.activeTasks.filter((t) => t.taskId.startsWith('1_')).map((t) => t.topicPartitions), [0, 1, 2].map((p) => [{ topic: 'cp-app-rk-repartition', partition: p }]));
  await streams.close();
});

test('a StreamPartitioner chooses the output partition (undefined: the default partitioner)', async () => {
  await createTopics(broker.bootstrap, [{ name: 'sp-in', partitions: 1 }, { name: 'sp-out', partitions: 3 }]);
  const b = new StreamsBuilder();
  b.stream('sp-in', { keySerde: S, valueSerde: S }).to('sp-out', {
    keySerde: S,
    valueSerde: S,
    streamPartitioner: (_topic, _key, value, n) => (value === 'default' ? undefined : Number(value) % n),
  });
  const streams = new KafkaStreams(b.build(), config('sp-app'));
  await streams.start();
  await produce(broker.bootstrap, 'sp-in', ['0', '1', '2', '4', 'default'].map((value) => ({ key: 'same-key', value })));
  const out = await readTopic(broker.bootstrap, 'sp-out', (rs) => rs.length >= 5);
  const partitionOf = new Map(out.map((r) => [r.value, r.partition]));
  assert.deepEqual(['0', '1', '2', '4'].map((v) => partitionOf.get(v)), [0, 1, 2, 1]);
  // The default partitioner hashes the key: murmur2('same-key') mod 3, as any Kafka client does.
  const { partitionForKey } = await import('@sluice/client');
  assert.equal(partitionOf.get('default'), partitionForKey(Buffer.from('same-key'), 3));
  await streams.close();
});
