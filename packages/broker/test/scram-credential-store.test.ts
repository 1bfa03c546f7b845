// The SCRAM credential store's file: every user name survives a restart (__proto__ included,
// which an object built by assignment drops), and a change whose write fails is not in force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { ScramCredentialStore, credentialFromSaltedPassword } from '../src/security/scram-credentials.ts';

const credential = () => credentialFromSaltedPassword('SCRAM-SHA-256', randomBytes(16), 4096, randomBytes(32));

test('every user name is kept on disk, __proto__ and constructor included', async () => {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  const store = new ScramCredentialStore();
  await store.open(fs, '/data/scram-credentials');
  const names = ['alice', '__proto__', 'constructor', 'toString'];
  await store.apply(names.map((user) => ({ user, mechanism: 'SCRAM-SHA-256' as const, credential: credential() })), []);
  const reopened = new ScramCredentialStore();
  await reopened.open(fs, '/data/scram-credentials');
  assert.deepEqual([...reopened.describe().keys()].sort(), [...names].sort());
  for (const user of names) assert.ok(reopened.has(user, 'SCRAM-SHA-256'), user);
});

test('a change whose write fails is not in force, and the next one applies on what was written', async () => {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  const store = new ScramCredentialStore();
  await store.open(fs, '/data/scram-credentials');
  await store.apply([{ user: 'alice', mechanism: 'SCRAM-SHA-256', credential: credential() }], []);
  fs.failNextWrite();
  await assert.rejects(store.apply([{ user: 'mallory', mechanism: 'SCRAM-SHA-256', credential: credential() }], [{ user: 'alice', mechanism: 'SCRAM-SHA-256' }]));
  assert.ok(store.has('alice', 'SCRAM-SHA-256'), 'the failed deletion left alice in force');
  assert.ok(!store.has('mallory', 'SCRAM-SHA-256'), 'the failed upsert is not in force');
  await store.apply([{ user: 'bob', mechanism: 'SCRAM-SHA-512', credential: credential() }], []);
  const reopened = new ScramCredentialStore();
  await reopened.open(fs, '/data/scram-credentials');
  assert.deepEqual([...reopened.describe().keys()].sort(), ['alice', 'bob']);
});

test('a stored credential of another shape stops the open, naming the file, the user and what to do', async () => {
  const good = { salt: 'c2FsdA==', iterations: 4096, storedKey: 'a2V5', serverKey: 'a2V5' };
  const cases: [object, RegExp][] = [
    [{ ...good, iterations: '4096' }, /\/data\/scram-credentials holds a SCRAM-SHA-256 credential of the user alice that cannot be used: iterations "4096" is not a whole number of at least 1; correct or remove it/],
    [{ ...good, storedKey: 7 }, /credential of the user alice that cannot be used: storedKey is not a base64 string/],
    [{ ...good, salt: undefined }, /salt is not a base64 string/],
  ];
  for (const [credential, expected] of cases) {
    const fs = new MemoryFileSystem();
    await fs.mkdir('/data');
    await writeFileAtomic(fs, '/data/scram-credentials', Buffer.from(JSON.stringify({ version: 1, users: { alice: { 'SCRAM-SHA-256': credential } } })));
    await assert.rejects(new ScramCredentialStore().open(fs, '/data/scram-credentials'), expected);
  }
});
