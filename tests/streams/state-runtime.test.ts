// State stores end to end on a Sluice broker process: a processor-API application counts words
// in a persistent store whose changes go to `<application.id>-counts-changelog`.
//   1. It counts a first batch and stops.
//   2. Its state folder is deleted (KafkaStreams.cleanUp()) and it starts again: the stores are
//      rebuilt from the whole changelog (the restore listener counts every record) before it is
//      RUNNING, and the counts it then gives for new records continue the old ones.
//   3. The folder as it was after step 1 is put back (its checkpoint older than the changelog's
//      end) and it starts again: only the changelog records written since that checkpoint are
//      restored, and the counts are still right.
//   4. The changelog is deleted while the folder stays: the checkpoint is past the new changelog's
//      end, so the local state is wiped and counting starts again.
// And a persistent global store: read in full before the application is RUNNING, kept up to date
// while it runs, and after a restart read on from its checkpoint.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Admin, Producer } from '@sluice/client';
import { KafkaStreams, type KeyValueStore, Materialized, type Processor, type ProcessorContext, type Record, Serdes, type StateRestoreListener, Stores, StreamsBuilder, Topology } from '@sluice/streams';
import { type KillableBroker, eventually, killableSluiceBroker } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { createTopics, produce, readTopic } from './support.ts';

const APP = 'state-runtime-app';
const INPUT = 'sr-words';
const OUTPUT = 'sr-counts';
const CHANGELOG = `${APP}-counts-changelog`;
const S = Serdes.String();

function counter(): Processor<string, string, string, string> {
  let context!: ProcessorContext<string, string>;
  let store!: KeyValueStore<string, string>;
  return {
    init(c) {
      context = c;
      store = c.getStateStore<KeyValueStore<string, string>>('counts');
    },
    process(record) {
      const next = Number(store.get(record.key) ?? '0') + 1;
      store.put(record.key, String(next));
      context.forward(record.withValue(String(next)));
    },
  };
}

function topology(): Topology {
  return new Topology()
    .addSource('words', INPUT, { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('count', counter, 'words')
    .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), S, S), 'count')
    .addSink('out', OUTPUT, { keySerializer: S, valueSerializer: S }, 'count');
}

/** Restored records per store, as the restore listener reports them. */
function restoreCounter(): StateRestoreListener & { restored: number; started: number; ended: number } {
  const l = {
    restored: 0,
    started: 0,
    ended: 0,
    onRestoreStart: () => void l.started++,
    onBatchRestored: (_t: string, _p: number, _s: string, _end: bigint, n: number) => void (l.restored += n),
    onRestoreEnd: () => void l.ended++,
  };
  return l;
}

let broker: KillableBroker;
let stateDir: string;
const expected = new Map<string, number>();
const rng = new Random(17);
const keys = Array.from({ length: 20 }, (_, i) => `w${i}`);

/** Input records, and the count each must produce, from the counts so far. */
function batch(words: string[]): { key: string; value: string }[] {
  return words.map((w) => ({ key: w, value: 'x' }));
}

function expectCounts(words: string[]): string[] {
  return words.map((w) => {
    const n = (expected.get(w) ?? 0) + 1;
    expected.set(w, n);
    return `${w}=${n}`;
  });
}

/** Runs the application until the output holds `total` records; returns the outputs after `skip`, as key=value in order per key. */
async function runUntil(total: number, listener: StateRestoreListener | null, whileRunning: () => Promise<void>): Promise<{ outputs: string[]; app: KafkaStreams }> {
  const app = new KafkaStreams(topology(), { applicationId: APP, bootstrapServers: broker.bootstrap, stateDir, commitIntervalMs: 200 });
  if (listener) app.setGlobalStateRestoreListener(listener);
  await app.start();
  try {
    await app.waitForState('RUNNING', 120_000);
    await whileRunning();
    const records = await readTopic(broker.bootstrap, OUTPUT, (rs) => rs.length >= total, 120_000);
    assert.equal(records.length, total, `expected ${total} outputs`);
    return { outputs: records.map((r) => `${r.key}=${r.value}`), app };
  } finally {
    assert.equal(await app.close({ timeoutMs: 60_000 }), true);
  }
}

/** The outputs of the words in `words`' order per key (the output keeps the order per partition, hence per key). */
function perKey(outputs: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of outputs) {
    const k = o.slice(0, o.indexOf('='));
    out.set(k, [...(out.get(k) ?? []), o]);
  }
  return out;
}

async function changelogEnd(): Promise<bigint> {
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  try {
    const offsets = await admin.listOffsets([0, 1].map((partition) => ({ topic: CHANGELOG, partition, spec: 'latest' as const })));
    return offsets.reduce((sum, o) => sum + o.offset, 0n);
  } finally {
    await admin.close();
  }
}

before(async () => {
  broker = await killableSluiceBroker(['--set', 'group.initial.rebalance.delay.ms=0']);
  stateDir = mkdtempSync(join(tmpdir(), 'sluice-state-runtime-'));
  await createTopics(broker.bootstrap, [
    { name: INPUT, partitions: 2 },
    { name: OUTPUT, partitions: 2 },
  ]);
});

after(async () => {
  await broker?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

test('a persistent store is rebuilt from its changelog after its folder is deleted, and a kept folder restores only the tail', async () => {
  // 1. Count a first batch.
  const first = Array.from({ length: 200 }, () => rng.pick(keys));
  const firstCounts = expectCounts(first);
  await produce(broker.bootstrap, INPUT, batch(first));
  const run1 = await runUntil(200, null, async () => {});
  assert.deepEqual(perKey(run1.outputs), perKey(firstCounts));
  assert.equal(await changelogEnd(), 200n, 'every update went to the changelog');
  const appDir = join(stateDir, APP);
  for (const task of ['0_0', '0_1']) {
    const checkpoint = readFileSync(join(appDir, task, '.checkpoint'), 'utf8').split('\n');
    assert.equal(checkpoint[0], '0', 'Java checkpoint format version 0');
    assert.equal(checkpoint[1], '1');
    assert.match(checkpoint[2], new RegExp(`^${CHANGELOG} ${task.slice(2)} \\d+$`));
  }
  const saved = mkdtempSync(join(tmpdir(), 'sluice-state-saved-'));
  cpSync(appDir, join(saved, APP), { recursive: true });

  try {
    // 2. Delete the state folder: the stores come back from the whole changelog.
    const cleaner = new KafkaStreams(topology(), { applicationId: APP, bootstrapServers: broker.bootstrap, stateDir });
    cleaner.cleanUp();
    // Only the process id file and the folder's lock (the cleaner holds it) stay, as Java's clean() leaves them: the instance keeps its id.
    assert.deepEqual(readdirSync(appDir).sort(), ['.lock', 'kafka-streams-process-metadata']);
    await cleaner.close(); // gives the application folder's lock back for the instances that follow
    const full = restoreCounter();
    const second = [...keys];
    const secondCounts = expectCounts(second);
    const run2 = await runUntil(220, full, async () => {
      // RUNNING means restored: everything in the changelog is back before a new record is processed.
      assert.equal(full.restored, 200);
      assert.equal(full.ended, full.started);
      await produce(broker.bootstrap, INPUT, batch(second));
    });
    assert.deepEqual(perKey(run2.outputs), perKey([...firstCounts, ...secondCounts]));
    assert.equal(await changelogEnd(), 220n);

    // 3. Put back the folder of step 1: its checkpoint covers the first 200 changelog records, so only the 20 after them are restored.
    rmSync(appDir, { recursive: true, force: true });
    cpSync(join(saved, APP), appDir, { recursive: true });
    const tail = restoreCounter();
    const third = [...keys];
    const thirdCounts = expectCounts(third);
    const run3 = await runUntil(240, tail, async () => {
      assert.equal(tail.restored, 20, 'only the changelog records after the checkpoint are restored');
      await produce(broker.bootstrap, INPUT, batch(third));
    });
    assert.deepEqual(perKey(run3.outputs), perKey([...firstCounts, ...secondCounts, ...thirdCounts]));

    // 4. The changelog is deleted (and created empty again at start) while the folder stays: its
    //    checkpoint is past the changelog's end, so the local state is wiped, as Java does, and
    //    counting starts again from nothing rather than from state no changelog backs.
    const admin = new Admin({ bootstrapServers: broker.bootstrap });
    try {
      await admin.deleteTopics([CHANGELOG]);
    } finally {
      await admin.close();
    }
    await eventually('the changelog to be gone', async () => {
      const a = new Admin({ bootstrapServers: broker.bootstrap });
      try {
        return !(await a.listTopics()).includes(CHANGELOG);
      } finally {
        await a.close();
      }
    });
    const wiped = restoreCounter();
    const run4 = await runUntil(260, wiped, async () => {
      assert.equal(wiped.restored, 0);
      await produce(broker.bootstrap, INPUT, batch([...keys]));
    });
    const latest = perKey(run4.outputs);
    assert.deepEqual(keys.map((k) => latest.get(k)!.at(-1)), keys.map((k) => `${k}=1`), 'counted from an empty store');
  } finally {
    rmSync(saved, { recursive: true, force: true });
  }
});

test('a global store is complete before RUNNING, follows its topic while running, and a restart reads only what came after its checkpoint', async () => {
  const app = 'state-runtime-global';
  await createTopics(broker.bootstrap, [
    { name: 'sr-prices', partitions: 2 },
    { name: 'sr-orders', partitions: 2 },
    { name: 'sr-priced', partitions: 2 },
  ]);
  const priced = () =>
    new Topology()
      .addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('prices'), S, S).withLoggingDisabled(), 'prices-source', 'sr-prices', { keyDeserializer: S, valueDeserializer: S }, 'prices-update', () => {
        let store!: KeyValueStore<string, string>;
        return { init: (c) => void (store = c.getStateStore<KeyValueStore<string, string>>('prices')), process: (r) => store.put(r.key, r.value) };
      })
      .addSource('orders', 'sr-orders', { keyDeserializer: S, valueDeserializer: S })
      .addProcessor(
        'price',
        (): Processor<string, string, string, string> => {
          let context!: ProcessorContext<string, string>;
          let prices!: KeyValueStore<string, string>;
          return {
            init(c) {
              context = c;
              prices = c.getStateStore<KeyValueStore<string, string>>('prices');
            },
            process: (r) => context.forward(r.withValue(`${r.value}:${prices.get(r.key) ?? 'none'}`)),
          };
        },
        'orders',
      )
      .addSink('out', 'sr-priced', { keySerializer: S, valueSerializer: S }, 'price');
  const start = async (listener: ReturnType<typeof restoreCounter>) => {
    const streams = new KafkaStreams(priced(), { applicationId: app, bootstrapServers: broker.bootstrap, stateDir, commitIntervalMs: 200 });
    streams.setGlobalStateRestoreListener(listener);
    await streams.start();
    await streams.waitForState('RUNNING', 120_000);
    return streams;
  };
  const items = Array.from({ length: 50 }, (_, i) => `item${i}`);
  await produce(broker.bootstrap, 'sr-prices', items.map((k, i) => ({ key: k, value: `${i}` })));

  const first = restoreCounter();
  let streams = await start(first);
  try {
    assert.equal(first.restored, 50, 'every price is in the store before RUNNING');
    assert.equal(streams.store<string, string>('prices').get('item7'), '7', 'a global store answers interactive queries');
    await produce(broker.bootstrap, 'sr-orders', items.slice(0, 10).map((k, i) => ({ key: k, value: `order${i}` })));
    const out = await readTopic(broker.bootstrap, 'sr-priced', (rs) => rs.length >= 10);
    assert.deepEqual(out.map((r) => `${r.key}=${r.value}`).sort(), items.slice(0, 10).map((k, i) => `${k}=order${i}:${i}`).sort());
    // A price changed while running reaches the store (the global thread reads on).
    await produce(broker.bootstrap, 'sr-prices', [{ key: 'item0', value: 'new' }]);
    let n = 0;
    await eventually('an order priced with the new price', async () => {
      await produce(broker.bootstrap, 'sr-orders', [{ key: 'item0', value: `again${n++}` }]);
      const rs = await readTopic(broker.bootstrap, 'sr-priced', (all) => all.some((r) => r.value === `again${n - 1}:new` || r.value === `again${n - 1}:0`), 30_000);
      return rs.some((r) => r.value === `again${n - 1}:new`);
    });
  } finally {
    assert.equal(await streams.close({ timeoutMs: 60_000 }), true);
  }

  // Prices written while the application is stopped are all a restart reads.
  await produce(broker.bootstrap, 'sr-prices', items.slice(0, 5).map((k) => ({ key: k, value: 'later' })));
  const second = restoreCounter();
  streams = await start(second);
  try {
    assert.equal(second.restored, 5, 'only the records after the checkpoint');
    await produce(broker.bootstrap, 'sr-orders', [{ key: 'item4', value: 'last' }, { key: 'item49', value: 'last' }]);
    const out = await readTopic(broker.bootstrap, 'sr-priced', (rs) => rs.filter((r) => r.value?.startsWith('last:')).length >= 2);
    assert.deepEqual(out.filter((r) => r.value?.startsWith('last:')).map((r) => `${r.key}=${r.value}`).sort(), ['item4=last:later', 'item49=last:49'].sort());
  } finally {
    assert.equal(await streams.close({ timeoutMs: 60_000 }), true);
  }
});

test('with num.standby.replicas=1 the other instance keeps a standby of the task (in memory), and takes it over without a restore', async () => {
  const app = 'state-runtime-standby';
  const input = 'sr-standby-in';
  const output = 'sr-standby-out';
  await createTopics(broker.bootstrap, [
    { name: input, partitions: 1 },
    { name: output, partitions: 1 },
  ]);
  const counting = () =>
    new Topology()
      .addSource('words', input, { keyDeserializer: S, valueDeserializer: S })
      .addProcessor('count', counter, 'words')
      .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'), S, S), 'count')
      .addSink('out', output, { keySerializer: S, valueSerializer: S }, 'count');
  // The last changelog offset each instance's standby has applied (the standby update listener).
  const standbyAt = [-1n, -1n];
  const dirs = [mkdtempSync(join(tmpdir(), 'sluice-standby-a-')), mkdtempSync(join(tmpdir(), 'sluice-standby-b-'))];
  const listeners = [restoreCounter(), restoreCounter()];
  const instances = dirs.map((dir, i) => {
    const s = new KafkaStreams(counting(), { applicationId: app, bootstrapServers: broker.bootstrap, stateDir: dir, numStandbyReplicas: 1, commitIntervalMs: 100, consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 } });
    s.setGlobalStateRestoreListener(listeners[i]);
    s.setStandbyUpdateListener({ onBatchLoaded: (_tp, _store, _task, end) => void (standbyAt[i] = end) });
    return s;
  });
  const meta = (s: KafkaStreams) => s.metadataForLocalThreads()[0] ?? { activeTasks: [], standbyTasks: [] };
  try {
    for (const s of instances) await s.start();
    const [active, standby] = await eventually('one instance running task 0_0, the other keeping its standby', () => {
      const owner = instances.find((s) => s.state() === 'RUNNING' && meta(s).activeTasks.some((t) => t.taskId === '0_0'));
      const other = instances.find((s) => s !== owner && meta(s).standbyTasks.some((t) => t.taskId === '0_0'));
      return owner && other ? [owner, other] : undefined;
    });
    const words = Array.from({ length: 300 }, () => rng.pick(keys));
    const counts = new Map<string, number>();
    const expectedOut = words.map((w) => `${w}=${counts.set(w, (counts.get(w) ?? 0) + 1).get(w)}`);
    await produce(broker.bootstrap, input, batch(words));
    await readTopic(broker.bootstrap, output, (rs) => rs.length >= 300);
    await eventually('the standby to apply the whole changelog', () => standbyAt[instances.indexOf(standby)] === 299n);
    const takerListener = listeners[instances.indexOf(standby)];
    assert.equal(await active.close({ timeoutMs: 60_000 }), true);
    await eventually('the standby instance to run task 0_0', () => standby.state() === 'RUNNING' && meta(standby).activeTasks.some((t) => t.taskId === '0_0'));
    assert.equal(takerListener.restored, 0, 'promoted from its standby, whose in-memory store it keeps: nothing left to restore');
    const more = [...keys];
    const moreOut = more.map((w) => `${w}=${counts.set(w, (counts.get(w) ?? 0) + 1).get(w)}`);
    await produce(broker.bootstrap, input, batch(more));
    const all = await readTopic(broker.bootstrap, output, (rs) => rs.length >= 320);
    assert.deepEqual(all.map((r) => `${r.key}=${r.value}`), [...expectedOut, ...moreOut]);
  } finally {
    for (const s of instances) await s.close({ timeoutMs: 60_000 });
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});

test('the loop gives its tasks one record cache; a cached table flushed at a commit forwards each row in the context of the record that wrote it (metadata downstream, its timestamp on a downstream delete)', async () => {
  const app = 'state-runtime-record-context';
  const rows = 'rc-rows';
  const probeInput = 'rc-probe';
  const annotated = 'rc-annotated';
  await createTopics(broker.bootstrap, [
    { name: rows, partitions: 1 },
    { name: probeInput, partitions: 2 },
    { name: annotated, partitions: 1 },
  ]);
  const builder = new StreamsBuilder();
  builder
    .table(rows, { keySerde: S, valueSerde: S }, Materialized.as<string, string>('rc-rows-store')) // cached: the default
    .mapValues((v) => v.toUpperCase(), Materialized.as<string, string>('rc-upper').withValueSerde(S).withCachingDisabled())
    .toStream()
    .process(() => {
      let context!: ProcessorContext<string, string>;
      return {
        init(c: ProcessorContext<string, string>) {
          context = c;
        },
        process(record: Record<string, string | null>) {
          const m = context.recordMetadata();
          context.forward(record.withValue(`${record.value}@${m ? `${m.topic}/${m.partition}/${m.offset}` : 'no record'}`));
        },
      };
    })
    .to(annotated, { keySerde: S, valueSerde: S });
  // A second sub-topology (two tasks) whose store notes the cache its task's context gives it.
  const caches: unknown[] = [];
  const probe = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('rc-probe-store'), S, S).withLoggingDisabled();
  const build = probe.build.bind(probe);
  probe.build = () => {
    const store = build();
    const init = store.init.bind(store);
    store.init = (context, root) => {
      caches.push(context.cache);
      init(context, root);
    };
    return store;
  };
  builder.addStateStore(probe);
  builder.stream(probeInput, { keySerde: S, valueSerde: S }).process(() => ({ process() {} }), 'rc-probe', 'rc-probe-store');

  const streams = new KafkaStreams(builder.build(), { applicationId: app, bootstrapServers: broker.bootstrap, stateDir, commitIntervalMs: 200, statestoreCacheMaxBytes: 54_321 });
  const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
  await streams.start();
  try {
    await streams.waitForState('RUNNING', 120_000);
    assert.equal(caches.length, 2, 'both probe tasks opened their store');
    assert.ok(caches[0] !== undefined && caches[0] === caches[1], 'one cache for the tasks of the loop');
    assert.equal((caches[0] as { maxBytes: number }).maxBytes, 54_321);
    // Old timestamps, far from the wall clock a commit runs at.
    await producer.sendBatch([
      { topic: rows, partition: 0, key: 'a', value: 'x', timestamp: 1_000 },
      { topic: rows, partition: 0, key: 'b', value: 'y', timestamp: 1_500 },
    ]);
    await readTopic(broker.bootstrap, annotated, (rs) => rs.length >= 2, 120_000);
    // Now 'a' is in the store below the cache: its tombstone reaches downstream as a delete.
    await producer.sendBatch([{ topic: rows, partition: 0, key: 'a', value: null, timestamp: 2_000 }]);
    const out = await readTopic(broker.bootstrap, annotated, (rs) => rs.length >= 3, 120_000);
    assert.deepEqual(
      out.map((r) => [r.key, r.value, r.timestamp]),
      [
        ['a', 'X@rc-rows/0/0', 1_000],
        ['b', 'Y@rc-rows/0/1', 1_500],
        ['a', 'null@rc-rows/0/2', 2_000],
      ],
    );
    const changelog = await readTopic(broker.bootstrap, `${app}-rc-upper-changelog`, (rs) => rs.length >= 3, 120_000);
    assert.deepEqual(
      changelog.map((r) => [r.key, r.value, r.timestamp]),
      [
        ['a', 'X', 1_000],
        ['b', 'Y', 1_500],
        ['a', null, 2_000], // the tombstone's timestamp, not the commit's wall clock
      ],
    );
  } finally {
    await producer.close();
    assert.equal(await streams.close({ timeoutMs: 60_000 }), true);
  }
});
