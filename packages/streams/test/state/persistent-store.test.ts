// The persistent store on disk: one folder per store under the task's folder, data that was
// flushed survives a close and reopen and a SIGKILL of the process that wrote it (what was not
// flushed is rolled back whole, and the changelog after the checkpoint brings it back), a second
// opener of the same files is refused, and a file of a newer format is refused with what to do.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DatabaseSync } from 'node:sqlite';
import { Serdes, Stores, StreamsError, type KeyValueStore } from '@sluice/streams';
import { Random } from '@sluice/test-kit/random';
import { RecordingContext, tempStateDir } from './support.ts';

const dirs = tempStateDir();
after(() => dirs.remove());

function openStore(stateDir: string, name = 'survivor'): KeyValueStore<string, string> {
  const store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String()).withLoggingDisabled().build();
  store.init(new RecordingContext(stateDir), store);
  return store;
}

test('files live in <task dir>/sqlite/<store>/; flushed data survives close and reopen', () => {
  const taskDir = join(dirs.dir, 'reopen');
  const store = openStore(taskDir);
  assert.equal(store.persistent(), true);
  assert.ok(existsSync(join(taskDir, 'sqlite', 'survivor', 'store.sqlite')));
  for (let i = 0; i < 1000; i++) store.put(`k${i}`, `v${i}`);
  store.flush();
  store.put('k1', 'changed');
  store.delete('k2');
  store.close(); // close commits too
  const again = openStore(taskDir);
  assert.equal(again.approximateNumEntries(), 999);
  assert.equal(again.get('k1'), 'changed');
  assert.equal(again.get('k2'), null);
  assert.equal(again.get('k999'), 'v999');
  again.close();
});

test('writes applied in batches: every read, range, count, restore and reopen sees the last write of each key, deletes included', () => {
  // Over a few keys, so a batch of pending writes often holds a key twice, or deleted and set again.
  const taskDir = join(dirs.dir, 'batched');
  const rnd = new Random(20261203);
  const model = new Map<string, string>();
  const context = new RecordingContext(taskDir);
  let store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('batched'), Serdes.String(), Serdes.String()).withLoggingDisabled().build();
  store.init(context, store);
  const key = () => `k${String(rnd.int(0, 150)).padStart(3, '0')}`;
  const sorted = () => [...model].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let step = 0; step < 6000; step++) {
    const k = key();
    const op = rnd.int(0, 99);
    if (op < 55) {
      const v = `v${step}`;
      store.put(k, v);
      model.set(k, v);
    } else if (op < 70) {
      assert.equal(store.delete(k), model.get(k) ?? null);
      model.delete(k);
    } else if (op < 90) {
      assert.equal(store.get(k), model.get(k) ?? null, `get ${k} at step ${step}`);
    } else if (op < 94) {
      const all = store.all();
      assert.deepEqual([...all].map((e) => [e.key, e.value]), sorted(), `all() at step ${step}`);
      all.close();
    } else if (op < 96) {
      assert.equal(store.approximateNumEntries(), model.size);
    } else if (op < 98) {
      store.flush();
    } else {
      store.close();
      store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('batched'), Serdes.String(), Serdes.String()).withLoggingDisabled().build();
      store.init(context, store);
      assert.deepEqual([...store.all()].map((e) => [e.key, e.value]), sorted(), `after reopening at step ${step}`);
    }
  }
  // A restore batch, as the changelog replays one: puts, a delete, a key put again after its delete.
  const bytes = (text: string) => Buffer.from(text);
  const records = [];
  for (let i = 0; i < 300; i++) records.push({ key: bytes(`r${i % 100}`), value: bytes(`restored${i}`), timestamp: i, headers: [] });
  records.push({ key: bytes('r5'), value: null, timestamp: 300, headers: [] }, { key: bytes('r6'), value: null, timestamp: 301, headers: [] }, { key: bytes('r6'), value: bytes('again'), timestamp: 302, headers: [] });
  context.restore('batched', records);
  assert.equal(store.get('r5'), null);
  assert.equal(store.get('r6'), 'again');
  assert.equal(store.get('r99'), 'restored299');
  store.close();
  const reopened = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('batched'), Serdes.String(), Serdes.String()).withLoggingDisabled().build();
  reopened.init(new RecordingContext(taskDir), reopened);
  assert.equal(reopened.get('r5'), null);
  assert.equal(reopened.get('r6'), 'again');
  assert.equal(reopened.get('r7'), 'restored207');
  assert.equal(reopened.approximateNumEntries(), model.size + 99);
  reopened.close();
});

test('a second opener of the same store is refused while the first has it open', () => {
  const taskDir = join(dirs.dir, 'twice');
  const first = openStore(taskDir);
  first.put('a', '1');
  first.flush();
  assert.throws(() => openStore(taskDir), (e: StreamsError) => e.code === 'PROCESSOR_STATE' && /already open elsewhere/.test(e.message));
  first.close();
  const second = openStore(taskDir);
  assert.equal(second.get('a'), '1');
  second.close();
});

test('a store file of a newer format is refused, saying what to do', () => {
  const taskDir = join(dirs.dir, 'newer');
  openStore(taskDir).close();
  const db = new DatabaseSync(join(taskDir, 'sqlite', 'survivor', 'store.sqlite'));
  db.exec('PRAGMA user_version = 99');
  db.close();
  assert.throws(() => openStore(taskDir), (e: StreamsError) => e.code === 'PROCESSOR_STATE' && /format version 99/.test(e.message) && /delete the task's state folder/.test(e.message));
});

test('a process killed with SIGKILL: what it flushed survives, what it did not flush is gone whole', async () => {
  const taskDir = join(dirs.dir, 'killed');
  const count = 2000;
  const child = spawn(process.execPath, ['--conditions=sluice:source', new URL('./fixtures/persistent-writer.ts', import.meta.url).pathname, taskDir, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<boolean>((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('ready')) resolve(true);
    });
    child.on('exit', () => resolve(false));
  });
  assert.ok(ready, 'the writer got to the point of being killed');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  const store = openStore(taskDir);
  assert.equal(store.approximateNumEntries(), count);
  for (let i = 0; i < count; i++) assert.equal(store.get(`key-${i}`), `flushed-${i}`);
  assert.equal(store.get(`key-${count}`), null);
  store.close();
});
