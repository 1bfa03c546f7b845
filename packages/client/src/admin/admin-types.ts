/** The argument and result types of the admin client's calls (admin.ts re-exports them). */
import type { TopicPartition } from '../consumer/assignors.ts';
import type { BrokerMeta } from '../network/cluster.ts';
import type { TopicPartitionInfo } from '../network/partition-info.ts';

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface NewTopic {
  name: string;
  /** Default: the broker's num.partitions. */
  numPartitions?: number;
  /** Default: the broker's default.replication.factor. */
  replicationFactor?: number;
  /** Explicit replicas per partition (then numPartitions and replicationFactor are left out). */
  replicaAssignment?: Readonly<Record<number, readonly number[]>>;
  configs?: Readonly<Record<string, string>>;
}

export type { TopicPartitionInfo };

export interface CreatedTopic {
  name: string;
  topicId: string;
  numPartitions: number;
  replicationFactor: number;
  configs: ConfigEntry[];
}

export interface TopicDescription {
  name: string;
  topicId: string;
  isInternal: boolean;
  partitions: TopicPartitionInfo[];
}

export type ConfigResourceType = 'topic' | 'broker' | 'broker-logger' | 'client-metrics' | 'group';

export type ConfigSource =
  | 'unknown'
  | 'dynamic-topic'
  | 'dynamic-broker'
  | 'dynamic-default-broker'
  | 'static-broker'
  | 'default'
  | 'dynamic-broker-logger'
  | 'client-metrics'
  | 'group';

export interface ConfigResource {
  type: ConfigResourceType;
  /** Topic name, broker id, group id, ... */
  name: string;
  /** Only these configs; default: all. */
  configNames?: readonly string[];
}

export interface ConfigEntry {
  name: string;
  value: string | null;
  readOnly: boolean;
  isSensitive: boolean;
  source: ConfigSource;
  isDefault: boolean;
  synonyms: { name: string; value: string | null; source: ConfigSource }[];
  documentation: string | null;
}

export interface ResourceConfig {
  type: ConfigResourceType;
  name: string;
  configs: ConfigEntry[];
}

export type AlterConfigOp = { name: string; op: 'set'; value: string } | { name: string; op: 'delete' } | { name: string; op: 'append' | 'subtract'; value: string };

export interface GroupListing {
  groupId: string;
  protocolType: string;
  state: string;
  type: string;
}

export interface GroupMemberDescription {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** For 'consumer' groups: the member's subscribed topics and assigned partitions. */
  topics?: string[];
  assignment?: TopicPartition[];
  metadata: Buffer;
  rawAssignment: Buffer;
}

export interface GroupDescription {
  groupId: string;
  state: string;
  protocolType: string;
  /** The assignor (consumer groups) or protocol the group agreed on. */
  protocol: string;
  members: GroupMemberDescription[];
}

export type OffsetSpec = 'earliest' | 'latest' | 'max-timestamp' | { timestamp: number | bigint };

export interface ClusterDescription {
  clusterId: string | null;
  controllerId: number;
  brokers: BrokerMeta[];
}
