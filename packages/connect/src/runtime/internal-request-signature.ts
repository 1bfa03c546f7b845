/**
 * Signed requests between the workers of a Connect cluster (KIP-507, Kafka's
 * InternalRequestSignature): the sender puts an HMAC of the request body, keyed with the session
 * key the leader distributes through the config topic, in `X-Connect-Authorization` (base64), and
 * the algorithm's Java name in `X-Connect-Request-Signature-Algorithm`. The receiver recomputes it
 * over the bytes it read. Algorithms carry Java's names (`HmacSHA256`) so that Java workers and
 * ours understand each other's headers and session key records.
 */
import { timingSafeEqual } from 'node:crypto';
import { SUPPORTED_HMAC_ALGORITHMS, canonicalHmacAlgorithm, signRequestBody } from './hmac-algorithms.ts';
import { JavaBase64Error, decodeBase64AsJava } from './java-base64.ts';
import { ConnectRestError, badRequest } from './rest-errors.ts';

export const SIGNATURE_HEADER = 'X-Connect-Authorization';
export const SIGNATURE_ALGORITHM_HEADER = 'X-Connect-Request-Signature-Algorithm';

/** The two headers of a signed request (Kafka's InternalRequestSignature.addToRequest). */
export function signatureHeaders(key: Uint8Array, body: Uint8Array | string, algorithm: string): Record<string, string> {
  return { [SIGNATURE_HEADER]: signRequestBody(key, body, algorithm).toString('base64'), [SIGNATURE_ALGORITHM_HEADER]: algorithm };
}

/** A request's signature as received (Kafka's InternalRequestSignature): the body read, the algorithm named and the signature sent. */
export class InternalRequestSignature {
  readonly body: Buffer;
  /**
   * The algorithm as the sender named it, as Java's Mac.getAlgorithm() gives it back: Java finds
   * a Mac whatever the case of its name, but the leader then looks the name up as sent in its
   * `inter.worker.verification.algorithms` (a List.contains), so `hmacsha256` is not accepted
   * where `HmacSHA256` is.
   */
  readonly keyAlgorithm: string;
  readonly signature: Buffer;

  private constructor(body: Buffer, keyAlgorithm: string, signature: Buffer) {
    this.body = body;
    this.keyAlgorithm = keyAlgorithm;
    this.signature = signature;
  }

  /**
   * Kafka's fromHeaders: null when either header is missing; an algorithm this worker does not
   * know, or a signature Java's base64 decoder refuses, is the sender's error (400). The signature
   * is read as Java reads it: padding may be left out.
   */
  static fromHeaders(body: Buffer, header: (name: string) => string | undefined): InternalRequestSignature | null {
    const algorithm = header(SIGNATURE_ALGORITHM_HEADER);
    const encoded = header(SIGNATURE_HEADER);
    if (algorithm === undefined || encoded === undefined) return null;
    if (canonicalHmacAlgorithm(algorithm) === undefined) throw badRequest(`Algorithm ${algorithm} not available; this worker verifies ${SUPPORTED_HMAC_ALGORITHMS.join(', ')}`);
    return new InternalRequestSignature(body, algorithm, decodeSignature(encoded));
  }

  /** Whether the signature is the body's HMAC with this key (compared in constant time, as Kafka's MessageDigest.isEqual). */
  isValid(key: Uint8Array): boolean {
    const expected = signRequestBody(key, this.body, this.keyAlgorithm);
    return expected.length === this.signature.length && timingSafeEqual(expected, this.signature);
  }
}

/** The signature's bytes; Java's message (as Kafka answers) and what to send instead when it is not base64. */
function decodeSignature(encoded: string): Buffer {
  try {
    return decodeBase64AsJava(encoded);
  } catch (e) {
    if (!(e instanceof JavaBase64Error)) throw e;
    throw badRequest(`${e.message}: the ${SIGNATURE_HEADER} header is not base64; send the HMAC of the request body in base64`);
  }
}

/**
 * Kafka's DistributedHerder.requestNotSignedProperly: with request signing in force (the group's
 * protocol is `sessioned`), a missing signature is 400, an algorithm outside
 * `inter.worker.verification.algorithms` (named exactly as there) 400, no session key read yet 503, a wrong signature 403.
 */
export function checkRequestSignature(signature: InternalRequestSignature | null, verificationAlgorithms: readonly string[], sessionKey: Uint8Array | null): void {
  if (signature === null) throw badRequest('Internal request missing required signature');
  if (!verificationAlgorithms.includes(signature.keyAlgorithm)) {
    throw badRequest(
      `This worker does not support the '${signature.keyAlgorithm}' key signing algorithm used by other workers. This worker is currently configured to use: [${verificationAlgorithms.join(', ')}]. ` +
        "Check that all workers' configuration files permit the same set of signature algorithms, and correct any misconfigured worker and restart it.",
    );
  }
  if (sessionKey === null) throw new ConnectRestError(503, 'This worker is still starting up and has not been able to read a session key from the config topic yet');
  if (!signature.isValid(sessionKey)) throw new ConnectRestError(403, 'Internal request contained invalid signature.');
}
