// Kafka's ACL rules, decided by the authorizer alone: patterns (literal, the literal *, prefixed),
// principals (and User:*), hosts (and *), operations with Kafka's implications, deny over allow,
// super.users and allow.everyone.if.no.acl.found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AclAuthorizer, parseSuperUsers } from '../../src/acl/authorizer.ts';
import { type AclBinding, AclOperation as Op, PatternType, PermissionType, ResourceType, invalidBinding } from '../../src/acl/model.ts';
import { MemoryFileSystem } from '@sluice/storage';

const acl = (over: Partial<AclBinding>): AclBinding => ({
  resourceType: ResourceType.TOPIC, resourceName: 'orders', patternType: PatternType.LITERAL,
  principal: 'User:alice', host: '*', operation: Op.READ, permissionType: PermissionType.ALLOW, ...over,
});

async function authorizerWith(acls: AclBinding[], settings = { superUsers: [] as string[], allowEveryoneIfNoAclFound: false }) {
  const a = new AclAuthorizer(settings);
  await a.open(new MemoryFileSystem(), '/acls');
  await a.create(acls);
  return (principal: string, operation: number, resourceName = 'orders', resourceType: number = ResourceType.TOPIC, host = '10.0.0.1') =>
    a.authorize({ principal, host, operation, resourceType, resourceName });
}

test('an ALLOW covers its operation and what it implies; nothing else, no one else', async () => {
  const may = await authorizerWith([acl({ operation: Op.WRITE }), acl({ operation: Op.ALTER_CONFIGS, principal: 'User:bob' })]);
  assert.equal(may('User:alice', Op.WRITE), true);
  assert.equal(may('User:alice', Op.DESCRIBE), true, 'WRITE implies DESCRIBE');
  assert.equal(may('User:alice', Op.READ), false);
  assert.equal(may('User:alice', Op.DELETE), false);
  assert.equal(may('User:bob', Op.DESCRIBE_CONFIGS), true, 'ALTER_CONFIGS implies DESCRIBE_CONFIGS');
  assert.equal(may('User:bob', Op.DESCRIBE), false, 'ALTER_CONFIGS does not imply DESCRIBE');
  assert.equal(may('User:carol', Op.DESCRIBE), false);
  assert.equal(may('User:alice', Op.WRITE, 'payments'), false, 'a literal name names one topic');
});

test('DENY wins over ALLOW, and denies only its own operation (and ALL denies all)', async () => {
  const may = await authorizerWith([
    acl({ operation: Op.ALL }),
    acl({ operation: Op.WRITE, permissionType: PermissionType.DENY }),
    acl({ resourceName: 'audit', operation: Op.ALL, principal: 'User:*' }),
    acl({ resourceName: 'audit', operation: Op.ALL, permissionType: PermissionType.DENY, host: '10.0.0.9' }),
  ]);
  assert.equal(may('User:alice', Op.READ), true);
  assert.equal(may('User:alice', Op.WRITE), false);
  assert.equal(may('User:alice', Op.DESCRIBE), true, 'a DENY of WRITE leaves DESCRIBE, allowed through ALL');
  assert.equal(may('User:alice', Op.READ, 'audit', ResourceType.TOPIC, '10.0.0.1'), true);
  assert.equal(may('User:alice', Op.READ, 'audit', ResourceType.TOPIC, '10.0.0.9'), false, 'denied from that host only');
  assert.equal(may('User:zed', Op.READ, 'audit'), true, 'User:* matches every user');
});

test('prefixed and wildcard patterns; resource types are kept apart', async () => {
  const may = await authorizerWith([
    acl({ resourceName: 'sales-', patternType: PatternType.PREFIXED }),
    acl({ resourceName: '*', resourceType: ResourceType.GROUP, principal: 'User:bob' }),
  ]);
  assert.equal(may('User:alice', Op.READ, 'sales-eu'), true);
  assert.equal(may('User:alice', Op.READ, 'sales'), false);
  assert.equal(may('User:alice', Op.READ, 'sales-eu', ResourceType.GROUP), false);
  assert.equal(may('User:bob', Op.READ, 'any-group', ResourceType.GROUP), true);
  assert.equal(may('User:bob', Op.READ, 'any-topic'), false);
});

test('super.users may do anything; allow.everyone.if.no.acl.found opens only resources no ACL names', async () => {
  assert.deepEqual(parseSuperUsers(' User:admin ;User:CN=ops,O=x;'), ['User:admin', 'User:CN=ops,O=x']);
  const may = await authorizerWith([acl({})], { superUsers: ['User:admin'], allowEveryoneIfNoAclFound: true });
  assert.equal(may('User:admin', Op.DELETE), true);
  assert.equal(may('User:admin', Op.ALTER, 'kafka-cluster', ResourceType.CLUSTER), true);
  assert.equal(may('User:carol', Op.WRITE, 'unnamed-topic'), true, 'no ACL names it: open');
  assert.equal(may('User:carol', Op.READ, 'orders'), false, 'an ACL names it (for alice): closed to others');
  const closed = await authorizerWith([], { superUsers: [], allowEveryoneIfNoAclFound: false });
  assert.equal(closed('User:carol', Op.WRITE, 'unnamed-topic'), false, 'by default no ACL means no access');
});

test('bindings that are not ACLs are refused with the reason', () => {
  assert.match(invalidBinding(acl({ resourceType: ResourceType.ANY }))!, /Invalid resourceType 1/);
  assert.match(invalidBinding(acl({ patternType: PatternType.MATCH }))!, /Invalid patternType 2/);
  assert.match(invalidBinding(acl({ operation: Op.ANY }))!, /Invalid operation 1/);
  assert.match(invalidBinding(acl({ permissionType: PermissionType.ANY }))!, /Invalid permissionType 1/);
  assert.match(invalidBinding(acl({ resourceName: '' }))!, /Resource name should not be empty/);
  assert.match(invalidBinding(acl({ resourceType: ResourceType.CLUSTER, resourceName: 'c' }))!, /only valid name for the CLUSTER resource is kafka-cluster/);
  assert.match(invalidBinding(acl({ principal: 'alice' }))!, /Could not parse principal from `alice`/);
  assert.equal(invalidBinding(acl({})), undefined);
});
