/**
 * What a producer, consumer or admin knows of the cluster: the brokers, the topics it cares
 * about and their partition leaders (refreshed periodically, and soon after any error that says
 * they moved), one connection per broker (plus separate "lanes" where a long-poll must not hold
 * up other traffic, e.g. the group coordinator), reconnection with exponential backoff and
 * jitter, and coordinator lookup.
 */
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError, closedError } from '../errors.ts';
import { backoffMs, parseHostPort, raceSignal, sleep } from '../util.ts';
import { Connection, type FinalizedFeatures, NO_FINALIZED_FEATURES } from './connection.ts';
import { type TopicPartitionInfo, partitionInfo } from './partition-info.ts';
import type { SaslMechanism } from './sasl.ts';

export interface ClusterConfig {
  bootstrapServers: string | readonly string[];
  clientId: string;
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  reconnectBackoffMs: number;
  reconnectBackoffMaxMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  metadataMaxAgeMs: number;
  tls: TlsOptions | boolean | undefined;
  sasl: SaslMechanism | undefined;
  /** Let Metadata requests create missing topics (when the broker allows it). */
  allowAutoTopicCreation?: boolean;
}

export interface BrokerMeta {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

/** A partition as the cluster keeps it: Metadata's facts and the partition's error in that answer. */
export interface PartitionMeta extends TopicPartitionInfo {
  errorCode: number;
}

export interface TopicMeta {
  name: string;
  /** Kafka's topic id, or ZERO_UUID when the broker does not report one. */
  topicId: string;
  isInternal: boolean;
  /** By partition number. */
  partitions: PartitionMeta[];
}

/**
 * What the client owning a Cluster says about its topics of interest. Java's Metadata asks its
 * subclass the same: ConsumerMetadata and ProducerMetadata name the topics they need, while the
 * Admin keeps no topic list at all.
 */
export interface TopicScope {
  /**
   * Whether the client cannot work without this topic's metadata (Java's
   * SubscriptionState.needsMetadata: a consumer's subscription, pattern matches, assignment and,
   * as group leader, the group's subscription; a producer's topics): a missing or leaderless
   * answer for it is asked again after the retry backoff instead of at metadata.max.age.ms.
   */
  needsMetadata(topic: string): boolean;
  /** Whether the topic stays in the Metadata requests (Java's Metadata.retainTopic); all stay without it. */
  retainTopic?(topic: string, nowMs: number): boolean;
}

/** An Admin's scope: topics it looked at are kept, but none is asked for again on its own. */
const NO_NEEDED_TOPICS: TopicScope = { needsMetadata: () => false };

export const CoordinatorType = { Group: 0, Transaction: 1 } as const;
export type CoordinatorType = (typeof CoordinatorType)[keyof typeof CoordinatorType];

interface Slot {
  conn: Connection | null;
  opening: Promise<Connection> | null;
  failures: number;
  retryAt: number;
}

export class Cluster {
  readonly config: ClusterConfig;
  private readonly bootstrap: { host: string; port: number }[];
  private brokers = new Map<number, BrokerMeta>();
  private topics = new Map<string, TopicMeta>();
  private topicErrors = new Map<string, number>();
  private topicNamesById = new Map<string, string>();
  /** Bumped on every metadata update. */
  version = 0;
  clusterId: string | null = null;
  controllerId = -1;
  private readonly interest = new Set<string>();
  private scope: TopicScope = NO_NEEDED_TOPICS;
  private allTopics = false;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private lastRefreshAt = 0;
  /** Refreshes in a row that left a topic of interest without usable metadata (backoff of the next). */
  private unsettledRefreshes = 0;
  private refreshTimer: NodeJS.Timeout | null = null;
  private soonTimer: NodeJS.Timeout | null = null;
  private readonly slots = new Map<string, Slot>();
  private readonly coordinators = new Map<string, number>();
  private features: FinalizedFeatures = NO_FINALIZED_FEATURES;
  private closed = false;
  private readonly updateListeners = new Set<() => void>();

  constructor(config: ClusterConfig) {
    this.config = config;
    const servers = typeof config.bootstrapServers === 'string' ? config.bootstrapServers.split(',') : [...config.bootstrapServers];
    this.bootstrap = servers.filter((s) => s.trim().length > 0).map(parseHostPort);
  }

  // ---------------------------------------------------------------- metadata

  topic(name: string): TopicMeta | undefined {
    return this.topics.get(name);
  }

  topicError(name: string): number | undefined {
    return this.topicErrors.get(name);
  }

  topicNameById(id: string): string | undefined {
    return this.topicNamesById.get(id);
  }

  knownTopics(): IterableIterator<TopicMeta> {
    return this.topics.values();
  }

  broker(nodeId: number): BrokerMeta | undefined {
    return this.brokers.get(nodeId);
  }

  brokerList(): BrokerMeta[] {
    return [...this.brokers.values()];
  }

  /** Calls `listener` after every metadata update; returns a function that removes it. */
  onUpdate(listener: () => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Adds topics to those kept in the metadata; true if any was new. */
  addTopics(names: Iterable<string>): boolean {
    let added = false;
    for (const n of names) {
      if (!this.interest.has(n)) {
        this.interest.add(n);
        added = true;
      }
    }
    return added;
  }

  /** Replaces the topics of interest (a consumer's subscription); others are forgotten. */
  setTopics(names: Iterable<string>): void {
    this.interest.clear();
    for (const n of names) this.interest.add(n);
  }

  /** Which topics of interest are needed soon when unsettled, and which are kept (TopicScope). */
  setScope(scope: TopicScope): void {
    this.scope = scope;
  }

  /** Fetch metadata for every topic of the cluster (pattern subscriptions, admin listings). */
  setAllTopics(all: boolean): void {
    this.allTopics = all;
  }

  /** Refreshes soon, without waiting (after an error that says the metadata is stale). */
  requestUpdate(): void {
    if (this.closed || this.soonTimer || this.refreshing) {
      if (this.refreshing) this.refreshAgain = true;
      return;
    }
    this.refreshAfter(Math.max(0, this.lastRefreshAt + this.config.retryBackoffMs - Date.now()));
  }

  /** A refresh in `wait` ms, unless one is already due. */
  private refreshAfter(wait: number): void {
    if (this.closed || this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      this.refresh().catch(() => {
        /* retried on the next request or periodic refresh */
      });
    }, wait);
    this.soonTimer.unref();
  }

  /** Refreshes the metadata now; concurrent calls share one request (and ask again if needed). */
  async refresh(signal?: AbortSignal): Promise<void> {
    if (this.closed) throw closedError('client');
    if (this.refreshing) {
      this.refreshAgain = true;
      await raceSignal(this.refreshing, signal, 'metadata refresh');
      return;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.fetchMetadata(signal);
        } while (this.refreshAgain && !this.closed);
      } finally {
        this.refreshing = null;
      }
    })();
    await this.refreshing;
  }

  private async fetchMetadata(signal?: AbortSignal): Promise<void> {
    this.dropUnretainedTopics();
    const names = [...this.interest];
    const conn = await this.anyConnection(signal);
    const version = conn.requireVersion(Apis.Metadata);
    const topics = this.allTopics ? null : names.map((name) => ({ name }));
    const res = await conn.request(
      Apis.Metadata,
      { topics, allowAutoTopicCreation: version < 4 ? true : (this.config.allowAutoTopicCreation ?? true) },
      { version, signal },
    );
    if (res.errorCode) throw brokerError(res.errorCode, 'Metadata');
    const brokers = new Map<number, BrokerMeta>();
    for (const b of res.brokers) brokers.set(b.nodeId, { nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack });
    const topicsMap = new Map<string, TopicMeta>();
    const errors = new Map<string, number>();
    const byId = new Map<string, string>();
    for (const t of res.topics) {
      if (t.name === null) continue;
      if (t.errorCode !== 0 && t.partitions.length === 0) {
        errors.set(t.name, t.errorCode);
        continue;
      }
      const partitions: PartitionMeta[] = [];
      for (const p of t.partitions) {
        partitions[p.partitionIndex] = { ...partitionInfo(p), errorCode: p.errorCode };
      }
      // A partition missing from the answer is unknown, not absent: keep the array dense.
      for (let i = 0; i < partitions.length; i++) {
        if (!partitions[i]) partitions[i] = { partition: i, leader: -1, leaderEpoch: -1, replicas: [], isr: [], offlineReplicas: [], errorCode: ErrorCode.LEADER_NOT_AVAILABLE };
      }
      topicsMap.set(t.name, { name: t.name, topicId: t.topicId ?? ZERO_UUID, isInternal: t.isInternal, partitions });
      if (t.topicId && t.topicId !== ZERO_UUID) byId.set(t.topicId, t.name);
      if (t.errorCode !== 0) errors.set(t.name, t.errorCode);
    }
    this.brokers = brokers;
    this.topics = topicsMap;
    this.topicErrors = errors;
    this.topicNamesById = byId;
    this.clusterId = res.clusterId;
    this.controllerId = res.controllerId;
    this.version++;
    this.lastRefreshAt = Date.now();
    this.armPeriodicRefresh();
    for (const l of this.updateListeners) l();
    this.refreshSoonIfUnsettled(this.allTopics ? new Set([...names, ...topicsMap.keys()]) : names);
  }

  /** As Java's producer forgets topics idle for metadata.max.idle.ms: they leave the requests. */
  private dropUnretainedTopics(): void {
    const scope = this.scope;
    if (!scope.retainTopic) return;
    const now = Date.now();
    for (const name of this.interest) if (!scope.retainTopic(name, now)) this.interest.delete(name);
  }

  /**
   * As Java's Metadata does for every InvalidMetadataException in an answer: a topic of interest
   * that is missing (not created yet, or being created: LEADER_NOT_AVAILABLE) or has a partition
   * without a leader is asked for again after the retry backoff, growing to its maximum, instead
   * of at metadata.max.age.ms (minutes): a group consumer subscribed before its topic existed
   * would otherwise wait that long for the rebalance that assigns it. Only topics the client
   * needs count (TopicScope): a topic an Admin once looked at and that was deleted since would
   * otherwise be asked for every retry.backoff.max.ms for as long as the Admin lives.
   */
  private refreshSoonIfUnsettled(names: Iterable<string>): void {
    const unsettled = [...names].some((name) => {
      if (!this.scope.needsMetadata(name)) return false;
      const t = this.topics.get(name);
      if (!t || t.partitions.length === 0) return true;
      return t.partitions.some((p) => p.leader < 0);
    });
    if (!unsettled) {
      this.unsettledRefreshes = 0;
      return;
    }
    // Not requestUpdate(): called inside a refresh, it would ask again at once, with no backoff.
    this.refreshAfter(backoffMs(this.unsettledRefreshes++, this.config.retryBackoffMs, this.config.retryBackoffMaxMs));
  }

  private armPeriodicRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.closed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refresh().catch(() => this.armPeriodicRefresh());
    }, this.config.metadataMaxAgeMs);
    this.refreshTimer.unref();
  }

  /**
   * Waits until the topic's metadata is known (creating it when auto-creation is on), refreshing
   * with backoff while the broker reports a retriable error, for at most `timeoutMs`.
   */
  async waitForTopic(name: string, timeoutMs: number, signal?: AbortSignal): Promise<TopicMeta> {
    const deadline = Date.now() + timeoutMs;
    if (this.addTopics([name])) await this.refreshWithin(deadline, signal);
    for (let attempt = 0; ; attempt++) {
      const t = this.topics.get(name);
      if (t && t.partitions.length > 0) return t;
      const code = this.topicErrors.get(name);
      if (code !== undefined && code !== 0) {
        const e = brokerError(code, `metadata for topic '${name}'`, { topic: name });
        if (!e.retriable) throw e;
      }
      if (Date.now() >= deadline) {
        throw new KafkaError(ClientErrorCode.MAX_BLOCK_TIMEOUT, `topic '${name}' is not in the metadata after ${timeoutMs} ms`, {
          retriable: true,
          topic: name,
          ...(code ? { cause: brokerError(code, `topic '${name}'`) } : {}),
        });
      }
      await sleep(Math.min(backoffMs(attempt, this.config.retryBackoffMs, this.config.retryBackoffMaxMs), Math.max(0, deadline - Date.now())), signal);
      await this.refreshWithin(deadline, signal);
    }
  }

  private async refreshWithin(deadline: number, signal?: AbortSignal): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.refresh(signal);
        return;
      } catch (e) {
        if (!(e instanceof KafkaError) || !e.retriable || Date.now() >= deadline) throw e;
        await sleep(Math.min(backoffMs(attempt, this.config.retryBackoffMs, this.config.retryBackoffMaxMs), Math.max(0, deadline - Date.now())), signal);
      }
    }
  }

  // ---------------------------------------------------------------- connections

  /** The connection to a broker, opened (with backoff after failures) when needed. */
  connection(nodeId: number, lane = '', signal?: AbortSignal): Promise<Connection> {
    if (this.closed) return Promise.reject(closedError('client'));
    const key = lane ? `${nodeId}/${lane}` : String(nodeId);
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { conn: null, opening: null, failures: 0, retryAt: 0 };
      this.slots.set(key, slot);
    }
    if (slot.conn && slot.conn.isOpen) return Promise.resolve(slot.conn);
    if (!slot.opening) slot.opening = this.open(nodeId, slot);
    return raceSignal(slot.opening, signal, 'connecting');
  }

  /** An open connection to the broker, or null (never opens one). */
  existingConnection(nodeId: number, lane = ''): Connection | null {
    const slot = this.slots.get(lane ? `${nodeId}/${lane}` : String(nodeId));
    return slot?.conn?.isOpen ? slot.conn : null;
  }

  private async open(nodeId: number, slot: Slot): Promise<Connection> {
    try {
      const wait = slot.retryAt - Date.now();
      if (wait > 0) await sleep(wait);
      if (this.closed) throw closedError('client');
      const address = nodeId < 0 ? this.bootstrap[-nodeId - 1] : this.brokers.get(nodeId);
      if (!address) {
        this.requestUpdate();
        throw new KafkaError(ClientErrorCode.CONNECTION_FAILED, `broker ${nodeId} is not in the metadata`, { retriable: true });
      }
      const tlsOption = this.config.tls;
      const conn = await Connection.open({
        host: address.host,
        port: address.port,
        nodeId,
        clientId: this.config.clientId,
        tls: tlsOption === true ? {} : tlsOption === false ? undefined : tlsOption,
        sasl: this.config.sasl,
        connectTimeoutMs: this.config.connectionTimeoutMs,
        requestTimeoutMs: this.config.requestTimeoutMs,
      });
      if (this.closed) {
        conn.close();
        throw closedError('client');
      }
      slot.failures = 0;
      slot.conn = conn;
      // As Java's ApiVersions: the features of the newest feature metadata any broker answered.
      if (conn.finalizedFeatures.epoch > this.features.epoch) this.features = conn.finalizedFeatures;
      conn.onClose(() => {
        if (slot.conn === conn) slot.conn = null;
        slot.retryAt = Date.now() + backoffMs(slot.failures, this.config.reconnectBackoffMs, this.config.reconnectBackoffMaxMs);
      });
      return conn;
    } catch (e) {
      slot.failures++;
      slot.retryAt = Date.now() + backoffMs(slot.failures - 1, this.config.reconnectBackoffMs, this.config.reconnectBackoffMaxMs);
      if (nodeId >= 0) this.requestUpdate();
      throw e;
    } finally {
      slot.opening = null;
    }
  }

  /**
   * Some usable connection: an open one to a known broker if there is one, else the first
   * broker (then bootstrap address) that accepts a connection.
   */
  async anyConnection(signal?: AbortSignal): Promise<Connection> {
    for (const id of this.brokers.keys()) {
      const c = this.existingConnection(id);
      if (c) return c;
    }
    const candidates = [...this.brokers.keys()].sort(() => Math.random() - 0.5);
    candidates.push(...this.bootstrap.map((_, i) => -i - 1));
    let last: unknown = null;
    for (const id of candidates) {
      try {
        return await this.connection(id, '', signal);
      } catch (e) {
        if (e instanceof KafkaError && e.code === ClientErrorCode.ABORTED) throw e;
        last = e;
      }
    }
    throw last instanceof KafkaError
      ? last
      : new KafkaError(ClientErrorCode.CONNECTION_FAILED, 'no broker could be reached', { retriable: true, cause: last });
  }

  // ---------------------------------------------------------------- coordinators

  /** The node id of the group or transaction coordinator for `key`, looked up when unknown. */
  async coordinator(type: CoordinatorType, key: string, signal?: AbortSignal): Promise<number> {
    const cacheKey = `${type}:${key}`;
    const known = this.coordinators.get(cacheKey);
    if (known !== undefined) return known;
    const conn = await this.anyConnection(signal);
    const version = conn.requireVersion(Apis.FindCoordinator);
    const res = await conn.request(
      Apis.FindCoordinator,
      version >= 4 ? { keyType: type, coordinatorKeys: [key] } : { key, keyType: type },
      { version, signal },
    );
    const found =
      version >= 4
        ? res.coordinators[0]
        : { nodeId: res.nodeId, host: res.host, port: res.port, errorCode: res.errorCode, errorMessage: res.errorMessage };
    if (!found) throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `FindCoordinator answered no coordinator for '${key}'`, { retriable: true });
    if (found.errorCode !== 0) throw brokerError(found.errorCode, `FindCoordinator for '${key}'`, { message: found.errorMessage });
    if (!this.brokers.has(found.nodeId)) this.brokers.set(found.nodeId, { nodeId: found.nodeId, host: found.host, port: found.port, rack: null });
    this.coordinators.set(cacheKey, found.nodeId);
    return found.nodeId;
  }

  /** The finalized level of a cluster feature (0 when no broker answered one), e.g. `transaction.version`. */
  finalizedFeatureLevel(name: string): number {
    return this.features.levels.get(name) ?? 0;
  }

  /** Forgets a coordinator (after NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE or a lost connection). */
  invalidateCoordinator(type: CoordinatorType, key: string): void {
    this.coordinators.delete(`${type}:${key}`);
  }

  // ---------------------------------------------------------------- lifecycle

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    for (const slot of this.slots.values()) slot.conn?.close();
    this.slots.clear();
    this.updateListeners.clear();
  }
}
