// SASL/OAUTHBEARER: on one listener unsigned tokens as Kafka's default (unsecured) validator takes
// them, used by confluent-kafka-python's own unsecured-token builder; on another, RS256 and ES256
// tokens checked against a JWKS file with an expected audience and issuer. Expired, unsigned,
// wrongly signed or mis-addressed tokens are refused as Kafka refuses them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { Apis } from '@sluice/protocol';
import { CONFLUENT_KAFKA_VERSION, RawConnection, pythonVenv, run } from '@sluice/test-kit';

const script = join(dirname(fileURLToPath(import.meta.url)), 'python', 'secure_roundtrip.py');
let dir: string;
let broker: Broker;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const requests: BrokerRequestMessage[] = [];
const record = (m: unknown) => requests.push(m as BrokerRequestMessage);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-oauth-'));
  const jwks = { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' }, { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256', use: 'sig' }] };
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks));
  broker = await startBroker({
    config: {
      listeners: 'PLAINTEXT://127.0.0.1:0,UNSECURED://127.0.0.1:0,SECURED://127.0.0.1:0',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,UNSECURED:SASL_PLAINTEXT,SECURED:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms': 'OAUTHBEARER',
      'listener.name.secured.sasl.oauthbearer.jwks.endpoint.url': `file://${join(dir, 'jwks.json')}`,
      'listener.name.secured.sasl.oauthbearer.expected.audience': 'sluice',
      'listener.name.secured.sasl.oauthbearer.expected.issuer': 'https://issuer.test',
      'connection.failed.authentication.delay.ms': '0',
      'listener.name.secured.connections.max.reauth.ms': '3600000',
    },
  });
  diagnosticsChannel.subscribe(BrokerChannels.request, record);
});
after(async () => {
  diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
  await broker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function jwt(alg: 'RS256' | 'ES256' | 'none', claims: Record<string, unknown>, key?: KeyObject, kid?: string): string {
  const head = `${b64({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64(claims)}`;
  if (alg === 'none') return `${head}.`;
  const signature = sign('sha256', Buffer.from(head), alg === 'ES256' ? { key: key!, dsaEncoding: 'ieee-p1363' } : key!);
  return `${head}.${signature.toString('base64url')}`;
}

/** SaslHandshake + SaslAuthenticate with the token; the answers, and the connection's principal after. */
async function login(listener: string, token: string): Promise<{ errorCode: number; errorMessage: string | null; principal?: string }> {
  const c = await RawConnection.open(broker.listeners[listener].port);
  try {
    assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'OAUTHBEARER' })).errorCode, 0);
    let r = await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`n,,\x01auth=Bearer ${token}\x01\x01`) });
    lastLifetimeMs = r.sessionLifetimeMs;
    if (r.errorCode === 0 && r.authBytes.length > 0) {
      assert.deepEqual(JSON.parse(r.authBytes.toString()), { status: 'invalid_token' });
      r = await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from('\x01') });
      return { errorCode: r.errorCode, errorMessage: r.errorMessage };
    }
    const from = requests.length;
    await c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    return { errorCode: r.errorCode, errorMessage: r.errorMessage, principal: requests.slice(from).find((m) => m.apiName === 'Metadata')?.principal };
  } finally {
    c.close();
  }
}

let lastLifetimeMs = 0n;
// Kafka fails the exchange with the error it sent as the challenge (its OAuthBearerSaslServer).
const FAILED = { errorCode: 58, errorMessage: '{"status":"invalid_token"}' };

test('signed tokens: RS256 and ES256 keys of the JWKS accepted; wrong key, unsigned, expired, other audience or issuer refused', async () => {
  const good = { sub: 'svc-orders', aud: ['sluice'], iss: 'https://issuer.test', iat: now(), exp: now() + 300 };
  assert.deepEqual(await login('SECURED', jwt('RS256', good, rsa.privateKey, 'rsa-1')), { errorCode: 0, errorMessage: '', principal: 'User:svc-orders' });
  // With re-authentication on (an hour), the session ends with the token (5 minutes) instead (KIP-368).
  assert.ok(lastLifetimeMs > 0n && lastLifetimeMs <= 300_000n, `session lifetime ${lastLifetimeMs}`);
  assert.deepEqual(await login('SECURED', jwt('ES256', good, ec.privateKey, 'ec-1')), { errorCode: 0, errorMessage: '', principal: 'User:svc-orders' });
  assert.deepEqual(await login('SECURED', jwt('RS256', good, rsa.privateKey)), { errorCode: 0, errorMessage: '', principal: 'User:svc-orders' }, 'no kid: any key of the set');
  for (const [why, token] of [
    ['another key', jwt('RS256', good, stranger.privateKey, 'rsa-1')],
    ['unsigned', jwt('none', good)],
    ['expired', jwt('RS256', { ...good, exp: now() - 120 }, rsa.privateKey, 'rsa-1')],
    ['other audience', jwt('RS256', { ...good, aud: 'elsewhere' }, rsa.privateKey, 'rsa-1')],
    ['other issuer', jwt('RS256', { ...good, iss: 'https://evil.test' }, rsa.privateKey, 'rsa-1')],
    ['not a token', 'garbage'],
  ] as const) {
    assert.deepEqual(await login('SECURED', token), FAILED, why);
  }
});

test("unsecured tokens, as Kafka's default validator, from confluent-kafka-python's own token builder", { timeout: 600_000 }, async () => {
  assert.deepEqual(await login('UNSECURED', jwt('none', { sub: 'dev', exp: now() + 60 })), { errorCode: 0, errorMessage: '', principal: 'User:dev' });
  assert.equal(lastLifetimeMs, 0n, 'no re-authentication on this listener');
  assert.deepEqual(await login('UNSECURED', jwt('none', { sub: 'dev', exp: now() - 120 })), FAILED);
  assert.deepEqual(await login('UNSECURED', jwt('none', { exp: now() + 60 })), FAILED, 'no sub');
  const python = await pythonVenv('py-confluent-kafka', [`confluent-kafka==${CONFLUENT_KAFKA_VERSION}`]);
  const from = requests.length;
  const settings = { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'OAUTHBEARER', 'enable.sasl.oauthbearer.unsecure.jwt': 'true', 'sasl.oauthbearer.config': 'principal=alice' };
  const out = await run(python, [script, broker.listeners.UNSECURED.bootstrap, 'oauth-topic', '100', JSON.stringify(settings)], { timeoutMs: 300_000 });
  assert.deepEqual(JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop()!), { undelivered: 0, read: 100, firstError: null });
  // Every request after authentication (ApiVersions and the SASL ones come before it) is alice's.
  const authenticated = requests.slice(from).filter((r) => r.listener === 'UNSECURED' && !['ApiVersions', 'SaslHandshake', 'SaslAuthenticate'].includes(r.apiName));
  assert.ok(authenticated.some((r) => r.apiName === 'Produce') && authenticated.some((r) => r.apiName === 'Fetch'));
  assert.deepEqual(new Set(authenticated.map((r) => r.principal)), new Set(['User:alice']));
});
