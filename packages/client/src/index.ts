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
} from './producer/producer.js';
export type { RecordMetadata } from './producer/batch.js';
export { murmur2, partitionForKey, type Partitioner } from './producer/partitioner.js';

export {
  Consumer,
  consumerOptions,
  type ConsumerOptions,
  type RebalanceListener,
  type PollOptions,
  type CommitOptions,
  type GroupMetadata,
  type AssignorOption,
} from './consumer/consumer.js';
export type { ConsumerBatch } from './consumer/fetcher.js';
export { ConsumerRecord, type RecordHeader } from './consumer/records.js';
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
} from './consumer/assignors.js';
export type { CommitTarget, CommittedOffset, ListedOffset, OffsetAndMetadata } from './consumer/offsets.js';
export type { ScramMechanismName, UserScramCredentials, UserScramCredentialAlteration } from './admin/scram-calls.js';
export type { FencedProducer } from './admin/fence-calls.js';
export type { ClientQuotaAlteration, ClientQuotaEntity, ClientQuotaEntityType, ClientQuotaEntry, ClientQuotaFilter, ClientQuotaFilterComponent } from './admin/quota-calls.js';

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
} from './admin/admin.js';

export {
  GroupMembership,
  groupMembershipOptions,
  type GroupMembershipOptions,
  type GroupProtocolHandler,
  type JoinedMember,
  type MemberState,
} from './group/membership.js';

export { commonOptions } from './network/common-config.js';
export { plainMechanism, type SaslMechanism, type SaslSession } from './network/sasl.js';
export { scramMechanism, type ScramAlgorithm, type ScramCredentials } from './network/scram.js';

export { KafkaError, ClientErrorCode, type KafkaErrorOptions, type KafkaErrorCategory } from './errors.js';

export {
  ClientChannels,
  type ClientBroker,
  type ClientRequestMessage,
  type ClientBatchMessage,
  type ClientRecordsMessage,
  type ClientMemberStateMessage,
} from './diagnostics.js';
