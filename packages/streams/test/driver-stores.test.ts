// The TopologyTestDriver with state stores: a processor-API counting processor reaches its store
// through getStateStore, the driver exposes it (getKeyValueStore, getStateStore,
// getAllStateStores), writes every change to the store's changelog topic, punctuates on stream
// time and on the mock wall clock, and the topology refuses unknown or unconnected stores.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Materialized, PunctuationType, Record, Serdes, StreamsBuilder, Topology, TopologyTestDriver, type KeyValueStore, type Processor, type ProcessorContext } from '@sluice/streams';
import { jsonFileStoreBuilder } from './support/json-file-store.ts';

const S = Serdes.String();

/** Counts records per key in store `counts`, forwarding `key → count`; every 10 ms of stream time and 1 s of wall-clock it forwards a summary. */
function counter(): Processor<string, string, string, string> {
  let context!: ProcessorContext<string, string>;
  let store!: KeyValueStore<string, string>;
  return {
    init(c) {
      context = c;
      store = c.getStateStore<KeyValueStore<string, string>>('counts');
      c.schedule(10, PunctuationType.STREAM_TIME, (t) => c.forward(new Record('stream-time', `${t}:${store.approximateNumEntries()}`, t)));
      c.schedule(1000, PunctuationType.WALL_CLOCK_TIME, (t) => c.forward(new Record('wall-clock', `${t}`, t)));
    },
    process(record) {
      const next = Number(store.get(record.key) ?? '0') + 1;
      store.put(record.key, String(next));
      context.forward(record.withValue(String(next)));
    },
  };
}

function countingTopology(builder = jsonFileStoreBuilder('counts')): Topology {
  return new Topology()
    .addSource('in', 'words', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('count', counter, 'in')
    .addStateStore(builder, 'count')
    .addSink('out', 'counts-out', { keySerializer: S, valueSerializer: S }, 'count');
}

test('a counting processor keeps its counts in a store the driver can read, and logs every change to the changelog', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'driver-stores-'));
  try {
    const driver = new TopologyTestDriver(countingTopology(), { applicationId: 'app', stateDir }, 0);
    const input = driver.createInputTopic('words', S, S);
    const output = driver.createOutputTopic('counts-out', S, S);
    input.pipeInput('a', 'x', 1);
    input.pipeInput('b', 'x', 2);
    input.pipeInput('a', 'x', 3);
    assert.deepEqual(output.readKeyValuesToList().filter((kv) => kv.key !== 'stream-time'), [
      { key: 'a', value: '1' },
      { key: 'b', value: '1' },
      { key: 'a', value: '2' },
    ]);
    const store = driver.getKeyValueStore<string, string>('counts')!;
    assert.equal(store.get('a'), '2');
    assert.equal(store.get('b'), '1');
    assert.equal(store.get('c'), null);
    assert.deepEqual([...driver.getAllStateStores().keys()], ['counts']);
    assert.equal(driver.getStateStore('counts'), store);
    assert.equal(driver.getStateStore('nope'), null);
    assert.equal(driver.getTimestampedKeyValueStore('counts'), null, 'a plain key-value store is not a timestamped one');

    // Every write went to <application.id>-<store>-changelog, with the record's timestamp.
    assert.ok(driver.producedTopicNames().includes('app-counts-changelog'));
    const changelog = driver.createOutputTopic('app-counts-changelog', S, S).readRecordsToList();
    assert.deepEqual(
      changelog.map((r) => [r.key, r.value, r.timestamp]),
      [
        ['a', '1', 1],
        ['b', '1', 2],
        ['a', '2', 3],
      ],
    );

    // The driver commits after each record: the persistent store's folder has its checkpoint, in Java's format.
    const checkpoint = readFileSync(join(stateDir, 'app', '0_0', '.checkpoint'), 'utf8');
    assert.equal(checkpoint, '0\n1\napp-counts-changelog 0 2\n');
    driver.close();
    assert.ok(!existsSync(join(stateDir, 'app', '0_0', '.lock')), 'close gives the task folder back');
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
});

test('stream-time punctuation follows the records, wall-clock punctuation the mock clock', () => {
  const driver = new TopologyTestDriver(countingTopology(), {}, 5000);
  const input = driver.createInputTopic('words', S, S);
  const output = driver.createOutputTopic('counts-out', S, S);
  input.pipeInput('a', 'x', 0);
  input.pipeInput('b', 'x', 25);
  const values = output.readKeyValuesToList();
  // As in Java, a record is processed first and the punctuations it made due run after it.
  assert.deepEqual(values, [
    { key: 'a', value: '1' },
    { key: 'stream-time', value: '0:1' },
    { key: 'b', value: '1' },
    { key: 'stream-time', value: '25:2' },
  ]);
  driver.advanceWallClockTime(999);
  assert.ok(output.isEmpty());
  driver.advanceWallClockTime(1);
  assert.deepEqual(output.readKeyValuesToList(), [{ key: 'wall-clock', value: '6000' }]);
  driver.close();
});

test('a driver without stateDir makes a temporary state folder and removes it on close', () => {
  const builder = jsonFileStoreBuilder('counts');
  const driver = new TopologyTestDriver(countingTopology(builder), {}, 0);
  driver.createInputTopic('words', S, S).pipeInput('a', 'x', 1);
  const dir = builder.built[0] && (driver.getStateStore('counts') as unknown as { context: { stateDir: string } }).context.stateDir;
  assert.ok(dir && existsSync(join(dir, 'counts.json')));
  driver.close();
  assert.ok(!existsSync(dir));
});

test('stores: unknown, unconnected and duplicate stores are refused with what to do', () => {
  const t = new Topology().addSource('in', 'words').addProcessor('p', counter, 'in').addProcessor('q', counter, 'in');
  assert.throws(() => t.connectProcessorAndStateStores('p', 'counts'), /state store 'counts' is not added yet/);
  t.addStateStore(jsonFileStoreBuilder('counts'), 'p');
  assert.throws(() => t.addStateStore(jsonFileStoreBuilder('counts')), /a different state store named 'counts' is already added/);
  assert.throws(() => t.connectProcessorAndStateStores('nope', 'counts'), /processor 'nope' is not added yet/);
  assert.throws(() => t.connectProcessorAndStateStores('in', 'counts'), /'in' is a source, not a processor/);
  assert.throws(() => t.connectProcessorAndStateStores('p'), /needs at least one store name/);
  // q uses the store without being connected to it.
  assert.throws(() => new TopologyTestDriver(t, {}, 0), /processor 'q' has no access to state store 'counts': the store is not connected to it. Connect it with Topology.addStateStore\(builder, 'q'\) or connectProcessorAndStateStores\('q', 'counts'\)/);
  t.connectProcessorAndStateStores('q', 'counts');
  const driver = new TopologyTestDriver(t, {}, 0);
  assert.ok(driver.getKeyValueStore('counts'));
  driver.close();
  // Processors sharing a store share a sub-topology, and describe() lists the store.
  assert.match(t.describe().toString(), /Processor: p \(stores: \[counts\]\)/);
  assert.match(t.describe().toString(), /Processor: q \(stores: \[counts\]\)/);
});

test('a supplier may carry its stores (Java\'s ConnectedStoreProvider)', () => {
  const supplier = Object.assign(() => counter(), { stores: [jsonFileStoreBuilder('counts', { persistent: false })] });
  const t = new Topology()
    .addSource('in', 'words', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('count', supplier, 'in')
    .addSink('out', 'counts-out', { keySerializer: S, valueSerializer: S }, 'count');
  const driver = new TopologyTestDriver(t, {}, 0);
  driver.createInputTopic('words', S, S).pipeInput('k', 'v', 1);
  assert.equal(driver.getKeyValueStore<string, string>('counts')!.get('k'), '1');
  assert.deepEqual(t.changelogTopics().map((c) => [c.name, c.storeName, c.subtopology]), [['counts-changelog', 'counts', 0]]);
  driver.close();
});

test('a global store is filled from every record of its topic, and any processor reads it without being connected to it', () => {
  const t = new Topology()
    .addGlobalStore(
      jsonFileStoreBuilder('prices', { persistent: false }),
      'prices-source',
      'prices',
      { keyDeserializer: S, valueDeserializer: S },
      'prices-update',
      () => {
        let store!: KeyValueStore<string, string>;
        return {
          init: (c) => void (store = c.getStateStore<KeyValueStore<string, string>>('prices')),
          process: (r) => store.put(r.key, r.value),
        };
      },
    )
    .addSource('orders', 'orders', { keyDeserializer: S, valueDeserializer: S })
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
          process: (r) => context.forward(r.withValue(`${r.value} x ${prices.get(r.key) ?? 'no price'}`)),
        };
      },
      'orders',
    )
    .addSink('out', 'priced', { keySerializer: S, valueSerializer: S }, 'price');
  assert.deepEqual(t.changelogTopics(), [], 'a global store has no changelog: its topic is one');
  const driver = new TopologyTestDriver(t, {}, 0);
  const prices = driver.createInputTopic('prices', S, S);
  const orders = driver.createInputTopic('orders', S, S);
  const out = driver.createOutputTopic('priced', S, S);
  orders.pipeInput('apple', '3', 1);
  prices.pipeInput('apple', '0.5', 2);
  prices.pipeInput('pear', '0.7', 3);
  orders.pipeInput('apple', '4', 4);
  orders.pipeInput('pear', '1', 5);
  assert.deepEqual(out.readValuesToList(), ['3 x no price', '4 x 0.5', '1 x 0.7']);
  assert.equal(driver.getKeyValueStore<string, string>('prices')!.get('pear'), '0.7');
  assert.deepEqual([...driver.getAllStateStores().keys()], ['prices']);
  driver.close();
});

test('the stores of every task share one record cache of statestore.cache.max.bytes, as a stream thread\'s do', () => {
  const caches: unknown[] = [];
  /** A store builder whose stores note the cache their task's context gives them. */
  const capturing = (name: string) => {
    const builder = jsonFileStoreBuilder(name);
    const build = builder.build.bind(builder);
    builder.build = () => {
      const store = build();
      const init = store.init.bind(store);
      store.init = (context, root) => {
        caches.push(context.cache);
        init(context, root);
      };
      return store;
    };
    return builder;
  };
  const topology = new Topology()
    .addSource('in-a', 'a', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('pa', () => ({ process() {} }), 'in-a')
    .addStateStore(capturing('store-a'), 'pa')
    .addSource('in-b', 'b', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('pb', () => ({ process() {} }), 'in-b')
    .addStateStore(capturing('store-b'), 'pb');
  assert.equal(topology.subtopologies().length, 2, 'two tasks');
  const driver = new TopologyTestDriver(topology, { 'statestore.cache.max.bytes': 12_345 });
  try {
    assert.equal(caches.length, 2);
    assert.ok(caches[0] !== undefined && caches[0] === caches[1], 'one cache for both tasks');
    assert.equal((caches[0] as { maxBytes: number }).maxBytes, 12_345);
  } finally {
    driver.close();
  }
});

test('a cached table flushed at the commit forwards each row in the context of the record that wrote it: its metadata downstream, its timestamp on a downstream store\'s delete', () => {
  const builder = new StreamsBuilder();
  const table = builder.table('rows', { keySerde: S, valueSerde: S }, Materialized.as<string, string>('rows-store')); // cached: the default
  const mapped = table.mapValues((v) => v.toUpperCase(), Materialized.as<string, string>('upper-store').withValueSerde(S).withCachingDisabled());
  mapped
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
    .to('annotated', { keySerde: S, valueSerde: S });
  const driver = new TopologyTestDriver(builder.build(), { applicationId: 'rc' }, 1_000_000_000);
  try {
    const rows = driver.createInputTopic('rows', S, S);
    rows.pipeInput('a', 'x', 100);
    rows.pipeInput('b', 'y', 150);
    rows.pipeInput('a', null as unknown as string, 200); // a tombstone
    const out = driver.createOutputTopic('annotated', S, S).readRecordsToList();
    assert.deepEqual(
      out.map((r) => [r.key, r.value, r.timestamp]),
      [
        ['a', 'X@rows/0/0', 100],
        ['b', 'Y@rows/0/1', 150],
        ['a', 'null@rows/0/2', 200],
      ],
    );
    const changelog = driver.createOutputTopic('rc-upper-store-changelog', S, S).readRecordsToList();
    assert.deepEqual(
      changelog.map((r) => [r.key, r.value, r.timestamp]),
      [
        ['a', 'X', 100],
        ['b', 'Y', 150],
        ['a', null, 200], // the tombstone's own timestamp, not the wall clock's 1,000,000,000
      ],
    );
  } finally {
    driver.close();
  }
});
