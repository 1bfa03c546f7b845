/**
 * SASL/SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677) as Kafka speaks them: no channel
 * binding (`n,,`), the password's UTF-8 bytes without SASLprep (Kafka's ScramFormatter does the
 * same), and at least 4096 iterations, the minimum Kafka's own client accepts.
 */
import { createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { ClientErrorCode, KafkaError } from '../errors.ts';
import type { SaslMechanism } from './sasl.ts';

const pbkdf2Async = promisify(pbkdf2);
const MIN_ITERATIONS = 4096;

export type ScramAlgorithm = 'SHA-256' | 'SHA-512';

export interface ScramCredentials {
  username: string;
  password: string;
  /** Default 'SHA-512'. */
  algorithm?: ScramAlgorithm;
}

const HASHES = { 'SHA-256': { digest: 'sha256', bytes: 32 }, 'SHA-512': { digest: 'sha512', bytes: 64 } } as const;

/**
 * SASL/SCRAM: `sasl: scramMechanism({ username, password, algorithm: 'SHA-256' })`. `clientNonce`
 * replaces the random nonce, for replaying a known exchange in tests.
 */
export function scramMechanism(credentials: ScramCredentials, clientNonce: () => string = () => randomBytes(24).toString('base64url')): SaslMechanism {
  const algorithm = credentials.algorithm ?? 'SHA-512';
  const { digest, bytes } = HASHES[algorithm];
  const mechanism = `SCRAM-${algorithm}`;
  const hmac = (key: Buffer, text: string) => createHmac(digest, key).update(text, 'utf8').digest();
  const fail = (why: string) => new KafkaError(ClientErrorCode.AUTHENTICATION_FAILED, `${mechanism}: ${why}`);

  return {
    mechanism,
    async authenticate(session) {
      const nonce = clientNonce();
      const clientFirstBare = `n=${saslName(credentials.username)},r=${nonce}`;
      const serverFirst = (await session.send(Buffer.from(`n,,${clientFirstBare}`, 'utf8'))).toString('utf8');
      const fields = attributes(serverFirst);
      if (fields.e !== undefined) throw fail(`the broker refused: ${fields.e}`);
      const serverNonce = fields.r;
      const salt = fields.s;
      const iterations = Number(fields.i);
      if (serverNonce === undefined || salt === undefined || !Number.isInteger(iterations)) throw fail(`malformed server-first-message '${serverFirst}'`);
      if (!serverNonce.startsWith(nonce) || serverNonce.length === nonce.length) throw fail('the broker did not extend the client nonce');
      if (iterations < MIN_ITERATIONS) throw fail(`the broker asks for ${iterations} iterations, fewer than the minimum ${MIN_ITERATIONS}`);

      const saltedPassword = await pbkdf2Async(Buffer.from(credentials.password, 'utf8'), Buffer.from(salt, 'base64'), iterations, bytes, digest);
      const clientKey = hmac(saltedPassword, 'Client Key');
      const storedKey = createHash(digest).update(clientKey).digest();
      const clientFinalWithoutProof = `c=${Buffer.from('n,,').toString('base64')},r=${serverNonce}`;
      const authMessage = `${clientFirstBare},${serverFirst},${clientFinalWithoutProof}`;
      const clientSignature = hmac(storedKey, authMessage);
      const proof = Buffer.alloc(bytes);
      for (let i = 0; i < bytes; i++) proof[i] = clientKey[i]! ^ clientSignature[i]!;

      const serverFinal = (await session.send(Buffer.from(`${clientFinalWithoutProof},p=${proof.toString('base64')}`, 'utf8'))).toString('utf8');
      const final = attributes(serverFinal);
      if (final.e !== undefined) throw fail(`the broker refused: ${final.e}`);
      const expected = hmac(hmac(saltedPassword, 'Server Key'), authMessage);
      const got = Buffer.from(final.v ?? '', 'base64');
      // The broker proves it knows the password too; without this, anyone could pose as it.
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw fail('the broker\'s signature does not match: it does not hold these credentials');
    },
  };
}

/** RFC 5802 saslname: ',' and '=' escaped. */
function saslName(name: string): string {
  return name.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/** `a=1,b=2` into { a: '1', b: '2' } (values may contain '='). */
function attributes(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out[part[0]!] = part.slice(2);
  }
  return out;
}
