// A failed login is answered only after connection.failed.authentication.delay.ms, as Kafka does,
// whether it came through SaslAuthenticate or as a bare token after a v0 SaslHandshake (which
// once answered at once, letting a password guesser skip the delay). Ordered, not timed: while a
// failed login waits out a delay of ten minutes, another client logs in and is served, and the
// failed ones are still neither answered nor closed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Apis } from '@sluice/protocol';
import { RawConnection, eventually } from '@sluice/test-kit';

let broker: Broker;
const warnings: string[] = [];
before(async () => {
  broker = await startBroker({
    log: { info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} } as never,
    config: {
      listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
      'listener.security.protocol.map': 'SASL_PLAINTEXT:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";',
      'connection.failed.authentication.delay.ms': '600000',
    },
  });
});
after(async () => {
  await broker?.close();
});

const plainToken = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`);
const port = () => broker.listeners.SASL_PLAINTEXT.port;

function watchClose(c: RawConnection): { closed: boolean } {
  const state = { closed: false };
  c.socket.once('close', () => (state.closed = true));
  return state;
}

test('a wrong password is neither answered nor closed before the delay, through SaslAuthenticate or a v0 bare token', async () => {
  const v0 = await RawConnection.open(port());
  const v0State = watchClose(v0);
  assert.equal((await v0.request(Apis.SaslHandshake, 0, { mechanism: 'PLAIN' })).errorCode, 0);
  const token = plainToken('alice', 'wrong');
  const size = Buffer.alloc(4);
  size.writeInt32BE(token.length);
  let v0Answered = false;
  v0.send([size, token]).then(
    () => (v0Answered = true),
    () => (v0Answered = true),
  );

  const v1 = await RawConnection.open(port());
  const v1State = watchClose(v1);
  assert.equal((await v1.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, 0);
  let v1Answered = false;
  v1.request(Apis.SaslAuthenticate, 2, { authBytes: plainToken('alice', 'wrong') }).then(
    () => (v1Answered = true),
    () => (v1Answered = true),
  );

  // Meanwhile a client with the right password logs in and is served.
  const good = await RawConnection.open(port());
  assert.equal((await good.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, 0);
  assert.equal((await good.request(Apis.SaslAuthenticate, 2, { authBytes: plainToken('alice', 'alice-secret') })).errorCode, 0);
  const metadata = await good.request(Apis.Metadata, 12, { topics: [], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
  assert.equal(metadata.brokers.length, 1);
  // Both failures are decided (logged); an answer or a close sent then would be in before one more round trip.
  await eventually('both failed logins logged', () => warnings.filter((w) => w.includes('failed authentication')).length >= 2);
  await good.request(Apis.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' });

  assert.deepEqual({ v0Answered, v0Closed: v0State.closed, v1Answered, v1Closed: v1State.closed }, { v0Answered: false, v0Closed: false, v1Answered: false, v1Closed: false });
  for (const c of [v0, v1, good]) c.close();
});
