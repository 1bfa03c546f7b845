// KIP-368 re-authentication: with connections.max.reauth.ms the broker gives the session's
// lifetime in SaslAuthenticate, lets the client authenticate again on the same connection (as
// the same principal only), and closes a connection whose session expired at its next request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Apis } from '@sluice/protocol';
import { RawConnection } from '@sluice/test-kit';

const LIFETIME_MS = 1500;
let broker: Broker;
const warnings: string[] = [];

before(async () => {
  broker = await startBroker({
    log: { info: () => {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) } as never,
    config: {
      listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="a-secret" user_bob="b-secret";',
      'connections.max.reauth.ms': String(LIFETIME_MS),
      'connection.failed.authentication.delay.ms': '0',
    },
  });
});
after(() => broker?.close());

async function authenticate(c: RawConnection, user: string, password: string) {
  const hs = await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' });
  assert.equal(hs.errorCode, 0);
  return c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\0${user}\0${password}`) });
}
const metadata = (c: RawConnection) => c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });

test('the session lifetime is given, re-authentication renews it, and another principal is refused', async () => {
  const c = await RawConnection.open(broker.port);
  const first = await authenticate(c, 'alice', 'a-secret');
  assert.deepEqual([first.errorCode, first.sessionLifetimeMs], [0, BigInt(LIFETIME_MS)]);
  assert.equal((await metadata(c)).brokers.length, 1);
  const again = await authenticate(c, 'alice', 'a-secret');
  assert.deepEqual([again.errorCode, again.sessionLifetimeMs], [0, BigInt(LIFETIME_MS)]);
  assert.equal((await metadata(c)).brokers.length, 1);
  const other = await authenticate(c, 'bob', 'b-secret');
  assert.equal(other.errorCode, 58);
  assert.equal(other.errorMessage, 'Cannot change principals during re-authentication from User:alice: User:bob');
  await assert.rejects(metadata(c), /connection closed by the broker/);
});

test('a connection whose session expired without re-authentication is closed at its next request', async () => {
  const c = await RawConnection.open(broker.port);
  assert.equal((await authenticate(c, 'bob', 'b-secret')).errorCode, 0);
  const expires = Date.now() + LIFETIME_MS;
  // Waiting out the session is the point of this test: the broker's own clock must pass it.
  while (Date.now() <= expires + 50) await new Promise((resolve) => setTimeout(resolve, expires + 60 - Date.now()));
  await assert.rejects(metadata(c), /connection closed by the broker/);
  assert.ok(warnings.some((w) => /Metadata request after the SASL session of User:bob expired \(connections\.max\.reauth\.ms=1500\) without re-authentication/.test(w)), warnings.join('\n'));
});
