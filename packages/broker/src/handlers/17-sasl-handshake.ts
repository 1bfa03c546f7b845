/**
 * SaslHandshake (key 17), versions 0-1: the client names its SASL mechanism. v1 is followed by
 * SaslAuthenticate requests; v0 by bare SASL tokens in their own frames (before KIP-152).
 * A mechanism the listener does not enable gets UNSUPPORTED_SASL_MECHANISM with the enabled
 * ones, and the connection is closed; a handshake on a listener without SASL, or a second one,
 * gets ILLEGAL_SASL_STATE, as from Kafka. An authenticated connection may send SaslHandshake v1
 * again to re-authenticate (KIP-368), with the mechanism it authenticated with.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const saslHandshakeHandler = defineHandler({
  api: Apis.SaslHandshake,
  minVersion: 0,
  maxVersion: 1,
  handle({ connection, version }, request) {
    const { session, listener } = connection;
    const enabled = listener.sasl === undefined ? [] : [...listener.sasl.keys()];
    // KIP-368: an authenticated connection may authenticate again (v1 only), with the same mechanism.
    const reauthentication = listener.sasl !== undefined && session.saslState === 'done' && version >= 1 && session.handshakeVersion >= 1;
    if (listener.sasl === undefined || (session.saslState !== 'handshake' && !reauthentication)) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: enabled };
    if (reauthentication && request.mechanism !== session.mechanism) {
      connection.warn('failed authentication', `closing ${connection.remote}: it re-authenticates with ${JSON.stringify(request.mechanism)}, having authenticated with ${session.mechanism}`);
      connection.closeAfterResponses();
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [session.mechanism!] };
    }
    const mechanism = listener.sasl.get(request.mechanism);
    if (mechanism === undefined) {
      connection.warn('failed authentication', `closing ${connection.remote}: it asked for the SASL mechanism ${JSON.stringify(request.mechanism)}, and the listener ${listener.name} enables ${enabled.join(', ')}`);
      connection.closeAfterResponses();
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: enabled };
    }
    session.mechanism = mechanism.name;
    session.exchange = mechanism.start();
    session.saslState = version === 0 ? 'raw' : 'authenticate';
    session.reauthenticating = reauthentication;
    if (!reauthentication) session.handshakeVersion = version;
    return { errorCode: ErrorCode.NONE, mechanisms: enabled };
  },
});
