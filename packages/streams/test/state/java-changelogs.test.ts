// What the stores write to their changelogs, against Kafka Streams 4.3.1 itself: the same
// stores (key-value, timestamped, cached, LRU, window with and without duplicates, session)
// and the same writes as fixtures/StoreChangelogs.java, whose output
// (fixtures/kafka-streams-4.3.1-store-changelogs.txt) was captured from Java's test driver. The
// stores are flushed after every record, as that driver commits after every record. Key bytes,
// value bytes (plain values on the changelog of a timestamped store), timestamps, headers and
// the order of the records must all match.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { Serdes, Stores, ThreadCache, type KeyValueStore, type SessionStore, type StateStore, type TimestampedKeyValueStore, type WindowStore } from '@sluice/streams';
import { RecordingContext, tempStateDir } from './support.ts';

const dirs = tempStateDir();
after(() => dirs.remove());

const golden = readFileSync(new URL('../fixtures/kafka-streams-4.3.1-store-changelogs.txt', import.meta.url), 'utf8').trim().split('\n');

test('changelog records are byte for byte what Kafka Streams 4.3.1 writes', () => {
  const context = new RecordingContext(dirs.dir);
  context.cache = new ThreadCache(10 * 1024 * 1024);
  const open = <T extends StateStore>(s: T): T => {
    s.init(context, s);
    return s;
  };
  const plain: KeyValueStore<string, number> = open(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('plain'), Serdes.String(), Serdes.Int32()).build());
  const ts: TimestampedKeyValueStore<string, string> = open(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('ts'), Serdes.String(), Serdes.String()).build());
  const cached: TimestampedKeyValueStore<string, string> = open(
    Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('cached'), Serdes.String(), Serdes.String()).withCachingEnabled().build(),
  );
  const lru: KeyValueStore<string, string> = open(Stores.keyValueStoreBuilder(Stores.lruMap('lru', 2), Serdes.String(), Serdes.String()).build());
  const TEN_MINUTES = 600_000;
  const win = open(Stores.timestampedWindowStoreBuilder(Stores.persistentTimestampedWindowStore('win', TEN_MINUTES, 1000, false), Serdes.String(), Serdes.String()).build());
  const dup: WindowStore<string, string> = open(Stores.windowStoreBuilder(Stores.persistentWindowStore('dup', TEN_MINUTES, 1000, true), Serdes.String(), Serdes.String()).build());
  const sess: SessionStore<string, string> = open(Stores.sessionStoreBuilder(Stores.persistentSessionStore('sess', TEN_MINUTES), Serdes.String(), Serdes.String()).build());
  const all = [plain, ts, cached, lru, win, dup, sess];

  const process = (k: string, v: string, timestamp: number) => {
    context.at(timestamp);
    if (v === 'del') {
      plain.delete(k);
      ts.delete(k);
      cached.delete(`${k}-x`);
      lru.delete(k);
      win.put(k, null, 0);
      dup.put(k, null, 0);
      sess.remove({ key: k, window: { start: 100, end: 110 } });
    } else {
      plain.put(k, v.length);
      plain.putIfAbsent(k, -1);
      ts.put(k, { value: v, timestamp: timestamp - 1 });
      cached.put(`${k}-x`, { value: v, timestamp });
      cached.put('z', { value: v, timestamp: timestamp + 5 });
      cached.put(`${k}-x`, { value: `${v}!`, timestamp: timestamp + 7 });
      lru.put(k, v);
      win.put(k, { value: v, timestamp: timestamp + 1 }, Math.floor(timestamp / 1000) * 1000);
      dup.put(k, v, 0);
      sess.put({ key: k, window: { start: timestamp, end: timestamp + 10 } }, v);
    }
    for (const s of all) s.flush(); // the driver's commit
  };
  process('a', 'one', 100);
  process('b', 'three', 200);
  process('c', '\u00e9\u00ff', 300);
  process('a', 'del', 400);
  process('b', 'x', 500);

  const ours = ['plain', 'ts', 'cached', 'lru', 'win', 'dup', 'sess'].flatMap((store) =>
    context.changelog.filter((r) => r.store === store).map((r) => `${store}|${r.key.toString('hex')}|${r.value === null ? 'null' : r.value.toString('hex')}|${r.timestamp}|${r.headers}`),
  );
  assert.deepEqual(ours, golden);
  for (const s of all) s.close();
});
