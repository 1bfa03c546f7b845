/**
 * The admin client: topics, partitions, configs, consumer groups and their offsets, records and
 * log offsets, the cluster. Each call goes where Kafka's Admin sends it (the controller for topic
 * changes, the group coordinator for groups, partition leaders for records and offsets) and
 * retries retriable errors within `defaultApiTimeoutMs` (or the call's own `timeoutMs`).
 * The consumer-group calls are in group-calls.ts, the config calls in config-calls.ts, producer
 * fencing in fence-calls.ts, the argument and result types in admin-types.ts.
 */
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError, closedError, isStaleMetadataCode } from '../errors.ts';
import type { TopicPartition } from '../consumer/assignors.ts';
import {
  type CommitTarget,
  type CommittedOffset,
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  type ListedOffset,
  MAX_TIMESTAMP,
  type RetryPolicy,
  listOffsets,
  withRetries,
} from '../consumer/offsets.ts';
import { Cluster } from '../network/cluster.ts';
import { partitionInfo } from '../network/partition-info.ts';
import type { Connection } from '../network/connection.ts';
import { resolveOptions } from '../options.ts';
import { type AdminOptions, adminOptions } from './admin-config.ts';
import type { AlterConfigOp, CallOptions, ClusterDescription, ConfigResource, ConfigResourceType, ConfigSource, CreatedTopic, GroupDescription, GroupListing, NewTopic, OffsetSpec, ResourceConfig, TopicDescription } from './admin-types.ts';
import { ConfigCalls, SOURCES } from './config-calls.ts';
import { FenceCalls, type FencedProducer } from './fence-calls.ts';
import { GroupCalls } from './group-calls.ts';
import { QuotaCalls, type ClientQuotaAlteration, type ClientQuotaEntry, type ClientQuotaFilter } from './quota-calls.ts';
import { ScramCalls, type UserScramCredentialAlteration, type UserScramCredentials } from './scram-calls.ts';

export { type AdminOptions, adminOptions } from './admin-config.ts';

export type {
  AlterConfigOp,
  CallOptions,
  ClusterDescription,
  ConfigEntry,
  ConfigResource,
  ConfigResourceType,
  ConfigSource,
  CreatedTopic,
  GroupDescription,
  GroupListing,
  GroupMemberDescription,
  NewTopic,
  OffsetSpec,
  ResourceConfig,
  TopicDescription,
  TopicPartitionInfo,
} from './admin-types.ts';


export class Admin {
  readonly options: ReturnType<typeof resolveOptions<typeof adminOptions>>;
  private readonly cluster: Cluster;
  private closed = false;
  private readonly groupCalls: GroupCalls;
  private readonly scramCalls: ScramCalls;
  private readonly quotaCalls: QuotaCalls;
  private readonly fenceCalls: FenceCalls;
  private readonly configCalls: ConfigCalls;

  constructor(options: AdminOptions) {
    this.options = resolveOptions(adminOptions, options, 'admin');
    this.cluster = new Cluster({ ...this.options, allowAutoTopicCreation: false });
    const context = { cluster: this.cluster, policy: (o: CallOptions) => this.policy(o), retry: <T>(what: string, o: CallOptions, fn: (attempt: number) => Promise<T>) => this.retry(what, o, fn), isClosed: () => this.closed };
    this.groupCalls = new GroupCalls(context);
    this.scramCalls = new ScramCalls(context);
    this.quotaCalls = new QuotaCalls(context);
    this.fenceCalls = new FenceCalls(context, this.options.requestTimeoutMs);
    this.configCalls = new ConfigCalls(context);
  }

  async connect(options: CallOptions = {}): Promise<void> {
    await this.retry('connecting', options, () => this.cluster.refresh(options.signal));
  }

  close(): Promise<void> {
    this.closed = true;
    this.cluster.close();
    return Promise.resolve();
  }

  private policy(options: CallOptions): RetryPolicy {
    return {
      retryBackoffMs: this.options.retryBackoffMs,
      retryBackoffMaxMs: this.options.retryBackoffMaxMs,
      timeoutMs: options.timeoutMs ?? this.options.defaultApiTimeoutMs,
      signal: options.signal,
    };
  }

  private retry<T>(what: string, options: CallOptions, fn: (attempt: number) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(closedError('admin'));
    return withRetries(what, this.policy(options), fn);
  }

  /** The controller when the metadata names one we can reach, else any broker. */
  private async controller(signal?: AbortSignal): Promise<Connection> {
    if (this.cluster.version === 0) await this.cluster.refresh(signal);
    const id = this.cluster.controllerId;
    if (id >= 0 && this.cluster.broker(id)) {
      try {
        return await this.cluster.connection(id, '', signal);
      } catch {
        // fall through to any broker: KRaft brokers forward to the controller
      }
    }
    return this.cluster.anyConnection(signal);
  }

  // ---------------------------------------------------------------- topics

  /** Creates topics; rejects with the first topic's error (TOPIC_ALREADY_EXISTS unless `ifNotExists`). */
  async createTopics(
    topics: readonly NewTopic[],
    options: CallOptions & { validateOnly?: boolean; ifNotExists?: boolean; waitForLeaders?: boolean } = {},
  ): Promise<CreatedTopic[]> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultApiTimeoutMs;
    const created = await this.retry('creating topics', options, async () => {
      const conn = await this.controller(options.signal);
      const version = conn.requireVersion(Apis.CreateTopics);
      const res = await conn.request(
        Apis.CreateTopics,
        {
          topics: topics.map((t) => ({
            name: t.name,
            numPartitions: t.replicaAssignment ? -1 : (t.numPartitions ?? -1),
            replicationFactor: t.replicaAssignment ? -1 : (t.replicationFactor ?? -1),
            assignments: Object.entries(t.replicaAssignment ?? {}).map(([p, brokerIds]) => ({ partitionIndex: Number(p), brokerIds: [...brokerIds] })),
            configs: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
          })),
          timeoutMs,
          validateOnly: options.validateOnly ?? false,
        },
        { version, signal: options.signal, extraTimeoutMs: timeoutMs },
      );
      const out: CreatedTopic[] = [];
      for (const r of res.topics) {
        if (r.errorCode === ErrorCode.NOT_CONTROLLER) {
          await this.cluster.refresh(options.signal);
          throw brokerError(r.errorCode, `creating topic '${r.name}'`);
        }
        if (r.errorCode === ErrorCode.TOPIC_ALREADY_EXISTS && options.ifNotExists) continue;
        if (r.errorCode !== 0) {
          const e = brokerError(r.errorCode, `creating topic '${r.name}'`, { topic: r.name, message: r.errorMessage });
          // A retried request may find the topic it already created.
          throw e.retriable ? e : new KafkaError(e.code, e.message, { errorCode: e.errorCode, topic: r.name, cause: e, retriable: false });
        }
        out.push({
          name: r.name,
          topicId: r.topicId ?? ZERO_UUID,
          numPartitions: r.numPartitions,
          replicationFactor: r.replicationFactor,
          configs: (r.configs ?? []).map((c) => ({
            name: c.name,
            value: c.value,
            readOnly: c.readOnly,
            isSensitive: c.isSensitive,
            source: SOURCES[c.configSource] ?? 'unknown',
            isDefault: c.configSource === 5,
            synonyms: [],
            documentation: null,
          })),
        });
      }
      return out;
    });
    if ((options.waitForLeaders ?? true) && !options.validateOnly) await this.waitForLeaders(topics.map((t) => t.name), options);
    return created;
  }

  /** Waits until the metadata lists every partition of the topics with a leader. */
  private async waitForLeaders(names: string[], options: CallOptions): Promise<void> {
    this.cluster.addTopics(names);
    await this.retry('waiting for topic leaders', options, async () => {
      await this.cluster.refresh(options.signal);
      for (const n of names) {
        const t = this.cluster.topic(n);
        if (!t || t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0)) {
          throw new KafkaError(ClientErrorCode.TIMEOUT, `topic '${n}' has no leader for every partition yet`, { retriable: true, topic: n });
        }
      }
    });
  }

  async deleteTopics(names: readonly string[], options: CallOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultApiTimeoutMs;
    await this.retry('deleting topics', options, async () => {
      const conn = await this.controller(options.signal);
      const version = conn.requireVersion(Apis.DeleteTopics);
      const res = await conn.request(
        Apis.DeleteTopics,
        version >= 6 ? { topics: names.map((name) => ({ name, topicId: ZERO_UUID })), timeoutMs } : { topicNames: [...names], timeoutMs },
        { version, signal: options.signal, extraTimeoutMs: timeoutMs },
      );
      for (const r of res.responses) {
        if (r.errorCode === 0) continue;
        if (r.errorCode === ErrorCode.NOT_CONTROLLER) await this.cluster.refresh(options.signal);
        throw brokerError(r.errorCode, `deleting topic '${r.name}'`, { topic: r.name ?? undefined, message: r.errorMessage });
      }
    });
  }

  /** Names of the cluster's topics (internal ones only when asked). */
  async listTopics(options: CallOptions & { includeInternal?: boolean } = {}): Promise<string[]> {
    const all = await this.allTopicsMetadata(options);
    return all.filter((t) => options.includeInternal || !t.isInternal).map((t) => t.name).sort();
  }

  private async allTopicsMetadata(options: CallOptions): Promise<TopicDescription[]> {
    return this.retry('listing topics', options, async () => {
      const conn = await this.cluster.anyConnection(options.signal);
      const version = conn.requireVersion(Apis.Metadata);
      const res = await conn.request(Apis.Metadata, { topics: null, allowAutoTopicCreation: version < 4 }, { version, signal: options.signal });
      return res.topics
        .filter((t) => t.errorCode === 0 && t.name !== null)
        .map((t) => ({
          name: t.name!,
          topicId: t.topicId,
          isInternal: t.isInternal,
          partitions: t.partitions
            .map(partitionInfo)
            .sort((a, b) => a.partition - b.partition),
        }));
    });
  }

  /** Partitions, leaders and topic ids; rejects with UNKNOWN_TOPIC_OR_PARTITION for a missing topic. */
  async describeTopics(names: readonly string[], options: CallOptions = {}): Promise<TopicDescription[]> {
    return this.retry('describing topics', options, async () => {
      const conn = await this.cluster.anyConnection(options.signal);
      const version = conn.requireVersion(Apis.Metadata);
      const res = await conn.request(Apis.Metadata, { topics: names.map((name) => ({ name })), allowAutoTopicCreation: version < 4 }, { version, signal: options.signal });
      const byName = new Map(res.topics.map((t) => [t.name, t]));
      return names.map((name) => {
        const t = byName.get(name);
        if (!t) throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `Metadata did not answer for topic '${name}'`, { retriable: true });
        if (t.errorCode !== 0) {
          const e = brokerError(t.errorCode, `describing topic '${name}'`, { topic: name });
          // Unknown topics are an answer here, not a reason to wait.
          throw t.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? new KafkaError(e.code, e.message, { errorCode: e.errorCode, topic: name }) : e;
        }
        return {
          name,
          topicId: t.topicId,
          isInternal: t.isInternal,
          partitions: t.partitions
            .map(partitionInfo)
            .sort((a, b) => a.partition - b.partition),
        };
      });
    });
  }

  /** Raises topics' partition counts to `count`. */
  async createPartitions(
    topics: readonly { topic: string; count: number; assignments?: readonly (readonly number[])[] }[],
    options: CallOptions & { validateOnly?: boolean } = {},
  ): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultApiTimeoutMs;
    await this.retry('creating partitions', options, async () => {
      const conn = await this.controller(options.signal);
      const res = await conn.request(
        Apis.CreatePartitions,
        {
          topics: topics.map((t) => ({ name: t.topic, count: t.count, assignments: t.assignments ? t.assignments.map((b) => ({ brokerIds: [...b] })) : null })),
          timeoutMs,
          validateOnly: options.validateOnly ?? false,
        },
        { signal: options.signal, extraTimeoutMs: timeoutMs },
      );
      for (const r of res.results) {
        if (r.errorCode === 0) continue;
        if (r.errorCode === ErrorCode.NOT_CONTROLLER) await this.cluster.refresh(options.signal);
        throw brokerError(r.errorCode, `creating partitions of '${r.name}'`, { topic: r.name, message: r.errorMessage });
      }
    });
    this.cluster.requestUpdate();
  }

  // ---------------------------------------------------------------- configs (config-calls.ts)

  describeConfigs(resources: readonly ConfigResource[], options: CallOptions & { includeSynonyms?: boolean; includeDocumentation?: boolean } = {}): Promise<ResourceConfig[]> {
    return this.configCalls.describeConfigs(resources, options);
  }

  /** Replaces the whole dynamic config of each resource (configs not given revert to defaults). */
  alterConfigs(resources: readonly { type: ConfigResourceType; name: string; configs: Readonly<Record<string, string | null>> }[], options: CallOptions & { validateOnly?: boolean } = {}): Promise<void> {
    return this.configCalls.alterConfigs(resources, options);
  }

  /** Changes single configs: set, delete (back to default), append to or subtract from a list. */
  incrementalAlterConfigs(resources: readonly { type: ConfigResourceType; name: string; ops: readonly AlterConfigOp[] }[], options: CallOptions & { validateOnly?: boolean } = {}): Promise<void> {
    return this.configCalls.incrementalAlterConfigs(resources, options);
  }

  // ---------------------------------------------------------------- client quotas (quota-calls.ts)
  /**
   * The client quotas of the entities the filter matches (every one by default), as Java's
   * Admin.describeClientQuotas: `{ components: [{ entityType: 'user', match: 'alice' }] }`, `match:
   * null` for the default entity, no `match` for any entity of the type; `strict` for no other types.
   */
  describeClientQuotas(filter?: ClientQuotaFilter, options: CallOptions = {}): Promise<ClientQuotaEntry[]> {
    return this.quotaCalls.describeClientQuotas(filter, options);
  }

  /** Sets (a number) or removes (null) quotas, as Java's Admin.alterClientQuotas; `validateOnly` changes nothing. */
  alterClientQuotas(alterations: readonly ClientQuotaAlteration[], options: CallOptions & { validateOnly?: boolean } = {}): Promise<void> {
    return this.quotaCalls.alterClientQuotas(alterations, options);
  }

  // ---------------------------------------------------------------- SCRAM users (scram-calls.ts)
  /** The users' SCRAM mechanisms and iteration counts (every user without `users`). */
  describeUserScramCredentials(users?: readonly string[], options: CallOptions = {}): Promise<UserScramCredentials[]> {
    return this.scramCalls.describeUserScramCredentials(users, options);
  }

  /** Adds, replaces or deletes SCRAM credentials; the password is salted here and never sent. */
  alterUserScramCredentials(alterations: readonly UserScramCredentialAlteration[], options: CallOptions = {}): Promise<void> {
    return this.scramCalls.alterUserScramCredentials(alterations, options);
  }
  // ---------------------------------------------------------------- groups (group-calls.ts)

  /** Groups on every broker (ListGroups), optionally filtered by state or type. */
  listGroups(options: CallOptions & { states?: readonly string[]; types?: readonly string[] } = {}): Promise<GroupListing[]> {
    return this.groupCalls.listGroups(options);
  }

  /** Members, state and (for consumer groups) subscriptions and assignments. */
  describeGroups(groupIds: readonly string[], options: CallOptions = {}): Promise<GroupDescription[]> {
    return this.groupCalls.describeGroups(groupIds, options);
  }

  /** Deletes empty groups (and their committed offsets). */
  deleteGroups(groupIds: readonly string[], options: CallOptions = {}): Promise<void> {
    return this.groupCalls.deleteGroups(groupIds, options);
  }

  /** Committed offsets of a group: all of them, or those of the given partitions. */
  listGroupOffsets(groupId: string, partitions: readonly TopicPartition[] | null = null, options: CallOptions = {}): Promise<CommittedOffset[]> {
    return this.groupCalls.listGroupOffsets(groupId, partitions, options);
  }

  /** Sets a group's committed offsets (the group must have no active members). */
  alterGroupOffsets(groupId: string, offsets: readonly CommitTarget[], options: CallOptions = {}): Promise<void> {
    return this.groupCalls.alterGroupOffsets(groupId, offsets, options);
  }

  /** Removes a group's committed offsets for partitions no member is subscribed to (OffsetDelete). */
  deleteGroupOffsets(groupId: string, partitions: readonly TopicPartition[], options: CallOptions = {}): Promise<void> {
    return this.groupCalls.deleteGroupOffsets(groupId, partitions, options);
  }

  // ---------------------------------------------------------------- transactions

  /**
   * Fences the producers using these transactional ids (Java's Admin.fenceProducers): each id's
   * epoch is bumped at its transaction coordinator and its open transaction aborted, so a producer
   * still holding the old epoch can neither send nor commit. Answers each id's producer id and new epoch.
   */
  fenceProducers(transactionalIds: readonly string[], options: CallOptions = {}): Promise<FencedProducer[]> {
    if (this.closed) return Promise.reject(closedError('admin'));
    return this.fenceCalls.fenceProducers(transactionalIds, options);
  }

  // ---------------------------------------------------------------- records and offsets

  /** Deletes records below the given offsets (-1n: the high watermark); returns the new low watermarks. */
  async deleteRecords(
    targets: readonly { topic: string; partition: number; offset: bigint | number }[],
    options: CallOptions = {},
  ): Promise<{ topic: string; partition: number; lowWatermark: bigint }[]> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultApiTimeoutMs;
    const results = new Map<string, bigint>();
    await this.retry('deleting records', options, async () => {
      const pending = targets.filter((t) => !results.has(`${t.topic}\u0000${t.partition}`));
      this.cluster.addTopics(pending.map((t) => t.topic));
      await this.cluster.refresh(options.signal);
      const byLeader = new Map<number, typeof pending>();
      for (const t of pending) {
        const meta = this.cluster.topic(t.topic);
        if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `topic '${t.topic}' does not exist`, { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, topic: t.topic });
        const leader = meta.partitions[t.partition]?.leader ?? -1;
        if (leader < 0) throw new KafkaError(ClientErrorCode.TIMEOUT, `no leader for ${t.topic}-${t.partition}`, { retriable: true });
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), t]);
      }
      await Promise.all(
        [...byLeader].map(async ([leader, list]) => {
          const conn = await this.cluster.connection(leader, '', options.signal);
          const byTopic = new Map<string, typeof list>();
          for (const t of list) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), t]);
          const res = await conn.request(
            Apis.DeleteRecords,
            { topics: [...byTopic].map(([name, l]) => ({ name, partitions: l.map((t) => ({ partitionIndex: t.partition, offset: BigInt(t.offset) })) })), timeoutMs },
            { signal: options.signal, extraTimeoutMs: timeoutMs },
          );
          for (const t of res.topics) {
            for (const p of t.partitions) {
              if (p.errorCode !== 0) {
                if (isStaleMetadataCode(p.errorCode)) this.cluster.requestUpdate();
                throw brokerError(p.errorCode, `deleting records of ${t.name}-${p.partitionIndex}`, { topic: t.name, partition: p.partitionIndex });
              }
              results.set(`${t.name}\u0000${p.partitionIndex}`, p.lowWatermark);
            }
          }
        }),
      );
    });
    return targets.map((t) => ({ topic: t.topic, partition: t.partition, lowWatermark: results.get(`${t.topic}\u0000${t.partition}`)! }));
  }

  /** Log offsets: earliest, latest, of the record with the largest timestamp, or by time. */
  listOffsets(
    query: readonly { topic: string; partition: number; spec: OffsetSpec }[],
    options: CallOptions & { isolationLevel?: 'read_uncommitted' | 'read_committed' } = {},
  ): Promise<ListedOffset[]> {
    if (this.closed) return Promise.reject(closedError('admin'));
    const requests = query.map((q) => ({
      topic: q.topic,
      partition: q.partition,
      timestamp: q.spec === 'earliest' ? EARLIEST_TIMESTAMP : q.spec === 'latest' ? LATEST_TIMESTAMP : q.spec === 'max-timestamp' ? MAX_TIMESTAMP : BigInt(q.spec.timestamp),
    }));
    this.cluster.addTopics(requests.map((r) => r.topic));
    return listOffsets(this.cluster, requests, options.isolationLevel === 'read_committed' ? 1 : 0, this.policy(options));
  }

  // ---------------------------------------------------------------- cluster

  /** Cluster id, controller and brokers (DescribeCluster, or Metadata where that is missing). */
  async describeCluster(options: CallOptions = {}): Promise<ClusterDescription> {
    return this.retry('describing the cluster', options, async () => {
      const conn = await this.cluster.anyConnection(options.signal);
      if (conn.versionOf(Apis.DescribeCluster) >= 0) {
        const version = conn.requireVersion(Apis.DescribeCluster);
        const res = await conn.request(Apis.DescribeCluster, { includeClusterAuthorizedOperations: false, endpointType: 1, includeFencedBrokers: false }, { version, signal: options.signal });
        if (res.errorCode !== 0) throw brokerError(res.errorCode, 'DescribeCluster', { message: res.errorMessage });
        return {
          clusterId: res.clusterId,
          controllerId: res.controllerId,
          brokers: res.brokers.map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port, rack: b.rack })).sort((a, b) => a.nodeId - b.nodeId),
        };
      }
      await this.cluster.refresh(options.signal);
      return { clusterId: this.cluster.clusterId, controllerId: this.cluster.controllerId, brokers: this.cluster.brokerList().sort((a, b) => a.nodeId - b.nodeId) };
    });
  }
}

