// UpdateFeatures on the broker itself: a change is answered only once stored, is reported in
// ApiVersions with a higher epoch, survives a restart, and a failed write (injected) is neither
// answered as a success nor in force. The answers' wording is compared with Kafka 4.3.1's in
// tests/compat/kafka/admin-tools; here: the all-or-nothing rule, v1's per-feature successes,
// validateOnly, and the cluster ALTER check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { RawConnection } from '@sluice/test-kit';
import { startBroker } from '../src/index.ts';

const SAFE_DOWNGRADE = 2;
const silent = { info() {}, warn() {}, error() {} };

async function finalized(c: RawConnection): Promise<{ epoch: bigint; levels: Record<string, number> }> {
  const r = await c.request(Apis.ApiVersions, 4, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
  return { epoch: r.finalizedFeaturesEpoch, levels: Object.fromEntries(r.finalizedFeatures.map((f: { name: string; maxVersionLevel: number }) => [f.name, f.maxVersionLevel])) };
}

const update = (c: RawConnection, version: number, featureUpdates: object[], validateOnly = false) => c.request(Apis.UpdateFeatures, version, { timeoutMs: 1000, featureUpdates, validateOnly });

test('finalized levels change only once stored, with the epoch bumped, and survive a restart', async () => {
  const fs = new MemoryFileSystem();
  let broker = await startBroker({ port: 0, fs, dataDir: '/data', log: silent });
  let c = await RawConnection.open(broker.port);
  let last;
  try {
    const initial = await finalized(c);
    assert.equal(initial.levels['share.version'], 1);

    const dry = await update(c, 2, [{ feature: 'share.version', maxVersionLevel: 0, upgradeType: SAFE_DOWNGRADE }], true);
    assert.equal(dry.errorCode, ErrorCode.NONE);
    assert.deepEqual(await finalized(c), initial, 'validateOnly changes nothing');

    // One refused update fails them all.
    const refused = await update(c, 1, [
      { feature: 'share.version', maxVersionLevel: 0, upgradeType: SAFE_DOWNGRADE },
      { feature: 'transaction.version', maxVersionLevel: 3, upgradeType: 1 },
    ]);
    assert.equal(refused.errorCode, ErrorCode.INVALID_UPDATE_VERSION);
    assert.deepEqual(refused.results, [], 'v1 gives a refusal as the top-level error alone, as Kafka');
    assert.deepEqual(await finalized(c), initial);

    fs.failNextWrite();
    const failed = await update(c, 2, [{ feature: 'share.version', maxVersionLevel: 0, upgradeType: SAFE_DOWNGRADE }]);
    assert.notEqual(failed.errorCode, ErrorCode.NONE, 'a change that is not on disk is not acknowledged');
    assert.deepEqual(await finalized(c), initial, 'nor in force');

    const done = await update(c, 1, [{ feature: 'share.version', maxVersionLevel: 0, upgradeType: SAFE_DOWNGRADE }, { feature: 'transaction.version', maxVersionLevel: 1, upgradeType: SAFE_DOWNGRADE }]);
    assert.equal(done.errorCode, ErrorCode.NONE, done.errorMessage);
    assert.deepEqual(done.results.map((r: { feature: string; errorCode: number }) => [r.feature, r.errorCode]), [['share.version', ErrorCode.NONE], ['transaction.version', ErrorCode.NONE]]);
    last = await finalized(c);
    assert.equal(last.levels['share.version'], undefined, 'level 0 is left out, as Kafka leaves out a disabled feature');
    assert.equal(last.levels['transaction.version'], 1);
    assert.ok(last.epoch > initial.epoch, 'the epoch grows with a change');
  } finally {
    c.close();
    await broker.close();
  }

  broker = await startBroker({ port: 0, fs, dataDir: '/data', log: silent });
  c = await RawConnection.open(broker.port);
  try {
    const again = await finalized(c);
    assert.deepEqual(again.levels, last.levels, 'the stored levels are in force after a restart');
    assert.ok(again.epoch > last.epoch, 'and the epoch is higher still');
  } finally {
    c.close();
    await broker.close();
  }
});

test('UpdateFeatures needs ALTER on the cluster', async () => {
  const broker = await startBroker({ port: 0, config: { 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer' }, log: silent });
  const c = await RawConnection.open(broker.port);
  try {
    const r = await update(c, 2, [{ feature: 'share.version', maxVersionLevel: 0, upgradeType: SAFE_DOWNGRADE }]);
    assert.equal(r.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal((await finalized(c)).levels['share.version'], 1);
  } finally {
    c.close();
    await broker.close();
  }
});

/** A file system whose next rename waits until released: a write held in the middle. */
class HeldRenameFileSystem extends MemoryFileSystem {
  private held: { path: string; reached: () => void; release: Promise<void> } | undefined;
  holdNextRename(path: string): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = { reached: new Promise<void>((r) => (reached = r)), release: () => release() };
    this.held = { path, reached, release: new Promise<void>((r) => (release = r)) };
    return gate;
  }
  override async rename(from: string, to: string): Promise<void> {
    const held = this.held;
    if (held !== undefined && to === held.path) {
      this.held = undefined;
      held.reached();
      await held.release;
    }
    return super.rename(from, to);
  }
}

test('concurrent updates are decided one after another, each against the levels the one before left', async () => {
  const fs = new HeldRenameFileSystem();
  const broker = await startBroker({ port: 0, fs, dataDir: '/data', log: silent });
  const [a, b, probe] = await Promise.all([RawConnection.open(broker.port), RawConnection.open(broker.port), RawConnection.open(broker.port)]);
  try {
    assert.equal((await finalized(probe)).levels['transaction.version'], 2);
    const gate = fs.holdNextRename('/data/finalized-features');
    // A downgrades transaction.version to 1 and is held in its write; B, a "downgrade" to 2, is
    // valid against the 2 before A but not against A's 1 (Kafka: "Can't downgrade to a newer
    // version"); Kafka's controller decides B after A is applied.
    const first = update(a, 2, [{ feature: 'transaction.version', maxVersionLevel: 1, upgradeType: SAFE_DOWNGRADE }]);
    await gate.reached;
    const second = update(b, 2, [{ feature: 'transaction.version', maxVersionLevel: 2, upgradeType: SAFE_DOWNGRADE }]);
    // The broker has read B once it answers a later request on a third connection.
    await finalized(probe);
    gate.release();
    assert.equal((await first).errorCode, ErrorCode.NONE);
    const refused = await second;
    assert.equal(refused.errorCode, ErrorCode.INVALID_UPDATE_VERSION, 'B is decided against A\'s level');
    assert.match(refused.errorMessage, /Can't downgrade to a newer version/);
    assert.equal((await finalized(probe)).levels['transaction.version'], 1);
  } finally {
    for (const c of [a, b, probe]) c.close();
    await broker.close();
  }
});

test('a finalized-features file that cannot be used stops the start with its name and what to do', async () => {
  const cases: [string, RegExp][] = [
    ['{"version":1,"epoch":"5","levels":{"transaction.version":"two"}}', /finalized-features holds level "two" for transaction.version.*remove it/],
    ['{"version":1,"epoch":"5","levels":{"transaction.version":70000}}', /finalized-features holds level 70000/],
    ['{"version":2,"epoch":"5","levels":{}}', /finalized-features has format version 2, newer than the version 1 this Sluice reads.*start the newer Sluice/],
    ['{"version":1,"ep', /finalized-features is not valid JSON/],
  ];
  for (const [text, expected] of cases) {
    const fs = new MemoryFileSystem();
    await fs.mkdir('/data');
    await writeFileAtomic(fs, '/data/finalized-features', Buffer.from(text));
    const started = startBroker({ port: 0, fs, dataDir: '/data', log: silent });
    started.then((b) => b.close(), () => {}); // a broker that started anyway must not keep the test open
    await assert.rejects(started, expected, text);
  }
});
