// Bad SASL input, on Sluice and on Apache Kafka 4.3.1: malformed and wrong PLAIN and SCRAM
// exchanges sent byte for byte to both brokers' SASL_PLAINTEXT listeners (the same users), each
// step's answer (error code, message, whether a challenge came back) and whether the connection
// is closed after it compared, Kafka's being the expected ones; then, on Sluice, exchanges cut in
// the middle (after SCRAM's first message, inside a frame) leave no connection behind and the
// broker serving.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { startBroker, type Broker } from '@sluice/broker';
import { Apis, errorName } from '@sluice/protocol';
import { RawConnection, eventually, startApacheKafka, type ApacheKafka } from '@sluice/test-kit';
import { alterScram, scramUpsertion } from './scram-requests.ts';

const ALICE = { name: 'alice', password: 'alice-secret' };
const SETTINGS = {
  'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256',
  'connection.failed.authentication.delay.ms': '0',
};
const PLAIN_JAAS = `org.apache.kafka.common.security.plain.PlainLoginModule required user_${ALICE.name}="${ALICE.password}";`;
const SCRAM_JAAS = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

let sluice: Broker;
let kafka: ApacheKafka;
let ports: { name: string; port: number }[] = [];

before(async () => {
  // Each broker is kept as soon as it is up, so that `after` stops it even when the other failed
  // to start (a Sluice broker left listening keeps this file's process, and the run, waiting for ever).
  const started = await Promise.allSettled([
    startBroker({
      port: 0,
      config: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': PLAIN_JAAS,
        ...SETTINGS,
      },
    }).then((b) => (sluice = b)),
    startApacheKafka({
      extraListeners: { SASL: 'SASL_PLAINTEXT' },
      formatArgs: ['--add-scram', `SCRAM-SHA-256=[name=${ALICE.name},password=${ALICE.password}]`],
      config: { 'listener.name.sasl.plain.sasl.jaas.config': PLAIN_JAAS, 'listener.name.sasl.scram-sha-256.sasl.jaas.config': SCRAM_JAAS, ...SETTINGS },
    }).then((k) => (kafka = k)),
  ]);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  const admin = await RawConnection.open(sluice.listeners.PLAINTEXT.port);
  try {
    assert.equal((await alterScram(admin, { upsertions: [scramUpsertion(ALICE.name, 'SHA-256', ALICE.password)], deletions: [] })).results[0].errorCode, 0);
  } finally {
    admin.close();
  }
  ports = [
    { name: 'Apache Kafka', port: Number(kafka.listeners.SASL!.split(':')[1]) },
    { name: 'Sluice', port: sluice.listeners.SASL_PLAINTEXT.port },
  ];
}, { timeout: 300_000 });

after(async () => {
  await Promise.allSettled([sluice?.close(), kafka?.stop()]);
});

/** The tokens sent after a SaslHandshake; a function gets the previous answer (SCRAM's server-first). */
type Token = Buffer | ((previous: Buffer) => Buffer);
interface Exchange {
  label: string;
  mechanism: string;
  tokens: Token[];
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const CLIENT_NONCE = 'fyko+d2lbbFgONRv9qkxdawL';
const scramFirst = (user: string) => utf8(`n,,n=${user},r=${CLIENT_NONCE}`);
/** The server's nonce (which begins with ours) from its server-first message. */
const serverNonce = (serverFirst: Buffer) => /(?:^|,)r=([^,]+)/.exec(serverFirst.toString())?.[1] ?? '';
const proof = () => randomBytes(32).toString('base64');

const EXCHANGES: Exchange[] = [
  { label: 'PLAIN without separators', mechanism: 'PLAIN', tokens: [utf8('garbage')] },
  { label: 'PLAIN with an empty user name', mechanism: 'PLAIN', tokens: [utf8(`\0\0${ALICE.password}`)] },
  { label: 'PLAIN with an empty password', mechanism: 'PLAIN', tokens: [utf8(`\0${ALICE.name}\0`)] },
  { label: 'PLAIN for another authorization id', mechanism: 'PLAIN', tokens: [utf8(`bob\0${ALICE.name}\0${ALICE.password}`)] },
  { label: 'PLAIN with a wrong password', mechanism: 'PLAIN', tokens: [utf8(`\0${ALICE.name}\0wrong`)] },
  { label: 'SCRAM client-first that is not SCRAM', mechanism: 'SCRAM-SHA-256', tokens: [utf8('hello')] },
  { label: 'SCRAM client-first for an unknown user', mechanism: 'SCRAM-SHA-256', tokens: [scramFirst('nobody')] },
  { label: 'SCRAM client-first with a channel binding', mechanism: 'SCRAM-SHA-256', tokens: [utf8(`p=tls-unique,,n=${ALICE.name},r=${CLIENT_NONCE}`)] },
  { label: 'SCRAM client-final with another nonce', mechanism: 'SCRAM-SHA-256', tokens: [scramFirst(ALICE.name), () => utf8(`c=biws,r=${CLIENT_NONCE}other,p=${proof()}`)] },
  { label: 'SCRAM client-final with a wrong proof', mechanism: 'SCRAM-SHA-256', tokens: [scramFirst(ALICE.name), (first) => utf8(`c=biws,r=${serverNonce(first)},p=${proof()}`)] },
  { label: 'SCRAM client-final with another channel binding', mechanism: 'SCRAM-SHA-256', tokens: [scramFirst(ALICE.name), (first) => utf8(`c=eSws,r=${serverNonce(first)},p=${proof()}`)] },
  { label: 'SCRAM client-final that is not SCRAM', mechanism: 'SCRAM-SHA-256', tokens: [scramFirst(ALICE.name), () => utf8('\u0000\u0001\u0002')] },
  { label: 'an empty token', mechanism: 'SCRAM-SHA-256', tokens: [Buffer.alloc(0)] },
];

/** Each step's answer, then whether the connection still answers (an ApiVersions). */
async function outcome(port: number, exchange: Exchange): Promise<string[]> {
  const c = await RawConnection.open(port);
  const steps: string[] = [];
  try {
    const handshake = await c.request(Apis.SaslHandshake, 1, { mechanism: exchange.mechanism });
    steps.push(`handshake ${errorName(handshake.errorCode)}`);
    let previous = Buffer.alloc(0);
    for (const token of exchange.tokens) {
      const r = await c.request(Apis.SaslAuthenticate, 2, { authBytes: typeof token === 'function' ? token(previous) : token });
      previous = r.authBytes;
      steps.push(`${errorName(r.errorCode)} ${JSON.stringify(r.errorMessage)}${r.authBytes.length > 0 ? ' (a challenge)' : ''}`);
      if (r.errorCode !== 0) break;
    }
    // Closed by the broker, or not: an ApiVersions tells (a closed connection rejects it).
    if (c.closed) throw new Error('connection closed by the broker');
    const versions = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' }).then(
      (v) => `still open (ApiVersions ${errorName(v.errorCode)})`,
      () => 'closed',
    );
    steps.push(versions);
  } catch (e) {
    steps.push(`closed (${(e as Error).message})`);
  } finally {
    c.close();
  }
  return steps;
}

test('malformed and wrong PLAIN and SCRAM exchanges are answered as Apache Kafka 4.3.1 answers them', { timeout: 120_000 }, async () => {
  const differences: string[] = [];
  for (const exchange of EXCHANGES) {
    const [onKafka, onSluice] = await Promise.all(ports.map(({ port }) => outcome(port, exchange)));
    if (JSON.stringify(onKafka) !== JSON.stringify(onSluice)) differences.push(`${exchange.label}\n  Kafka:  ${onKafka!.join(' | ')}\n  Sluice: ${onSluice!.join(' | ')}`);
    // Every one of them fails on Kafka: none is a login that two brokers could both wrongly refuse.
    assert.ok(onKafka!.some((s) => /AUTHENTICATION_FAILED|ILLEGAL_SASL_STATE|closed/.test(s)), `${exchange.label} on Kafka: ${onKafka!.join(' | ')}`);
  }
  assert.deepEqual(differences, [], `Sluice answers ${differences.length} of ${EXCHANGES.length} exchanges otherwise:\n${differences.join('\n')}`);
});

test('exchanges cut in the middle leave no connection behind, and the broker serves on', { timeout: 60_000 }, async () => {
  const port = sluice.listeners.SASL_PLAINTEXT.port;
  // The refused exchanges above sent an ApiVersions after their failure, then closed: all gone.
  await eventually('the refused connections closed', () => sluice.network.connections === 0, 30_000);
  // SCRAM cut after the server's first message: the server holds its nonce for this connection.
  const cutScram = await RawConnection.open(port);
  await cutScram.request(Apis.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-256' });
  const first = await cutScram.request(Apis.SaslAuthenticate, 2, { authBytes: scramFirst(ALICE.name) });
  assert.equal(first.errorCode, 0);
  cutScram.close();
  // A SaslAuthenticate frame cut in the middle: its size says 200 bytes, 20 arrive, then the client goes.
  await new Promise<void>((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      const header = Buffer.alloc(4);
      header.writeInt32BE(200);
      s.end(Buffer.concat([header, randomBytes(20)]), () => resolve());
    });
    s.on('error', reject);
  });
  // A handshake frame cut after its size.
  await new Promise<void>((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => s.end(Buffer.from([0, 0, 0, 40]), () => resolve()));
    s.on('error', reject);
  });
  await eventually('every cut connection closed by the broker', () => sluice.network.connections === 0, 30_000);
  // And a whole exchange still logs in.
  const c = await RawConnection.open(port);
  try {
    assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, 0);
    assert.equal((await c.request(Apis.SaslAuthenticate, 2, { authBytes: utf8(`\0${ALICE.name}\0${ALICE.password}`) })).errorCode, 0);
    const metadata = await c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(metadata.brokers[0].port, port);
  } finally {
    c.close();
  }
});
