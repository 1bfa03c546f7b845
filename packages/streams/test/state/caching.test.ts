// The caching layer and the thread's record cache: writes stay in the cache until a flush or an
// eviction; dirty entries go below (to the changelog) in the order of their last write (as
// Java's NamedCache keeps them), each with the timestamp of the record that wrote it; the flush listener gets
// Change{newValue, oldValue} (old values only with sendOldValues); the least recently used entry
// of the cache written to is evicted when the thread's budget is exceeded, and the budget is
// shared by every cached store of the thread.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Serdes, Stores, ThreadCache, type Change, type KeyValueStore, type Record, type TimestampedKeyValueStore } from '@sluice/streams';
import { RecordingContext, tempStateDir } from './support.ts';

const dirs = tempStateDir();
after(() => dirs.remove());

/** With topic 'input', one entry of a 2-character key and a 2-character value counts 54 bytes (Java's estimate). */
const ENTRY = 54;

function cachedStore(name: string, context: RecordingContext): KeyValueStore<string, string> {
  const store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String()).withCachingEnabled().build();
  store.init(context, store);
  return store;
}

const logged = (c: RecordingContext) => c.changelog.map((r) => `${r.store}:${r.key}=${r.value === null ? 'null' : r.value.toString()}@${r.timestamp}`);

test('writes reach the changelog only when flushed, once per key, in last-write order, with the writing record timestamp', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(1 << 20);
  const store = cachedStore('s', context);
  context.at(10);
  store.put('k2', 'a');
  context.at(11);
  store.put('k1', 'b');
  context.at(12);
  store.put('k2', 'c'); // k2 now comes after k1: its last write is later
  context.at(13);
  store.put('k3', 'd');
  store.delete('k3');
  assert.deepEqual(logged(context), []);
  assert.equal(store.get('k2'), 'c', 'reads see the cache');
  assert.deepEqual([...store.all()].map((kv) => `${kv.key}=${kv.value}`), ['k1=b', 'k2=c'], 'the pending delete hides k3');
  context.at(99);
  store.flush();
  assert.deepEqual(logged(context), ['s:k1=b@11', 's:k2=c@12', 's:k3=null@13']);
  store.flush();
  assert.equal(context.changelog.length, 3, 'nothing dirty is left');
  assert.equal(context.cache.sizeBytes > 0, true, 'flushed entries stay cached, clean');
  store.close();
  assert.equal(context.cache.sizeBytes, 0, 'a closed store leaves the cache');
});

test('the flush listener gets new and old values; old values only with sendOldValues', () => {
  for (const sendOldValues of [true, false]) {
    const context = new RecordingContext(dirs.dir);
    context.cache = new ThreadCache(1 << 20);
    const store = cachedStore('t', context);
    const seen: string[] = [];
    const cached = store as unknown as { setFlushListener(l: (r: Record<string, Change<string>>) => void, old: boolean): boolean };
    assert.equal(cached.setFlushListener((r) => seen.push(`${r.key}:${r.value.newValue}/${r.value.oldValue}@${r.timestamp}`), sendOldValues), true);
    context.at(1);
    store.put('a', 'v1');
    store.flush();
    context.at(2);
    store.put('a', 'v2');
    store.put('a', 'v3');
    context.at(3);
    store.put('gone', 'x');
    store.delete('gone'); // never reached the store: nothing to forward or write
    store.flush();
    context.at(4);
    store.delete('a');
    store.flush();
    assert.deepEqual(seen, sendOldValues ? ['a:v1/null@1', 'a:v3/v1@2', 'a:null/v3@4'] : ['a:v1/null@1', 'a:v3/null@2', 'a:null/null@4']);
    assert.deepEqual(logged(context), ['t:a=v1@1', 't:a=v3@2', 't:a=null@4']);
    store.close();
  }
});

test('an uncached store has no flush listener: the caller forwards itself (setFlushListener answers false)', () => {
  const context = new RecordingContext(dirs.dir);
  const store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('u'), Serdes.String(), Serdes.String()).build();
  store.init(context, store);
  const cached = store as unknown as { setFlushListener(l: unknown, old: boolean): boolean };
  assert.equal(cached.setFlushListener(() => {}, true), false);
  context.at(5);
  store.put('k', 'v');
  assert.deepEqual(logged(context), ['u:k=v@5'], 'logged at once');
  store.close();
});

test('eviction: over budget, the least recently used entry of the written cache goes, flushing all dirty entries first', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(3 * ENTRY);
  const store = cachedStore('e', context);
  context.at(1);
  store.put('k1', 'v1');
  store.put('k2', 'v2');
  store.put('k3', 'v3');
  assert.equal(context.cache.sizeBytes, 3 * ENTRY);
  assert.deepEqual(logged(context), []);
  store.flush();
  context.changelog.length = 0;
  // k1 becomes the most recent; k2 is now the eldest.
  assert.equal(store.get('k1'), 'v1');
  context.at(2);
  store.put('k3', 'v4'); // dirty, recent
  store.put('k4', 'v4'); // over budget: k2 (clean) is evicted, nothing written
  assert.deepEqual(logged(context), []);
  assert.equal(context.cache.size, 3);
  context.at(3);
  store.put('k5', 'v5'); // evicts k1 (clean); still nothing
  assert.deepEqual(logged(context), []);
  store.put('k6', 'v6'); // evicts k3 (dirty): the flush writes k3, then the other dirty ones in order, k6 too
  assert.deepEqual(logged(context), ['e:k3=v4@2', 'e:k4=v4@2', 'e:k5=v5@3', 'e:k6=v6@3']);
  assert.equal(context.cache.sizeBytes <= 3 * ENTRY, true);
  // Everything is still readable: evicted entries from the store below.
  assert.deepEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((k) => store.get(k)), ['v1', 'v2', 'v4', 'v4', 'v5', 'v6']);
  store.close();
});

test("one budget for the thread: one store's writes evict only its own entries, the total stays bounded", () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(4 * ENTRY);
  const a = cachedStore('a', context);
  const c = cachedStore('c', context);
  context.at(7);
  a.put('a1', 'x1');
  a.put('a2', 'x2');
  c.put('c1', 'y1');
  c.put('c2', 'y2');
  assert.equal(context.cache.size, 4);
  c.put('c3', 'y3'); // c evicts its own eldest (c1, dirty): c's dirty entries flush, a's stay
  assert.deepEqual(logged(context), ['c:c1=y1@7', 'c:c2=y2@7', 'c:c3=y3@7']);
  assert.equal(context.cache.sizeBytes, 4 * ENTRY);
  a.flush();
  assert.deepEqual(logged(context).slice(3), ['a:a1=x1@7', 'a:a2=x2@7']);
  for (let i = 0; i < 100; i++) a.put(`a${i % 10}`, `z${i % 10}`);
  assert.ok(context.cache.sizeBytes <= 4 * ENTRY);
  a.close();
  c.close();
  assert.equal(context.cache.sizeBytes, 0);
});

test('a timestamped cached store forwards ValueAndTimestamp changes and logs the plain value with its timestamp', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(1 << 20);
  const store: TimestampedKeyValueStore<string, string> = Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('ts'), Serdes.String(), Serdes.String())
    .withCachingEnabled()
    .build();
  store.init(context, store);
  const seen: unknown[] = [];
  const cached = store as unknown as { setFlushListener(l: (r: Record<string, Change<{ value: string; timestamp: number }>>) => void, old: boolean): boolean };
  cached.setFlushListener((r) => seen.push([r.key, r.value.newValue, r.value.oldValue, r.timestamp]), true);
  context.at(100);
  store.put('k', { value: 'v1', timestamp: 40 });
  store.flush();
  context.at(101);
  store.put('k', { value: 'v2', timestamp: 50 });
  store.flush();
  assert.deepEqual(seen, [
    ['k', { value: 'v1', timestamp: 40 }, null, 100],
    ['k', { value: 'v2', timestamp: 50 }, { value: 'v1', timestamp: 40 }, 101],
  ]);
  assert.deepEqual(logged(context), ['ts:k=v1@40', 'ts:k=v2@50']);
  store.close();
});

test('without a thread cache in the context, a cached store makes its own of statestore.cache.max.bytes', () => {
  const context = new RecordingContext(dirs.dir, { statestoreCacheMaxBytes: ENTRY });
  const store = cachedStore('own', context);
  context.at(1);
  store.put('k1', 'v1');
  assert.deepEqual(logged(context), []);
  store.put('k2', 'v2'); // one entry fits: k1 is evicted, and the flush takes k2 too
  assert.deepEqual(logged(context), ['own:k1=v1@1', 'own:k2=v2@1']);
  store.put('k3', 'v3');
  store.close();
  assert.deepEqual(logged(context), ['own:k1=v1@1', 'own:k2=v2@1', 'own:k3=v3@1'], 'close flushes');
});

test('a store opened again in the same task does not inherit what a dropped (never closed) instance left in the cache', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(1 << 20);
  const dropped = cachedStore('again', context);
  context.at(1);
  dropped.put('uncommitted', 'x'); // the task is lost: no flush, no close
  const fresh = cachedStore('again', context);
  assert.equal(fresh.get('uncommitted'), null);
  fresh.flush();
  assert.deepEqual(logged(context), []);
  assert.equal(context.cache.sizeBytes, 0);
  fresh.close();
});

test('flushCache empties the cache into the changelog without flushing the store below; clearCache drops what is cached', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(1 << 20);
  const store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('fc'), Serdes.String(), Serdes.String()).withCachingEnabled().build();
  store.init(context, store);
  const cached = store as unknown as { flushCache(): void; clearCache(): void };
  context.at(1);
  store.put('k', 'v');
  cached.flushCache();
  assert.deepEqual(logged(context), ['fc:k=v@1']);
  assert.equal(store.get('k'), 'v');
  store.put('k', 'dropped');
  cached.clearCache();
  assert.equal(store.get('k'), 'v', 'the cached write is gone, the flushed one is read from the store');
  store.flush();
  assert.deepEqual(logged(context), ['fc:k=v@1']);
  store.close();
  const plain = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('nc'), Serdes.String(), Serdes.String()).build() as unknown as { flushCache(): void };
  plain.flushCache(); // no cache: nothing to do
});

test("the flush listener runs in the record context of the write it forwards (Java's caching layer sets it), and stores written downstream log with it", () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(1 << 20);
  const upstream = cachedStore('up', context);
  const downstream = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('down'), Serdes.String(), Serdes.String()).build();
  downstream.init(context, downstream);
  const seen: unknown[] = [];
  const cached = upstream as unknown as { setFlushListener(l: (r: Record<string, Change<string>>) => void, old: boolean): boolean };
  cached.setFlushListener((r) => {
    const rc = context.recordContext();
    seen.push([r.key, rc?.timestamp, rc?.topic, rc?.offset]);
    downstream.delete(r.key); // a downstream table's delete logs the current record's timestamp
  }, false);
  context.current = { timestamp: 42, headers: [], topic: 'orders', partition: 1, offset: 7n };
  upstream.put('k', 'v');
  context.current = null; // a commit: no record is being processed
  upstream.flush();
  assert.deepEqual(seen, [['k', 42, 'orders', 7n]]);
  assert.deepEqual(logged(context), ['up:k=v@42', 'down:k=null@42']);
  assert.equal(context.current, null, 'restored after the listener');
  upstream.close();
  downstream.close();
});

test('a read that misses the cache does not fill it, so it can never evict and flush: an interactive query reading outside processing writes nothing', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(3 * ENTRY);
  const store = cachedStore('r', context);
  context.at(1);
  for (const k of ['k1', 'k2', 'k3']) store.put(k, `v${k[1]}`);
  store.flush();
  context.changelog.length = 0;
  context.at(2);
  for (const k of ['k4', 'k5', 'k6']) store.put(k, `v${k[1]}`); // the clean entries make room; the cache holds three dirty ones
  assert.deepEqual(logged(context), []);
  assert.deepEqual(['k1', 'k2', 'k3'].map((k) => store.get(k)), ['v1', 'v2', 'v3'], 'read from the store below');
  assert.deepEqual(logged(context), [], 'no read evicted a dirty entry and flushed');
  store.flush();
  assert.deepEqual(logged(context), ['r:k4=v4@2', 'r:k5=v5@2', 'r:k6=v6@2']);
  store.close();
});
