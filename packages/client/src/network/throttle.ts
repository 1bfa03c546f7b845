/**
 * KIP-219: from these versions on, a broker that throttles a client (a quota) answers at once
 * with throttle_time_ms and expects the client to send nothing more on that connection until the
 * time has passed (it stops reading from it meanwhile). Older versions, and the APIs not listed,
 * are throttled by the broker alone. The versions are Kafka's (each response's
 * shouldClientThrottle in its Java client).
 */
import { ApiKey } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, abortError } from '../errors.ts';

const THROTTLED_BY_CLIENT_FROM = new Map<number, number>([
  [ApiKey.Produce, 6],
  [ApiKey.Fetch, 8],
  [ApiKey.ListOffsets, 3],
  [ApiKey.Metadata, 6],
  [ApiKey.OffsetCommit, 4],
  [ApiKey.OffsetFetch, 4],
  [ApiKey.FindCoordinator, 2],
  [ApiKey.JoinGroup, 3],
  [ApiKey.Heartbeat, 2],
  [ApiKey.LeaveGroup, 2],
  [ApiKey.SyncGroup, 2],
  [ApiKey.DescribeGroups, 2],
  [ApiKey.ListGroups, 2],
  [ApiKey.ApiVersions, 2],
  [ApiKey.CreateTopics, 3],
  [ApiKey.DeleteTopics, 2],
  [ApiKey.DeleteRecords, 1],
  [ApiKey.InitProducerId, 1],
  [ApiKey.AddPartitionsToTxn, 1],
  [ApiKey.AddOffsetsToTxn, 1],
  [ApiKey.EndTxn, 1],
  [ApiKey.TxnOffsetCommit, 1],
  [ApiKey.DescribeAcls, 1],
  [ApiKey.CreateAcls, 1],
  [ApiKey.DeleteAcls, 1],
  [ApiKey.DescribeConfigs, 2],
  [ApiKey.AlterConfigs, 1],
  [ApiKey.AlterReplicaLogDirs, 1],
  [ApiKey.DescribeLogDirs, 1],
  [ApiKey.CreatePartitions, 1],
  [ApiKey.CreateDelegationToken, 1],
  [ApiKey.RenewDelegationToken, 1],
  [ApiKey.ExpireDelegationToken, 1],
  [ApiKey.DescribeDelegationToken, 1],
  [ApiKey.DeleteGroups, 1],
  [ApiKey.ElectLeaders, 0],
  [ApiKey.IncrementalAlterConfigs, 0],
  [ApiKey.AlterPartitionReassignments, 0],
  [ApiKey.ListPartitionReassignments, 0],
  [ApiKey.OffsetDelete, 0],
  [ApiKey.DescribeUserScramCredentials, 0],
  [ApiKey.AlterUserScramCredentials, 0],
  [ApiKey.DescribeTopicPartitions, 0],
]);

/** Whether a response of this API and version with a throttle time holds this client's next requests. */
export function clientThrottles(apiKey: number, version: number): boolean {
  const from = THROTTLED_BY_CLIENT_FROM.get(apiKey);
  return from !== undefined && version >= from;
}

/**
 * A connection's requests while a throttle time runs: held, then sent in the order they were made
 * (a later request never overtakes a held one, so idempotent produces keep their sequence).
 *
 * A request is held at most its own limit (its request timeout; the producer's delivery timeout
 * for Produce, as Java holds unsent consumer and admin requests for request.timeout.ms and
 * batches for delivery.timeout.ms); past it, it fails with a retriable REQUEST_TIMEOUT, unsent,
 * so that a throttle time of hours (a tiny quota, or a broker's bug) turns into the caller's
 * usual timeouts instead of a wait as long.
 */
export class ThrottleGate {
  private until = 0;
  private held: HeldRequest[] = [];
  private timer: NodeJS.Timeout | null = null;

  /** The connection's closing error, if it has closed: held requests then fail with it. */
  private readonly closed: () => unknown;
  /** Names the connection in errors. */
  private readonly describe: () => string;

  constructor(closed: () => unknown, describe: () => string = () => 'the broker') {
    this.closed = closed;
    this.describe = describe;
  }

  /** True while a request made now must be held. */
  get holding(): boolean {
    return this.held.length > 0 || Date.now() < this.until;
  }

  /** How many requests are held now. */
  get heldCount(): number {
    return this.held.length;
  }

  /** A response's throttle time: requests made from now on wait it out. */
  throttleFor(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms);
    if (this.held.length > 0) this.arm();
  }

  /** Waits out the throttle time, then sends with `send`; fails unsent once held longer than `limitMs`. */
  hold(what: string, signal: AbortSignal | undefined, limitMs: number, send: () => Promise<unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const heldAt = Date.now();
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        clearTimeout(expiry);
      };
      const drop = (error: unknown) => {
        this.held = this.held.filter((h) => h !== entry);
        // Nothing left to send: no timer keeps the process up for the rest of the throttle time.
        if (this.held.length === 0 && this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        settle();
        reject(error);
      };
      const onAbort = () => drop(abortError(signal!, `${what} request`));
      const entry: HeldRequest = {
        send: () => {
          settle();
          send().then(resolve, reject);
        },
        fail: (e: unknown) => {
          settle();
          reject(e);
        },
      };
      const expiry = setTimeout(
        () =>
          drop(
            new KafkaError(
              ClientErrorCode.REQUEST_TIMEOUT,
              `${what} request to ${this.describe()} was not sent: the broker's throttle time (a client quota, KIP-219) held it ${Date.now() - heldAt} ms, longer than its timeout of ${limitMs} ms; raise the client's quota on the broker (kafka-configs --entity-type clients|users) or the timeout`,
              { retriable: true },
            ),
          ),
        Math.min(Math.max(0, limitMs), MAX_TIMER_MS),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      this.held.push(entry);
      this.arm();
    });
  }

  /** The connection closed: whatever is held fails with `error`. */
  failAll(error: unknown): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const h of this.held.splice(0)) h.fail(error);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    // Not unref'd: a held request is work still to do (each also has its own expiry).
    this.timer = setTimeout(() => this.release(), Math.min(Math.max(0, this.until - Date.now()), MAX_TIMER_MS));
  }

  private release(): void {
    this.timer = null;
    if (this.held.length === 0) return;
    if (Date.now() < this.until) return this.arm();
    const held = this.held;
    this.held = [];
    // Sent one after the other in this turn, so none is overtaken by a request made meanwhile.
    for (const h of held) {
      const error = this.closed();
      if (error) h.fail(error);
      else h.send();
    }
  }
}

interface HeldRequest {
  send(): void;
  fail(e: unknown): void;
}

/** The longest a Node timer waits (longer ones fire at once); a longer wait re-arms. */
const MAX_TIMER_MS = 2_147_483_647;
