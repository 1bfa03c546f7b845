/**
 * Authorized operations in Metadata (v8+), DescribeCluster and DescribeGroups (v3+): a 32-bit field, bit n set when
 * AclOperation code n is allowed. Sluice has no authorizer, so it answers as Apache Kafka does
 * without one: every operation the resource type supports (Kafka's AclEntry.supportedOperations).
 * Values read from Apache Kafka 4.3.1: topic 3576 (also for an unknown topic), cluster 8096,
 * group 3400 (also for a Dead group before v6). kafka-python asks for them and fails on the
 * "not requested" value, which has bit 31 set.
 */

/** Kafka's value when the client did not ask for authorized operations. */
export const OPERATIONS_NOT_REQUESTED = -2147483648;

const bits = (...codes: number[]) => codes.reduce((field, code) => field | (1 << code), 0);

/** READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS. */
export const TOPIC_OPERATIONS = bits(3, 4, 5, 6, 7, 8, 10, 11);
/** CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE. */
export const CLUSTER_OPERATIONS = bits(5, 7, 8, 9, 10, 11, 12);
/** READ, DELETE, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS. */
export const GROUP_OPERATIONS = bits(3, 6, 8, 10, 11);
