// The broker's five small state files as a real broker wrote them (fixtures/state-files-v1, format
// version 1, written at commit dd7d3ee by a broker on a real folder given, over the wire: three
// CreateAcls creations, AlterUserScramCredentials for alice (SHA-256 at 4096 and SHA-512 at 8192
// iterations, password alice-secret) and bob (SHA-256, bob-secret), each salt the user's name
// padded with dots to 16 bytes, IncrementalAlterConfigs of the group payments, AlterClientQuotas
// for four entities (one with request_percentage Infinity) and UpdateFeatures setting
// transaction.version 1 and share.version 0). A broker of today must load every one of them as it
// was written, and keep them readable after its next change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Apis, ErrorCode } from '@sluice/protocol';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { RawConnection } from '@sluice/test-kit';
import { startBroker } from '../src/index.ts';
import { ScramCredentialStore, credentialFromSaltedPassword } from '../src/security/scram-credentials.ts';

const FIXTURE = new URL('./fixtures/state-files-v1/', import.meta.url);
const FILES = ['acls', 'scram-credentials', 'group-configs', 'client-quotas', 'finalized-features'];
/** The epoch in the fixture's finalized-features. */
const STORED_EPOCH = 1796337125965n;
const CONFIG = { 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'super.users': 'User:ANONYMOUS' };
const ANY_ACL = { resourceTypeFilter: 1, resourceNameFilter: null, patternTypeFilter: 1, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 };
/** DescribeConfigs' configSource of a value not overridden. */
const DEFAULT_CONFIG = 5;
const silent = { info() {}, warn() {}, error() {} };

async function dataFromFixture(): Promise<MemoryFileSystem> {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  for (const name of FILES) await writeFileAtomic(fs, `/data/${name}`, readFileSync(new URL(name, FIXTURE)));
  return fs;
}

/** Everything the five files hold, as clients see it. */
async function described(c: RawConnection) {
  const acls = await c.request(Apis.DescribeAcls, 3, ANY_ACL);
  assert.equal(acls.errorCode, ErrorCode.NONE);
  const scram = await c.request(Apis.DescribeUserScramCredentials, 0, { users: null });
  const group = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: 32, resourceName: 'payments', configurationKeys: ['consumer.session.timeout.ms', 'share.isolation.level', 'share.session.timeout.ms'] }], includeSynonyms: false, includeDocumentation: false });
  const quotas = await c.request(Apis.DescribeClientQuotas, 1, { components: [], strict: false });
  const versions = await c.request(Apis.ApiVersions, 4, { clientSoftwareName: 'fixture-test', clientSoftwareVersion: '1' });
  return {
    acls: acls.resources
      .flatMap((r: { resourceType: number; resourceName: string; patternType: number; acls: { principal: string; host: string; operation: number; permissionType: number }[] }) =>
        r.acls.map((a) => `${r.resourceType}/${r.resourceName}/${r.patternType} ${a.principal}@${a.host} op${a.operation} ${a.permissionType === 3 ? 'ALLOW' : 'DENY'}`))
      .sort(),
    scram: scram.results
      .map((r: { user: string; credentialInfos: { mechanism: number; iterations: number }[] }) => `${r.user}: ${r.credentialInfos.map((i) => `${i.mechanism}@${i.iterations}`).sort().join(' ')}`)
      .sort(),
    group: Object.fromEntries(group.results[0].configs.map((e: { name: string; value: string; configSource: number }) => [e.name, `${e.value}${e.configSource === DEFAULT_CONFIG ? ' (default)' : ''}`])),
    quotas: quotas.entries
      .map((e: { entity: { entityType: string; entityName: string | null }[]; values: { key: string; value: number }[] }) =>
        `${e.entity.map((x) => `${x.entityType}=${x.entityName ?? '<default>'}`).sort().join(',')}: ${e.values.map((v) => `${v.key}=${v.value}`).sort().join(' ')}`)
      .sort(),
    features: Object.fromEntries(versions.finalizedFeatures.map((f: { name: string; maxVersionLevel: number }) => [f.name, f.maxVersionLevel])),
    epoch: versions.finalizedFeaturesEpoch as bigint,
  };
}

const EXPECTED = {
  acls: ['2/audit-/4 User:*@* op4 DENY', '2/orders/3 User:alice@* op3 ALLOW', '3/billing/3 User:bob@* op3 ALLOW'],
  scram: ['alice: 1@4096 2@8192', 'bob: 1@4096'],
  group: { 'consumer.session.timeout.ms': '50000', 'share.isolation.level': 'read_committed', 'share.session.timeout.ms': '45000 (default)' },
  quotas: ['client-id=reporting,user=bob: consumer_byte_rate=524288 request_percentage=Infinity', 'ip=10.0.0.7: connection_creation_rate=5', 'user=<default>: request_percentage=50', 'user=alice: consumer_byte_rate=2097152 producer_byte_rate=1048576'],
};

test('state files written by the broker at format version 1 load as they were written, and stay readable after a change', async () => {
  const fs = await dataFromFixture();
  let broker = await startBroker({ port: 0, fs, dataDir: '/data', config: CONFIG, log: silent });
  let c = await RawConnection.open(broker.port);
  try {
    const loaded = await described(c);
    assert.deepEqual({ ...loaded, features: undefined, epoch: undefined }, { ...EXPECTED, features: undefined, epoch: undefined });
    assert.equal(loaded.features['transaction.version'], 1, 'the stored level is in force');
    assert.equal(loaded.features['share.version'], undefined, 'share.version 0 is not finalized');
    assert.ok(loaded.epoch > STORED_EPOCH, 'the epoch continues above the stored one');

    // One more change to every file, so that each is rewritten by the code of today.
    assert.equal((await c.request(Apis.CreateAcls, 3, { creations: [{ resourceType: 2, resourceName: 'new', resourcePatternType: 3, principal: 'User:carol', host: '*', operation: 3, permissionType: 3 }] })).results[0].errorCode, ErrorCode.NONE);
    assert.equal((await c.request(Apis.AlterUserScramCredentials, 0, { upsertions: [], deletions: [{ name: 'bob', mechanism: 1 }] })).results[0].errorCode, ErrorCode.NONE);
    assert.equal((await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 32, resourceName: 'payments', configs: [{ name: 'share.session.timeout.ms', configOperation: 0, value: '50000' }] }], validateOnly: false })).responses[0].errorCode, ErrorCode.NONE);
    assert.equal((await c.request(Apis.AlterClientQuotas, 1, { entries: [{ entity: [{ entityType: 'ip', entityName: '10.0.0.7' }], ops: [{ key: 'connection_creation_rate', value: 0, remove: true }] }], validateOnly: false })).entries[0].errorCode, ErrorCode.NONE);
    assert.equal((await c.request(Apis.UpdateFeatures, 1, { timeoutMs: 1000, featureUpdates: [{ feature: 'share.version', maxVersionLevel: 1, upgradeType: 1 }], validateOnly: false })).errorCode, ErrorCode.NONE);
  } finally {
    c.close();
    await broker.close();
  }

  broker = await startBroker({ port: 0, fs, dataDir: '/data', config: CONFIG, log: silent });
  c = await RawConnection.open(broker.port);
  try {
    const again = await described(c);
    assert.deepEqual(again.acls, [...EXPECTED.acls, '2/new/3 User:carol@* op3 ALLOW'].sort());
    assert.deepEqual(again.scram, ['alice: 1@4096 2@8192']);
    assert.deepEqual(again.group, { ...EXPECTED.group, 'share.session.timeout.ms': '50000' });
    assert.deepEqual(again.quotas, EXPECTED.quotas.filter((q) => !q.startsWith('ip=')));
    assert.deepEqual([again.features['transaction.version'], again.features['share.version']], [1, 1]);
  } finally {
    c.close();
    await broker.close();
  }
});

test('the SCRAM keys in the version 1 file are the ones of the passwords that were set', async () => {
  const fs = await dataFromFixture();
  const store = new ScramCredentialStore();
  await store.open(fs, '/data/scram-credentials');
  const salt = (user: string) => Buffer.from(user.padEnd(16, '.'));
  const cases = [
    ['alice', 'SCRAM-SHA-256', 'alice-secret', 4096, 32, 'sha256'],
    ['alice', 'SCRAM-SHA-512', 'alice-secret', 8192, 64, 'sha512'],
    ['bob', 'SCRAM-SHA-256', 'bob-secret', 4096, 32, 'sha256'],
  ] as const;
  for (const [user, mechanism, password, iterations, length, hash] of cases) {
    const expected = credentialFromSaltedPassword(mechanism, salt(user), iterations, pbkdf2Sync(password, salt(user), iterations, length, hash));
    assert.deepEqual(store.get(user, mechanism), expected, `${user} ${mechanism}`);
  }
});
