/**
 * SaslAuthenticate (key 36), versions 0-2: one SASL token each way (KIP-152). v1 adds the
 * session lifetime (KIP-368: connections.max.reauth.ms once authenticated, 0 for none); v2 is flexible.
 * A failed authentication answers SASL_AUTHENTICATION_FAILED with the mechanism's message after
 * connection.failed.authentication.delay.ms, then closes the connection (security/authenticate.ts).
 * On a listener without SASL, or once authenticated, it gets ILLEGAL_SASL_STATE, as from Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defer } from './deferred.ts';
import { defineHandler } from './handler.ts';
import { authenticationStep } from '../security/authenticate.ts';

const EMPTY = Buffer.alloc(0);

export const saslAuthenticateHandler = defineHandler({
  api: Apis.SaslAuthenticate,
  minVersion: 0,
  maxVersion: 2,
  async handle({ connection }, request) {
    const { session, listener } = connection;
    // Reached only when authenticated (the dispatcher closes a SASL connection that sends this
    // before its handshake): Kafka answers ILLEGAL_SASL_STATE and keeps the connection.
    if (listener.sasl === undefined || session.saslState !== 'authenticate') {
      const why = listener.sasl === undefined ? `the listener ${listener.name} does not use SASL` : 'the connection is already authenticated';
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: `Unexpected SaslAuthenticate request: ${why}`, authBytes: EMPTY, sessionLifetimeMs: 0n };
    }
    const step = await authenticationStep(connection, request.authBytes);
    // errorMessage '': Kafka leaves the field at its default on success (tests/security/sasl-bad-input).
    if (step.ok) return { errorCode: ErrorCode.NONE, errorMessage: '', authBytes: step.response, sessionLifetimeMs: BigInt(step.sessionLifetimeMs) };
    const answer = { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: step.message, authBytes: EMPTY, sessionLifetimeMs: 0n };
    return defer(step.delay.then(() => answer));
  },
});
