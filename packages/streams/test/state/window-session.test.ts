// Window and session stores, in memory and on disk: puts and fetches by key and time, retention
// by segments (writes older than the retention period dropped, expired segments deleted from
// disk), duplicates for joins, iteration order, the changelog keys in Java's window and session
// key layouts, restoration, and reopening a persistent store.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Serdes, Stores, ThreadCache, type Change, type Record, type SessionStore, type StateStore, type Windowed, type WindowStore } from '@sluice/streams';
import { RecordingContext, tempStateDir } from './support.ts';

const dirs = tempStateDir();
after(() => dirs.remove());
let n = 0;
const taskDir = () => join(dirs.dir, `task-${n++}`);
const MINUTE = 60_000;

function open<T extends StateStore>(store: T, context: RecordingContext): T {
  store.init(context, store);
  return store;
}

for (const persistent of [false, true]) {
  describe(persistent ? 'persistent' : 'in memory', () => {
    const windows = (retention: number, size: number, dups = false) =>
      persistent ? Stores.persistentWindowStore('w', retention, size, dups) : Stores.inMemoryWindowStore('w', retention, size, dups);
    const sessions = (retention: number) => (persistent ? Stores.persistentSessionStore('s', retention) : Stores.inMemorySessionStore('s', retention));

    test('window store: put, fetch, fetchRange, fetchAll, all; a null put deletes', () => {
      const context = new RecordingContext(taskDir());
      const store: WindowStore<string, string> = open(Stores.windowStoreBuilder(windows(10 * MINUTE, 1000), Serdes.String(), Serdes.String()).build(), context);
      store.put('a', 'a0', 0);
      store.put('a', 'a1', 1000);
      store.put('ab', 'ab1', 1000); // 'a' is a prefix of 'ab': fetches of 'a' must not see it
      store.put('b', 'b2', 2000);
      store.put('a', 'a3', 3 * MINUTE);
      assert.equal(store.fetch('a', 1000), 'a1');
      assert.equal(store.fetch('a', 2000), null);
      assert.deepEqual([...store.fetchRange('a', 0, 3 * MINUTE)].map((kv) => [kv.key, kv.value]), [[0, 'a0'], [1000, 'a1'], [3 * MINUTE, 'a3']]);
      assert.deepEqual([...store.fetchRange('a', 500, 2000)].map((kv) => kv.value), ['a1']);
      assert.deepEqual(
        [...store.fetchAll(1000, 2000)].map((kv) => [kv.key.key, kv.key.window.start, kv.key.window.end, kv.value]),
        [['a', 1000, 2000, 'a1'], ['ab', 1000, 2000, 'ab1'], ['b', 2000, 3000, 'b2']],
      );
      assert.deepEqual([...store.all()].map((kv) => kv.value), ['a0', 'a1', 'a3', 'ab1', 'b2'], 'by segment (one here: 5 minutes), then key bytes, then time');
      store.put('a', null, 1000);
      assert.equal(store.fetch('a', 1000), null);
      store.close();
    });

    test('window store: retention drops old writes and whole segments; reads see only what is retained', () => {
      const context = new RecordingContext(taskDir());
      const retention = 2 * MINUTE; // segments of one minute
      const store: WindowStore<string, string> = open(Stores.windowStoreBuilder(windows(retention, 1000), Serdes.String(), Serdes.String()).withLoggingDisabled().build(), context);
      store.put('k', 'old', 10_000);
      store.put('k', 'mid', MINUTE + 10_000);
      store.put('k', 'new', 3 * MINUTE + 5_000); // stream time 185 s: retained from 65 001; the segment of [0, 60 000) goes
      assert.deepEqual([...store.fetchRange('k', 0, 10 * MINUTE)].map((kv) => kv.value), ['mid', 'new']);
      assert.equal(store.fetch('k', 10_000), null);
      store.put('k', 'late', 20_000); // older than retention: dropped
      assert.deepEqual([...store.all()].map((kv) => kv.value), ['mid', 'new']);
      if (persistent) {
        const folders = readdirSync(join(context.stateDir, 'sqlite', 'w')).sort();
        assert.deepEqual(folders, ['w.180000', 'w.60000'], 'the segment of [0, 60000) is deleted');
      }
      store.close();
    });

    test('window store with duplicates: every put kept, nulls ignored; changelog keys carry the sequence number', () => {
      const context = new RecordingContext(taskDir());
      const store: WindowStore<string, string> = open(Stores.windowStoreBuilder(windows(10 * MINUTE, 1000, true), Serdes.String(), Serdes.String()).build(), context);
      context.at(77);
      store.put('k', 'x', 5000);
      store.put('k', 'y', 5000);
      store.put('k', null, 5000);
      assert.deepEqual([...store.fetchRange('k', 0, 10_000)].map((kv) => [kv.key, kv.value]), [[5000, 'x'], [5000, 'y']]);
      assert.deepEqual(
        context.changelog.map((r) => [r.key.toString('hex'), r.value?.toString() ?? null, r.timestamp]),
        [
          ['6b' + '0000000000001388' + '00000001', 'x', 77],
          ['6b' + '0000000000001388' + '00000002', 'y', 77],
          ['6b' + '0000000000001388' + '00000003', null, 77], // Java's changelog layer counts and logs the null too
        ],
      );
      store.close();
    });

    test('timestamped window store: ValueAndTimestamp values; the changelog holds the plain value at its timestamp; restore rebuilds it', () => {
      const supplier = persistent ? Stores.persistentTimestampedWindowStore('tw', 10 * MINUTE, 1000, false) : Stores.inMemoryWindowStore('tw', 10 * MINUTE, 1000, false);
      const context = new RecordingContext(taskDir());
      const store = open(Stores.timestampedWindowStoreBuilder(supplier, Serdes.String(), Serdes.String()).build(), context);
      context.at(9);
      store.put('k', { value: 'v', timestamp: 1234 }, 1000);
      assert.deepEqual(store.fetch('k', 1000), { value: 'v', timestamp: 1234 });
      assert.deepEqual(context.changelog.map((r) => [r.key.toString('hex'), r.value?.toString(), r.timestamp]), [['6b' + '00000000000003e8' + '00000000', 'v', 1234]]);
      store.close();

      const fresh = new RecordingContext(taskDir());
      const restored = open(Stores.timestampedWindowStoreBuilder(supplier, Serdes.String(), Serdes.String()).build(), fresh);
      fresh.restore('tw', context.changelog.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp, headers: [] })));
      assert.deepEqual(restored.fetch('k', 1000), { value: 'v', timestamp: 1234 });
      restored.close();
      assert.throws(() => Stores.timestampedWindowStoreBuilder(Stores.persistentWindowStore('p', MINUTE, 1, false)), /needs Stores.persistentTimestampedWindowStore/);
    });

    test('session store: put, findSessions, fetch, remove; changelog keys are key ‖ end ‖ start', () => {
      const context = new RecordingContext(taskDir());
      const store: SessionStore<string, number> = open(Stores.sessionStoreBuilder(sessions(10 * MINUTE), Serdes.String(), Serdes.Int32()).build(), context);
      context.at(50);
      store.put({ key: 'u', window: { start: 0, end: 100 } }, 1);
      store.put({ key: 'u', window: { start: 500, end: 700 } }, 2);
      store.put({ key: 'uu', window: { start: 0, end: 100 } }, 3);
      store.put({ key: 'u', window: { start: 2 * MINUTE, end: 2 * MINUTE + 5 } }, 4);
      const found = (from: number, to: number) => [...store.findSessions('u', from, to)].map((kv) => [kv.key.window.start, kv.key.window.end, kv.value]);
      assert.deepEqual(found(0, 10 * MINUTE), [[0, 100, 1], [500, 700, 2], [2 * MINUTE, 2 * MINUTE + 5, 4]]);
      assert.deepEqual(found(150, 600), [[500, 700, 2]], 'ends at or after 150, starts at or before 600');
      assert.deepEqual(found(100, 100), [[0, 100, 1]]);
      assert.deepEqual([...store.fetch('u')].map((kv) => kv.value), [1, 2, 4]);
      store.remove({ key: 'u', window: { start: 500, end: 700 } });
      assert.deepEqual([...store.fetch('u')].map((kv) => kv.value), [1, 4]);
      assert.equal(context.changelog[0].key.toString('hex'), '75' + '0000000000000064' + '0000000000000000');
      assert.deepEqual(context.changelog.at(-1)!.value, null);
      assert.throws(() => store.put({ key: null as never, window: { start: 0, end: 1 } }, 1), /key cannot be null/);
      store.close();
    });

    test('session store: retention by session end; restore rebuilds it', () => {
      const context = new RecordingContext(taskDir());
      const store: SessionStore<string, string> = open(Stores.sessionStoreBuilder(sessions(MINUTE), Serdes.String(), Serdes.String()).build(), context);
      store.put({ key: 'k', window: { start: 0, end: 1000 } }, 'early');
      store.put({ key: 'k', window: { start: 90_000, end: 100_000 } }, 'late'); // retained from 40 001 on
      assert.deepEqual([...store.fetch('k')].map((kv) => kv.value), ['late']);
      store.close();
      const fresh = new RecordingContext(taskDir());
      const restored: SessionStore<string, string> = open(Stores.sessionStoreBuilder(sessions(MINUTE), Serdes.String(), Serdes.String()).build(), fresh);
      fresh.restore('s', context.changelog.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp, headers: [] })));
      assert.deepEqual([...restored.fetch('k')].map((kv) => [kv.key.window.start, kv.value]), [[90_000, 'late']]);
      restored.close();
    });
  });
}

test('a persistent window store reopens its segments from disk', () => {
  const dir = taskDir();
  const make = () => Stores.windowStoreBuilder(Stores.persistentWindowStore('w', 10 * MINUTE, 1000, false), Serdes.String(), Serdes.String()).withLoggingDisabled().build();
  const first = open(make(), new RecordingContext(dir));
  first.put('k', 'v1', 1000);
  first.put('k', 'v2', 4 * MINUTE);
  first.close();
  assert.ok(existsSync(join(dir, 'sqlite', 'w', 'w.0', 'store.sqlite')));
  const again = open(make(), new RecordingContext(dir));
  assert.deepEqual([...again.fetchRange('k', 0, 5 * MINUTE)].map((kv) => kv.value), ['v1', 'v2']);
  again.close();
});

test('window and session suppliers refuse bad arguments', () => {
  assert.throws(() => Stores.persistentWindowStore('w', -1, 0, false), /retentionPeriod cannot be negative/);
  assert.throws(() => Stores.inMemoryWindowStore('w', 100, 200, false), /The retention period of the window store w must be no smaller than its window size. Got size=\[200\], retention=\[100\]/);
  assert.throws(() => Stores.persistentSessionStore('s', -5), /retentionPeriod cannot be negative/);
  const supplier = Stores.persistentWindowStore('w', 10 * MINUTE, 1000, false);
  assert.equal(supplier.segmentIntervalMs(), 5 * MINUTE);
  assert.equal(Stores.inMemorySessionStore('s', MINUTE).segmentIntervalMs(), MINUTE, 'at least one minute');
});

const logged = (c: RecordingContext) => c.changelog.map((r) => [r.key.toString('hex'), r.value === null ? null : r.value.toString(), r.timestamp]);

for (const persistent of [false, true]) {
  test(`a cached window store (${persistent ? 'persistent' : 'in memory'}): writes reach the changelog at flush, reads merge cache and store, the flush listener gets Windowed keys`, () => {
    const context = new RecordingContext(taskDir());
    context.cache = new ThreadCache(1 << 20);
    const supplier = persistent ? Stores.persistentWindowStore('cw', 10 * MINUTE, 1000, false) : Stores.inMemoryWindowStore('cw', 10 * MINUTE, 1000, false);
    const store: WindowStore<string, string> = open(Stores.windowStoreBuilder(supplier, Serdes.String(), Serdes.String()).withCachingEnabled().build(), context);
    const seen: string[] = [];
    const cached = store as unknown as { setFlushListener(l: (r: Record<Windowed<string>, Change<string>>) => void, old: boolean): boolean };
    assert.equal(cached.setFlushListener((r) => seen.push(`${r.key.key}[${r.key.window.start},${r.key.window.end})=${r.value.newValue}/${r.value.oldValue}@${r.timestamp}`), true), true);
    context.at(5);
    store.put('a', 'a1', 1000);
    store.put('b', 'b1', 1000);
    store.flush();
    context.at(6);
    store.put('a', 'a2', 1000); // overwrites in the cache
    store.put('a', 'a3', 3000);
    store.put('b', null, 1000); // a cached delete hides the stored b1
    assert.equal(store.fetch('a', 1000), 'a2');
    assert.equal(store.fetch('b', 1000), null);
    assert.deepEqual([...store.fetchRange('a', 0, 5000)].map((kv) => [kv.key, kv.value]), [[1000, 'a2'], [3000, 'a3']]);
    assert.deepEqual([...store.fetchAll(0, 5000)].map((kv) => `${kv.key.key}@${kv.key.window.start}=${kv.value}`), ['a@1000=a2', 'a@3000=a3']);
    assert.deepEqual([...store.all()].map((kv) => kv.value), ['a2', 'a3']);
    assert.deepEqual(logged(context), [
      ['61' + '00000000000003e8' + '00000000', 'a1', 5],
      ['62' + '00000000000003e8' + '00000000', 'b1', 5],
    ]);
    store.flush();
    assert.deepEqual(logged(context).slice(2), [
      ['61' + '00000000000003e8' + '00000000', 'a2', 6],
      ['61' + '0000000000000bb8' + '00000000', 'a3', 6],
      ['62' + '00000000000003e8' + '00000000', null, 6],
    ]);
    assert.deepEqual(seen, ['a[1000,2000)=a1/null@5', 'b[1000,2000)=b1/null@5', 'a[1000,2000)=a2/a1@6', 'a[3000,4000)=a3/null@6', 'b[1000,2000)=null/b1@6']);
    assert.deepEqual([...store.all()].map((kv) => kv.value), ['a2', 'a3'], 'the same after the flush, from the store');
    store.close();
  });

  test(`a cached session store (${persistent ? 'persistent' : 'in memory'}): flushes to the changelog, merges cache and store`, () => {
    const context = new RecordingContext(taskDir());
    context.cache = new ThreadCache(1 << 20);
    const supplier = persistent ? Stores.persistentSessionStore('cs', 10 * MINUTE) : Stores.inMemorySessionStore('cs', 10 * MINUTE);
    const store: SessionStore<string, string> = open(Stores.sessionStoreBuilder(supplier, Serdes.String(), Serdes.String()).withCachingEnabled().build(), context);
    const seen: string[] = [];
    const cached = store as unknown as { setFlushListener(l: (r: Record<Windowed<string>, Change<string>>) => void, old: boolean): boolean };
    cached.setFlushListener((r) => seen.push(`${r.key.key}[${r.key.window.start},${r.key.window.end}]=${r.value.newValue}/${r.value.oldValue}`), true);
    context.at(1);
    store.put({ key: 'u', window: { start: 0, end: 100 } }, 's1');
    store.flush();
    store.remove({ key: 'u', window: { start: 0, end: 100 } });
    store.put({ key: 'u', window: { start: 0, end: 300 } }, 's2'); // the session grew: old one removed, new one put
    store.put({ key: 'v', window: { start: 50, end: 60 } }, 'v1');
    assert.deepEqual([...store.fetch('u')].map((kv) => [kv.key.window.start, kv.key.window.end, kv.value]), [[0, 300, 's2']]);
    assert.deepEqual([...store.findSessions('v', 0, 100)].map((kv) => kv.value), ['v1']);
    store.flush();
    assert.deepEqual(seen, ['u[0,100]=s1/null', 'u[0,100]=null/s1', 'u[0,300]=s2/null', 'v[50,60]=v1/null']);
    assert.deepEqual(logged(context).map(([, v]) => v), ['s1', null, 's2', 'v1']);
    store.close();
  });
}

test('a window store keeping duplicates is not cached (every put must reach the store)', () => {
  const context = new RecordingContext(taskDir());
  context.cache = new ThreadCache(1 << 20);
  const store: WindowStore<string, string> = open(Stores.windowStoreBuilder(Stores.inMemoryWindowStore('d', MINUTE, 10, true), Serdes.String(), Serdes.String()).withCachingEnabled().build(), context);
  store.put('k', 'x', 5);
  assert.equal(context.changelog.length, 1, 'logged at once');
  assert.equal(context.cache.size, 0);
  store.close();
});
