/**
 * The fetcher keeps one Fetch request in flight per leader broker, for every assigned partition
 * that is not paused, has a position, and holds no undelivered records. That last rule is the
 * backpressure: at most one fetched chunk per partition (at most `maxPartitionFetchBytes`, and
 * `fetchMaxBytes` per response) waits for the application, and nothing more is fetched for a
 * partition until it has been delivered. Fetches are full (sessionless: session id 0, epoch -1),
 * listing every partition, as Kafka allows.
 */
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError, isStaleMetadataCode } from '../errors.ts';
import type { Cluster } from '../network/cluster.ts';
import { backoffMs } from '../util.ts';
import { recordsChannel, type ClientRecordsMessage } from '../diagnostics.ts';
import { decodeFetchedRecords, type ConsumerRecord } from './records.ts';
import type { CompletedFetch, PartitionState, ResetPolicy, SubscriptionState } from './state.ts';

export interface FetcherConfig {
  fetchMinBytes: number;
  fetchMaxBytes: number;
  fetchMaxWaitMs: number;
  maxPartitionFetchBytes: number;
  readCommitted: boolean;
  checkCrcs: boolean;
  clientRack: string;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  autoOffsetReset: ResetPolicy;
  /** Named in the sluice:client:records events; null without a group. */
  groupId?: string | null;
}

/** Records of one partition, delivered together. */
export interface ConsumerBatch {
  topic: string;
  partition: number;
  records: ConsumerRecord[];
  /** The partition's high watermark when fetched (lag = highWatermark - nextOffset). */
  highWatermark: bigint;
  /** The offset after this batch: the position once it is processed. */
  nextOffset: bigint;
}

export class Fetcher {
  private readonly completed: CompletedFetch[] = [];
  private readonly nodesFetching = new Set<number>();
  private readonly nodeFailures = new Map<number, number>();
  private waiters: Array<() => void> = [];
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Called when partitions need their position (re)set. */
  onPositionsNeeded: () => void = () => {};

  private readonly cluster: Cluster;
  private readonly subs: SubscriptionState;
  private readonly config: FetcherConfig;

  constructor(cluster: Cluster, subs: SubscriptionState, config: FetcherConfig) {
    this.cluster = cluster;
    this.subs = subs;
    this.config = config;
  }

  /** Sends fetches soon for whatever is fetchable. */
  schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.fetchAll();
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.notify();
  }

  /** Wakes everyone waiting for data (new records, an error, or a change to look at). */
  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves at the next notify, or after `ms`. */
  waitForData(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        const i = self.waiters.indexOf(done);
        if (i >= 0) self.waiters.splice(i, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private fetchable(s: PartitionState, now: number): boolean {
    return s.assigned && !s.paused && s.position !== null && s.reset === null && s.buffered === null && !s.fetching && s.error === null && s.backoffUntil <= now;
  }

  private fetchAll(): void {
    if (this.closed) return;
    const now = Date.now();
    const byNode = new Map<number, PartitionState[]>();
    let wakeAt = Infinity;
    let leaderMissing = false;
    for (const s of this.subs.states()) {
      if (s.backoffUntil > now && s.assigned && !s.fetching) wakeAt = Math.min(wakeAt, s.backoffUntil);
      if (!this.fetchable(s, now)) continue;
      const leader = this.cluster.topic(s.topic)?.partitions[s.partition]?.leader ?? -1;
      if (leader < 0) {
        leaderMissing = true;
        continue;
      }
      if (this.nodesFetching.has(leader)) continue;
      const list = byNode.get(leader);
      if (list) list.push(s);
      else byNode.set(leader, [s]);
    }
    if (leaderMissing) {
      this.cluster.requestUpdate();
      wakeAt = Math.min(wakeAt, now + this.config.retryBackoffMs);
    }
    for (const [node, states] of byNode) void this.fetchFrom(node, states);
    if (wakeAt !== Infinity) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, Math.max(1, wakeAt - now));
    }
  }

  private async fetchFrom(node: number, states: PartitionState[]): Promise<void> {
    this.nodesFetching.add(node);
    const positions = new Map<PartitionState, bigint>();
    for (const s of states) {
      s.fetching = true;
      positions.set(s, s.position!);
    }
    const c = this.config;
    try {
      const conn = await this.cluster.connection(node);
      let version = conn.requireVersion(Apis.Fetch);
      const byTopic = new Map<string, PartitionState[]>();
      for (const s of states) {
        const list = byTopic.get(s.topic);
        if (list) list.push(s);
        else byTopic.set(s.topic, [s]);
      }
      if (version >= 13) {
        for (const t of byTopic.keys()) {
          const id = this.cluster.topic(t)?.topicId;
          if (!id || id === ZERO_UUID) {
            version = conn.requireVersion(Apis.Fetch, 12);
            break;
          }
        }
      }
      const res = await conn.request(
        Apis.Fetch,
        {
          replicaId: -1,
          maxWaitMs: c.fetchMaxWaitMs,
          minBytes: c.fetchMinBytes,
          maxBytes: c.fetchMaxBytes,
          isolationLevel: c.readCommitted ? 1 : 0,
          sessionId: 0,
          sessionEpoch: -1,
          topics: [...byTopic].map(([topic, list]) => ({
            ...(version >= 13 ? { topicId: this.cluster.topic(topic)!.topicId } : { topic }),
            partitions: list.map((s) => ({
              partition: s.partition,
              currentLeaderEpoch: this.cluster.topic(topic)?.partitions[s.partition]?.leaderEpoch ?? -1,
              fetchOffset: positions.get(s)!,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: c.maxPartitionFetchBytes,
            })),
          })),
          forgottenTopicsData: [],
          rackId: c.clientRack,
        },
        { version, extraTimeoutMs: c.fetchMaxWaitMs },
      );
      if (res.errorCode !== 0) throw brokerError(res.errorCode, `Fetch from broker ${node}`);
      this.nodeFailures.delete(node);
      const work: Promise<void>[] = [];
      for (const t of res.responses) {
        const topic = version >= 13 ? this.cluster.topicNameById(t.topicId) : t.topic;
        const list = topic === undefined ? undefined : byTopic.get(topic);
        if (!list) continue;
        for (const p of t.partitions) {
          const s = list.find((x) => x.partition === p.partitionIndex);
          if (s) work.push(this.handlePartition(s, positions.get(s)!, p));
        }
      }
      await Promise.all(work);
    } catch (e) {
      const failures = (this.nodeFailures.get(node) ?? 0) + 1;
      this.nodeFailures.set(node, failures);
      const until = Date.now() + backoffMs(failures - 1, c.retryBackoffMs, c.retryBackoffMaxMs);
      for (const s of states) s.backoffUntil = until;
      if (!(e instanceof KafkaError) || !e.retriable) {
        const error = e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `fetch from broker ${node} failed: ${(e as Error)?.message ?? e}`, { cause: e });
        if (error.code === ClientErrorCode.UNSUPPORTED_API) for (const s of states) s.error = error;
      }
      this.cluster.requestUpdate();
    } finally {
      for (const s of states) s.fetching = false;
      this.nodesFetching.delete(node);
      this.schedule();
      this.notify();
    }
  }

  private async handlePartition(
    s: PartitionState,
    position: bigint,
    p: {
      errorCode: number;
      highWatermark: bigint;
      lastStableOffset: bigint;
      logStartOffset: bigint;
      abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null;
      records: Buffer | null;
    },
  ): Promise<void> {
    if (!s.assigned || s.position !== position) return;
    if (p.errorCode !== 0) {
      this.partitionError(s, p.errorCode);
      return;
    }
    s.highWatermark = p.highWatermark;
    s.lastStableOffset = p.lastStableOffset;
    s.logStartOffset = p.logStartOffset;
    if (!p.records || p.records.length === 0) return;
    let decoded;
    try {
      decoded = await decodeFetchedRecords(p.records, {
        topic: s.topic,
        partition: s.partition,
        fetchOffset: position,
        checkCrcs: this.config.checkCrcs,
        readCommitted: this.config.readCommitted,
        abortedTransactions: p.abortedTransactions,
      });
    } catch (e) {
      s.error = e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.PROTOCOL_ERROR, String(e), { cause: e });
      return;
    }
    // A seek or revocation while decoding makes these records stale.
    if (!s.assigned || s.position !== position) return;
    if (decoded.records.length > 0) {
      const cf: CompletedFetch = { state: s, records: decoded.records, index: 0, nextOffset: decoded.nextOffset, position, highWatermark: p.highWatermark };
      s.buffered = cf;
      this.completed.push(cf);
    } else if (decoded.nextOffset > position) {
      // Only control batches, aborted data or records below the position: move past them.
      s.position = decoded.nextOffset;
    }
  }

  private partitionError(s: PartitionState, code: number): void {
    const now = Date.now();
    if (code === ErrorCode.OFFSET_OUT_OF_RANGE) {
      if (this.config.autoOffsetReset === 'none') {
        s.error = new KafkaError(ClientErrorCode.NO_OFFSET_FOR_PARTITION, `offset ${s.position} is out of range for ${s.topic}-${s.partition} and autoOffsetReset is 'none'`, {
          topic: s.topic,
          partition: s.partition,
          cause: brokerError(code),
        });
      } else {
        s.position = null;
        s.reset = this.config.autoOffsetReset;
        this.onPositionsNeeded();
      }
      return;
    }
    if (isStaleMetadataCode(code) || code === ErrorCode.OFFSET_NOT_AVAILABLE) {
      this.cluster.requestUpdate();
      s.backoffUntil = now + this.config.retryBackoffMs;
      return;
    }
    const e = brokerError(code, `fetching ${s.topic}-${s.partition}`, { topic: s.topic, partition: s.partition });
    if (e.retriable) s.backoffUntil = now + this.config.retryBackoffMs;
    else s.error = e;
  }

  /** Whether records wait for delivery. */
  get hasBuffered(): boolean {
    return this.completed.length > 0;
  }

  /**
   * Takes up to `maxRecords` records of one partition from the buffer and advances its position
   * past them. Stale data (after a seek or revocation) is dropped; paused partitions keep theirs.
   */
  take(maxRecords: number): ConsumerBatch | null {
    for (let i = 0; i < this.completed.length; i++) {
      const cf = this.completed[i];
      const s = cf.state;
      if (!s.assigned || s.buffered !== cf || s.position !== cf.position) {
        this.completed.splice(i--, 1);
        if (s.buffered === cf) s.buffered = null;
        continue;
      }
      if (s.paused) continue;
      const end = Math.min(cf.records.length, cf.index + maxRecords);
      const records = cf.index === 0 && end === cf.records.length ? cf.records : cf.records.slice(cf.index, end);
      cf.index = end;
      const last = records[records.length - 1];
      const next = end === cf.records.length ? cf.nextOffset : last.offset + 1n;
      s.position = next;
      s.positionLeaderEpoch = last.leaderEpoch;
      cf.position = next;
      if (end === cf.records.length) {
        this.completed.splice(i, 1);
        s.buffered = null;
        this.schedule();
      }
      if (recordsChannel.hasSubscribers) this.publishDelivered(s.topic, s.partition, records);
      return { topic: s.topic, partition: s.partition, records, highWatermark: cf.highWatermark, nextOffset: next };
    }
    return null;
  }

  private publishDelivered(topic: string, partition: number, records: readonly ConsumerRecord[]): void {
    const message: ClientRecordsMessage = {
      clientId: this.cluster.config.clientId,
      groupId: this.config.groupId ?? null,
      topic,
      partition,
      records: records.length,
      firstOffset: records[0]!.offset,
      lastOffset: records[records.length - 1]!.offset,
    };
    recordsChannel.publish(message);
  }

  /** Drops buffered records of partitions no longer assigned (they are dropped lazily otherwise). */
  purge(): void {
    for (let i = 0; i < this.completed.length; i++) {
      const s = this.completed[i].state;
      if (!s.assigned) this.completed.splice(i--, 1);
    }
  }
}
