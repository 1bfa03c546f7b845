/**
 * What a connection knows of its client's identity: the principal (User:ANONYMOUS until
 * authenticated, as Kafka's) and where the SASL exchange stands. Kept on the connection and given
 * to every request's context, for authorization.
 */
import type { SaslExchange } from './sasl-mechanism.ts';

export const ANONYMOUS = 'User:ANONYMOUS';

/**
 * Kafka's SaslServerAuthenticator states, reduced to what a request can meet:
 * - handshake: ApiVersions and SaslHandshake only;
 * - authenticate: SaslAuthenticate (handshake v1) only;
 * - raw: the next frame is a bare SASL token (handshake v0, before SaslAuthenticate existed);
 * - done: authenticated; every request is served.
 */
export type SaslState = 'handshake' | 'authenticate' | 'raw' | 'done';

export class Session {
  principal = ANONYMOUS;
  /** True once the TLS handshake (SSL) or the SASL exchange (SASL_*) has completed; at once on PLAINTEXT. */
  authenticated: boolean;
  saslState: SaslState;
  mechanism: string | undefined;
  exchange: SaslExchange | undefined;
  /** The SaslHandshake version that began the first authentication (re-authentication needs v1). */
  handshakeVersion = -1;
  /** A re-authentication (KIP-368) is under way: the principal must come out the same. */
  reauthenticating = false;
  /** When the SASL session ends (ms since the epoch), with connections.max.reauth.ms; undefined: never. */
  expiresAt: number | undefined;

  readonly usesSasl: boolean;

  constructor(usesSasl: boolean, usesTls: boolean) {
    this.usesSasl = usesSasl;
    this.authenticated = !usesSasl && !usesTls;
    this.saslState = usesSasl ? 'handshake' : 'done';
  }
}
