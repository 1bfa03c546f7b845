// TxnOffsetCommit and the offsets it leaves, as raw frames: the same requests go to Apache Kafka
// 4.3.1 and to Sluice, with the same assertions, so the answers are Kafka's. A producer of the
// original transaction protocol (AddOffsetsToTxn, TxnOffsetCommit v3/v4, EndTxn v3) commits
// offsets in a transaction: OffsetFetch does not show them and require_stable answers
// UNSTABLE_OFFSET_COMMIT until EndTxn; a commit makes them the group's, an abort leaves the
// group's as they were; a fenced epoch, a partition not added to the transaction, a missing topic
// and an empty group id get Kafka's codes and change nothing. Then Sluice alone: a restart in the
// middle of the transaction and after its end gives the same answers (transactions version 2,
// TxnOffsetCommit v5 adding the partition itself).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '@sluice/broker';
import { MemoryFileSystem } from '@sluice/storage';
import { RawConnection, groupCoordinatorReady, rawTargets, untilAccepted } from '@sluice/test-kit';

const TOPIC = 'txn-offsets';

/** What a raw connection needs to run a transaction. */
function transactions(c: RawConnection) {
  const self = {
    async init(transactionalId: string): Promise<{ producerId: bigint; producerEpoch: number }> {
      await untilAccepted(`finding the coordinator of ${transactionalId}`, () => c.request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: [transactionalId] }), (r) => r.coordinators[0].errorCode);
      return untilAccepted(`InitProducerId ${transactionalId}`, () => c.request(Apis.InitProducerId, 4, { transactionalId, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 }), (r) => r.errorCode);
    },
    async addOffsets(transactionalId: string, p: { producerId: bigint; producerEpoch: number }, groupId: string): Promise<number> {
      const r = await untilAccepted('AddOffsetsToTxn', () => c.request(Apis.AddOffsetsToTxn, 3, { transactionalId, ...p, groupId }), (r) => (r.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS ? r.errorCode : ErrorCode.NONE));
      return r.errorCode;
    },
    /** TxnOffsetCommit of `offsets` (partition → offset) of TOPIC: the error code of each partition, by partition. */
    async commit(version: number, transactionalId: string, p: { producerId: bigint; producerEpoch: number }, groupId: string, offsets: Record<number, bigint>, topic = TOPIC): Promise<Record<number, number>> {
      const r = await c.request(Apis.TxnOffsetCommit, version, {
        transactionalId,
        groupId,
        ...p,
        generationId: -1,
        memberId: '',
        groupInstanceId: null,
        topics: [{ name: topic, partitions: Object.entries(offsets).map(([partition, offset]) => ({ partitionIndex: Number(partition), committedOffset: offset, committedLeaderEpoch: -1, committedMetadata: 'm' })) }],
      });
      assert.deepEqual(r.topics.map((t: { name: string }) => t.name), [topic]);
      return Object.fromEntries(r.topics[0].partitions.map((x: { partitionIndex: number; errorCode: number }) => [x.partitionIndex, x.errorCode]));
    },
    async end(transactionalId: string, p: { producerId: bigint; producerEpoch: number }, committed: boolean): Promise<number> {
      const r = await untilAccepted('EndTxn', () => c.request(Apis.EndTxn, 3, { transactionalId, ...p, committed }), (r) => (r.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS ? r.errorCode : ErrorCode.NONE));
      return r.errorCode;
    },
    /** OffsetFetch v7 of TOPIC's partitions 0 and 1: 'offset' or the error's name, per partition. */
    async fetch(groupId: string, requireStable: boolean): Promise<string[]> {
      const r = await c.request(Apis.OffsetFetch, 7, { groupId, topics: [{ name: TOPIC, partitionIndexes: [0, 1] }], requireStable });
      assert.equal(r.errorCode, ErrorCode.NONE);
      return r.topics[0].partitions.map((x: { committedOffset: bigint; errorCode: number; metadata: string }) =>
        x.errorCode === ErrorCode.UNSTABLE_OFFSET_COMMIT ? `unstable ${x.committedOffset} '${x.metadata}'` : x.errorCode !== ErrorCode.NONE ? `error ${x.errorCode}` : `${x.committedOffset}`,
      );
    },
    /** Waits until require_stable answers (markers are written after EndTxn's answer on Kafka), then the offsets. */
    async stable(groupId: string): Promise<string[]> {
      let last: string[] = [];
      await untilAccepted('a stable OffsetFetch', async () => (last = await self.fetch(groupId, true)), (v) => (v.some((x) => x.startsWith('unstable')) ? ErrorCode.UNSTABLE_OFFSET_COMMIT : ErrorCode.NONE));
      return last;
    },
  };
  return self;
}

for (const target of rawTargets) {
  describe(`TxnOffsetCommit on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;
    let t: ReturnType<typeof transactions>;

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
      await groupCoordinatorReady(c, TOPIC);
      t = transactions(c);
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    test('offsets committed in a transaction are invisible until it commits; require_stable answers UNSTABLE_OFFSET_COMMIT meanwhile', async () => {
      const p = await t.init('tx-commit');
      assert.deepEqual(await c.request(Apis.OffsetCommit, 8, { groupId: 'g-commit', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] }).then((r) => r.topics[0].partitions[0].errorCode), ErrorCode.NONE);
      assert.equal(await t.addOffsets('tx-commit', p, 'g-commit'), ErrorCode.NONE);
      assert.deepEqual(await t.commit(3, 'tx-commit', p, 'g-commit', { 0: 10n, 1: 11n }), { 0: ErrorCode.NONE, 1: ErrorCode.NONE });
      assert.deepEqual(await t.fetch('g-commit', false), ['1', '-1']);
      assert.deepEqual(await t.fetch('g-commit', true), ["unstable -1 ''", "unstable -1 ''"]);
      assert.equal(await t.end('tx-commit', p, true), ErrorCode.NONE);
      assert.deepEqual(await t.stable('g-commit'), ['10', '11']);
      assert.deepEqual(await t.fetch('g-commit', false), ['10', '11']);
    });

    test('an aborted transaction leaves the group\'s offsets as they were', async () => {
      const p = await t.init('tx-abort');
      assert.equal(await t.addOffsets('tx-abort', p, 'g-abort'), ErrorCode.NONE);
      assert.deepEqual(await t.commit(4, 'tx-abort', p, 'g-abort', { 0: 5n }), { 0: ErrorCode.NONE });
      assert.equal(await t.end('tx-abort', p, true), ErrorCode.NONE);
      assert.deepEqual(await t.stable('g-abort'), ['5', '-1']);
      assert.equal(await t.addOffsets('tx-abort', p, 'g-abort'), ErrorCode.NONE);
      assert.deepEqual(await t.commit(4, 'tx-abort', p, 'g-abort', { 0: 50n, 1: 51n }), { 0: ErrorCode.NONE, 1: ErrorCode.NONE });
      assert.equal(await t.end('tx-abort', p, false), ErrorCode.NONE);
      assert.deepEqual(await t.stable('g-abort'), ['5', '-1']);
    });

    test('a fenced epoch gets INVALID_PRODUCER_EPOCH at every version and writes nothing', async () => {
      const old = await t.init('tx-fenced');
      const current = await t.init('tx-fenced'); // a newer instance of the same transactional id
      assert.equal(current.producerEpoch, old.producerEpoch + 1);
      assert.equal(await t.addOffsets('tx-fenced', current, 'g-fenced'), ErrorCode.NONE);
      for (const version of [0, 2, 3, 4, 5]) {
        assert.deepEqual(await t.commit(version, 'tx-fenced', old, 'g-fenced', { 0: 7n }), { 0: ErrorCode.INVALID_PRODUCER_EPOCH }, `TxnOffsetCommit v${version}`);
      }
      assert.deepEqual(await t.fetch('g-fenced', true), ['-1', '-1']);
      assert.equal(await t.end('tx-fenced', current, true), ErrorCode.NONE);
      assert.deepEqual(await t.stable('g-fenced'), ['-1', '-1']);
    });

    test('without AddOffsetsToTxn the group\'s partition is not in the transaction: INVALID_TXN_STATE before v4, TRANSACTION_ABORTABLE from v4', async () => {
      const p = await t.init('tx-not-added');
      assert.deepEqual(await t.commit(3, 'tx-not-added', p, 'g-not-added', { 0: 7n }), { 0: ErrorCode.INVALID_TXN_STATE });
      assert.deepEqual(await t.commit(4, 'tx-not-added', p, 'g-not-added', { 0: 7n }), { 0: ErrorCode.TRANSACTION_ABORTABLE });
      assert.deepEqual(await t.fetch('g-not-added', true), ['-1', '-1']);
    });

    test('transactions version 2: TxnOffsetCommit v5 adds the group\'s partition itself, and EndTxn v5 commits it with the epoch bumped', async () => {
      const p = await t.init('tx-v2');
      assert.deepEqual(await t.commit(5, 'tx-v2', p, 'g-v2', { 1: 8n }), { 1: ErrorCode.NONE });
      assert.deepEqual(await t.fetch('g-v2', true), ['-1', "unstable -1 ''"]);
      const ended = await untilAccepted('EndTxn v5', () => c.request(Apis.EndTxn, 5, { transactionalId: 'tx-v2', ...p, committed: true }), (r) => (r.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS ? r.errorCode : ErrorCode.NONE));
      assert.equal(ended.errorCode, ErrorCode.NONE);
      assert.deepEqual([ended.producerId, ended.producerEpoch], [p.producerId, p.producerEpoch + 1]);
      assert.deepEqual(await t.stable('g-v2'), ['-1', '8']);
      // The epoch the transaction ended with is fenced now.
      assert.deepEqual(await t.commit(5, 'tx-v2', p, 'g-v2', { 1: 9n }), { 1: ErrorCode.INVALID_PRODUCER_EPOCH });
      assert.deepEqual(await t.fetch('g-v2', true), ['-1', '8']);
    });

    test('an unknown transactional id, a missing topic or partition, and an empty group id get Kafka\'s codes', async () => {
      assert.deepEqual(await t.commit(4, 'never-initialised', { producerId: 424242n, producerEpoch: 0 }, 'g-bad', { 0: 7n }), { 0: ErrorCode.INVALID_PRODUCER_ID_MAPPING });
      const p = await t.init('tx-bad');
      assert.deepEqual(await t.commit(4, 'tx-bad', p, 'g-bad', { 0: 7n }, 'no-such-topic'), { 0: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
      assert.deepEqual(await t.commit(4, 'tx-bad', p, 'g-bad', { 9: 7n }), { 9: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
      assert.deepEqual(await t.commit(4, 'tx-bad', p, '', { 0: 7n }), { 0: ErrorCode.INVALID_GROUP_ID });
      assert.deepEqual(await t.fetch('g-bad', true), ['-1', '-1']);
    });
  });
}

describe('TxnOffsetCommit across restarts of Sluice', { timeout: 120_000 }, () => {
  const fs = new MemoryFileSystem();
  const start = () => startBroker({ port: 0, fs, dataDir: '/data' });

  test('a restart in the middle of a transaction and after its end gives the same answers (TxnOffsetCommit v5 adds the partition)', async () => {
    let broker = await start();
    let c = await RawConnection.open(broker.port);
    let t = transactions(c);
    assert.equal((await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 })).topics[0].errorCode, ErrorCode.NONE);
    const first = await t.init('tx-restart');
    // Transactions version 2: EndTxn v5 bumps the epoch, TxnOffsetCommit v5 adds the group's partition itself.
    assert.deepEqual(await t.commit(5, 'tx-restart', first, 'g-restart', { 0: 3n }), { 0: ErrorCode.NONE });
    const ended = await c.request(Apis.EndTxn, 5, { transactionalId: 'tx-restart', ...first, committed: true });
    assert.equal(ended.errorCode, ErrorCode.NONE);
    const p = { producerId: ended.producerId as bigint, producerEpoch: ended.producerEpoch as number };
    assert.equal(p.producerEpoch, first.producerEpoch + 1);
    assert.deepEqual(await t.commit(5, 'tx-restart', p, 'g-restart', { 0: 30n, 1: 31n }), { 0: ErrorCode.NONE, 1: ErrorCode.NONE });
    const during = await t.fetch('g-restart', true);
    assert.deepEqual(during, ["unstable -1 ''", "unstable -1 ''"]);
    c.close();
    await broker.close();

    broker = await start();
    c = await RawConnection.open(broker.port);
    t = transactions(c);
    assert.deepEqual(await t.fetch('g-restart', true), during, 'the open transaction\'s offsets are pending again');
    assert.deepEqual(await t.fetch('g-restart', false), ['3', '-1']);
    const again = await c.request(Apis.EndTxn, 5, { transactionalId: 'tx-restart', ...p, committed: true });
    assert.equal(again.errorCode, ErrorCode.NONE);
    const after = await t.stable('g-restart');
    assert.deepEqual(after, ['30', '31']);
    c.close();
    await broker.close();

    broker = await start();
    c = await RawConnection.open(broker.port);
    assert.deepEqual(await transactions(c).fetch('g-restart', true), after);
    c.close();
    await broker.close();
  });
});
