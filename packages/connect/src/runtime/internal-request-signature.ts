/**
 * Signed requests between the workers of a Connect cluster (KIP-507, Kafka's
 * InternalRequestSignature): the sender puts an HMAC of the request body, keyed with the session
 * key the leader distributes through the config topic, in `X-Connect-Authorization` (base64), and
 * the algorithm's Java name in `X-Connect-Request-Signature-Algorithm`. The receiver recomputes it
 * over the bytes it read. Algorithms carry Java's names (`HmacSHA256`) so that Java workers and
 * ours understand each other's headers and session key records.
 */
import { timingSafeEqual } from 'node:crypto';
import { SUPPORTED_HMAC_ALGORITHMS, canonicalHmacAlgorithm, signRequestBody } from './hmac-algorithms.js';
import { ConnectRestError, badRequest } from './rest-errors.js';

export const SIGNATURE_HEADER = 'X-Connect-Authorization';
export const SIGNATURE_ALGORITHM_HEADER = 'X-Connect-Request-Signature-Algorithm';

/** The two headers of a signed request (Kafka's InternalRequestSignature.addToRequest). */
export function signatureHeaders(key: Uint8Array, body: Uint8Array | string, algorithm: string): Record<string, string> {
  return { [SIGNATURE_HEADER]: signRequestBody(key, body, algorithm).toString('base64'), [SIGNATURE_ALGORITHM_HEADER]: algorithm };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A request's signature as received (Kafka's InternalRequestSignature): the body read, the algorithm named and the signature sent. */
export class InternalRequestSignature {
  private constructor(
    readonly body: Buffer,
    /** The algorithm the sender named (Java's name, as sent). */
    readonly keyAlgorithm: string,
    readonly signature: Buffer,
  ) {}

  /**
   * Kafka's fromHeaders: null when either header is missing; an algorithm this worker does not
   * know, or a signature that is not base64, is the sender's error (400).
   */
  static fromHeaders(body: Buffer, header: (name: string) => string | undefined): InternalRequestSignature | null {
    const algorithm = header(SIGNATURE_ALGORITHM_HEADER);
    const encoded = header(SIGNATURE_HEADER);
    if (algorithm === undefined || encoded === undefined) return null;
    const canonical = canonicalHmacAlgorithm(algorithm);
    if (canonical === undefined) throw badRequest(`${algorithm} Mac not available; this worker verifies ${SUPPORTED_HMAC_ALGORITHMS.join(', ')}`);
    if (!BASE64.test(encoded)) throw badRequest(`The ${SIGNATURE_HEADER} header is not base64: ${JSON.stringify(encoded.slice(0, 100))}`);
    return new InternalRequestSignature(body, canonical, Buffer.from(encoded, 'base64'));
  }

  /** Whether the signature is the body's HMAC with this key (compared in constant time, as Kafka's MessageDigest.isEqual). */
  isValid(key: Uint8Array): boolean {
    const expected = signRequestBody(key, this.body, this.keyAlgorithm);
    return expected.length === this.signature.length && timingSafeEqual(expected, this.signature);
  }
}

/**
 * Kafka's DistributedHerder.requestNotSignedProperly: with request signing in force (the group's
 * protocol is `sessioned`), a missing signature is 400, an algorithm outside
 * `inter.worker.verification.algorithms` 400, no session key read yet 503, a wrong signature 403.
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
