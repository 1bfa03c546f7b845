// The client quota store's file: entities (defaults included) survive a reopen, and a change whose
// write fails is neither on disk nor in force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '@sluice/storage';
import { ClientQuotaStore } from '../../src/quotas/store.ts';

async function open(fs: MemoryFileSystem): Promise<ClientQuotaStore> {
  const store = new ClientQuotaStore();
  await store.open(fs, '/data/client-quotas');
  return store;
}

test('quotas of every kind of entity are kept on disk', async () => {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  const store = await open(fs);
  await store.apply([
    { entity: { user: 'alice' }, ops: new Map([['producer_byte_rate', 1024]]) },
    { entity: { user: null, 'client-id': null }, ops: new Map([['consumer_byte_rate', 2048], ['request_percentage', 12.5]]) },
    { entity: { 'client-id': '__proto__' }, ops: new Map([['controller_mutation_rate', 3]]) },
    { entity: { ip: null }, ops: new Map([['connection_creation_rate', 10]]) },
  ]);
  await store.apply([{ entity: { user: null, 'client-id': null }, ops: new Map([['request_percentage', null]]) }]);
  const reopened = await open(fs);
  assert.equal(reopened.get({ user: 'alice' }, 'producer_byte_rate'), 1024);
  assert.equal(reopened.get({ user: null, 'client-id': null }, 'consumer_byte_rate'), 2048);
  assert.equal(reopened.get({ user: null, 'client-id': null }, 'request_percentage'), undefined);
  assert.equal(reopened.get({ 'client-id': '__proto__' }, 'controller_mutation_rate'), 3);
  assert.equal(reopened.get({ ip: null }, 'connection_creation_rate'), 10);
  assert.equal(reopened.get({ user: null }, 'consumer_byte_rate'), undefined, 'the default user alone is another entity');
  assert.ok(reopened.hasAny('connection_creation_rate'));
  assert.ok(!reopened.hasAny('request_percentage'));
});

test('a change whose write fails is not in force, and the next one applies on what was written', async () => {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  const store = await open(fs);
  await store.apply([{ entity: { user: 'alice' }, ops: new Map([['producer_byte_rate', 1024]]) }]);
  fs.failNextWrite();
  await assert.rejects(store.apply([{ entity: { user: 'alice' }, ops: new Map([['producer_byte_rate', null]]) }, { entity: { user: 'bob' }, ops: new Map([['producer_byte_rate', 1]]) }]));
  assert.equal(store.get({ user: 'alice' }, 'producer_byte_rate'), 1024, 'the failed removal left alice in force');
  assert.equal(store.get({ user: 'bob' }, 'producer_byte_rate'), undefined, 'the failed set is not in force');
  await store.apply([{ entity: { 'client-id': 'app' }, ops: new Map([['consumer_byte_rate', 5]]) }]);
  const reopened = await open(fs);
  assert.equal(reopened.get({ user: 'alice' }, 'producer_byte_rate'), 1024);
  assert.equal(reopened.get({ user: 'bob' }, 'producer_byte_rate'), undefined);
  assert.equal(reopened.get({ 'client-id': 'app' }, 'consumer_byte_rate'), 5);
});
