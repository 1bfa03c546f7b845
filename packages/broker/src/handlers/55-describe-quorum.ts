/**
 * DescribeQuorum (key 55), versions 0-2 (1: the voters' fetch and caught-up times; 2: directory
 * ids, error messages and the nodes' endpoints), answered as the one-node KRaft quorum of a
 * combined Kafka node: this node leads __cluster_metadata-0 in epoch 1, is its one voter and has no observers,
 * so every lag is 0 and, as Kafka's leader reports itself, both timestamps are now. Sluice keeps
 * no metadata log; its offset is the epoch of the finalized features, which Kafka also takes from
 * that log (so the high watermark is never below it). The voter's directory id is, as Kafka
 * answers it, the zero id at kraft.version 0 (a static quorum names voters by node id alone) and
 * the data folder's directory.id (meta.properties) from kraft.version 1. Its endpoint is the
 * listener asked, since Sluice has no controller listener. Needs DESCRIBE on the cluster; any
 * other partition is UNKNOWN_TOPIC_OR_PARTITION, as Kafka's Raft client answers. Kafka's
 * messages are empty strings where nothing is wrong.
 */
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import { authorizedOnCluster } from './authorize.ts';
import { defineHandler } from './handler.ts';

const METADATA_TOPIC = '__cluster_metadata';
const LEADER_EPOCH = 1;

export const describeQuorumHandler = defineHandler({
  api: Apis.DescribeQuorum,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, request) {
    const { broker, connection } = ctx;
    // Kafka's partition-level refusal: the error's default message, zeros, and '' at the top.
    const unknownPartitions = () => ({
      errorCode: ErrorCode.NONE,
      errorMessage: '',
      topics: request.topics.map((t) => ({
        topicName: t.topicName,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'This server does not host this topic-partition.',
          leaderId: 0, leaderEpoch: 0, highWatermark: 0n, currentVoters: [], observers: [],
        })),
      })),
      nodes: [],
    });
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE)) return { errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: null, topics: [], nodes: [] };
    const [topic] = request.topics;
    if (request.topics.length !== 1 || topic.topicName !== METADATA_TOPIC || topic.partitions.length !== 1 || topic.partitions[0].partitionIndex !== 0) {
      return unknownPartitions();
    }
    const offset = broker.features.epoch;
    const now = BigInt(Date.now());
    // v0-1 have neither directory ids nor nodes: they must be left at their defaults to encode.
    const named = ctx.version >= 2;
    const directoryId = named && broker.features.level('kraft.version') >= 1 ? broker.directoryId : ZERO_UUID;
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: '',
      topics: [{
        topicName: METADATA_TOPIC,
        partitions: [{
          partitionIndex: 0, errorCode: ErrorCode.NONE, errorMessage: '', leaderId: broker.nodeId, leaderEpoch: LEADER_EPOCH, highWatermark: offset,
          currentVoters: [{ replicaId: broker.nodeId, replicaDirectoryId: directoryId, logEndOffset: offset, lastFetchTimestamp: now, lastCaughtUpTimestamp: now }],
          observers: [],
        }],
      }],
      nodes: named ? [{ nodeId: broker.nodeId, listeners: [{ name: connection.listener.name, host: connection.listener.advertised.host, port: connection.listener.advertised.port }] }] : [],
    };
  },
});
