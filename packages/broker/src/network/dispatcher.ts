/**
 * Turns a request frame into a reply: finds the handler, decodes, runs it and encodes the answer.
 * Requests the protocol cannot answer (unknown key, unsupported version, malformed bytes) close
 * the connection, as Kafka does — except ApiVersions at an unknown version, which gets the KIP-511
 * v0 answer so the client can retry with a version we know.
 */
import { Apis, DecodeError, EncodeError, decodeRequest, encodeResponse, peekRequestHeader } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { unsupportedApiVersionsResponse } from '../handlers/18-api-versions.ts';
import type { Handler, RequestContext } from '../handlers/handler.ts';
import { CloseConnection, type Connection, type Dispatcher, type Reply } from './connection.ts';
import { Deferred } from '../handlers/deferred.ts';
import { requestChannel, type BrokerRequestMessage } from '../diagnostics.ts';
import { authenticationStep } from '../security/authenticate.ts';
import { RequestThrottle } from './throttle.ts';

export class RequestDispatcher implements Dispatcher {
  private readonly byKey = new Map<number, Handler>();

  private readonly broker: BrokerCore;

  constructor(broker: BrokerCore, handlers: readonly Handler[]) {
    this.broker = broker;
    for (const h of handlers) this.byKey.set(h.api.apiKey, h);
  }

  async dispatch(connection: Connection, frame: Buffer): Promise<Reply> {
    // After a v0 SaslHandshake the client's frames are bare SASL tokens, answered the same way.
    if (connection.session.saslState === 'raw') return rawToken(connection, frame);
    let peek;
    try {
      peek = peekRequestHeader(frame);
    } catch {
      throw new CloseConnection(`request frame of ${frame.length} bytes is too short for a header`);
    }
    const { apiKey, apiVersion, correlationId } = peek;
    const handler = this.byKey.get(apiKey);
    if (handler === undefined) throw new CloseConnection(`unsupported API key ${apiKey}`);
    if (!connection.session.authenticated) checkAllowedBeforeAuthentication(connection, apiKey, handler.api.name);
    else if (connection.session.expiresAt !== undefined) checkSessionNotExpired(connection, apiKey, handler.api.name);
    if (apiVersion < handler.minVersion || apiVersion > handler.maxVersion) {
      if (apiKey === Apis.ApiVersions.apiKey && apiVersion > handler.maxVersion) {
        return encodeResponse(Apis.ApiVersions, 0, correlationId, unsupportedApiVersionsResponse());
      }
      throw new CloseConnection(`${handler.api.name} v${apiVersion} is not supported (${handler.minVersion}-${handler.maxVersion})`);
    }
    let decoded;
    try {
      decoded = decodeRequest(frame);
    } catch (e) {
      if (e instanceof DecodeError) throw new CloseConnection(`malformed ${handler.api.name} v${apiVersion} request: ${e.message}`);
      throw e;
    }
    // While no client quota is set (the usual case) nothing is accounted, so quotas cost a request
    // nothing until one is set (a request already running when the first is set goes unrecorded).
    const throttle = this.broker.quotas.store.inUse ? new RequestThrottle(this.broker, connection, apiKey, decoded.header.clientId ?? null, connection.session.principal, frame.length) : undefined;
    const started = throttle === undefined ? 0 : performance.now();
    const ctx: RequestContext = {
      broker: this.broker,
      connection,
      header: decoded.header,
      version: apiVersion,
      principal: connection.session.principal,
      throttled: throttle === undefined ? ignoreThrottle : (quotaType, ms) => throttle.throttled(quotaType, ms),
      recordRequestTime: throttle === undefined ? noRequestQuota : (waitedMs) => throttle.recordRequestTime(performance.now() - started - waitedMs),
    };
    // Checked once per request: without a subscriber the request costs no clock read.
    const observe = requestChannel.hasSubscribers ? observer(ctx, handler) : undefined;
    let result;
    try {
      result = await handler.handle(ctx, decoded.body as never);
    } catch (e) {
      observe?.(null, e);
      throw e;
    }
    // The handler's own time, not a deferred answer's wait (Kafka counts its request thread's time).
    const handlerMs = throttle === undefined ? 0 : performance.now() - started;
    const encode = (body: unknown): Buffer[] | null => {
      throttle?.finish(body, handlerMs);
      observe?.(body);
      if (body === null) return null;
      try {
        return encodeResponse(handler.api, apiVersion, correlationId, body);
      } catch (e) {
        // A handler's answer this version cannot carry is our bug, but only this client's
        // problem: one concise line and this connection closed, as for a request we cannot read.
        // Its own kind for the log's rate limit, so that clients' garbage does not hide it.
        if (e instanceof EncodeError) throw new CloseConnection(`cannot encode the ${handler.api.name} v${apiVersion} response: ${e.message}`, 'unencodable response');
        throw e;
      }
    };
    if (result instanceof Deferred) {
      const failed = observe && ((e: unknown) => (observe(null, e), Promise.reject(e)));
      return new Deferred(result.result.then(encode, failed));
    }
    return encode(result);
  }
}

/** RequestContext.throttled while no quota is set: no quota can have been exceeded. */
function ignoreThrottle(): void {}

/** RequestContext.recordRequestTime while no quota is set. */
function noRequestQuota(): number {
  return 0;
}

/**
 * Before authentication a SASL listener serves ApiVersions and SaslHandshake, then
 * SaslAuthenticate only; anything else closes the connection, as Kafka's SaslServerAuthenticator
 * does. (A TLS listener reads no request before its handshake is done.)
 */
function checkAllowedBeforeAuthentication(connection: Connection, apiKey: number, apiName: string): void {
  const state = connection.session.saslState;
  const allowed = state === 'authenticate' ? apiKey === Apis.SaslAuthenticate.apiKey : apiKey === Apis.ApiVersions.apiKey || apiKey === Apis.SaslHandshake.apiKey;
  if (allowed) return;
  const expected = state === 'authenticate' ? 'SaslAuthenticate' : 'ApiVersions or SaslHandshake';
  throw new CloseConnection(`${apiName} request before SASL authentication on the listener ${connection.listener.name} (expected ${expected}); configure the client's security.protocol and sasl.mechanism for this listener`, 'unauthenticated request');
}

/**
 * KIP-368: once a SASL session has expired (connections.max.reauth.ms), only a re-authentication
 * is served; any other request closes the connection, as Kafka does.
 */
function checkSessionNotExpired(connection: Connection, apiKey: number, apiName: string): void {
  if (apiKey === Apis.SaslHandshake.apiKey || apiKey === Apis.SaslAuthenticate.apiKey) return;
  if (Date.now() <= connection.session.expiresAt!) return;
  throw new CloseConnection(`${apiName} request after the SASL session of ${connection.session.principal} expired (connections.max.reauth.ms=${connection.listener.maxReauthMs}) without re-authentication`, 'expired session');
}

/** A bare SASL token (after a v0 handshake): answered as a bare token; a failure closes without one, as Kafka. */
async function rawToken(connection: Connection, token: Buffer): Promise<Reply> {
  const step = await authenticationStep(connection, token);
  // A failure waits out connection.failed.authentication.delay.ms here too, or v0's bare tokens
  // would let a password guesser skip it.
  if (!step.ok) return step.delay.then(() => null);
  const size = Buffer.alloc(4);
  size.writeInt32BE(step.response.length);
  return [size, step.response];
}

/**
 * Starts the clock on a request; the function returned publishes it on sluice:broker:request
 * with its answer (deferred answers too) or what its handler threw.
 */
function observer(ctx: RequestContext, handler: Handler): (answer: unknown, error?: unknown) => void {
  const started = performance.now();
  return (answer, error) => {
    const message: BrokerRequestMessage = {
      apiKey: handler.api.apiKey,
      apiName: handler.api.name,
      apiVersion: ctx.version,
      correlationId: ctx.header.correlationId,
      clientId: ctx.header.clientId ?? null,
      remote: ctx.connection.remote,
      principal: ctx.principal,
      listener: ctx.connection.listener.name,
      durationMs: performance.now() - started,
    };
    const errorCode = (answer as { errorCode?: unknown } | null)?.errorCode;
    if (typeof errorCode === 'number' && errorCode !== 0) message.errorCode = errorCode;
    if (error !== undefined) message.error = error;
    requestChannel.publish(message);
  };
}
