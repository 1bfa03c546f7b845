// The state runtime's parts without a broker: the .checkpoint file in Kafka Streams' format, the
// state directory's per-task locks (between two processes, and two instances in one), its
// clean-up, and the state manager's changelog writes and checkpoints (also under exactly-once).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { OffsetCheckpoint } from '../src/runtime/state-checkpoint.ts';
import { StateDirectory } from '../src/runtime/state-directory.ts';
import { OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT, ProcessorStateManager } from '../src/runtime/state-manager.ts';
import type { OutputRecord } from '../src/runtime/handlers.ts';
import { type TaskRecordAccess, TaskStores } from '../src/runtime/task-stores.ts';
import { ThreadCache } from '../src/state/thread-cache.ts';
import { Topology } from '../src/topology/topology.ts';
import { type KeyValueStore, Serdes, Stores } from '@sluice/streams';
import { GlobalStateTask } from '../src/runtime/global-task.ts';
import { JsonFileStore, jsonFileStoreBuilder } from './support/json-file-store.ts';

const root = mkdtempSync(join(tmpdir(), 'state-runtime-units-'));
after(() => rmSync(root, { recursive: true, force: true }));
const quiet = { info() {}, warn() {}, error() {} };
const noRecord: TaskRecordAccess = { current: () => null, withRecordContext: (_rc, fn) => fn() };

test('.checkpoint: written in Kafka Streams\' text format (version, count, "topic partition offset" lines) and read back', () => {
  const path = join(root, 'cp-1');
  const cp = new OffsetCheckpoint(path);
  assert.deepEqual(cp.read(), new Map(), 'no file: no offsets');
  cp.write(
    new Map([
      ['app-counts-changelog:3', 1041n],
      ['app-totals-changelog:3', 77n],
    ]),
  );
  assert.equal(readFileSync(path, 'utf8'), '0\n2\napp-counts-changelog 3 1041\napp-totals-changelog 3 77\n');
  assert.deepEqual(
    cp.read(),
    new Map([
      ['app-counts-changelog:3', 1041n],
      ['app-totals-changelog:3', 77n],
    ]),
  );
  // As Java writes it (and a topic name with a colon-free dash and dot mix).
  writeFileSync(path, '0\n1\nmy.app-store-changelog 12 5\n');
  assert.deepEqual(cp.read(), new Map([['my.app-store-changelog:12', 5n]]));
  cp.write(new Map());
  assert.ok(!existsSync(path), 'an empty checkpoint is deleted, as Java does');
  writeFileSync(path, '1\n0\n');
  assert.throws(() => cp.read(), /version 1, this version of Sluice Streams reads version 0.*delete it/);
  writeFileSync(path, '0\n2\nt 0 5\n');
  assert.throws(() => cp.read(), /2 entries announced, 1 found/);
  writeFileSync(path, '0\n1\nt x 5\n');
  assert.throws(() => cp.read(), /line "t x 5"/);
});

/** A child process that takes task 0_0's lock in `stateDir` and keeps it until killed. */
function lockHolder(stateDir: string): Promise<{ kill: () => Promise<void> }> {
  const module = fileURLToPath(new URL('../src/runtime/state-directory.ts', import.meta.url));
  const script = `import { StateDirectory } from ${JSON.stringify(module)};
const d = new StateDirectory(${JSON.stringify(stateDir)}, 'app', { info() {}, warn() {}, error() {} });
console.log(d.lock('0_0') ? 'locked' : 'refused');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('locked')) resolve({ kill: async () => void (child.kill('SIGKILL'), await exited) });
      else if (out.includes('refused')) reject(new Error('the child could not take the lock'));
    });
    child.on('exit', () => reject(new Error(`the lock holder exited: ${out}`)));
  });
}

test('a task folder locked by another live process is refused; once that process is killed the stale lock is taken over', async () => {
  const stateDir = join(root, 'locks');
  const holder = await lockHolder(stateDir);
  const dir = new StateDirectory(stateDir, 'app', quiet);
  try {
    assert.equal(dir.lock('0_0'), false, 'another process holds 0_0');
    assert.equal(dir.lock('0_1'), true, 'other tasks are free');
    assert.match(readFileSync(join(stateDir, 'app', '0_1', '.lock'), 'utf8'), new RegExp(`^${process.pid}\\n$`));
  } finally {
    await holder.kill();
  }
  assert.equal(dir.lock('0_0'), true, 'the holder is gone: its lock is stale');
  // A second instance in this process shares the pid, and is refused all the same.
  const other = new StateDirectory(stateDir, 'app', quiet);
  assert.equal(other.lock('0_0'), false);
  dir.unlock('0_0');
  assert.equal(other.lock('0_0'), true);
  assert.throws(() => dir.clean(), /task 0_0's state is in use by another instance/);
  other.close();
  dir.close();
  assert.equal(dir.lock('0_0'), true);
  // The global stores' folder counts too.
  const globalHolder = new StateDirectory(stateDir, 'app', quiet);
  assert.equal(globalHolder.lock('global'), true);
  assert.throws(() => dir.clean(), /task global's state is in use by another instance/);
  globalHolder.close();
  dir.clean();
  assert.ok(!existsSync(join(stateDir, 'app')), 'cleanUp() removes the application folder');
});

test('folders of tasks unused for state.cleanup.delay.ms are deleted; held or recent ones are kept', () => {
  const dir = new StateDirectory(join(root, 'cleanup'), 'app', quiet);
  for (const t of ['0_0', '0_1', '1_0']) dir.taskDir(t);
  dir.lock('0_0');
  const now = Date.now();
  const old = new Date(now - 60_000);
  utimesSync(join(dir.appDir, '0_1'), old, old);
  utimesSync(join(dir.appDir, '0_0'), old, old);
  assert.deepEqual(dir.cleanRemovedTasks(30_000, now), ['0_1']);
  assert.deepEqual(dir.taskDirs().sort(), ['0_0', '1_0']);
  dir.close();
});

function collectingCollector() {
  const sent: OutputRecord[] = [];
  const acked = new Map<string, bigint>();
  return {
    sent,
    acked,
    send(record: OutputRecord, partitioner: ((n: number) => number | undefined) | undefined) {
      const partition = partitioner!(8)!;
      sent.push({ ...record, partition } as OutputRecord);
      const key = `${record.topic}:${partition}`;
      acked.set(key, (acked.get(key) ?? -1n) + 1n);
    },
    offsets: () => acked,
  };
}

function manager(taskDir: string, collector: ReturnType<typeof collectingCollector>, eos: boolean) {
  return new ProcessorStateManager({
    applicationId: 'app',
    taskId: '0_3',
    partition: 3,
    taskDir,
    appConfigs: {},
    collector,
    log: quiet,
    eos,
    changelogTopic: (s) => (s === 'unlogged' ? null : `app-${s}-changelog`),
    current: () => null,
    recordContext: () => ({ timestamp: 42, headers: [], topic: 'in', partition: 3, offset: 9n }),
    withRecordContext: (_rc, fn) => fn(),
    cache: new ThreadCache(1 << 20),
  });
}

test('the state manager logs changes to partition = the task\'s of the store\'s changelog and checkpoints the acknowledged offsets after a commit', () => {
  const taskDir = join(root, 'manager-alos');
  const collector = collectingCollector();
  const m = manager(taskDir, collector, false);
  const store = new JsonFileStore('counts', true, true);
  const unlogged = new JsonFileStore('unlogged', true, false);
  mkdirSync(taskDir, { recursive: true });
  store.init(m.context, store);
  unlogged.init(m.context, unlogged);
  assert.throws(() => store.init(m.context, store), /registered twice/);
  store.put('a', '1');
  store.put('a', null);
  unlogged.put('z', '1');
  assert.deepEqual(
    collector.sent.map((r) => [r.topic, (r as OutputRecord & { partition: number }).partition, r.key?.toString(), r.value?.toString() ?? null, r.timestamp]),
    [
      ['app-counts-changelog', 3, 'a', '1', 42],
      ['app-counts-changelog', 3, 'a', null, 42],
    ],
  );
  assert.equal(m.maybeCheckpoint(true), true, 'an enforced checkpoint flushes and writes');
  assert.equal(readFileSync(join(taskDir, '.checkpoint'), 'utf8'), '0\n1\napp-counts-changelog 3 1\n');
  m.close(true);
  assert.equal(store.isOpen(), false);

  // Reopened: the store's offset comes from the checkpoint, so a restore would start at 2.
  const again = manager(taskDir, collectingCollector(), false);
  const reopened = new JsonFileStore('counts', true, true);
  reopened.init(again.context, reopened);
  assert.equal(again.changelogStores()[0].offset, 1n);
  again.close(false);
});

test('under exactly-once the checkpoint is gone while the task runs and written again only by a clean close', () => {
  const taskDir = join(root, 'manager-eos');
  mkdirSync(taskDir, { recursive: true });
  new OffsetCheckpoint(join(taskDir, '.checkpoint')).write(new Map([['app-counts-changelog:3', 7n]]));
  const collector = collectingCollector();
  const m = manager(taskDir, collector, true);
  const store = new JsonFileStore('counts', true, true);
  store.init(m.context, store);
  assert.equal(m.changelogStores()[0].offset, 7n, 'read before it is deleted');
  assert.ok(!existsSync(join(taskDir, '.checkpoint')), 'deleted once the stores are open');
  m.maybeCheckpoint(true);
  assert.ok(!existsSync(join(taskDir, '.checkpoint')), 'not written after a commit');
  collector.acked.set('app-counts-changelog:3', 12n);
  m.close(true);
  assert.equal(readFileSync(join(taskDir, '.checkpoint'), 'utf8'), '0\n1\napp-counts-changelog 3 12\n');

  // A dirty close (a crash, a failed transaction) leaves no checkpoint.
  const dirty = manager(taskDir, collectingCollector(), true);
  const s2 = new JsonFileStore('counts', true, true);
  s2.init(dirty.context, s2);
  dirty.close(false);
  assert.ok(!existsSync(join(taskDir, '.checkpoint')));
});

test('under exactly-once a persistent store left without a checkpoint (a crash, a dirty close) is wiped and rebuilt; a clean close keeps it', () => {
  const stateDir = join(root, 'eos-wipe');
  const builder = jsonFileStoreBuilder('counts');
  const topology = new Topology().addSource('in', 'words').addProcessor('p', () => ({ process() {} }), 'in').addStateStore(builder, 'p');
  const [sub] = topology.subtopologies();
  const directory = new StateDirectory(stateDir, 'app', quiet);
  const warnings: string[] = [];
  const open = () => {
    const log = { ...quiet, warn: (w: string) => warnings.push(w) };
    const stores = new TaskStores('0_0', 0, sub, topology, 'app', { stateDirectory: directory, appConfigs: {}, eos: true, cache: new ThreadCache(1 << 20) }, collectingCollector(), log, noRecord);
    assert.equal(stores.open(), true);
    return { stores, store: stores.manager.store('counts') as JsonFileStore };
  };
  const first = open();
  assert.deepEqual(warnings, [], 'a task that never ran here has nothing to wipe (its store files are created by opening)');
  first.store.put('a', '1');
  first.stores.flush();
  first.stores.close(false);
  assert.ok(existsSync(join(stateDir, 'app', '0_0', 'counts.json')), 'the store wrote its file');

  const second = open();
  assert.equal(warnings.length, 1, 'the dirty run is wiped, saying so');
  assert.equal(second.store.get('a'), null, 'wiped: what the dirty run wrote is gone, the changelog will restore what was committed');
  assert.equal(second.stores.manager.changelogStores()[0].offset, null, 'restored from the beginning');
  second.store.put('b', '2');
  second.stores.close(true);

  const third = open();
  assert.equal(third.store.get('b'), '2', 'a clean close left a checkpoint: kept');
  third.stores.close(false);
  directory.close();
});

test('a task folder Kafka Streams (Java) used, with RocksDB stores and a checkpoint of its own, is restored from the changelog instead of trusted', () => {
  const taskDir = join(root, 'java-folder');
  mkdirSync(join(taskDir, 'rocksdb', 'counts'), { recursive: true });
  new OffsetCheckpoint(join(taskDir, '.checkpoint')).write(new Map([['app-counts-changelog:3', 500n]]));
  const warnings: string[] = [];
  const m = new ProcessorStateManager({
    applicationId: 'app',
    taskId: '0_3',
    partition: 3,
    taskDir,
    appConfigs: {},
    collector: collectingCollector(),
    log: { ...quiet, warn: (w: string) => warnings.push(w) },
    eos: false,
    changelogTopic: (s) => `app-${s}-changelog`,
    current: () => null,
    recordContext: () => null,
    withRecordContext: (_rc, fn) => fn(),
    cache: new ThreadCache(1 << 20),
  });
  const store = new JsonFileStore('counts', true, true);
  store.init(m.context, store);
  assert.equal(m.changelogStores()[0].offset, null, 'restored from the beginning');
  assert.match(warnings.join('\n'), /holds Kafka Streams \(Java\) RocksDB stores/);
  m.close(false);
});

test('a commit flushes only the caches; the stores are flushed, then checkpointed, once the changelogs moved more than 10,000 (or at close), never the other way round', () => {
  const taskDir = join(root, 'manager-commit-path');
  mkdirSync(taskDir, { recursive: true });
  const checkpointPath = join(taskDir, '.checkpoint');
  const collector = collectingCollector();
  const m = manager(taskDir, collector, false);
  /** What the checkpoint said each time the store was flushed: a checkpoint must never be ahead of a flush. */
  const atFlush: string[] = [];
  class ProbeStore extends JsonFileStore {
    cacheFlushes = 0;
    override flush(): void {
      atFlush.push(existsSync(checkpointPath) ? readFileSync(checkpointPath, 'utf8') : 'none');
      super.flush();
    }
    flushCache(): void {
      this.cacheFlushes++;
    }
  }
  const store = new ProbeStore('counts', true, true);
  store.init(m.context, store);
  store.put('a', '1');
  store.put('b', '1');
  // A commit: caches before it, maybe a checkpoint after it.
  m.flushCache();
  assert.equal(m.maybeCheckpoint(false), false, 'two changelog records: below the threshold');
  assert.equal(store.cacheFlushes, 1);
  assert.deepEqual(atFlush, [], 'the store was not flushed');
  assert.ok(!existsSync(checkpointPath));

  // The changelog moves past the threshold (acknowledged offsets, as the producer reports them).
  const past = OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT + 5n;
  collector.acked.set('app-counts-changelog:3', past);
  m.flushCache();
  assert.equal(m.maybeCheckpoint(false), true);
  assert.deepEqual(atFlush, ['none'], 'flushed before the checkpoint was written');
  assert.equal(readFileSync(checkpointPath, 'utf8'), `0\n1\napp-counts-changelog 3 ${past}\n`);

  // A few more: no flush, the checkpoint stays where the store was last flushed.
  collector.acked.set('app-counts-changelog:3', past + 100n);
  m.flushCache();
  assert.equal(m.maybeCheckpoint(false), false);
  assert.equal(atFlush.length, 1);
  assert.equal(readFileSync(checkpointPath, 'utf8'), `0\n1\napp-counts-changelog 3 ${past}\n`);
  assert.equal(store.cacheFlushes, 3);

  // A clean close flushes and checkpoints whatever moved.
  m.close(true);
  assert.equal(atFlush.length, 2);
  assert.equal(atFlush[1], `0\n1\napp-counts-changelog 3 ${past}\n`, 'flushed before the new checkpoint');
  assert.equal(readFileSync(checkpointPath, 'utf8'), `0\n1\napp-counts-changelog 3 ${past + 100n}\n`);
});

test('under exactly-once the stores are flushed past the threshold too (bounding a persistent store\'s open transaction) but no checkpoint is written', () => {
  const taskDir = join(root, 'manager-commit-path-eos');
  mkdirSync(taskDir, { recursive: true });
  const collector = collectingCollector();
  const m = manager(taskDir, collector, true);
  let flushes = 0;
  const store = new (class extends JsonFileStore {
    override flush(): void {
      flushes++;
      super.flush();
    }
  })('counts', true, true);
  store.init(m.context, store);
  store.put('a', '1');
  assert.equal(m.maybeCheckpoint(false), false);
  collector.acked.set('app-counts-changelog:3', OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT + 1n);
  assert.equal(m.maybeCheckpoint(false), true);
  assert.equal(flushes, 1);
  assert.ok(!existsSync(join(taskDir, '.checkpoint')), 'no checkpoint while running under exactly-once');
  m.close(false);
  assert.equal(flushes, 1, 'a dirty close flushes nothing');
});

test('a dirty close drops what the record caches hold (never committed) instead of flushing it to the changelog; a clean close flushes it', () => {
  for (const clean of [false, true]) {
    const taskDir = join(root, `manager-dirty-cache-${clean}`);
    mkdirSync(taskDir, { recursive: true });
    const collector = collectingCollector();
    const m = manager(taskDir, collector, false);
    const store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'), Serdes.String(), Serdes.String()).withCachingEnabled().build();
    store.init(m.context, store);
    store.put('a', '1');
    assert.equal(collector.sent.length, 0, 'held in the cache');
    m.close(clean);
    assert.deepEqual(collector.sent.map((r) => r.key?.toString()), clean ? ['a'] : []);
  }
});

test('under exactly-once the first start of a task on a fresh folder wipes nothing, although opening its persistent store creates files', () => {
  const stateDir = join(root, 'eos-fresh');
  const builder = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), Serdes.String(), Serdes.String());
  const topology = new Topology().addSource('in', 'words').addProcessor('p', () => ({ process() {} }), 'in').addStateStore(builder, 'p');
  const [sub] = topology.subtopologies();
  const directory = new StateDirectory(stateDir, 'app', quiet);
  const warnings: string[] = [];
  const log = { ...quiet, warn: (w: string) => warnings.push(w) };
  const stores = new TaskStores('0_0', 0, sub, topology, 'app', { stateDirectory: directory, appConfigs: {}, eos: true, cache: new ThreadCache(1 << 20) }, collectingCollector(), log, noRecord);
  assert.equal(stores.open(), true);
  assert.deepEqual(warnings, []);
  stores.close(false);
  directory.close();
});

test('a task whose folder another instance holds never opens, and closing it (clean or not) leaves that instance\'s checkpoint and lock alone', () => {
  const stateDir = join(root, 'held-elsewhere');
  const builder = jsonFileStoreBuilder('counts');
  const topology = new Topology().addSource('in', 'words').addProcessor('p', () => ({ process() {} }), 'in').addStateStore(builder, 'p');
  const [sub] = topology.subtopologies();
  const env = (directory: StateDirectory) => ({ stateDirectory: directory, appConfigs: {}, eos: false, cache: new ThreadCache(1 << 20) });
  const holderDir = new StateDirectory(stateDir, 'app', quiet);
  const holder = new TaskStores('0_0', 0, sub, topology, 'app', env(holderDir), collectingCollector(), quiet, noRecord);
  assert.equal(holder.open(), true);
  const checkpoint = join(stateDir, 'app', '0_0', '.checkpoint');
  new OffsetCheckpoint(checkpoint).write(new Map([['app-counts-changelog:0', 41n]]));

  const otherDir = new StateDirectory(stateDir, 'app', quiet);
  for (const clean of [true, false]) {
    const other = new TaskStores('0_0', 0, sub, topology, 'app', env(otherDir), collectingCollector(), quiet, noRecord);
    assert.equal(other.open(), false, 'the folder is held by the first instance');
    other.close(clean);
    assert.equal(readFileSync(checkpoint, 'utf8'), '0\n1\napp-counts-changelog 0 41\n', `a ${clean ? 'clean' : 'dirty'} close of the task that never opened leaves the holder's checkpoint`);
    assert.ok(holderDir.holdsLock('0_0') && existsSync(join(stateDir, 'app', '0_0', '.lock')), 'and its lock');
  }
  holder.close(false);
  holderDir.close();
  otherDir.close();
});

test('the global task flushes and checkpoints its stores only once its topics moved more than 10,000 records (and when told to)', () => {
  const S = Serdes.String();
  const builder = jsonFileStoreBuilder('g');
  let flushes = 0;
  const build = builder.build.bind(builder);
  builder.build = () => {
    const store = build();
    const flush = store.flush.bind(store);
    store.flush = () => {
      flushes++;
      flush();
    };
    return store;
  };
  const topology = new Topology().addGlobalStore(builder, 'gs', 'g-topic', { keyDeserializer: S, valueDeserializer: S }, 'gp', () => {
    let store!: KeyValueStore<string, string>;
    return {
      init(c) {
        store = c.getStateStore<KeyValueStore<string, string>>('g');
      },
      process(r) {
        store.put(r.key, r.value);
      },
    };
  });
  const directory = new StateDirectory(join(root, 'global-threshold'), 'app', quiet);
  const task = new GlobalStateTask(topology, {
    applicationId: 'app',
    stateDirectory: directory,
    appConfigs: {},
    defaultKeySerde: S as never,
    defaultValueSerde: S as never,
    defaultTimestampExtractor: (r) => r.timestamp,
    deserializationExceptionHandler: () => 'FAIL',
    log: quiet,
    now: () => 0,
  });
  task.open();
  const checkpoint = join(directory.taskDir('global'), '.checkpoint');
  const processUpTo = (from: number, to: number) => {
    for (let o = from; o <= to; o++) task.process({ topic: 'g-topic', partition: 0, offset: BigInt(o), timestamp: 1, key: Buffer.from(`k${o % 10}`), value: Buffer.from('v'), headers: [] });
  };
  processUpTo(0, 10_000);
  assert.equal(task.maybeCheckpoint(), false, 'offset 10,000: not past the threshold');
  assert.equal(flushes, 0);
  processUpTo(10_001, 10_001);
  assert.equal(task.maybeCheckpoint(), true);
  assert.equal(flushes, 1);
  assert.equal(readFileSync(checkpoint, 'utf8'), '0\n1\ng-topic 0 10001\n');
  processUpTo(10_002, 10_100);
  assert.equal(task.maybeCheckpoint(), false);
  assert.equal(readFileSync(checkpoint, 'utf8'), '0\n1\ng-topic 0 10001\n');
  task.close(true);
  assert.equal(flushes, 2);
  assert.equal(readFileSync(checkpoint, 'utf8'), '0\n1\ng-topic 0 10100\n');
  directory.close();
});
