/**
 * SASL/SCRAM-SHA-256 and SCRAM-SHA-512 on the server (RFC 5802, RFC 7677), against the credentials
 * of ScramCredentialStore. Two rounds: client-first → server-first (nonce, salt, iterations);
 * client-final (proof) → server-final (signature). An unknown user or a wrong proof fails with
 * Kafka's answer, which does not say which.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthenticationFailed, type SaslExchange, type SaslMechanismServer, type SaslStep } from './sasl-mechanism.ts';
import { SCRAM_MECHANISMS, type ScramCredential, type ScramCredentialStore, type ScramMechanismName } from './scram-credentials.ts';

export class ScramMechanism implements SaslMechanismServer {
  readonly name: ScramMechanismName;
  private readonly store: ScramCredentialStore;

  constructor(name: ScramMechanismName, store: ScramCredentialStore) {
    this.name = name;
    this.store = store;
  }

  start(): SaslExchange {
    const mechanism = this.name;
    const hash = SCRAM_MECHANISMS[mechanism].hash;
    // Kafka's answer to every credential failure (SaslServerAuthenticator), naming no cause.
    const invalid = (user?: string) => new AuthenticationFailed(`Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`, user);
    let round = 0;
    let user = '';
    let credential: ScramCredential | undefined;
    let gs2Header = '';
    let clientFirstBare = '';
    let serverFirst = '';
    let nonce = '';
    return {
      respond: (message: Buffer): SaslStep => {
        const text = message.toString('utf8');
        if (round === 0) {
          round = 1;
          const m = /^([ny]|p=[^,]*),(a=[^,]*)?,(.*)$/.exec(text);
          if (m === null || m[1].startsWith('p=')) throw invalidMessage(mechanism, 'client-first', m?.[1].startsWith('p=') === true ? 'channel binding is not supported' : undefined);
          gs2Header = `${m[1]},${m[2] ?? ''},`;
          clientFirstBare = m[3];
          const attributes = parseAttributes(clientFirstBare);
          const name = attributes.get('n');
          const clientNonce = attributes.get('r');
          if (name === undefined || clientNonce === undefined || clientNonce === '') throw invalidMessage(mechanism, 'client-first');
          user = decodeSaslName(name);
          if (m[2] !== undefined && decodeSaslName(m[2].slice(2)) !== user) throw new AuthenticationFailed('Authentication failed: Client requested an authorization id that is different from username', user);
          credential = this.store.get(user, mechanism);
          if (credential === undefined) throw invalid(user);
          nonce = clientNonce + randomBytes(24).toString('hex');
          serverFirst = `r=${nonce},s=${credential.salt.toString('base64')},i=${credential.iterations}`;
          return { done: false, response: Buffer.from(serverFirst) };
        }
        if (round !== 1) throw invalidMessage(mechanism, 'after the exchange');
        round = 2;
        const attributes = parseAttributes(text);
        const channelBinding = attributes.get('c');
        const finalNonce = attributes.get('r');
        const proof = attributes.get('p');
        if (channelBinding === undefined || finalNonce === undefined || proof === undefined) throw invalidMessage(mechanism, 'client-final');
        if (Buffer.from(channelBinding, 'base64').toString('utf8') !== gs2Header) throw invalidMessage(mechanism, 'client-final', 'the channel binding does not match the client-first message');
        if (finalNonce !== nonce) throw invalidMessage(mechanism, 'client-final', 'the nonce does not match');
        const withoutProof = text.slice(0, text.lastIndexOf(',p='));
        const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
        const c = credential!;
        const clientSignature = createHmac(hash, c.storedKey).update(authMessage).digest();
        const proofBytes = Buffer.from(proof, 'base64');
        if (proofBytes.length !== clientSignature.length) throw invalid(user);
        const clientKey = Buffer.alloc(proofBytes.length);
        for (let i = 0; i < proofBytes.length; i++) clientKey[i] = proofBytes[i] ^ clientSignature[i];
        if (!timingSafeEqual(createHash(hash).update(clientKey).digest(), c.storedKey)) throw invalid(user);
        const serverSignature = createHmac(hash, c.serverKey).update(authMessage).digest();
        return { done: true, response: Buffer.from(`v=${serverSignature.toString('base64')}`), user };
      },
    };
  }
}

/** A message that is not what SCRAM expects: the client gets Kafka's answer, which names no cause (its
 * ScramSaslServer throws a SaslException, which SaslServerAuthenticator answers so); the log says why. */
function invalidMessage(mechanism: ScramMechanismName, which: string, why?: string): AuthenticationFailed {
  return new AuthenticationFailed(
    `Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`,
    undefined,
    `invalid SCRAM ${which} message${why === undefined ? '' : `: ${why}`}`,
  );
}

/** a=1,b=2 (values may hold '='), as RFC 5802 writes attributes. */
function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out.set(part[0], part.slice(2));
  }
  return out;
}

/** RFC 5802's saslname: ',' written =2C and '=' written =3D. */
function decodeSaslName(name: string): string {
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}
