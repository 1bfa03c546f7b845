// CreateAcls, DescribeAcls and DeleteAcls over the wire: SECURITY_DISABLED without an authorizer,
// CLUSTER_AUTHORIZATION_FAILED for a principal without ALTER/DESCRIBE on the cluster, per-entry
// INVALID_REQUEST, filters (ANY, MATCH, principal), and ACLs kept across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ErrorCode } from '@sluice/protocol';
import { RawConnection } from '@sluice/test-kit';
import { startBroker } from '../../src/index.ts';

const STANDARD = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';
const ANY_FILTER = { resourceTypeFilter: 1, resourceNameFilter: null, patternTypeFilter: 1, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 };
const creation = (over: Record<string, unknown>) => ({ resourceType: 2, resourceName: 'orders', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 3, permissionType: 3, ...over });

test('without an authorizer the ACL APIs answer SECURITY_DISABLED', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    const described = await c.request(Apis.DescribeAcls, 3, ANY_FILTER);
    assert.deepEqual([described.errorCode, described.errorMessage], [ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured.']);
    const created = await c.request(Apis.CreateAcls, 3, { creations: [creation({})] });
    assert.equal(created.results[0].errorCode, ErrorCode.SECURITY_DISABLED);
    const deleted = await c.request(Apis.DeleteAcls, 3, { filters: [ANY_FILTER] });
    assert.equal(deleted.filterResults[0].errorCode, ErrorCode.SECURITY_DISABLED);
  } finally {
    c.close();
    await broker.close();
  }
});

test('a principal without cluster ACLs may not manage ACLs', async () => {
  const broker = await startBroker({ port: 0, config: { 'authorizer.class.name': STANDARD } });
  const c = await RawConnection.open(broker.port);
  try {
    assert.equal((await c.request(Apis.DescribeAcls, 2, ANY_FILTER)).errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal((await c.request(Apis.CreateAcls, 1, { creations: [creation({})] })).results[0].errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal((await c.request(Apis.DeleteAcls, 1, { filters: [ANY_FILTER] })).filterResults[0].errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
  } finally {
    c.close();
    await broker.close();
  }
});

test('a super user creates, describes and deletes ACLs; they survive a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-acls-'));
  // Plaintext connections are User:ANONYMOUS.
  const config = { 'authorizer.class.name': STANDARD, 'super.users': 'User:ANONYMOUS' };
  let broker = await startBroker({ port: 0, dataDir, config });
  let c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateAcls, 3, {
      creations: [
        creation({}),
        creation({ operation: 4, permissionType: 2, host: '10.0.0.9' }),
        creation({ resourceName: 'sales-', resourcePatternType: 4, principal: 'User:bob' }),
        creation({ resourceType: 3, resourceName: '*', principal: 'User:bob' }),
        creation({ resourceType: 4, resourceName: 'not-the-cluster' }),
        creation({ principal: 'alice' }),
        creation({ resourcePatternType: 1 }),
      ],
    });
    assert.deepEqual(created.results.map((r: { errorCode: number }) => r.errorCode), [0, 0, 0, 0, 42, 42, 42].map((code) => code && ErrorCode.INVALID_REQUEST));
    assert.match(created.results[4].errorMessage, /kafka-cluster/);

    const all = await c.request(Apis.DescribeAcls, 3, ANY_FILTER);
    assert.equal(all.errorCode, ErrorCode.NONE);
    assert.deepEqual(all.resources.map((r: { resourceName: string; patternType: number; acls: unknown[] }) => [r.resourceName, r.patternType, r.acls.length]), [['orders', 3, 2], ['sales-', 4, 1], ['*', 3, 1]]);

    // MATCH: every pattern that applies to the topic sales-eu (the prefix), not other topics' ACLs.
    const match = await c.request(Apis.DescribeAcls, 3, { ...ANY_FILTER, resourceTypeFilter: 2, resourceNameFilter: 'sales-eu', patternTypeFilter: 2 });
    assert.deepEqual(match.resources.map((r: { resourceName: string }) => r.resourceName), ['sales-']);
    const bob = await c.request(Apis.DescribeAcls, 3, { ...ANY_FILTER, principalFilter: 'User:bob' });
    assert.equal(bob.resources.length, 2);
    assert.equal((await c.request(Apis.DescribeAcls, 3, { ...ANY_FILTER, patternTypeFilter: 0 })).errorCode, ErrorCode.INVALID_REQUEST);

    c.close();
    await broker.close();
    broker = await startBroker({ port: 0, dataDir, config });
    c = await RawConnection.open(broker.port);
    assert.equal((await c.request(Apis.DescribeAcls, 1, ANY_FILTER)).resources.length, 3, 'kept across a restart');

    const deleted = await c.request(Apis.DeleteAcls, 3, { filters: [{ ...ANY_FILTER, principalFilter: 'User:bob' }, { ...ANY_FILTER, operation: 0 }] });
    assert.equal(deleted.filterResults[0].errorCode, ErrorCode.NONE);
    assert.deepEqual(deleted.filterResults[0].matchingAcls.map((a: { resourceName: string }) => a.resourceName).sort(), ['*', 'sales-']);
    assert.equal(deleted.filterResults[1].errorCode, ErrorCode.INVALID_REQUEST);
    c.close();
    await broker.close();
    broker = await startBroker({ port: 0, dataDir, config });
    c = await RawConnection.open(broker.port);
    const left = await c.request(Apis.DescribeAcls, 3, ANY_FILTER);
    assert.deepEqual(left.resources.map((r: { resourceName: string; acls: unknown[] }) => [r.resourceName, r.acls.length]), [['orders', 2]], 'the deletion is durable too');
  } finally {
    c.close();
    await broker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
