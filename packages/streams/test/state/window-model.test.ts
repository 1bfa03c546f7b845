// Window and session stores against a plain model over seeded random runs: keys that are prefixes
// of each other, writes in and out of order, late writes past retention, deletes; after each step
// the store answers fetch, fetchRange, fetchAll / findSessions as the model says, with the
// model keeping Java's rules (a write is dropped when its segment has expired; reads see only what
// is within the retention period of the observed stream time).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Serdes, Stores, ThreadCache, type SessionStore, type WindowStore } from '@sluice/streams';
import { Random } from '@sluice/test-kit/random';
import { RecordingContext, tempStateDir } from './support.ts';

const dirs = tempStateDir();
after(() => dirs.remove());
let n = 0;
const RETENTION = 120_000;
const SEGMENT = 60_000; // Java's: max(retention / 2, 60 000)

const keyOf = (r: Random) => ['a', 'ab', 'b', 'a\u0000', ''][r.int(0, 4)];

for (const persistent of [false, true]) {
  test(`window store (${persistent ? 'persistent' : 'in memory'}) matches the model`, () => {
    for (const seed of [11, 12]) {
      const r = new Random(seed);
      const context = new RecordingContext(`${dirs.dir}/w-${n++}`);
      const supplier = persistent ? Stores.persistentWindowStore('w', RETENTION, 1000, false) : Stores.inMemoryWindowStore('w', RETENTION, 1000, false);
      const store: WindowStore<string, string> = Stores.windowStoreBuilder(supplier, Serdes.String(), Serdes.String()).build();
      store.init(context, store);
      const model = new Map<string, string>(); // `${key}\u0001${start}` → value
      let observed = -1;
      const minLive = () => observed - RETENTION + 1;
      const visible = (start: number) => start >= minLive() && start >= 0;
      let time = 0;
      for (let step = 0; step < 300; step++) {
        time += r.int(0, 3000);
        const start = Math.max(0, time - r.int(0, r.chance(0.1) ? 300_000 : 5000));
        const key = keyOf(r);
        const value = r.chance(0.15) ? null : `v${step}`;
        store.put(key, value, start);
        observed = Math.max(observed, start);
        const accepted = Math.floor(start / SEGMENT) >= Math.floor((observed - RETENTION) / SEGMENT);
        if (accepted) {
          if (value === null) model.delete(`${key}\u0001${start}`);
          else model.set(`${key}\u0001${start}`, value);
        }
        // Segments wholly past retention are gone from the store: forget them in the model too.
        for (const k of [...model.keys()]) if (Math.floor(Number(k.split('\u0001')[1]) / SEGMENT) < Math.floor((observed - RETENTION) / SEGMENT)) model.delete(k);

        const probe = keyOf(r);
        const from = Math.max(0, time - r.int(0, 200_000));
        const to = from + r.int(0, 100_000);
        const expected = [...model.entries()]
          .map(([k, v]) => ({ key: k.split('\u0001')[0], start: Number(k.split('\u0001')[1]), v }))
          .filter((e) => e.key === probe && e.start >= from && e.start <= to && visible(e.start))
          .sort((x, y) => x.start - y.start)
          .map((e) => [e.start, e.v]);
        assert.deepEqual([...store.fetchRange(probe, from, to)].map((kv) => [kv.key, kv.value]), expected, `seed ${seed} step ${step}`);
        assert.equal(store.fetch(key, start), visible(start) ? (model.get(`${key}\u0001${start}`) ?? null) : null);
        const all = [...model.entries()]
          .map(([k, v]) => ({ key: k.split('\u0001')[0], start: Number(k.split('\u0001')[1]), v }))
          .filter((e) => e.start >= from && e.start <= to && visible(e.start))
          .map((e) => `${e.key}@${e.start}=${e.v}`)
          .sort();
        assert.deepEqual([...store.fetchAll(from, to)].map((kv) => `${kv.key.key}@${kv.key.window.start}=${kv.value}`).sort(), all);
      }
      store.close();
    }
  });

  test(`session store (${persistent ? 'persistent' : 'in memory'}) matches the model`, () => {
    for (const seed of [21, 22]) {
      const r = new Random(seed);
      const context = new RecordingContext(`${dirs.dir}/s-${n++}`);
      const supplier = persistent ? Stores.persistentSessionStore('s', RETENTION) : Stores.inMemorySessionStore('s', RETENTION);
      const store: SessionStore<string, string> = Stores.sessionStoreBuilder(supplier, Serdes.String(), Serdes.String()).build();
      store.init(context, store);
      const model = new Map<string, { key: string; start: number; end: number; v: string }>();
      let observed = -1;
      let time = 0;
      for (let step = 0; step < 300; step++) {
        time += r.int(0, 3000);
        const end = Math.max(0, time - r.int(0, r.chance(0.1) ? 300_000 : 5000));
        const start = Math.max(0, end - r.int(0, 20_000));
        const key = keyOf(r);
        const id = `${key}\u0001${start}\u0001${end}`;
        const value = r.chance(0.15) ? null : `v${step}`;
        if (value === null) store.remove({ key, window: { start, end } });
        else store.put({ key, window: { start, end } }, value);
        observed = Math.max(observed, end);
        const minLiveSegment = Math.floor((observed - RETENTION) / SEGMENT);
        if (Math.floor(end / SEGMENT) >= minLiveSegment) {
          if (value === null) model.delete(id);
          else model.set(id, { key, start, end, v: value });
        }
        for (const [k, s] of [...model]) if (Math.floor(s.end / SEGMENT) < minLiveSegment) model.delete(k);

        const probe = keyOf(r);
        const earliestEnd = Math.max(0, time - r.int(0, 200_000));
        const latestStart = earliestEnd + r.int(-10_000, 100_000);
        const expected = [...model.values()]
          .filter((s) => s.key === probe && s.end >= earliestEnd && s.start <= latestStart && s.end >= observed - RETENTION + 1)
          .sort((x, y) => x.end - y.end || x.start - y.start)
          .map((s) => [s.start, s.end, s.v]);
        assert.deepEqual(
          [...store.findSessions(probe, earliestEnd, latestStart)].map((kv) => [kv.key.window.start, kv.key.window.end, kv.value]),
          expected,
          `seed ${seed} step ${step}`,
        );
      }
      store.close();
    }
  });
}


// The same with a record cache in front, small enough to evict: the merged reads must match a
// plain map (times stay within retention, so nothing expires), whatever was flushed when.
for (const persistent of [false, true]) {
  test(`cached window and session stores (${persistent ? 'persistent' : 'in memory'}) match a map model`, () => {
    const retention = 600_000; // segments of 300 000 ms: times below span two
    for (const seed of [31, 32]) {
      const r = new Random(seed);
      const context = new RecordingContext(`${dirs.dir}/cw-${n++}`);
      context.cache = new ThreadCache(1500);
      const ws = persistent ? Stores.persistentWindowStore('cw', retention, 1000, false) : Stores.inMemoryWindowStore('cw', retention, 1000, false);
      const ss = persistent ? Stores.persistentSessionStore('cs', retention) : Stores.inMemorySessionStore('cs', retention);
      const windows: WindowStore<string, string> = Stores.windowStoreBuilder(ws, Serdes.String(), Serdes.String()).withCachingEnabled().build();
      const sessions: SessionStore<string, string> = Stores.sessionStoreBuilder(ss, Serdes.String(), Serdes.String()).withCachingEnabled().build();
      windows.init(context, windows);
      sessions.init(context, sessions);
      const wModel = new Map<string, string>();
      const sModel = new Map<string, string>();
      const time = () => r.int(0, retention - 1);
      for (let step = 0; step < 300; step++) {
        const key = keyOf(r);
        const value = r.chance(0.2) ? null : `v${step}`;
        const start = time();
        windows.put(key, value, start);
        if (value === null) wModel.delete(`${key}\u0001${start}`);
        else wModel.set(`${key}\u0001${start}`, value);
        const sStart = time();
        const sEnd = Math.min(retention - 1, sStart + r.int(0, 50_000));
        if (value === null) sessions.remove({ key, window: { start: sStart, end: sEnd } });
        else sessions.put({ key, window: { start: sStart, end: sEnd } }, value);
        if (value === null) sModel.delete(`${key}\u0001${sStart}\u0001${sEnd}`);
        else sModel.set(`${key}\u0001${sStart}\u0001${sEnd}`, value);
        if (r.chance(0.1)) {
          windows.flush();
          sessions.flush();
        }

        const probe = keyOf(r);
        const from = time();
        const to = from + r.int(0, 300_000);
        const wEntries = [...wModel].map(([k, v]) => ({ key: k.split('\u0001')[0], start: Number(k.split('\u0001')[1]), v }));
        assert.deepEqual(
          [...windows.fetchRange(probe, from, to)].map((kv) => [kv.key, kv.value]),
          wEntries.filter((e) => e.key === probe && e.start >= from && e.start <= to).sort((x, y) => x.start - y.start).map((e) => [e.start, e.v]),
          `seed ${seed} step ${step}: fetchRange`,
        );
        assert.deepEqual(
          [...windows.fetchAll(from, to)].map((kv) => `${kv.key.key}@${kv.key.window.start}=${kv.value}`).sort(),
          wEntries.filter((e) => e.start >= from && e.start <= to).map((e) => `${e.key}@${e.start}=${e.v}`).sort(),
          `seed ${seed} step ${step}: fetchAll`,
        );
        assert.equal(windows.fetch(key, start), wModel.get(`${key}\u0001${start}`) ?? null);
        const sEntries = [...sModel].map(([k, v]) => {
          const [key2, s2, e2] = k.split('\u0001');
          return { key: key2, start: Number(s2), end: Number(e2), v };
        });
        assert.deepEqual(
          [...sessions.findSessions(probe, from, to)].map((kv) => [kv.key.window.start, kv.key.window.end, kv.value]),
          sEntries
            .filter((e) => e.key === probe && e.end >= from && e.start <= to)
            .sort((x, y) => Math.floor(x.end / 300_000) - Math.floor(y.end / 300_000) || x.end - y.end || x.start - y.start)
            .map((e) => [e.start, e.end, e.v]),
          `seed ${seed} step ${step}: findSessions`,
        );
      }
      windows.close();
      sessions.close();
    }
  });
}
