/**
 * Whether a TLS client's certificate chain is trusted, as OpenSSL decided during the handshake
 * against the listener's trust store (the secure context's `ca`): signatures, validity, every
 * issuer a CA (basicConstraints), path length constraints, key usage, and the leaf's extended key
 * usage permitting TLS client authentication, as Java's trust manager checks them for Kafka.
 *
 * Node records OpenSSL's verdict on a server socket, but copies it to `authorized` only for sockets
 * its own tls.Server made (Node 22, 24 and 26 alike: only tls.Server's connection listener reads
 * it). Sluice wraps accepted sockets itself, so that connection limits apply before any handshake
 * work, and a tls.Server would not do either: its secure context takes no allowPartialTrustChain,
 * which a trust store holding an intermediate alone needs. So the verdict is read from the
 * socket's TLS handle. A Node without it is found at start (verificationResultAvailable), and
 * should one lack it anyway every certificate is refused: a chain nobody checked is never trusted.
 */
import { Socket } from 'node:net';
import { TLSSocket, createSecureContext } from 'node:tls';

interface VerifyingHandle {
  verifyError?: () => (Error & { code?: string }) | null;
}

/** Why OpenSSL did not trust the client's chain ("certificate has expired (CERT_HAS_EXPIRED)"), or undefined when it did. */
export function untrustedReason(socket: TLSSocket): string | undefined {
  const handle = handleOf(socket);
  if (typeof handle?.verifyError !== 'function') return 'this Node.js does not give the TLS verification result of a server socket, so no client certificate can be trusted';
  const error = handle.verifyError();
  if (error === null || error === undefined) return undefined;
  return error.code === undefined ? error.message : `${error.message} (${error.code})`;
}

function handleOf(socket: TLSSocket): VerifyingHandle | null | undefined {
  return (socket as unknown as { _handle?: VerifyingHandle | null })._handle;
}

let available: boolean | undefined;

/** Whether this Node gives a server socket's verification result; asked once, of a socket that never connects. */
export function verificationResultAvailable(): boolean {
  if (available === undefined) {
    const probe = new TLSSocket(new Socket(), { isServer: true, secureContext: createSecureContext({}) });
    try {
      available = typeof handleOf(probe)?.verifyError === 'function';
    } finally {
      probe.destroy();
    }
  }
  return available;
}
