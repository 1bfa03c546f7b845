// Stores and the store builders: Java's names and defaults (logging on, caching off), the
// switches, what each supplier makes, and bad arguments refused with Java's messages.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Serdes, Stores, StreamsError, isTimestampedKeyValueStore } from '@sluice/streams';
import { RecordingContext, tempStateDir } from './support.ts';

const dirs = tempStateDir();
after(() => dirs.remove());

test('suppliers: names, metrics scopes, persistence', () => {
  const cases = [
    [Stores.persistentKeyValueStore('p'), 'sqlite', true],
    [Stores.persistentTimestampedKeyValueStore('pt'), 'sqlite', true],
    [Stores.inMemoryKeyValueStore('m'), 'in-memory', false],
    [Stores.lruMap('l', 3), 'in-memory-lru', false],
  ] as const;
  for (const [supplier, scope, persistent] of cases) {
    assert.equal(supplier.metricsScope(), scope);
    const a = supplier.get();
    assert.equal(a.name, supplier.name);
    assert.equal(a.persistent(), persistent);
    assert.notEqual(a, supplier.get(), 'a new store per call (one per task)');
  }
});

test('builders: logging on and caching off by default, switches, changelog config', () => {
  const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('b'), Serdes.String(), Serdes.String());
  assert.equal(builder.name, 'b');
  assert.equal(builder.loggingEnabled(), true);
  assert.equal(builder.cachingEnabled(), false);
  assert.deepEqual(builder.logConfig(), {});
  assert.equal(builder.withLoggingEnabled({ 'min.insync.replicas': '1' }).withLoggingEnabled({ 'segment.bytes': '1000' }), builder);
  assert.deepEqual(builder.logConfig(), { 'min.insync.replicas': '1', 'segment.bytes': '1000' });
  builder.withLoggingDisabled();
  assert.equal(builder.loggingEnabled(), false);
  assert.deepEqual(builder.logConfig(), {}, 'disabling drops the changelog config, as Java');
  assert.equal(builder.withCachingEnabled().cachingEnabled(), true);
  assert.equal(builder.withCachingDisabled().cachingEnabled(), false);

  const ts = Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('t'), Serdes.String(), Serdes.Int32()).build();
  const plain = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('k'), Serdes.String(), Serdes.Int32()).build();
  assert.equal(isTimestampedKeyValueStore(ts), true);
  assert.equal(isTimestampedKeyValueStore(plain), false);
  assert.equal(ts.persistent(), true);
});

test("a builder without serdes uses the application's defaults; without any, it says what to give", () => {
  const store = Stores.keyValueStoreBuilder<string, string>(Stores.inMemoryKeyValueStore('d')).build();
  store.init(new RecordingContext(dirs.dir, { defaultKeySerde: Serdes.String(), defaultValueSerde: Serdes.String() }), store);
  store.put('k', 'v');
  assert.equal(store.get('k'), 'v');
  store.close();
  const bare = Stores.keyValueStoreBuilder<string, string>(Stores.inMemoryKeyValueStore('d')).build();
  assert.throws(() => bare.init(new RecordingContext(dirs.dir), bare), (e: StreamsError) => e.code === 'INVALID_CONFIG' && /no key serde/.test(e.message));
});

test('bad arguments are refused with clear messages', () => {
  assert.throws(() => Stores.persistentKeyValueStore(null as never), /name cannot be null/);
  assert.throws(() => Stores.inMemoryKeyValueStore('../escape'), /store name '..\/escape' is not valid/);
  assert.throws(() => Stores.inMemoryKeyValueStore(''), /is not valid/);
  assert.throws(() => Stores.lruMap('l', -1), /maxCacheSize cannot be negative/);
  assert.throws(() => Stores.keyValueStoreBuilder(null as never), /supplier cannot be null/);
  assert.throws(() => Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('x')).withLoggingEnabled(null as never), /config can't be null/);
});
