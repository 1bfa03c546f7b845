/**
 * @sluice/client: a Kafka producer, consumer and admin for TypeScript. Speaks the Kafka protocol
 * only, so it works against Sluice's broker and Apache Kafka (or any Kafka-compatible cluster).
 * These exports are the package's contract; connections, the cluster's metadata, the group
 * member's state machine (reachable only through GroupMembership, for groups of other protocols)
 * and the consumer protocol's codec stay inside it.
 */
export {
  Producer,
  producerOptions,
  type ProducerOptions,
  type ProducerRecord,
  type RecordHeaders,
  type PartitionInfo,
  type SendOptions,
  type ConsumerGroupMetadata,
  type TransactionOffsets,
} from './producer/producer.ts';
export type { RecordMetadata } from './producer/batch.ts';
export { murmur2, partitionForKey, type Partitioner } from './producer/partitioner.ts';

export {
  Consumer,
  consumerOptions,
  type ConsumerOptions,
  type RebalanceListener,
  type PollOptions,
  type CommitOptions,
  type GroupMetadata,
  type AssignorOption,
} from './consumer/consumer.ts';
export type { ConsumerBatch } from './consumer/fetcher.ts';
export { ConsumerRecord, type RecordHeader } from './consumer/records.ts';
export {
  rangeAssignor,
  roundRobinAssignor,
  cooperativeStickyAssignor,
  type PartitionAssignor,
  type AssignInput,
  type Assignment,
  type Subscription,
  type TopicPartition,
  type RebalanceProtocol,
} from './consumer/assignors.ts';
export type { CommitTarget, CommittedOffset, ListedOffset, OffsetAndMetadata } from './consumer/offsets.ts';
export type { ScramMechanismName, UserScramCredentials, UserScramCredentialAlteration } from './admin/scram-calls.ts';
export type { FencedProducer } from './admin/fence-calls.ts';
export type { ClientQuotaAlteration, ClientQuotaEntity, ClientQuotaEntityType, ClientQuotaEntry, ClientQuotaFilter, ClientQuotaFilterComponent } from './admin/quota-calls.ts';

export {
  Admin,
  adminOptions,
  type AdminOptions,
  type CallOptions,
  type NewTopic,
  type CreatedTopic,
  type TopicDescription,
  type TopicPartitionInfo,
  type ConfigResource,
  type ConfigResourceType,
  type ConfigEntry,
  type ConfigSource,
  type ResourceConfig,
  type AlterConfigOp,
  type GroupListing,
  type GroupDescription,
  type GroupMemberDescription,
  type OffsetSpec,
  type ClusterDescription,
} from './admin/admin.ts';

export {
  GroupMembership,
  groupMembershipOptions,
  type GroupMembershipOptions,
  type GroupProtocolHandler,
  type JoinedMember,
  type MemberState,
} from './group/membership.ts';

export { commonOptions } from './network/common-config.ts';
export { plainMechanism, type SaslMechanism, type SaslSession } from './network/sasl.ts';
export { scramMechanism, type ScramAlgorithm, type ScramCredentials } from './network/scram.ts';

export { KafkaError, ClientErrorCode, type KafkaErrorOptions, type KafkaErrorCategory } from './errors.ts';

export {
  ClientChannels,
  type ClientBroker,
  type ClientRequestMessage,
  type ClientBatchMessage,
  type ClientRecordsMessage,
  type ClientMemberStateMessage,
} from './diagnostics.ts';
