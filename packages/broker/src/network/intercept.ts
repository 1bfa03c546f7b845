/**
 * Request interception, for tests only: a test replaces or delays the broker's answer to chosen
 * requests while the real handlers answer the rest, as franz-go's kfake control functions do.
 * It lets client tests script exact errors (REBALANCE_IN_PROGRESS on one heartbeat, NOT_LEADER
 * on one produce) against a real broker, instead of a fake peer. Production code never sets it.
 */
import type { RequestHeader } from '@sluice/protocol';
import type { Handler } from '../handlers/handler.ts';

export interface InterceptedRequest {
  readonly apiKey: number;
  /** Kafka's name of the API: 'Produce', 'Heartbeat', ... */
  readonly apiName: string;
  readonly apiVersion: number;
  readonly header: RequestHeader;
  /** The decoded request body, as the handler would get it. */
  readonly body: unknown;
}

/**
 * Called for every request the broker can decode, before its handler. Returning (or resolving
 * to) undefined lets the real handler answer, so a promise that resolves later to undefined
 * delays the answer; any other value is the answer, encoded at the request's version as the
 * handler's would be (so it must be a response body of that API).
 */
export type RequestInterceptor = (request: InterceptedRequest) => unknown;

/** The handlers, each asking the interceptor first. */
export function interceptHandlers(handlers: readonly Handler[], interceptor: RequestInterceptor): Handler[] {
  return handlers.map((handler) => ({
    ...handler,
    async handle(ctx, body) {
      const { api } = handler;
      const replaced = await interceptor({ apiKey: api.apiKey, apiName: api.name, apiVersion: ctx.version, header: ctx.header, body });
      return replaced === undefined ? handler.handle(ctx, body) : (replaced as never);
    },
  }));
}
