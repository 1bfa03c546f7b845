/**
 * Finding the consumer's positions: for each assigned partition without one, the group's
 * committed offset, else the reset policy (auto.offset.reset or a seek to the beginning or end)
 * looked up with ListOffsets. One lookup runs at a time; a request for another while it runs
 * makes it go round again, and a failure is retried with backoff until the consumer closes.
 */
import { ClientErrorCode, KafkaError } from '../errors.ts';
import type { Cluster } from '../network/cluster.ts';
import type { ResolvedOf } from '../options.ts';
import { backoffMs, sleep } from '../util.ts';
import { tpKey } from './assignors.ts';
import type { consumerOptions } from './consumer-config.ts';
import type { Fetcher } from './fetcher.ts';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, type ListedOffset, fetchCommittedOffsets, listOffsets } from './offsets.ts';
import type { SubscriptionState } from './state.ts';

export class PositionLookup {
  /** The lookup running now, if any (position() waits on it). */
  task: Promise<void> | null = null;
  private again = false;

  private readonly cluster: Cluster;
  private readonly subs: SubscriptionState;
  private readonly fetcher: Fetcher;
  private readonly options: ResolvedOf<typeof consumerOptions>;
  private readonly isClosed: () => boolean;

  constructor(
    cluster: Cluster,
    subs: SubscriptionState,
    fetcher: Fetcher,
    options: ResolvedOf<typeof consumerOptions>,
    isClosed: () => boolean,
  ) {
    this.cluster = cluster;
    this.subs = subs;
    this.fetcher = fetcher;
    this.options = options;
    this.isClosed = isClosed;
  }

  /** Starts a lookup of the missing positions, or asks the running one to go round again. */
  ensure(): void {
    if (this.task) {
      this.again = true;
      return;
    }
    this.task = (async () => {
      for (let attempt = 0; !this.isClosed(); ) {
        this.again = false;
        try {
          await this.lookUp();
          attempt = 0;
        } catch (e) {
          await sleep(backoffMs(attempt++, this.options.retryBackoffMs, this.options.retryBackoffMaxMs)).catch(() => {});
          this.again = true;
        }
        if (!this.again) break;
      }
    })().finally(() => {
      this.task = null;
      this.fetcher.schedule();
      this.fetcher.notify();
    });
  }

  private async lookUp(): Promise<void> {
    const o = this.options;
    const policy = { retryBackoffMs: o.retryBackoffMs, retryBackoffMaxMs: o.retryBackoffMaxMs, timeoutMs: o.defaultApiTimeoutMs };
    const need = [...this.subs.states()].filter((s) => s.position === null && s.error === null);
    if (need.length === 0) return;
    const unknown = need.filter((s) => s.reset === null);
    if (unknown.length > 0) {
      if (o.groupId) {
        const committed = await fetchCommittedOffsets(this.cluster, o.groupId, unknown.map((s) => s.tp), policy);
        const byKey = new Map(committed.map((c) => [tpKey(c.topic, c.partition), c]));
        for (const s of unknown) {
          if (!s.assigned || s.position !== null) continue;
          const c = byKey.get(s.key);
          if (c && c.offset !== null) {
            s.position = c.offset;
            s.positionLeaderEpoch = c.leaderEpoch;
          } else this.applyResetPolicy(s);
        }
      } else {
        for (const s of unknown) this.applyResetPolicy(s);
      }
      this.fetcher.schedule();
    }
    const resets = [...this.subs.states()].filter((s) => s.position === null && s.reset !== null && s.error === null);
    if (resets.length === 0) return;
    // A seek may change a partition's reset while the lookup runs: only the lookup of the reset
    // still wanted may set the position (the next round looks up the new one).
    const kinds = resets.map((s) => s.reset);
    const listed = await listOffsets(
      this.cluster,
      resets.map((s, i) => ({ topic: s.topic, partition: s.partition, timestamp: kinds[i] === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP })),
      o.isolationLevel === 'read_committed' ? 1 : 0,
      policy,
    );
    resets.forEach((s, i) => {
      if (!s.assigned || s.position !== null || s.reset === null || s.reset !== kinds[i]) return;
      s.position = listed[i].offset;
      s.positionLeaderEpoch = listed[i].leaderEpoch;
      s.reset = null;
    });
  }

  private applyResetPolicy(s: { reset: 'earliest' | 'latest' | null; error: KafkaError | null; topic: string; partition: number }): void {
    const policy = this.options.autoOffsetReset;
    if (policy === 'none') {
      s.error = new KafkaError(ClientErrorCode.NO_OFFSET_FOR_PARTITION, `no committed offset for ${s.topic}-${s.partition} and autoOffsetReset is 'none'`, { topic: s.topic, partition: s.partition });
    } else {
      s.reset = policy;
    }
  }


  /** ListOffsets for the consumer's offset queries (beginningOffsets, endOffsets, offsetsForTimes). */
  list(requests: { topic: string; partition: number; timestamp: bigint }[], signal?: AbortSignal): Promise<ListedOffset[]> {
    this.cluster.addTopics(requests.map((r) => r.topic));
    return listOffsets(this.cluster, requests, this.options.isolationLevel === 'read_committed' ? 1 : 0, {
      retryBackoffMs: this.options.retryBackoffMs,
      retryBackoffMaxMs: this.options.retryBackoffMaxMs,
      timeoutMs: this.options.defaultApiTimeoutMs,
      signal,
    });
  }
}
