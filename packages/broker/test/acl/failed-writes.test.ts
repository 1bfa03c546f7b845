// An ACL or group-config change is in force, and acknowledged, only once it is on disk: with the
// write failing (an injected EIO) the client is told the failure, the change does not authorize
// or show, and a restart from the same disk agrees with what the clients were told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { MemoryFileSystem } from '@sluice/storage';
import { RawConnection } from '@sluice/test-kit';
import { startBroker } from '../../src/index.js';

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
