/**
 * Verification of a TLS client's certificate chain against the listener's trust store. Node checks
 * a client certificate only inside its own tls.Server; Sluice wraps accepted sockets itself (so
 * that connection limits apply before any handshake work), so the chain the client presented is
 * checked here: each certificate issued and signed by the next, which must be a CA (basicConstraints
 * CA:TRUE), within its validity, ending at a trusted authority.
 */
import { X509Certificate } from 'node:crypto';
import { type PeerCertificate, type TLSSocket, rootCertificates } from 'node:tls';

/** The trusted authorities: the trust store's certificates, or Node's bundled ones without one. */
export function trustAnchors(pem: string | undefined): X509Certificate[] {
  const text = pem ?? rootCertificates.join('\n');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

/** Why the socket's peer chain is not trusted, or undefined when it is (or no certificate was given). */
export function untrustedReason(socket: TLSSocket, anchors: readonly X509Certificate[], now = new Date()): string | undefined {
  const leaf = socket.getPeerCertificate(true) as PeerCertificate & { issuerCertificate?: PeerCertificate };
  if (leaf === null || leaf.raw === undefined) return undefined;
  const presented: X509Certificate[] = [];
  for (let c: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined = leaf; c?.raw !== undefined && presented.length < 10; c = c.issuerCertificate) {
    const x = new X509Certificate(c.raw);
    if (presented.some((p) => p.fingerprint256 === x.fingerprint256)) break;
    presented.push(x);
  }
  let cert = presented[0];
  for (let depth = 0; depth < 10; depth++) {
    if (now < cert.validFromDate || now > cert.validToDate) return `the certificate ${cert.subject.replace(/\n/g, ',')} is not valid now (${cert.validFrom} to ${cert.validTo})`;
    const anchor = anchors.find((a) => cert.checkIssued(a) && cert.verify(a.publicKey));
    if (anchor !== undefined) return undefined;
    // Only an authority may issue: a leaf (CA:FALSE) of the trusted CA signing a certificate for
    // any subject it likes must not make that subject trusted.
    const issuer = presented.find((p) => p !== cert && p.ca && cert.checkIssued(p) && cert.verify(p.publicKey));
    if (issuer === undefined) return `no trusted authority issued ${cert.subject.replace(/\n/g, ',')} (issuer ${cert.issuer.replace(/\n/g, ',')})`;
    cert = issuer;
  }
  return 'the certificate chain is too long';
}
