/** The server side of one SASL mechanism, and one client's exchange with it. */

/** Answered with SASL_AUTHENTICATION_FAILED and this message, then the connection is closed. */
export class AuthenticationFailed extends Error {
  override readonly name = 'AuthenticationFailed';

  /** The user name the client gave, for the log (never the password). */
  readonly user?: string;
  /** Why, for the log only (the client gets Kafka's message). */
  readonly detail?: string;

  constructor(message: string, user?: string, detail?: string) {
    super(message);
    this.user = user;
    this.detail = detail;
  }
}

export type SaslStep = { done: false; response: Buffer } | { done: true; response: Buffer; user: string; /** When the credential itself expires (a token's exp), ms since the epoch. */ credentialExpiresAt?: number };

export interface SaslExchange {
  /** The next client message; throws AuthenticationFailed. */
  respond(message: Buffer): SaslStep | Promise<SaslStep>;
}

export interface SaslMechanismServer {
  readonly name: string;
  start(): SaslExchange;
}
