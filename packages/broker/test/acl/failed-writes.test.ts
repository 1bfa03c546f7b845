// An ACL or group-config change is in force, and acknowledged, only once it is on disk: with the
// write failing (an injected EIO) the client is told the failure, the change does not authorize
// or show, and a restart from the same disk agrees with what the clients were told; changes sent at
// once on several connections, their writes finishing out of order and some failing, leave on disk
// what is in force (the writes run one after another); a stored group config that cannot be used
// stops the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { RawConnection } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { startBroker } from '../../src/index.ts';

const STANDARD = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';
const CONFIG_GROUP = 32;
const ANY_FILTER = { resourceTypeFilter: 1, resourceNameFilter: null, patternTypeFilter: 1, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 };
const creation = (resourceName: string) => ({ resourceType: 2, resourceName, resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 3, permissionType: 3 });
const silent = { info() {}, warn() {}, error() {} };

async function state(c: RawConnection) {
  const acls = await c.request(Apis.DescribeAcls, 3, ANY_FILTER);
  assert.equal(acls.errorCode, ErrorCode.NONE);
  const configs = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: CONFIG_GROUP, resourceName: 'g', configurationKeys: ['consumer.session.timeout.ms'] }], includeSynonyms: false, includeDocumentation: false });
  return {
    topicsWithAcls: acls.resources.map((r: { resourceName: string }) => r.resourceName).sort(),
    sessionTimeout: configs.results[0].configs[0].value,
  };
}

test('a failed write of ACLs or group configs is answered as a failure and is in force nowhere, before or after a restart', async () => {
  const fs = new MemoryFileSystem();
  const config = { 'authorizer.class.name': STANDARD, 'super.users': 'User:ANONYMOUS' };
  const alterGroup = (c: RawConnection, value: string) =>
    c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: CONFIG_GROUP, resourceName: 'g', configs: [{ name: 'consumer.session.timeout.ms', configOperation: 0, value }] }], validateOnly: false });

  let broker = await startBroker({ port: 0, fs, dataDir: '/data', config, log: silent });
  let c = await RawConnection.open(broker.port);
  try {
    assert.equal((await c.request(Apis.CreateAcls, 3, { creations: [creation('kept')] })).results[0].errorCode, ErrorCode.NONE);
    assert.equal((await alterGroup(c, '50000')).responses[0].errorCode, ErrorCode.NONE);

    fs.failNextWrite();
    const created = await c.request(Apis.CreateAcls, 3, { creations: [creation('lost')] });
    assert.notEqual(created.results[0].errorCode, ErrorCode.NONE, 'a creation that is not on disk is not acknowledged');
    assert.match(created.results[0].errorMessage, /could not be stored/);

    fs.failNextWrite();
    const deleted = await c.request(Apis.DeleteAcls, 3, { filters: [ANY_FILTER] });
    assert.notEqual(deleted.filterResults[0].errorCode, ErrorCode.NONE, 'a deletion that is not on disk is not acknowledged');
    assert.deepEqual(deleted.filterResults[0].matchingAcls, []);

    fs.failNextWrite();
    const altered = await alterGroup(c, '55000');
    assert.notEqual(altered.responses[0].errorCode, ErrorCode.NONE, 'a group config that is not on disk is not acknowledged');

    assert.deepEqual(await state(c), { topicsWithAcls: ['kept'], sessionTimeout: '50000' }, 'no failed change is in force');
  } finally {
    c.close();
    await broker.close();
  }

  broker = await startBroker({ port: 0, fs, dataDir: '/data', config, log: silent });
  c = await RawConnection.open(broker.port);
  try {
    assert.deepEqual(await state(c), { topicsWithAcls: ['kept'], sessionTimeout: '50000' }, 'the disk holds what was acknowledged');
  } finally {
    c.close();
    await broker.close();
  }
});

/** Writes that finish after a seeded number of turns of the event loop, some failing (EIO). */
class ShuffledWritesFileSystem extends MemoryFileSystem {
  private readonly random: Random;

  constructor(random: Random) {
    super();
    this.random = random;
  }
  private async later(): Promise<void> {
    for (let i = this.random.int(0, 20); i > 0; i--) await new Promise((resolve) => setImmediate(resolve));
  }
  override async open(path: string, create: boolean) {
    await this.later();
    return super.open(path, create);
  }
  override async rename(from: string, to: string): Promise<void> {
    await this.later();
    if (this.random.chance(0.15)) throw Object.assign(new Error(`EIO: injected, renaming ${from}`), { code: 'EIO' });
    return super.rename(from, to);
  }
}

test('interleaved CreateAcls, DeleteAcls and group-config changes on several connections leave on disk what is in force', async () => {
  const seed = 20;
  const random = new Random(seed);
  const fs = new ShuffledWritesFileSystem(random);
  const config = { 'authorizer.class.name': STANDARD, 'super.users': 'User:ANONYMOUS' };
  let broker = await startBroker({ port: 0, fs, dataDir: '/data', config, log: silent });
  let connections = await Promise.all([0, 1, 2, 3].map(() => RawConnection.open(broker.port)));
  let before;
  try {
    const operations: Promise<unknown>[] = [];
    for (let i = 0; i < 80; i++) {
      const c = random.pick(connections);
      const name = `t${random.int(0, 11)}`;
      const kind = random.int(0, 2);
      if (kind === 0) operations.push(c.request(Apis.CreateAcls, 3, { creations: [creation(name)] }));
      else if (kind === 1) operations.push(c.request(Apis.DeleteAcls, 3, { filters: [{ ...ANY_FILTER, resourceTypeFilter: 2, resourceNameFilter: name, patternTypeFilter: 3 }] }));
      else {
        operations.push(c.request(Apis.IncrementalAlterConfigs, 1, {
          resources: [{ resourceType: CONFIG_GROUP, resourceName: 'g', configs: [{ name: 'consumer.session.timeout.ms', configOperation: 0, value: String(45000 + i) }] }],
          validateOnly: false,
        }));
      }
    }
    await Promise.all(operations);
    before = await state(connections[0]);
  } finally {
    for (const c of connections) c.close();
    await broker.close();
  }

  broker = await startBroker({ port: 0, fs, dataDir: '/data', config, log: silent });
  connections = [await RawConnection.open(broker.port)];
  try {
    assert.deepEqual(await state(connections[0]), before, `seed ${seed}: a restart finds what was in force`);
  } finally {
    connections[0].close();
    await broker.close();
  }
});

test('a stored group config the broker cannot use stops the start, naming the file, the group and what to do', async () => {
  const cases: [string, RegExp][] = [
    ['{"version":1,"groups":{"g":{"consumer.session.timeout.ms":"soon"}}}', /group-configs holds an override of the group g that cannot be used: Invalid value soon for configuration consumer\.session\.timeout\.ms: Not a number of type INT; correct or remove it/],
    ['{"version":1,"groups":{"g":{"consumer.session.timeout.ms":50000}}}', /group-configs holds an override of the group g that cannot be used: its value 50000 is not a string/],
    ['{"version":1,"groups":{"g":{"no.such.config":"1"}}}', /Unknown group config name: no\.such\.config/],
  ];
  for (const [text, expected] of cases) {
    const fs = new MemoryFileSystem();
    await fs.mkdir('/data');
    await writeFileAtomic(fs, '/data/group-configs', Buffer.from(text));
    const started = startBroker({ port: 0, fs, dataDir: '/data', log: silent });
    started.then((b) => b.close(), () => {}); // a broker that started anyway must not keep the test open
    await assert.rejects(started, expected, text);
  }
});

test('a stored ACL the broker cannot use stops the start, naming the file, the entry and what to do', async () => {
  const config = { 'authorizer.class.name': STANDARD };
  const good = { resourceType: 2, resourceName: 't', patternType: 3, principal: 'User:alice', host: '*', operation: 3, permissionType: 3 };
  const stored = (acl: object) => JSON.stringify({ version: 1, acls: [good, acl] });
  const cases: [string, RegExp][] = [
    [stored({ ...good, operation: 'READ' }), /\/data\/acls holds an ACL that cannot be used \(entry 1, .*\): operation is not a whole number; correct or remove it/],
    [stored({ ...good, principal: undefined }), /entry 1, .*: principal is not a string/],
    [stored({ ...good, permissionType: 9 }), /entry 1, .*: Invalid permissionType 9/],
  ];
  for (const [text, expected] of cases) {
    const fs = new MemoryFileSystem();
    await fs.mkdir('/data');
    await writeFileAtomic(fs, '/data/acls', Buffer.from(text));
    const started = startBroker({ port: 0, fs, dataDir: '/data', config, log: silent });
    started.then((b) => b.close(), () => {}); // a broker that started anyway must not keep the test open
    await assert.rejects(started, expected, text);
  }
});
