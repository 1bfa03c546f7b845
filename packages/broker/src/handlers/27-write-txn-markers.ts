/**
 * WriteTxnMarkers (key 27), versions 1-2 (flexible; v0 left Kafka in 4.0).
 * In Kafka the transaction coordinator sends it to partition leaders, and Admin.abortTransaction
 * (kafka-transactions abort) sends it to end a transaction its coordinator no longer knows of; here
 * the coordinator writes its markers in-process, so this serves tools. v2 carries the
 * coordinator's transaction version (KIP-1228): at 2 the partition takes the marker only above the
 * producer's epoch; v1, as the admin abort sends it, at or above it. Each partition answers on
 * its own: UNKNOWN_TOPIC_OR_PARTITION, INVALID_PRODUCER_EPOCH, TRANSACTION_COORDINATOR_FENCED, or
 * NONE once the marker is durable.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { TransactionMarkers } from '../transactions/markers.ts';
import { errorCodeOf } from './errors.ts';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';

export const writeTxnMarkersHandler = defineHandler({
  api: Apis.WriteTxnMarkers,
  minVersion: 1,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    // Markers are written by a transaction coordinator: CLUSTER_ACTION on the cluster, as Kafka asks.
    if (!authorizedOnCluster(ctx, AclOperation.CLUSTER_ACTION)) {
      return { markers: request.markers.map((m) => ({ producerId: m.producerId, topics: m.topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED })) })) })) };
    }
    const writer = new TransactionMarkers(broker.topics, broker.groups);
    const markers = [];
    for (const m of request.markers) {
      const marker = { producerId: m.producerId, producerEpoch: m.producerEpoch, coordinatorEpoch: m.coordinatorEpoch, commit: m.transactionResult, transactionVersion: version >= 2 ? m.transactionVersion : 0 };
      const topics = [];
      for (const t of m.topics) {
        const partitions = [];
        for (const partitionIndex of t.partitionIndexes) {
          let errorCode: number = ErrorCode.NONE;
          if (broker.topics.partition(t.name, partitionIndex) === undefined) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
          else {
            try {
              await writer.writeMarker({ topic: t.name, partition: partitionIndex }, marker);
            } catch (e) {
              errorCode = errorCodeOf(e);
            }
          }
          partitions.push({ partitionIndex, errorCode });
        }
        topics.push({ name: t.name, partitions });
      }
      markers.push({ producerId: m.producerId, topics });
    }
    return { markers };
  },
});
