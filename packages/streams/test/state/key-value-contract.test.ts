// The key-value store contract, the same for every implementation: the bytes stores (in memory,
// on disk, the LRU map) and the layered stores the builders make (typed, logged, cached). Keys
// are bytes, so the edges of unsigned byte order are reached directly: the empty key, 0x00,
// 0x7f against 0x80, 0xff runs, prefixes of each other. A seeded random run checks every store
// against a plain sorted model after each step.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Serdes, Stores, StreamsError, type KeyValueStore } from '@sluice/streams';
import { Random } from '@sluice/test-kit/random';
import { RecordingContext, b, tempStateDir } from './support.ts';

type Store = KeyValueStore<Buffer, Buffer>;
const dirs = tempStateDir();
after(() => dirs.remove());
let counter = 0;

const implementations: { name: string; make: () => Store }[] = [
  { name: 'in-memory', make: () => Stores.inMemoryKeyValueStore('kv').get() },
  { name: 'persistent', make: () => Stores.persistentKeyValueStore('kv').get() },
  { name: 'lruMap (never full)', make: () => Stores.lruMap('kv', 1_000_000).get() },
  {
    name: 'built, in-memory, logged and cached',
    make: () => Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('kv'), Serdes.Buffer(), Serdes.Buffer()).withCachingEnabled().build(),
  },
  {
    name: 'built, persistent, logged',
    make: () => Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('kv'), Serdes.Buffer(), Serdes.Buffer()).build(),
  },
  {
    name: 'built, persistent, cached, not logged',
    make: () => Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('kv'), Serdes.Buffer(), Serdes.Buffer()).withCachingEnabled().withLoggingDisabled().build(),
  },
];

/** A new store, initialised in a fresh task folder; a tiny cache budget so cached stores also evict. */
const contexts = new WeakMap<Store, RecordingContext>();

function open(make: () => Store, cacheBytes = 10 * 1024 * 1024): Store {
  const store = make();
  const context = new RecordingContext(`${dirs.dir}/task-${counter++}`, { statestoreCacheMaxBytes: cacheBytes });
  store.init(context, store);
  contexts.set(store, context);
  return store;
}

const keys = (it: Iterable<{ key: Buffer }>) => [...it].map((kv) => kv.key.toString('hex'));
const hex = (...bs: Buffer[]) => bs.map((x) => x.toString('hex'));

for (const impl of implementations) {
  describe(impl.name, () => {
    test('put, get, putIfAbsent, putAll, delete; a null value deletes', () => {
      const store = open(impl.make);
      assert.equal(store.get(b(1)), null);
      store.put(b(1), b(10));
      assert.deepEqual(store.get(b(1)), b(10));
      store.put(b(1), b(11));
      assert.deepEqual(store.get(b(1)), b(11));
      assert.deepEqual(store.putIfAbsent(b(1), b(12)), b(11));
      assert.deepEqual(store.get(b(1)), b(11));
      assert.equal(store.putIfAbsent(b(2), b(20)), null);
      assert.deepEqual(store.get(b(2)), b(20));
      store.putAll([
        { key: b(3), value: b(30) },
        { key: b(2), value: null },
      ]);
      assert.equal(store.get(b(2)), null);
      assert.deepEqual(store.get(b(3)), b(30));
      assert.deepEqual(store.delete(b(3)), b(30));
      assert.equal(store.delete(b(3)), null);
      store.put(b(1), null);
      assert.equal(store.get(b(1)), null);
      assert.deepEqual(keys(store.all()), []);
      store.put(b(), b(0));
      assert.deepEqual(store.get(b()), b(0), 'the empty key is a key');
      store.close();
    });

    test('ranges, reverse ranges and all() in unsigned byte order, inclusive at both ends, either end open', () => {
      const store = open(impl.make);
      const ks = [b(), b(0), b(0, 0), b(1), b(0x7f), b(0x80), b(0x80, 0), b(0xfe, 0xff), b(0xff), b(0xff, 0xff), b(0xff, 0xff, 0xff)];
      for (const k of [...ks].reverse()) store.put(k, Buffer.concat([b(0xaa), k]));
      const all = hex(...ks);
      assert.deepEqual(keys(store.all()), all);
      assert.deepEqual(keys(store.reverseAll()), [...all].reverse());
      assert.deepEqual(keys(store.range(b(0x7f), b(0xff))), hex(b(0x7f), b(0x80), b(0x80, 0), b(0xfe, 0xff), b(0xff)));
      assert.deepEqual(keys(store.reverseRange(b(0x7f), b(0xff))), hex(b(0xff), b(0xfe, 0xff), b(0x80, 0), b(0x80), b(0x7f)));
      assert.deepEqual(keys(store.range(undefined, b(0, 0))), hex(b(), b(0), b(0, 0)));
      assert.deepEqual(keys(store.range(b(0xff), undefined)), hex(b(0xff), b(0xff, 0xff), b(0xff, 0xff, 0xff)));
      assert.deepEqual(keys(store.reverseRange(undefined, b(0))), hex(b(0), b()));
      assert.deepEqual(keys(store.range(b(0x10), b(0x20))), [], 'nothing between');
      assert.deepEqual(keys(store.range(b(0x80, 0, 1), b(0xfe))), [], 'bounds that are not keys');
      assert.deepEqual(keys(store.range(b(0xff), b(0x7f))), [], 'an inverted range is empty, as in Java');
      assert.deepEqual(keys(store.range(b(), b())), hex(b()));
      for (const kv of store.all()) assert.deepEqual(kv.value, Buffer.concat([b(0xaa), kv.key]));
      store.flush(); // a cached store counts what is below its cache, as Java's does
      assert.equal(store.approximateNumEntries(), ks.length);
      store.close();
    });

    test('prefix scans, including prefixes ending in 0xff and the empty prefix', () => {
      const store = open(impl.make);
      const ks = [b(), b(1), b(1, 0), b(1, 0xff), b(1, 0xff, 0), b(1, 0xff, 0xff), b(2), b(0xff), b(0xff, 1)];
      for (const k of ks) store.put(k, b(9));
      const scan = (p: Buffer) => keys(store.prefixScan(p, Serdes.Buffer()));
      assert.deepEqual(scan(b(1)), hex(b(1), b(1, 0), b(1, 0xff), b(1, 0xff, 0), b(1, 0xff, 0xff)));
      assert.deepEqual(scan(b(1, 0xff)), hex(b(1, 0xff), b(1, 0xff, 0), b(1, 0xff, 0xff)), 'upper bound is 0x02, not 0x0200');
      assert.deepEqual(scan(b(0xff)), hex(b(0xff), b(0xff, 1)), 'no upper bound for an all-0xff prefix');
      assert.deepEqual(scan(b()), hex(...ks), 'the empty prefix is everything');
      assert.deepEqual(scan(b(3)), []);
      assert.deepEqual(keys(store.prefixScan('\u0001', Serdes.String())), scan(b(1)), 'the prefix goes through its own serializer');
      store.close();
    });

    test('iterators: peekNextKey, close, exhaustion, break, and writes while iterating', () => {
      const store = open(impl.make);
      for (let i = 0; i < 600; i++) store.put(Buffer.from([i >> 8, i & 0xff]), b(i & 0xff));
      const it = store.range(b(0, 10), undefined);
      assert.deepEqual(it.peekNextKey(), b(0, 10));
      assert.deepEqual(it.peekNextKey(), b(0, 10), 'peeking does not move');
      assert.deepEqual(it.next().value?.key, b(0, 10));
      assert.deepEqual(it.peekNextKey(), b(0, 11));
      it.close();
      assert.equal(it.peekNextKey(), undefined);
      assert.equal(it.next().done, true);

      const exhausted = store.range(b(2, 0x50), undefined);
      assert.equal([...exhausted].length, 600 - 0x250);
      assert.equal(exhausted.next().done, true);

      let seen = 0;
      for (const _ of store.all()) if (++seen === 3) break;
      assert.equal(seen, 3);

      // Deleting what is scanned, as processors that expire entries do.
      let deleted = 0;
      for (const kv of store.all()) {
        if (kv.key[1] % 2 === 0) {
          store.delete(kv.key);
          deleted++;
        }
      }
      assert.equal(deleted, 300);
      assert.equal([...store.all()].length, 300);
      assert.ok([...store.all()].every((kv) => kv.key[1] % 2 === 1));
      // Deleting ahead of the iterator: every key still there is returned, once, in order (the
      // deleted ones may or may not be, as with Java's stores, whose RocksDB iterators see a snapshot).
      const ahead = store.all();
      const first = ahead.next().value!.key;
      for (const kv of [...store.range(b(1, 0), undefined)]) store.delete(kv.key);
      const rest = [...ahead].map((kv) => kv.key);
      for (let i = 1; i < rest.length; i++) assert.ok(Buffer.compare(rest[i - 1], rest[i]) < 0);
      assert.ok(Buffer.compare(rest[0], first) > 0);
      assert.deepEqual(hex(...rest.filter((k) => k[0] === 0)), keys(store.range(undefined, b(0, 0xff))).slice(1));
      store.close();
    });

    test('a null key is refused as Java refuses it; a closed store says so', () => {
      const store = open(impl.make);
      for (const op of [() => store.get(null as never), () => store.put(null as never, b(1)), () => store.delete(undefined as never), () => store.putIfAbsent(null as never, b(1))]) {
        assert.throws(op, (e: Error) => e instanceof TypeError && e.message === 'key cannot be null');
      }
      assert.throws(() => store.putAll([{ key: b(1), value: b(1) }, { key: null as never, value: b(2) }]), /key cannot be null/);
      assert.equal(store.get(b(1)), null, 'putAll checks every key before writing any');
      assert.equal(store.isOpen(), true);
      store.close();
      assert.equal(store.isOpen(), false);
      assert.throws(() => store.get(b(1)), (e: StreamsError) => e.code === 'INVALID_STATE_STORE' && /Store kv is currently closed/.test(e.message));
      assert.throws(() => store.all(), (e: StreamsError) => e.code === 'INVALID_STATE_STORE');
    });

    test('matches a sorted model over a seeded random run (with a small cache, so cached stores evict and flush)', () => {
      for (const seed of [1, 2, 3]) {
        const rnd = new Random(seed);
        const store = open(impl.make, 600);
        const model = new Map<string, Buffer>();
        const key = () => Buffer.from(Array.from({ length: rnd.int(0, 3) }, () => [0, 1, 0x7f, 0x80, 0xfe, 0xff][rnd.int(0, 5)]));
        const sorted = () => [...model.keys()].sort((x, y) => Buffer.compare(Buffer.from(x, 'hex'), Buffer.from(y, 'hex')));
        for (let step = 0; step < 400; step++) {
          const k = key();
          const op = rnd.int(0, 9);
          if (op < 5) {
            const v = b(rnd.int(0, 255));
            store.put(k, v);
            model.set(k.toString('hex'), v);
          } else if (op < 7) {
            assert.deepEqual(store.delete(k), model.get(k.toString('hex')) ?? null);
            model.delete(k.toString('hex'));
          } else if (op < 8) {
            const to = key();
            const expected = sorted().filter((x) => Buffer.compare(Buffer.from(x, 'hex'), k) >= 0 && Buffer.compare(Buffer.from(x, 'hex'), to) <= 0);
            assert.deepEqual(keys(store.range(k, to)), Buffer.compare(k, to) > 0 ? [] : expected, `seed ${seed} step ${step}`);
            assert.deepEqual(keys(store.reverseRange(k, to)), Buffer.compare(k, to) > 0 ? [] : [...expected].reverse());
          } else if (op < 9) {
            const p = k.subarray(0, 1);
            assert.deepEqual(keys(store.prefixScan(p, Serdes.Buffer())), sorted().filter((x) => Buffer.from(x, 'hex').subarray(0, p.length).equals(p)));
          } else {
            store.flush();
          }
          assert.deepEqual(store.get(k), model.get(k.toString('hex')) ?? null);
        }
        assert.deepEqual(keys(store.all()), sorted());
        assert.deepEqual([...store.all()].map((kv) => kv.value), sorted().map((x) => model.get(x)));
        store.flush();
        const changelog = contexts.get(store)!.changelog;
        if (changelog.length > 0) {
          // What a logged store wrote to its changelog rebuilds it exactly (a restore after losing it all).
          const rebuilt = open(() => Stores.inMemoryKeyValueStore('kv').get());
          contexts.get(rebuilt)!.restore('kv', changelog.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp, headers: [] })));
          assert.deepEqual(keys(rebuilt.all()), sorted(), `seed ${seed}: the changelog restores the same keys`);
          assert.deepEqual([...rebuilt.all()].map((kv) => kv.value), sorted().map((x) => model.get(x)));
          rebuilt.close();
        }
        store.close();
      }
    });
  });
}
