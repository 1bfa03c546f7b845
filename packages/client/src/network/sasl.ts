/**
 * SASL hook. A connection authenticates right after version negotiation: it sends SaslHandshake
 * with the mechanism's name, then hands the mechanism a session whose `send` carries one token
 * in a SaslAuthenticate request and returns the broker's answer. Mechanisms (PLAIN here, SCRAM in
 * scram.ts; OAUTHBEARER and GSSAPI belong to the security work) only deal in tokens.
 */

export interface SaslSession {
  /** The broker being authenticated to. */
  readonly host: string;
  readonly port: number;
  /** Sends one authentication token and resolves with the broker's reply token. */
  send(token: Buffer): Promise<Buffer>;
}

export interface SaslMechanism {
  /** The mechanism name as Kafka spells it: 'PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER', ... */
  readonly mechanism: string;
  /** Runs the exchange on a new connection; rejects when authentication fails. */
  authenticate(session: SaslSession): Promise<void>;
}

/** SASL/PLAIN (RFC 4616): one token, `authzid NUL username NUL password`. Use it over TLS only. */
export function plainMechanism(credentials: { username: string; password: string; authorizationId?: string }): SaslMechanism {
  return {
    mechanism: 'PLAIN',
    async authenticate(session) {
      const token = Buffer.from(`${credentials.authorizationId ?? ''}\0${credentials.username}\0${credentials.password}`, 'utf8');
      await session.send(token);
    },
  };
}
