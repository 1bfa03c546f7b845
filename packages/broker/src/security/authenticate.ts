/**
 * One step of a connection's SASL exchange, shared by SaslAuthenticate and the bare tokens that
 * follow a v0 SaslHandshake. A failure is answered as Kafka answers it (the mechanism's message),
 * held back for connection.failed.authentication.delay.ms, and closes the connection after the
 * answer; the log names the client, the mechanism and the user it gave, never a password.
 */
import type { Connection } from '../network/connection.ts';
import { AuthenticationFailed } from './sasl-mechanism.ts';

export type AuthenticationStep =
  | { ok: true; response: Buffer; done: boolean; /** When done: how long the session lasts, 0 for ever. */ sessionLifetimeMs: number }
  | { ok: false; message: string; /** Resolves once the answer may be sent (the failed-authentication delay). */ delay: Promise<void> };

export async function authenticationStep(connection: Connection, token: Buffer): Promise<AuthenticationStep> {
  const { session, listener } = connection;
  const mechanism = session.mechanism ?? '?';
  try {
    const step = await session.exchange!.respond(token);
    if (!step.done) return { ok: true, response: step.response, done: false, sessionLifetimeMs: 0 };
    const principal = `User:${step.user}`;
    // Kafka's rule: re-authentication may renew a session, not change who it belongs to.
    if (session.reauthenticating && principal !== session.principal) throw new AuthenticationFailed(`Cannot change principals during re-authentication from ${session.principal}: ${principal}`, step.user);
    session.principal = principal;
    session.saslState = 'done';
    session.exchange = undefined;
    session.reauthenticating = false;
    // KIP-368: with re-authentication on, a session ends at connections.max.reauth.ms or when its
    // credential (a token) expires, whichever comes first.
    const now = Date.now();
    const lifetime = listener.maxReauthMs > 0 ? Math.max(1, Math.min(listener.maxReauthMs, (step.credentialExpiresAt ?? Infinity) - now)) : 0;
    session.expiresAt = lifetime > 0 ? now + lifetime : undefined;
    connection.authenticated();
    return { ok: true, response: step.response, done: true, sessionLifetimeMs: lifetime };
  } catch (e) {
    const failed = e instanceof AuthenticationFailed ? e : undefined;
    const message = failed?.message ?? `Authentication failed during authentication with SASL mechanism ${mechanism}`;
    session.exchange = undefined;
    connection.warn('failed authentication', `failed authentication of ${connection.remote} on the listener ${listener.name} with SASL mechanism ${mechanism}${failed?.user !== undefined ? ` as ${JSON.stringify(failed.user)}` : ''}: ${message}${failed?.detail !== undefined ? ` (${failed.detail})` : ''}`);
    if (failed === undefined) connection.warn('unexpected error', `the SASL mechanism ${mechanism} failed unexpectedly: ${(e as Error)?.stack ?? e}`);
    connection.closeAfterResponses();
    const delay = new Promise<void>((resolve) => setTimeout(resolve, listener.failedAuthenticationDelayMs).unref());
    return { ok: false, message, delay };
  }
}
