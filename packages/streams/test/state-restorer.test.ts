// The changelog restorer (runtime/state-restorer.ts) on a real broker, with two incarnations of
// one task: a task revoked while its restore still asks for end offsets, then assigned again, has
// two state managers with the same task id and changelog partition. The first one's late answer
// must not restore into its closed stores, nor finish or cancel the second one's restore (CI saw
// a store restored empty under exactly_once_v2 after such a revoke and reassign).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Broker, startBroker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';
import { CHECKPOINT_FILE_NAME, OffsetCheckpoint, checkpointKey } from '../src/runtime/state-checkpoint.ts';
import { ProcessorStateManager } from '../src/runtime/state-manager.ts';
import { ChangelogRestorer } from '../src/runtime/state-restorer.ts';
import { ThreadCache } from '../src/state/thread-cache.ts';
import { JsonFileStore } from './support/json-file-store.ts';

const CHANGELOG = 'app-counts-changelog';
const KEYS = 100;
const UPDATES = 5;
const quiet = { info() {}, warn() {}, error() {} };

let broker: Broker;
/** ListOffsets requests still to be answered NOT_LEADER_OR_FOLLOWER (the client retries them). */
let refuseListOffsets = 0;
/** Called when a ListOffsets was refused. */
let onRefused = () => {};
const root = mkdtempSync(join(tmpdir(), 'state-restorer-'));

before(async () => {
  broker = await startBroker({
    port: 0,
    interceptRequest(request) {
      if (request.apiName !== 'ListOffsets' || refuseListOffsets === 0) return undefined;
      refuseListOffsets--;
      onRefused();
      const body = request.body as { topics: { name: string; partitions: { partitionIndex: number }[] }[] };
      return {
        throttleTimeMs: 0,
        topics: body.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, oldStyleOffsets: [], timestamp: -1n, offset: -1n, leaderEpoch: -1 })),
        })),
      };
    },
  });
  admin = new Admin({ bootstrapServers: broker.bootstrap });
  await admin.createTopics([{ name: CHANGELOG, numPartitions: 1, replicationFactor: 1 }]);
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  try {
    // Every key updated UPDATES times: a restore that misses the start of the changelog keeps stale values.
    for (let round = 1; round <= UPDATES; round++) {
      await producer.sendBatch(Array.from({ length: KEYS }, (_, k) => ({ topic: CHANGELOG, partition: 0, key: `k${k}`, value: `${round}` })));
    }
  } finally {
    await producer.close();
  }
});

after(async () => {
  await admin?.close();
  await broker?.close();
  rmSync(root, { recursive: true, force: true });
});

/** One incarnation of task 0_0: its state manager and its (in-memory) store. */
function incarnation(name: string, changelog = CHANGELOG, persistent = false) {
  const manager = new ProcessorStateManager({
    applicationId: 'app',
    taskId: '0_0',
    partition: 0,
    taskDir: join(root, name),
    appConfigs: {},
    collector: { send() {}, offsets: () => new Map() },
    log: quiet,
    eos: true,
    changelogTopic: () => changelog,
    current: () => null,
    recordContext: () => null,
    withRecordContext: (_rc, fn) => fn(),
    cache: new ThreadCache(1 << 20),
  });
  const store = new JsonFileStore('counts', persistent, true);
  store.init(manager.context, store);
  return { manager, store };
}

let admin: Admin;
function newRestorer() {
  return new ChangelogRestorer({ bootstrapServers: broker.bootstrap, clientId: 'restorer-test', consumer: {}, isolationLevel: 'read_committed', admin, log: quiet, listener: () => null });
}

/**
 * A changelog whose ten committed records (offsets 1 to 10) follow an open transaction of another
 * producer (a killed instance's): the last stable offset stays at 0 until `zombie` ends it.
 */
async function changelogBehindOpenTransaction(topic: string, suffix: string) {
  const zombie = new Producer({ bootstrapServers: broker.bootstrap, transactionalId: `restorer-test-zombie${suffix}` });
  const owner = new Producer({ bootstrapServers: broker.bootstrap, transactionalId: `restorer-test-owner${suffix}` });
  await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
  await zombie.initTransactions();
  await zombie.beginTransaction();
  await zombie.send({ topic, partition: 0, key: 'k0', value: 'never-committed' });
  await owner.initTransactions();
  await owner.beginTransaction();
  await owner.sendBatch(Array.from({ length: 10 }, (_, k) => ({ topic, partition: 0, key: `k${k}`, value: 'committed' })));
  await owner.commitTransaction();
  await owner.close();
  return zombie;
}

/** Steps until `manager`'s restore is reported done. */
async function restoreUntilDone(restorer: ChangelogRestorer, manager: ProcessorStateManager): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const finished = await restorer.step(100);
    if (finished.includes(manager)) return;
    assert.ok(Date.now() < deadline, 'the restore finished within 30 s');
  }
}

test('a task removed while its restore asks for end offsets never restores; its next incarnation restores the whole changelog', async () => {
  const restorer = newRestorer();
  try {
    const first = incarnation('first');
    const second = incarnation('second');
    const firstAdded = restorer.add(first.manager);
    // Revoked before the end offsets came back, then assigned again.
    restorer.remove(first.manager);
    first.manager.close(false);
    const secondAdded = restorer.add(second.manager);
    assert.equal(await firstAdded, false, 'the removed incarnation does not run');
    assert.equal(await secondAdded, false, 'the new incarnation has a changelog to restore');
    await restoreUntilDone(restorer, second.manager);
    assert.equal(first.store.restoredRecords, 0, 'nothing went into the closed incarnation\'s store');
    assert.equal(second.store.restoredRecords, KEYS * UPDATES, 'every changelog record, once');
    for (let k = 0; k < KEYS; k++) assert.equal(second.store.get(`k${k}`), `${UPDATES}`, `k${k}`);
    assert.equal(restorer.active, false);
  } finally {
    await restorer.close();
  }
});

test('the removed incarnation\'s end offsets coming back after the next incarnation\'s (a retried ListOffsets) start nothing and cancel nothing', async () => {
  const restorer = newRestorer();
  try {
    const first = incarnation('late-first');
    const second = incarnation('late-second');
    refuseListOffsets = 1;
    const refused = new Promise<void>((resolve) => (onRefused = resolve));
    const firstAdded = restorer.add(first.manager);
    // The second incarnation asks while the first one's ListOffsets waits out its retry backoff.
    await refused;
    restorer.remove(first.manager);
    first.manager.close(false);
    const secondAdded = restorer.add(second.manager);
    assert.equal(await secondAdded, false);
    assert.equal(await firstAdded, false);
    assert.equal(refuseListOffsets, 0, 'the first incarnation\'s ListOffsets was refused once and retried');
    restorer.remove(first.manager);
    await restoreUntilDone(restorer, second.manager);
    assert.equal(first.store.restoredRecords, 0, 'nothing went into the closed incarnation\'s store');
    assert.equal(second.store.restoredRecords, KEYS * UPDATES, 'every changelog record, once');
    for (let k = 0; k < KEYS; k++) assert.equal(second.store.get(`k${k}`), `${UPDATES}`, `k${k}`);
  } finally {
    refuseListOffsets = 0;
    await restorer.close();
  }
});

test('removing one incarnation after the next one started restoring leaves the next one\'s restore alone', async () => {
  const restorer = newRestorer();
  try {
    const first = incarnation('stale-first');
    const second = incarnation('stale-second');
    restorer.remove(first.manager);
    assert.equal(await restorer.add(second.manager), false);
    // The old incarnation's clean-up comes late (as open() does after its own await).
    restorer.remove(first.manager);
    assert.equal(restorer.active, true, 'the new incarnation is still restoring');
    await restoreUntilDone(restorer, second.manager);
    assert.equal(second.store.restoredRecords, KEYS * UPDATES);
  } finally {
    await restorer.close();
  }
});

test('under read_committed a restore reads to the log end: committed records after a transaction still open are restored once it ends, never left out', async () => {
  // Kafka Streams asks for the end with read_uncommitted (KAFKA-10167): the last stable offset
  // stops before every committed record that follows a transaction still open (a killed
  // instance's, until its timeout; or one whose markers are not written yet), so a restore
  // ending there gave the task a store without them: counts started again.
  const topic = 'app-open-txn-changelog';
  const zombie = await changelogBehindOpenTransaction(topic, '');
  const restorer = newRestorer();
  try {
    const { manager, store } = incarnation('open-txn', topic);
    assert.equal(await restorer.add(manager), false, 'committed records are there to restore');
    for (let i = 0; i < 5; i++) assert.ok(!(await restorer.step(50)).includes(manager), 'not done while the transaction before them is open');
    await zombie.abortTransaction();
    await restoreUntilDone(restorer, manager);
    assert.equal(store.restoredRecords, 10, 'the committed records, and not the aborted one');
    for (let k = 0; k < 10; k++) assert.equal(store.get(`k${k}`), 'committed', `k${k}`);
  } finally {
    await restorer.close();
    await zombie.close();
  }
});

test('a store checkpointed past the last stable offset (its committed tail follows a transaction still open) is not taken for a truncated changelog', async () => {
  // Measured against the last stable offset, the checkpoint of a clean close looked past the end
  // of the changelog: the store was wiped and restored only up to that offset, without its tail.
  const topic = 'app-checkpoint-past-lso-changelog';
  const zombie = await changelogBehindOpenTransaction(topic, '-2');
  const restorer = newRestorer();
  try {
    // The task's last run wrote those ten (offsets 1 to 10), committed and closed cleanly.
    const dir = join(root, 'past-lso');
    mkdirSync(dir, { recursive: true });
    new OffsetCheckpoint(join(dir, CHECKPOINT_FILE_NAME)).write(new Map([[checkpointKey(topic, 0), 10n]]));
    writeFileSync(join(dir, 'counts.json'), JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`k${k}`, 'committed']))));
    const { manager, store } = incarnation('past-lso', topic, true);
    assert.equal(await restorer.add(manager), false, 'its checkpoint is within the changelog (no ChangelogBehindCheckpointError): only the commit marker after it is left');
    await zombie.abortTransaction();
    await restoreUntilDone(restorer, manager);
    assert.equal(store.restoredRecords, 0);
    for (let k = 0; k < 10; k++) assert.equal(store.get(`k${k}`), 'committed', `k${k}`);
  } finally {
    await restorer.close();
    await zombie.close();
  }
});
