/**
 * Authorized operations in Metadata (v8+), DescribeCluster, DescribeGroups (v3+) and
 * DescribeTopicPartitions: a 32-bit field, bit n set when AclOperation code n is allowed, over the
 * operations the resource type supports (Kafka's AclEntry.supportedOperations). With an authorizer
 * each is asked of it, as Kafka's AuthHelper.authorizedOperations does (so an ACL's implications
 * count: READ brings DESCRIBE); without one every supported operation is allowed. Values read from
 * Apache Kafka 4.3.1 without an authorizer: topic 3576 (also for an unknown topic), cluster 8096,
 * group 3400 (also for a Dead group before v6). kafka-python asks for them and fails on the
 * "not requested" value, which has bit 31 set.
 */
import { AclOperation as Op, CLUSTER_RESOURCE_NAME, ResourceType } from '../acl/model.ts';
import { authorized } from './authorize.ts';
import type { RequestContext } from './handler.ts';

/** Kafka's value when the client did not ask for authorized operations. */
export const OPERATIONS_NOT_REQUESTED = -2147483648;

const bits = (...codes: number[]) => codes.reduce((field, code) => field | (1 << code), 0);

const SUPPORTED: Readonly<Record<number, readonly number[]>> = {
  [ResourceType.TOPIC]: [Op.READ, Op.WRITE, Op.CREATE, Op.DELETE, Op.ALTER, Op.DESCRIBE, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS],
  [ResourceType.CLUSTER]: [Op.CREATE, Op.ALTER, Op.DESCRIBE, Op.CLUSTER_ACTION, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS, Op.IDEMPOTENT_WRITE],
  [ResourceType.GROUP]: [Op.READ, Op.DELETE, Op.DESCRIBE, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS],
};

/** The request's principal's authorized operations on a topic, group or the cluster, as a bit field. */
export function authorizedOperations(ctx: RequestContext, resourceType: number, name: string = CLUSTER_RESOURCE_NAME): number {
  return bits(...(SUPPORTED[resourceType] ?? []).filter((op) => authorized(ctx, op, resourceType, name)));
}

