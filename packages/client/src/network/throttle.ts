/**
 * KIP-219: from these versions on, a broker that throttles a client (a quota) answers at once
 * with throttle_time_ms and expects the client to send nothing more on that connection until the
 * time has passed (it stops reading from it meanwhile). Older versions, and the APIs not listed,
 * are throttled by the broker alone. The versions are Kafka's (each response's
 * shouldClientThrottle in its Java client).
 */
import { ApiKey } from '@sluice/protocol';
import { abortError } from '../errors.js';

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
 */
export class ThrottleGate {
  private until = 0;
  private held: { send(): void; fail(e: unknown): void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** The connection's closing error, if it has closed: held requests then fail with it. */
    private readonly closed: () => unknown,
  ) {}

  /** True while a request made now must be held. */
  get holding(): boolean {
    return this.held.length > 0 || Date.now() < this.until;
  }

  /** A response's throttle time: requests made from now on wait it out. */
  throttleFor(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms);
    this.arm();
  }

  /** Waits out the throttle time, then sends with `send`. */
  hold(what: string, signal: AbortSignal | undefined, send: () => Promise<unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.held = this.held.filter((h) => h !== entry);
        reject(abortError(signal!, `${what} request`));
      };
      const entry = {
        send: () => {
          signal?.removeEventListener('abort', onAbort);
          send().then(resolve, reject);
        },
        fail: (e: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
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
    // Not unref'd: a held request is work still to do.
    this.timer = setTimeout(() => this.release(), Math.max(0, this.until - Date.now()));
  }

  private release(): void {
    this.timer = null;
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
