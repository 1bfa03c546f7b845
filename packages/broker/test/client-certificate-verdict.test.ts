// The broker reads OpenSSL's verdict on a client's certificate chain from the TLS handle of the
// sockets it wraps itself (client-certificate.ts says why no public Node API gives it there). The
// chains themselves are tried in tests/security/client-certificate-chain; here: this Node gives
// the verdict (run under each Node of .ci/node-versions when upgrading one), and a socket that does
// not is never trusted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { untrustedReason, verificationResultAvailable } from '../src/security/client-certificate.ts';

test(`Node.js ${process.version} gives a server socket's certificate verification result`, () => {
  assert.equal(verificationResultAvailable(), true, 'the TLS handle of a server TLSSocket has no verifyError(): client-certificate.ts must read the verdict another way');
});

test('a socket without a verification result trusts no certificate', () => {
  for (const handle of [undefined, null, {}]) {
    assert.match(untrustedReason({ _handle: handle } as unknown as TLSSocket) ?? 'trusted', /does not give the TLS verification result/);
  }
});
