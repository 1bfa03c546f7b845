// Window and session stores against a plain model over seeded random runs: keys that are prefixes
// of each other, writes in and out of order, late writes past retention, deletes; after each step
// the store answers fetch, fetchRange, fetchAll / findSessions as the model says, with the
// model keeping Java's rules (a write is dropped when its segment has expired; reads see only what
// is within the retention period of the observed stream time).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Serdes, Stores, type SessionStore, type WindowStore } from '@sluice/streams';
import { Random } from '@sluice/test-kit/random';
import { RecordingContext, tempStateDir } from './support.js';

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

