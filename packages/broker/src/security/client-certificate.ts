/**
 * Whether a TLS client's certificate chain is trusted, as OpenSSL decided during the handshake
 * against the listener's trust store (the secure context's `ca`): signatures, validity, every
 * issuer a CA (basicConstraints), path length constraints, key usage, and the leaf's extended key
 * usage permitting TLS client authentication, as Java's trust manager checks them for Kafka.
 *
 * Node records OpenSSL's verdict on a server socket, but copies it to `authorized` only for sockets
 * its own tls.Server made; Sluice wraps accepted sockets itself (so that connection limits apply
 * before any handshake work) and reads the verdict from the socket's TLS handle. Should a Node
 * ever lack it, every certificate is refused: a chain nobody checked is never trusted.
 */
import type { TLSSocket } from 'node:tls';

interface VerifyingHandle {
  verifyError?: () => (Error & { code?: string }) | null;
}

/** Why OpenSSL did not trust the client's chain ("certificate has expired (CERT_HAS_EXPIRED)"), or undefined when it did. */
export function untrustedReason(socket: TLSSocket): string | undefined {
  const handle = (socket as unknown as { _handle?: VerifyingHandle | null })._handle;
  if (typeof handle?.verifyError !== 'function') return 'this Node.js does not give the TLS verification result of a server socket, so no client certificate can be trusted';
  const error = handle.verifyError();
  if (error === null || error === undefined) return undefined;
  return error.code === undefined ? error.message : `${error.message} (${error.code})`;
}
