// Signed requests between Connect workers (KIP-507) against Kafka Connect 4.3.1's own classes in
// one JVM (java/ConnectPeer, InternalRequests): the headers Kafka's
// InternalRequestSignature.addToRequest puts on a request must be ours for the same key, algorithm
// and body; Kafka's fromHeaders and isValid must accept our signatures and refuse forged ones; and
// the session key length of each algorithm must be what Java's KeyGenerator makes. Keys and bodies
// are seeded random, with the bodies workers really send (task configs, an empty fencing body).
// The headers are read as Kafka's fromHeaders reads them: the signature with Java's base64 decoder
// (padding optional; what it refuses refused with its message), the algorithm found whatever its
// case but kept as sent, and the signing settings kept as written (Kafka's DistributedConfig), so
// that the leader's case-sensitive lookup of the algorithm in its verification list is Kafka's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectRestError, InternalRequestSignature, SIGNATURE_ALGORITHM_HEADER, SIGNATURE_HEADER, WorkerConfig, interWorkerSigningSettings, sessionKeyLength, signatureHeaders } from '@sluice/connect';
import { Random } from '@sluice/test-kit';
import { ConnectPeer } from './support.ts';

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

  /** What our fromHeaders makes of two headers, in the form of the peer's readSignature answer. */
  function ours(headers: Record<string, string>): unknown {
    try {
      const signature = InternalRequestSignature.fromHeaders(Buffer.alloc(0), (name) => headers[name]);
      return signature === null ? null : { keyAlgorithm: signature.keyAlgorithm, signature: signature.signature.toString('base64') };
    } catch (e) {
      if (!(e instanceof ConnectRestError) || e.status !== 400) throw e;
      return { badRequest: e.message };
    }
  }

  /** Ours equals Kafka's answer; a refusal's message starts with Kafka's (ours goes on to say what to send). */
  function assertReadAsKafka(kafka: any, headers: Record<string, string>, what: string): void {
    const answer = ours(headers) as any;
    if (kafka !== null && typeof kafka.badRequest === 'string') {
      assert.equal(typeof answer?.badRequest, 'string', `${what}: Kafka refuses it (${kafka.badRequest}), we took it`);
      assert.ok(answer.badRequest.startsWith(kafka.badRequest), `${what}: "${answer.badRequest}" should start with Kafka's "${kafka.badRequest}"`);
    } else {
      assert.deepEqual(answer, kafka, what);
    }
  }

  test('the signature header is read as Kafka reads it (Java\'s base64 decoder): padding may be left out', async () => {
    const key = random.bytes(32);
    const body = bodies[1]!;
    const padded = signatureHeaders(key, body, 'HmacSHA256');
    assert.match(padded[SIGNATURE_HEADER]!, /=$/, 'a 32-byte HMAC is 43 characters and one =');
    const unpadded: Record<string, string> = { ...padded, [SIGNATURE_HEADER]: padded[SIGNATURE_HEADER]!.replace(/=+$/, '') };
    assert.equal(await java({ op: 'verifyRequest', key: key.toString('base64'), keyAlgorithm: 'HmacSHA256', body: body.toString('base64'), headers: unpadded }), true, 'Kafka takes the signature without its padding');
    const received = InternalRequestSignature.fromHeaders(body, (name) => unpadded[name]);
    assert.equal(received?.isValid(key), true, 'and so do we');

    // Hand-picked edges of Java's decoder, then seeded random strings over the alphabet, '=' and a few strangers.
    const cases = ['', 'Q', 'QQ', 'QQ=', 'QQ==', 'QQ==Q', 'QQ=Q', 'QUI', 'QUI=', 'QUI==', 'QUJD', 'QUJD=', '=', '==', 'Q=', 'QR', 'QUJDRA', 'QUJDRA=', 'QUJDRA==x', 'QU JD', 'QUJD\n', 'QU-_', 'QUé=', 'Q€JD', 'QUJD😀'];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const strangers = [' ', '-', '_', '.', '\t', 'é', 'ÿ', '€'];
    for (let i = 0; i < 400; i++) {
      const length = random.int(0, 10);
      let text = '';
      for (let j = 0; j < length; j++) text += random.chance(0.12) ? '=' : random.chance(0.03) ? random.pick(strangers) : random.pick(alphabet.split(''));
      cases.push(text);
    }
    for (const text of cases) {
      const headers = { [SIGNATURE_ALGORITHM_HEADER]: 'HmacSHA256', [SIGNATURE_HEADER]: text };
      assertReadAsKafka(await java({ op: 'readSignature', headers }), headers, `signature ${JSON.stringify(text)}`);
    }
  });

  test('the algorithm header is found whatever its case and kept as sent, and the signing settings as written, as Kafka\'s', async () => {
    const signature = signatureHeaders(random.bytes(32), bodies[1]!, 'HmacSHA256')[SIGNATURE_HEADER]!;
    for (const algorithm of ['HmacSHA256', 'hmacsha256', 'HMACSHA256', 'HmacSha512', 'HmacWhirlpool']) {
      const headers = { [SIGNATURE_ALGORITHM_HEADER]: algorithm, [SIGNATURE_HEADER]: signature };
      assertReadAsKafka(await java({ op: 'readSignature', headers }), headers, `algorithm ${algorithm}`);
    }
    // The leader accepts the algorithms of its verification list, looked up as named (Kafka's
    // DistributedHerder: List.contains of keyAlgorithm()): the list must be Kafka's, spelling included.
    const base = { 'bootstrap.servers': '127.0.0.1:9092', 'group.id': 'g', 'config.storage.topic': 'c', 'offset.storage.topic': 'o', 'status.storage.topic': 's', 'key.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter' };
    const variants: Record<string, string>[] = [
      {},
      { 'inter.worker.signature.algorithm': 'hmacsha256' },
      { 'inter.worker.signature.algorithm': 'hmacsha256', 'inter.worker.verification.algorithms': 'hmacsha256,HmacSHA512' },
      { 'inter.worker.signature.algorithm': 'HmacSHA512', 'inter.worker.verification.algorithms': 'HMACSHA512,HmacSHA256' },
      { 'inter.worker.verification.algorithms': 'HmacSHA256,HmacWhirlpool' },
    ];
    for (const variant of variants) {
      const kafka = await java({ op: 'signingSettings', settings: { ...base, ...variant } });
      let answer: unknown;
      try {
        const settings = interWorkerSigningSettings(new WorkerConfig({ ...base, ...variant }));
        answer = { signatureAlgorithm: settings.signatureAlgorithm, verificationAlgorithms: settings.verificationAlgorithms };
      } catch (e) {
        answer = { configError: (e as Error).message };
      }
      if (typeof kafka.configError === 'string') {
        assert.equal(typeof (answer as any).configError, 'string', `${JSON.stringify(variant)}: Kafka refuses it (${kafka.configError}), we took it`);
        const message = (answer as any).configError as string;
        if (/not supported/.test(kafka.configError)) {
          // An algorithm this worker does not have: the same setting and algorithm named (the list of those supported is each side's own).
          const [, algorithm, setting] = /^Invalid value (\S+) for configuration (\S+):/.exec(kafka.configError)!.map(String);
          assert.ok(message.includes(`for configuration ${setting}:`) && message.includes(algorithm!), `${JSON.stringify(variant)}: ${message} / Kafka's ${kafka.configError}`);
        } else {
          assert.equal(message, kafka.configError, JSON.stringify(variant));
        }
      } else {
        assert.deepEqual(answer, kafka, JSON.stringify(variant));
      }
    }
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
