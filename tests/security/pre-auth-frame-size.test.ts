// Before a client has logged in on a SASL listener, only frames up to sasl.server.max.receive.size
// (Kafka's name and default, 512 KiB) are read: a larger size prefix closes the connection before
// any memory is set aside for it, so strangers sending just a size prefix cannot hold the broker's
// memory of requests in flight (queued.max.request.bytes) and stall every other client.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Admin, plainMechanism, Producer } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { Apis } from '@sluice/protocol';
import { RawConnection, eventually } from '@sluice/test-kit';

const ALICE = { username: 'alice', password: 'alice-secret' };

describe('frames before SASL authentication are capped at sasl.server.max.receive.size', { timeout: 300_000 }, () => {
  let broker: Broker;
  const logged: string[] = [];

  before(async () => {
    broker = await startBroker({
      log: { info: () => {}, warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) } as never,
      config: {
        listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
        'listener.security.protocol.map': 'SASL_PLAINTEXT:SASL_PLAINTEXT',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="${ALICE.password}";`,
        'connection.failed.authentication.delay.ms': '0',
        // Long enough that, without the cap, the stalled produce below would outlast the test.
        'connections.authentication.timeout.ms': '600000',
      },
    });
  });
  after(async () => {
    await broker?.close();
  });

  const port = () => broker.listeners.SASL_PLAINTEXT.port;

  test('two strangers sending only a 100 MB size prefix are closed, and a logged-in client produces meanwhile', async () => {
    const strangers = await Promise.all([RawConnection.open(port()), RawConnection.open(port())]);
    const closed = strangers.map((s) => once(s.socket, 'close'));
    // 0x05F5E100 = 100,000,000 bytes: under socket.request.max.bytes; two of them would take queued.max.request.bytes.
    for (const s of strangers) s.socket.write(Buffer.from([0x05, 0xf5, 0xe1, 0x00]));
    const options = { bootstrapServers: broker.listeners.SASL_PLAINTEXT.bootstrap, sasl: plainMechanism(ALICE) };
    const admin = new Admin(options);
    const producer = new Producer(options);
    try {
      await admin.createTopics([{ name: 'pre-auth', numPartitions: 1 }]);
      await producer.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: 'pre-auth', key: `k${i}`, value: Buffer.alloc(10_000, i) })));
    } finally {
      await producer.close();
      await admin.close();
    }
    await Promise.all(closed);
    await eventually('logged', () => logged.some((l) => /request of 100000000 bytes before authentication exceeds sasl\.server\.max\.receive\.size \(524288\)/.test(l)));
  });

  test('a 600 KB SaslAuthenticate before login closes the connection; a 400 KB one is answered', async () => {
    async function authenticate(padding: number): Promise<{ errorCode: number }> {
      const c = await RawConnection.open(port());
      try {
        assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, 0);
        return await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\0alice\0${'x'.repeat(padding)}`) });
      } finally {
        c.close();
      }
    }
    // Served: a wrong password is refused with SASL_AUTHENTICATION_FAILED (58), not a closed connection.
    assert.equal((await authenticate(400_000)).errorCode, 58);
    await assert.rejects(authenticate(600_000), /connection closed by the broker/);
  });
});
