/**
 * Metadata (key 3), versions 0-13.
 * v1: controller id, internal flag, null topics = all; v2: cluster id; v4: allow_auto_topic_creation;
 * v5: offline replicas; v7: leader epoch; v8-10: authorized operations; v9: flexible;
 * v10: topic ids (and topics by id); v13: top-level error code. v0 lists all topics for an
 * empty topic array (kafka-python's fallback relies on it).
 * Requests by topic id are served from v12, as in Kafka: v10 and v11 carry the fields, but a null
 * name or a topic id there makes the whole request INVALID_REQUEST (Kafka's error response, every
 * topic named "" when it had no name, since those versions cannot answer a null name).
 */
import { Apis, ErrorCode, ZERO_UUID, type MetadataResponseTopicInput } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { TopicError } from '../errors.ts';
import { INTERNAL_TOPICS, validateTopicName } from '../topics/names.ts';
import type { TopicView } from '../topics/types.ts';
import { OPERATIONS_NOT_REQUESTED, authorizedOperations } from './authorized-operations.ts';
import { defineHandler, type RequestContext } from './handler.ts';
import { authorized, authorizedOnCluster } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export function describeTopic(broker: BrokerCore, t: TopicView, topicOperations = OPERATIONS_NOT_REQUESTED): MetadataResponseTopicInput {
  const partitions = [];
  for (let i = 0; i < t.partitionCount; i++) {
    partitions.push({ errorCode: ErrorCode.NONE, partitionIndex: i, leaderId: broker.nodeId, leaderEpoch: 0, replicaNodes: [broker.nodeId], isrNodes: [broker.nodeId], offlineReplicas: [] });
  }
  return { errorCode: ErrorCode.NONE, name: t.name, topicId: t.topicId, isInternal: t.internal, partitions, topicAuthorizedOperations: topicOperations };
}

function failedTopic(name: string | null, topicId: string, errorCode: number, topicOperations = OPERATIONS_NOT_REQUESTED): MetadataResponseTopicInput {
  return { errorCode, name, topicId, isInternal: false, partitions: [], topicAuthorizedOperations: topicOperations };
}

/** A topic by name, created on the spot when auto-creation is on and the client allows it. */
async function lookup(ctx: RequestContext, name: string, allowAutoCreate: boolean, ops: number): Promise<MetadataResponseTopicInput> {
  const { broker } = ctx;
  // A topic refused for authorization carries no authorized operations, as in Kafka.
  if (!describable(ctx, name)) return failedTopic(name, ZERO_UUID, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  const existing = broker.topics.get(name);
  if (existing) return describeTopic(broker, existing, ops);
  if (!allowAutoCreate || !broker.config.bool('auto.create.topics.enable')) {
    // Kafka tells an illegal name ('' or 'a/b') apart from a legal one that does not exist.
    try {
      validateTopicName(name);
    } catch (e) {
      if (e instanceof TopicError) return failedTopic(name, ZERO_UUID, e.errorCode, ops);
      throw e;
    }
    return failedTopic(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ops);
  }
  // An internal topic is made by its owner with its own settings (the offsets topic: compacted,
  // offsets.topic.num.partitions), never as an ordinary topic: Kafka's first answer, retriable.
  if (INTERNAL_TOPICS.has(name)) return { ...failedTopic(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ops), isInternal: true };
  // Auto-creation needs CREATE on the cluster or on the topic, as Kafka asks.
  if (!authorizedOnCluster(ctx, AclOperation.CREATE) && !authorized(ctx, AclOperation.CREATE, ResourceType.TOPIC, name)) {
    return failedTopic(name, ZERO_UUID, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  }
  try {
    const created = await broker.topics.create(name, { partitions: broker.config.int('num.partitions'), configs: {} });
    return describeTopic(broker, created, ops);
  } catch (e) {
    if (e instanceof TopicError) {
      // Lost a race with another creator: answer with what exists.
      const now = broker.topics.get(name);
      if (now) return describeTopic(broker, now, ops);
      return failedTopic(name, ZERO_UUID, e.errorCode, ops);
    }
    throw e;
  }
}

/** DESCRIBE on a topic: without it a listed topic is left out and a named one refused, as Kafka. */
function describable(ctx: RequestContext, name: string): boolean {
  return authorized(ctx, AclOperation.DESCRIBE, ResourceType.TOPIC, name);
}

/** Kafka's answer to a request it refuses as a whole: each topic asked for, with the error and nothing else. */
function invalidRequest(requested: readonly { name: string | null; topicId?: string }[]) {
  return {
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: requested.map((t) => failedTopic(t.name ?? '', t.topicId ?? ZERO_UUID, ErrorCode.INVALID_REQUEST)),
    clusterAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
    errorCode: ErrorCode.NONE,
  };
}

export const metadataHandler = defineHandler({
  api: Apis.Metadata,
  minVersion: 0,
  maxVersion: 13,
  async handle(ctx, request) {
    const { broker, connection, version } = ctx;
    const allowAutoCreate = version < 4 || request.allowAutoTopicCreation;
    // Only v8-10 carry cluster operations; the codec drops the field elsewhere.
    // Each topic's for its own ACLs, as Kafka computes them for the topics it answers.
    const ops = (name: string) => (version >= 8 && request.includeTopicAuthorizedOperations ? authorizedOperations(ctx, ResourceType.TOPIC, name) : OPERATIONS_NOT_REQUESTED);
    const clusterOps = version >= 8 && request.includeClusterAuthorizedOperations ? authorizedOperations(ctx, ResourceType.CLUSTER) : OPERATIONS_NOT_REQUESTED;
    const allTopics = request.topics === null || (version === 0 && request.topics.length === 0);
    if (!allTopics && version < 12 && request.topics!.some((t) => t.name === null || t.topicId !== ZERO_UUID)) {
      return invalidRequest(request.topics!);
    }
    let topics: MetadataResponseTopicInput[];
    if (allTopics) {
      topics = broker.topics.list().filter((t) => describable(ctx, t.name)).map((t) => describeTopic(broker, t, ops(t.name)));
    } else {
      topics = [];
      for (const requested of request.topics!) {
        // From v12 a topic id, when given, wins over the name (an empty name is only a name).
        if (requested.name === null || requested.topicId !== ZERO_UUID) {
          const byId = broker.topics.getById(requested.topicId);
          if (byId === undefined) topics.push(failedTopic(null, requested.topicId, ErrorCode.UNKNOWN_TOPIC_ID));
          else topics.push(describable(ctx, byId.name) ? describeTopic(broker, byId, ops(byId.name)) : failedTopic(null, requested.topicId, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
        } else {
          topics.push(await lookup(ctx, requested.name, allowAutoCreate, ops(requested.name)));
        }
      }
    }
    // Kafka answers the topics refused for authorization after the others (seen on Apache Kafka 4.3.1).
    const rank = (t: MetadataResponseTopicInput) => (t.errorCode === ErrorCode.TOPIC_AUTHORIZATION_FAILED ? 1 : 0);
    topics = topics.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map(({ t }) => t);
    return {
      throttleTimeMs: 0,
      // Each client is given the address of the listener it came in on, as Kafka does.
      brokers: [{ nodeId: broker.nodeId, host: connection.listener.advertised.host, port: connection.listener.advertised.port, rack: null }],
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      topics,
      clusterAuthorizedOperations: clusterOps,
      errorCode: ErrorCode.NONE,
    };
  },
});
