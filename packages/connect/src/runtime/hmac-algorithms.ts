/**
 * The HMAC algorithms of signed requests between workers, under Java's names (Mac and KeyGenerator:
 * `HmacSHA256`...), so that a Java worker's settings, headers and session key records mean the
 * same here: Node's digest for each, and the key length Java's KeyGenerator makes by default.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Java's Mac and KeyGenerator names and, for each, Node's digest and Java's default key length in bytes (KeyGenerator.generateKey without init). */
const HMAC_ALGORITHMS: ReadonlyMap<string, { digest: string; defaultKeyBytes: number }> = new Map([
  ['HmacMD5', { digest: 'md5', defaultKeyBytes: 64 }],
  ['HmacSHA1', { digest: 'sha1', defaultKeyBytes: 64 }],
  ['HmacSHA224', { digest: 'sha224', defaultKeyBytes: 28 }],
  ['HmacSHA256', { digest: 'sha256', defaultKeyBytes: 32 }],
  ['HmacSHA384', { digest: 'sha384', defaultKeyBytes: 48 }],
  ['HmacSHA512', { digest: 'sha512', defaultKeyBytes: 64 }],
  ['HmacSHA512/224', { digest: 'sha512-224', defaultKeyBytes: 28 }],
  ['HmacSHA512/256', { digest: 'sha512-256', defaultKeyBytes: 32 }],
  ['HmacSHA3-224', { digest: 'sha3-224', defaultKeyBytes: 28 }],
  ['HmacSHA3-256', { digest: 'sha3-256', defaultKeyBytes: 32 }],
  ['HmacSHA3-384', { digest: 'sha3-384', defaultKeyBytes: 48 }],
  ['HmacSHA3-512', { digest: 'sha3-512', defaultKeyBytes: 64 }],
]);

/** The algorithms this worker can sign, verify and generate keys with (Java's names), for error messages. */
export const SUPPORTED_HMAC_ALGORITHMS: readonly string[] = [...HMAC_ALGORITHMS.keys()];

/** Java's algorithm names are case-insensitive (Mac.getInstance("hmacsha256") works); the canonical spelling, or undefined. */
export function canonicalHmacAlgorithm(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  return SUPPORTED_HMAC_ALGORITHMS.find((a) => a.toLowerCase() === lower);
}

function digestOf(algorithm: string): string {
  const canonical = canonicalHmacAlgorithm(algorithm);
  if (canonical === undefined) throw new Error(`${algorithm} Mac not available`);
  return HMAC_ALGORITHMS.get(canonical)!.digest;
}

/** The HMAC of a request body (Kafka's InternalRequestSignature.sign); an absent body is signed as empty, as Java's Mac.doFinal(null) does. */
export function signRequestBody(key: Uint8Array, body: Uint8Array | string, algorithm: string): Buffer {
  return createHmac(digestOf(algorithm), key).update(body).digest();
}

/** A session key made as Java's KeyGenerator makes one: random bytes, the algorithm's default length unless `sizeBits` is given. */
export function generateSessionKey(algorithm: string, sizeBits: number | null): Buffer {
  const canonical = canonicalHmacAlgorithm(algorithm);
  if (canonical === undefined) throw new Error(`${algorithm} KeyGenerator not available`);
  return randomBytes(sessionKeyLength(canonical, sizeBits));
}

/** The key length in bytes a key generator makes (Java rounds a size in bits up to whole bytes and refuses under 40 bits). */
export function sessionKeyLength(algorithm: string, sizeBits: number | null): number {
  const canonical = canonicalHmacAlgorithm(algorithm);
  if (canonical === undefined) throw new Error(`${algorithm} KeyGenerator not available`);
  if (sizeBits === null) return HMAC_ALGORITHMS.get(canonical)!.defaultKeyBytes;
  if (sizeBits < 40) throw new Error('Key length must be at least 40 bits');
  return (sizeBits + 7) >> 3;
}

