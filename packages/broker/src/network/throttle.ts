/**
 * Client quotas at the end of a request, as Kafka's KafkaApis does when it sends a response: the
 * produce bytes (producer_byte_rate) and the handler's time (request_percentage) are recorded,
 * the longest throttle time of these and of the handler's own quotas (Fetch, controller
 * mutations) goes into the response's throttle_time_ms, and the connection reads nothing more
 * for that long (KIP-219: answer at once, then mute), so clients that honour the throttle time
 * and clients that do not are held to the quota alike.
 */
import { Apis } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { throttleChannel } from '../diagnostics.ts';
import { boundedThrottleTimeMs, quotaUser } from '../quotas/index.ts';
import type { Connection } from './connection.ts';

/** Kafka records the SASL exchange as exempt from request quotas. */
const EXEMPT = new Set<number>([Apis.SaslHandshake.apiKey, Apis.SaslAuthenticate.apiKey]);

export class RequestThrottle {
  private quotaType = '';
  private throttleMs = 0;
  /** The handler recorded its time itself (Fetch): finish records none. */
  private requestTimeRecorded = false;
  private readonly user: string;
  private readonly clientId: string;

  private readonly broker: BrokerCore;
  private readonly connection: Connection;
  private readonly apiKey: number;
  private readonly requestBytes: number;

  constructor(
    broker: BrokerCore,
    connection: Connection,
    apiKey: number,
    clientId: string | null,
    principal: string,
    requestBytes: number,
  ) {
    this.broker = broker;
    this.connection = connection;
    this.apiKey = apiKey;
    this.requestBytes = requestBytes;
    this.user = quotaUser(principal);
    this.clientId = clientId ?? '';
  }

  /** A quota the handler found exceeded. */
  throttled(quotaType: string, throttleTimeMs: number): void {
    const ms = boundedThrottleTimeMs(throttleTimeMs);
    if (ms > this.throttleMs) {
      this.throttleMs = ms;
      this.quotaType = quotaType;
    }
  }

  /**
   * Records `handlerMs` under request_percentage now and gives the throttle time it calls for,
   * for a handler that decides its answer by it (Fetch); finish then records no more.
   */
  recordRequestTime(handlerMs: number): number {
    if (this.requestTimeRecorded || !this.countsForRequestQuota()) return 0;
    this.requestTimeRecorded = true;
    const quotas = this.broker.quotas;
    return boundedThrottleTimeMs(quotas.request.recordAndGetThrottleTimeMs(this.user, this.clientId, Math.max(0, handlerMs) / 10, quotas.clock()));
  }

  /**
   * Records the request's bytes and handler time, puts the throttle time in `body` (when its
   * version has the field) and mutes the connection. `handlerMs`: how long the handler ran.
   */
  finish(body: unknown, handlerMs: number): void {
    const quotas = this.broker.quotas;
    const now = quotas.clock();
    if (this.apiKey === Apis.Produce.apiKey) this.throttled('producer_byte_rate', quotas.produce.recordAndGetThrottleTimeMs(this.user, this.clientId, this.requestBytes, now));
    if (!this.requestTimeRecorded && this.countsForRequestQuota()) {
      // request_percentage is a percentage of one handler thread: 1 ms of work per second is 0.1 %.
      this.throttled('request_percentage', quotas.request.recordAndGetThrottleTimeMs(this.user, this.clientId, handlerMs / 10, now));
    }
    if (this.throttleMs <= 0) return;
    const answer = body as { throttleTimeMs?: unknown } | null;
    if (answer !== null && typeof answer.throttleTimeMs === 'number') answer.throttleTimeMs = Math.max(answer.throttleTimeMs, this.throttleMs);
    this.connection.throttle(this.throttleMs);
    if (throttleChannel.hasSubscribers) {
      throttleChannel.publish({ quotaType: this.quotaType, throttleTimeMs: this.throttleMs, apiKey: this.apiKey, principal: this.connection.session.principal, clientId: this.clientId, remote: this.connection.remote });
    }
  }

  private countsForRequestQuota(): boolean {
    return !EXEMPT.has(this.apiKey) && this.connection.session.authenticated;
  }
}
