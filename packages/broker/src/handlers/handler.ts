/**
 * The contract of a request handler: one per API key, in a file named after it
 * (handlers/NN-name.ts), serving a range of versions.
 */
import type { ApiCodec, RequestHeader } from '@sluice/protocol';
import type { Deferred } from './deferred.ts';
import type { Connection } from '../network/connection.ts';
import type { BrokerCore } from '../core.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCodec = ApiCodec<any, any, any, any>;
export type RequestOf<A> = A extends ApiCodec<infer Req, any, any, any> ? Req : never;
export type ResponseOf<A> = A extends ApiCodec<any, any, any, infer ResIn> ? ResIn : never;

export interface RequestContext {
  readonly broker: BrokerCore;
  readonly connection: Connection;
  readonly header: RequestHeader;
  /** The request's version (header.apiVersion). */
  readonly version: number;
  /**
   * Who sent it, as Kafka's KafkaPrincipal string: User:ANONYMOUS on PLAINTEXT (and TLS without a
   * client certificate), User:<certificate subject as mapped> with mutual TLS, User:<name> with SASL.
   */
  readonly principal: string;
  /**
   * A quota this request went over (Fetch's consumer_byte_rate, a controller mutation's rate):
   * the dispatcher puts the longest throttle time in the response and mutes the connection for it.
   */
  throttled(quotaType: string, throttleTimeMs: number): void;
  /**
   * Records this request's handler time so far, less `waitedMs` spent waiting (a long poll is not
   * work), under request_percentage now, and gives the throttle time that quota calls for (0 while
   * none applies); the dispatcher then records no more of it. Fetch asks before it answers, as
   * Kafka's handleFetch does, so that a throttled consumer is sent no records.
   */
  recordRequestTime(waitedMs: number): number;
}

/** null: no response at all (Produce with acks=0). */
export type HandlerResult<R> = R | null | Deferred<R | null>;

export interface Handler<A extends AnyCodec = AnyCodec> {
  readonly api: A;
  /** Versions this handler decodes and answers. */
  readonly minVersion: number;
  readonly maxVersion: number;
  /**
   * The minimum advertised in ApiVersions when it differs from minVersion: Kafka 4 advertises
   * Produce from v0 (old librdkafka disables compression otherwise) but refuses v0-2.
   */
  readonly advertisedMinVersion?: number;
  handle(ctx: RequestContext, request: RequestOf<A>): HandlerResult<ResponseOf<A>> | Promise<HandlerResult<ResponseOf<A>>>;
}

export function defineHandler<A extends AnyCodec>(handler: Handler<A>): Handler<A> {
  if (handler.minVersion < handler.api.minVersion || handler.maxVersion > handler.api.maxVersion) {
    throw new Error(`${handler.api.name} handler serves ${handler.minVersion}-${handler.maxVersion}, outside the codec's ${handler.api.minVersion}-${handler.api.maxVersion}`);
  }
  return handler;
}
