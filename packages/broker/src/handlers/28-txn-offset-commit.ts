/**
 * TxnOffsetCommit (key 28), versions 0-5: offsets committed in a producer's transaction
 * (sendOffsetsToTransaction), visible to the group only once the transaction commits.
 * v1: nothing new; v2: committed leader epoch; v3: flexible, and the member id, generation and
 * group instance id, checked as OffsetCommit checks them (Kafka Streams' exactly-once needs it);
 * v4: TRANSACTION_ABORTABLE when the group's partition is not in the transaction (INVALID_TXN_STATE
 * below v4); v5 (transactions version 2, KIP-890): the partition is added to the transaction here,
 * as AddOffsetsToTxn did before. Below v2, COORDINATOR_LOAD_IN_PROGRESS is answered as
 * COORDINATOR_NOT_AVAILABLE (clients before 2.0 did not expect it), as Kafka does.
 *
 * As in Kafka: a partition of a topic that does not exist gets UNKNOWN_TOPIC_OR_PARTITION and the
 * others go on; the transaction coordinator is asked whether the group's __consumer_offsets
 * partition is in the producer's transaction (a fenced producer gets INVALID_PRODUCER_EPOCH and
 * nothing is written); then the group checks the member and generation, and the offsets are
 * written in the transaction, answered once durable (groups/offset-store.ts).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { OFFSETS_TOPIC } from '../groups/offsets-topic.ts';
import { defer } from './deferred.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

/** The coordinator's verdict as a partition leader passes it on (Kafka's AddPartitionsToTxnManager). */
function verificationError(code: number, version: number): number {
  if (code === ErrorCode.PRODUCER_FENCED) return ErrorCode.INVALID_PRODUCER_EPOCH;
  if (code === ErrorCode.TRANSACTION_ABORTABLE && version < 4) return ErrorCode.INVALID_TXN_STATE;
  return code;
}

export const txnOffsetCommitHandler = defineHandler({
  api: Apis.TxnOffsetCommit,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, request) {
    const { broker, version } = ctx;
    const flat = request.topics.flatMap((t, ti) => t.partitions.map((p) => ({ ti, topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, leaderEpoch: p.committedLeaderEpoch, metadata: p.committedMetadata })));
    // Each refused partition's error (0: not refused): the transactional id's WRITE, the group's READ, the topic's READ, then existence.
    const txnAllowed = authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, request.transactionalId);
    const groupAllowed = authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId);
    const readable = new Map(request.topics.map((t) => [t.name, authorized(ctx, AclOperation.READ, ResourceType.TOPIC, t.name)]));
    const refusal = flat.map((o) => {
      if (!txnAllowed) return ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
      if (!groupAllowed) return ErrorCode.GROUP_AUTHORIZATION_FAILED;
      if (!readable.get(o.topic)) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
      return broker.topics.partition(o.topic, o.partition) === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.NONE;
    });
    const unknown = refusal.map((code) => code !== ErrorCode.NONE);
    const known = flat.filter((_, i) => !unknown[i]);
    const verify = async (offsetsPartition: number): Promise<number> => {
      const partition = { topic: OFFSETS_TOPIC, partition: offsetsPartition };
      const verdicts = await broker.transactions.verifyOrAdd(request.transactionalId, request.producerId, request.producerEpoch, [partition], version >= 5 ? 'add' : 'verify');
      return verificationError([...verdicts.values()][0] ?? ErrorCode.NONE, version);
    };
    let committing: Promise<number[]>;
    if (known.length === 0) committing = Promise.resolve([]);
    else if (request.groupId === '') committing = Promise.resolve(known.map(() => ErrorCode.INVALID_GROUP_ID));
    else {
      committing = broker.groups.commitTransactionalOffsets(
        {
          groupId: request.groupId,
          transactionalId: request.transactionalId,
          producerId: request.producerId,
          producerEpoch: request.producerEpoch,
          // Below v3 there is no member: -1, '' and null are the fields' defaults.
          memberId: request.memberId,
          groupInstanceId: request.groupInstanceId,
          generationId: request.generationId,
          offsets: known.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata: o.metadata })),
        },
        verify,
      );
    }
    return defer(
      committing.then((codes) => {
        // As Kafka's response builder does: the refused partitions first, then the coordinator's
        // results, each merged into its topic's entry.
        const topics = new Map<number, { name: string; partitions: { partitionIndex: number; errorCode: number }[] }>();
        const add = (ti: number, partitionIndex: number, errorCode: number) => {
          let entry = topics.get(ti);
          if (!entry) topics.set(ti, (entry = { name: request.topics[ti].name, partitions: [] }));
          if (version < 2 && errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS) errorCode = ErrorCode.COORDINATOR_NOT_AVAILABLE;
          entry.partitions.push({ partitionIndex, errorCode });
        };
        flat.forEach((o, i) => unknown[i] && add(o.ti, o.partition, refusal[i]));
        let k = 0;
        flat.forEach((o, i) => !unknown[i] && add(o.ti, o.partition, codes[k++]));
        return { throttleTimeMs: 0, topics: [...topics.values()] };
      }),
    );
  },
});
