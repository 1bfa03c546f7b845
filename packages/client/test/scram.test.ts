// SCRAM against the example exchange of RFC 7677 (section 3): user "user", password "pencil".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaError, scramMechanism, type SaslSession } from '../src/index.ts';

const CLIENT_NONCE = 'rOprNGfwEbeRWgbNEkqO';
const SERVER_FIRST = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
const CLIENT_FINAL = 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=';
const SERVER_FINAL = 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=';

/** A broker that answers with `replies` in turn and records what it was sent. */
function session(replies: string[]): SaslSession & { sent: string[] } {
  const sent: string[] = [];
  return {
    host: '127.0.0.1',
    port: 9092,
    sent,
    async send(token) {
      sent.push(token.toString('utf8'));
      return Buffer.from(replies.shift() ?? '', 'utf8');
    },
  };
}

const rfcClient = (password = 'pencil') => scramMechanism({ username: 'user', password, algorithm: 'SHA-256' }, () => CLIENT_NONCE);

test('SCRAM-SHA-256 sends the RFC 7677 messages and accepts the server signature', async () => {
  const broker = session([SERVER_FIRST, SERVER_FINAL]);
  const mechanism = rfcClient();
  assert.equal(mechanism.mechanism, 'SCRAM-SHA-256');
  await mechanism.authenticate(broker);
  assert.deepEqual(broker.sent, [`n,,n=user,r=${CLIENT_NONCE}`, CLIENT_FINAL]);
});

test('a server signature that does not match is refused (the broker does not hold the password)', async () => {
  const broker = session([SERVER_FIRST, 'v=' + Buffer.alloc(32).toString('base64')]);
  await assert.rejects(rfcClient().authenticate(broker), (e) => e instanceof KafkaError && e.code === 'AUTHENTICATION_FAILED' && /signature/.test(e.message));
});

test('a server nonce that does not extend the client nonce, or too few iterations, is refused', async () => {
  await assert.rejects(rfcClient().authenticate(session(['r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096'])), /nonce/);
  await assert.rejects(rfcClient().authenticate(session([`r=${CLIENT_NONCE}xyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1000`])), /1000 iterations/);
  await assert.rejects(rfcClient().authenticate(session(['e=unknown-user'])), /unknown-user/);
});

test('user names escape "," and "="', async () => {
  const broker = session(['e=stop']);
  await assert.rejects(scramMechanism({ username: 'a,b=c', password: 'x' }, () => 'n0nce').authenticate(broker));
  assert.equal(broker.sent[0], 'n,,n=a=2Cb=3Dc,r=n0nce');
});
