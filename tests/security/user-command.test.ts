// `sluice user add|list|delete` manages the SCRAM users of a Sluice broker through the admin API;
// a user added so authenticates, a deleted one no longer does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Admin, KafkaError, scramMechanism } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { sluiceInProcess } from '../e2e/sluice-in-process.ts';

let broker: Broker;
const sluice = (args: string[], input?: string) => sluiceInProcess(args, { bootstrap: broker.bootstrap, input });

before(async () => {
  broker = await startBroker({ config: { listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0', 'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512', 'connection.failed.authentication.delay.ms': '0' } });
});
after(() => broker?.close());

async function listTopicsAs(username: string, password: string, algorithm: 'SHA-256' | 'SHA-512'): Promise<string[]> {
  const admin = new Admin({ bootstrapServers: broker.listeners.SASL_PLAINTEXT.bootstrap, requestTimeoutMs: 5000, sasl: scramMechanism({ username, password, algorithm }) });
  try {
    return await admin.listTopics({ timeoutMs: 10_000 });
  } finally {
    await admin.close();
  }
}

test('sluice user add (password from standard input), list, delete one mechanism, delete the rest', { timeout: 120_000 }, async () => {
  const added = await sluice(['user', 'add', 'dave'], 'dave-password\n');
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, 'Set the SCRAM-SHA-256 and SCRAM-SHA-512 credentials of user dave.\n');
  assert.equal((await sluice(['user', 'add', 'erin', '--password', 'erin-password', '--mechanism', 'scram-sha-512', '--iterations', '8192'])).code, 0);
  const listed = await sluice(['user', 'list']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(
    listed.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/)),
    [
      ['USER', 'MECHANISM', 'ITERATIONS'],
      ['dave', 'SCRAM-SHA-256', '4096'],
      ['dave', 'SCRAM-SHA-512', '4096'],
      ['erin', 'SCRAM-SHA-512', '8192'],
    ],
  );
  for (const algorithm of ['SHA-256', 'SHA-512'] as const) assert.ok(Array.isArray(await listTopicsAs('dave', 'dave-password', algorithm)));

  const weak = await sluice(['user', 'add', 'frank', '--password', 'x', '--iterations', '100']);
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /Too few iterations: 100, at least 4096 for SCRAM-SHA-256/);
  const noPassword = await sluice(['user', 'add', 'frank'], '');
  assert.equal(noPassword.code, 2);
  assert.match(noPassword.stderr, /no password: give it on the first line of standard input, or with --password/);

  assert.equal((await sluice(['user', 'delete', 'dave', '--mechanism', 'SCRAM-SHA-256'])).stdout, 'Deleted the SCRAM-SHA-256 credentials of user dave.\n');
  await assert.rejects(listTopicsAs('dave', 'dave-password', 'SHA-256'), (e: unknown) => e instanceof KafkaError && e.code === 'SASL_AUTHENTICATION_FAILED');
  assert.ok(Array.isArray(await listTopicsAs('dave', 'dave-password', 'SHA-512')));
  assert.equal((await sluice(['user', 'delete', 'dave'])).stdout, 'Deleted the SCRAM-SHA-512 credentials of user dave.\n');
  const again = await sluice(['user', 'delete', 'dave']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /user dave has no SCRAM credentials; 'sluice user list' shows the users/);
  assert.deepEqual((await sluice(['user', 'list'])).stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/)[0]), ['erin']);
});
