/**
 * How a failed command explains itself: the Kafka error's name (TOPIC_ALREADY_EXISTS), the
 * client's message, and what the user can do about it, without a stack trace.
 */
import type { KafkaError } from '@sluice/client';

/** What to do, by Kafka's error name (or the client's code). */
const WHAT_TO_DO: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: 'pick another name, or delete the topic first with `sluice topic delete NAME`',
  UNKNOWN_TOPIC_OR_PARTITION: '`sluice topic list` lists the topics; `sluice topic create NAME` creates one',
  UNKNOWN_TOPIC: '`sluice topic list` lists the topics; `sluice topic create NAME` creates one',
  UNKNOWN_TOPIC_ID: 'the topic was deleted or recreated; `sluice topic list` lists the topics',
  INVALID_TOPIC_EXCEPTION: "a topic name is 1 to 249 letters, digits, '.', '_' or '-'",
  INVALID_PARTITIONS: "give at least 1 partition; a topic's partition count can grow but never shrink",
  INVALID_REPLICATION_FACTOR: 'give a replication factor no larger than the number of brokers (1 for a single Sluice broker)',
  INVALID_CONFIG: "check the setting's name and value; `sluice topic describe-config TOPIC` lists a topic's settings",
  INVALID_REQUEST: 'the cluster refused the request as malformed; check the values given',
  POLICY_VIOLATION: "the cluster's topic policy refuses this; ask its operator",
  TOPIC_DELETION_DISABLED: 'the cluster has delete.topic.enable=false',
  GROUP_ID_NOT_FOUND: '`sluice group list` lists the groups',
  NON_EMPTY_GROUP: 'stop the group\'s consumers first (`sluice group describe GROUP` lists them)',
  UNKNOWN_MEMBER_ID: 'the group has active members; stop its consumers first (`sluice group describe GROUP` lists them)',
  ILLEGAL_GENERATION: 'the group has active members; stop its consumers first (`sluice group describe GROUP` lists them)',
  COMMIT_FAILED: 'the group has active members; stop its consumers first (`sluice group describe GROUP` lists them)',
  REBALANCE_IN_PROGRESS: 'the group is rebalancing; stop its consumers first, or try again',
  COORDINATOR_NOT_AVAILABLE: 'the cluster is starting or cannot serve __consumer_offsets yet; try again shortly',
  COORDINATOR_LOAD_IN_PROGRESS: 'the cluster is still loading the group; try again shortly',
  TOPIC_AUTHORIZATION_FAILED: "the cluster's ACLs refuse this client; ask its operator for access",
  GROUP_AUTHORIZATION_FAILED: "the cluster's ACLs refuse this client; ask its operator for access",
  CLUSTER_AUTHORIZATION_FAILED: "the cluster's ACLs refuse this client; ask its operator for access",
  UNSUPPORTED_VERSION: 'the cluster is too old for this request',
  UNSUPPORTED_API: 'the cluster is too old for this request',
  MESSAGE_TOO_LARGE: "make the record smaller, or raise the topic's limit: `sluice topic alter-config TOPIC --set max.message.bytes=N`",
  RECORD_TOO_LARGE: "make the record smaller, or raise the topic's limit: `sluice topic alter-config TOPIC --set max.message.bytes=N`",
  RECORD_LIST_TOO_LARGE: "make the record smaller, or raise the topic's limit: `sluice topic alter-config TOPIC --set max.message.bytes=N`",
  KAFKA_STORAGE_ERROR: "the broker cannot write its log (a full disk?); its log says which partition and what to do",
  NOT_ENOUGH_REPLICAS: 'fewer replicas are in sync than the topic\'s min.insync.replicas; use --acks 1, or bring brokers back',
  TIMEOUT: 'the cluster did not finish in time; check that it is healthy (its log), then try again',
  REQUEST_TIMEOUT: 'the cluster did not answer in time; check that it is healthy (its log), then try again',
  DELIVERY_TIMEOUT: 'the records were not acknowledged in time; check that the cluster is healthy (its log), then try again',
  MAX_BLOCK_TIMEOUT: 'the topic or its partition leaders could not be found in time; `sluice topic describe TOPIC` shows them',
  INVALID_ARGUMENT: 'check the values given (`--help` lists them)',
};

/**
 * Whether `e` is a client's KafkaError. By its shape, so that `sluice --help` need not load the
 * client to tell.
 */
export function isKafkaError(e: unknown): e is KafkaError {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { retriable?: unknown }).retriable === 'boolean';
}

/** The lines a command prints for an error a client reported. */
export function explainFailure(e: KafkaError): string {
  const message = e.message.includes(e.code) ? e.message : `${e.code}: ${e.message}`;
  // After retries ran out (TIMEOUT), the last error the cluster gave says more than the timeout.
  const inner = isKafkaError(e.cause) ? e.cause.code : undefined;
  const hint = (e.code === 'TIMEOUT' && inner !== undefined ? WHAT_TO_DO[inner] : undefined) ?? WHAT_TO_DO[e.code] ?? (inner === undefined ? undefined : WHAT_TO_DO[inner]);
  return hint === undefined ? message : `${message}\n  ${hint}`;
}
