// Signed requests between Connect workers (KIP-507) against Kafka Connect 4.3.1's own classes in
// one JVM (java/ConnectPeer, InternalRequests): the headers Kafka's
// InternalRequestSignature.addToRequest puts on a request must be ours for the same key, algorithm
// and body; Kafka's fromHeaders and isValid must accept our signatures and refuse forged ones; and
// the session key length of each algorithm must be what Java's KeyGenerator makes. Keys and bodies
// are seeded random, with the bodies workers really send (task configs, an empty fencing body).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InternalRequestSignature, SIGNATURE_ALGORITHM_HEADER, SIGNATURE_HEADER, sessionKeyLength, signatureHeaders } from '@sluice/connect';
import { Random } from '@sluice/test-kit';
import { ConnectPeer } from './support.js';

const ALGORITHMS = ['HmacSHA256', 'HmacSHA1', 'HmacSHA224', 'HmacSHA384', 'HmacSHA512', 'HmacMD5', 'HmacSHA512/256', 'HmacSHA3-256'];

describe('signed requests between workers against Kafka Connect 4.3.1', { timeout: 120_000 }, () => {
  let peer: ConnectPeer;
  before(async () => {
    peer = await ConnectPeer.start();
  });
  after(async () => {
    await peer?.close();
  });

  async function java(request: Record<string, unknown>): Promise<any> {
    const answer = await peer.ask(request);
    assert.equal(answer.error, undefined, `Java failed: ${answer.error}`);
    return answer.result;
  }

  const random = new Random(507);
  const bodies: Buffer[] = [
    Buffer.alloc(0), // PUT /connectors/{name}/fence sends none
    Buffer.from(JSON.stringify([{ 'connector.class': 'FileStreamSource', file: '/tmp/in.txt', topic: 'lines', 'task.class': 'org.apache.kafka.connect.file.FileStreamSourceTask' }])),
    Buffer.from(JSON.stringify([{ name: 'grüße-✓', 'tasks.max': '2' }, { name: 'x' }])),
    random.bytes(1000),
  ];

  test('our signature headers are the ones Kafka\'s InternalRequestSignature.addToRequest makes', async () => {
    for (const algorithm of ALGORITHMS) {
      for (const body of bodies) {
        const key = random.bytes(sessionKeyLength(algorithm, null));
        const ours = signatureHeaders(key, body, algorithm);
        const kafka = await java({ op: 'signRequest', key: key.toString('base64'), keyAlgorithm: algorithm, algorithm, body: body.toString('base64') });
        assert.deepEqual(ours, kafka, `${algorithm}, a body of ${body.length} bytes`);
      }
    }
  });

  test('Kafka accepts our signed requests and refuses forged ones; we accept Kafka\'s', async () => {
    for (const algorithm of ['HmacSHA256', 'HmacSHA512']) {
      for (const body of bodies) {
        const key = random.bytes(32);
        const headers = signatureHeaders(key, body, algorithm);
        const ask = (h: Record<string, string>, b = body, k = key) => java({ op: 'verifyRequest', key: k.toString('base64'), keyAlgorithm: algorithm, body: b.toString('base64'), headers: h });
        assert.equal(await ask(headers), true);
        assert.equal(await ask(headers, body, random.bytes(32)), false, 'another key');
        assert.equal(await ask(headers, Buffer.concat([body, Buffer.from(' ')])), false, 'other bytes');
        assert.equal(await ask({ [SIGNATURE_HEADER]: headers[SIGNATURE_HEADER] }), null, 'no algorithm header: no signature');

        const kafka = await java({ op: 'signRequest', key: key.toString('base64'), keyAlgorithm: algorithm, algorithm, body: body.toString('base64') });
        const received = InternalRequestSignature.fromHeaders(body, (name) => kafka[name]);
        assert.ok(received !== null);
        assert.equal(received.keyAlgorithm, algorithm);
        assert.equal(received.isValid(key), true);
        assert.equal(received.isValid(random.bytes(32)), false);
      }
    }
    assert.equal(InternalRequestSignature.fromHeaders(Buffer.alloc(0), () => undefined), null);
    assert.throws(() => InternalRequestSignature.fromHeaders(Buffer.alloc(0), (n) => (n === SIGNATURE_ALGORITHM_HEADER ? 'HmacSHA256' : 'not base64!')), /not base64/);
  });

  test('session keys have the length Java\'s KeyGenerator makes, by default and for inter.worker.key.size', async () => {
    for (const algorithm of ALGORITHMS) {
      assert.equal(sessionKeyLength(algorithm, null), await java({ op: 'keyLength', algorithm }), `${algorithm}'s default`);
    }
    for (const sizeBits of [128, 512, 100]) {
      assert.equal(sessionKeyLength('HmacSHA256', sizeBits), await java({ op: 'keyLength', algorithm: 'HmacSHA256', sizeBits }), `${sizeBits} bits`);
    }
  });
});
