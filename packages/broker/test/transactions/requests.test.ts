// The transaction coordinator's requests from outside, as raw frames: the same requests go to
// Apache Kafka 4.3.1 and to Sluice, with the same assertions, so the error codes are Kafka's and
// not what our own clients happen to expect. Covers the bad input (EndTxn for an unknown
// transactional id, AddPartitionsToTxn for a missing topic: Kafka's codes and nothing written),
// fencing by request version (PRODUCER_FENCED from the versions that know it, INVALID_PRODUCER_EPOCH
// before), a transaction opened, described, listed and aborted, and the transaction.version
// feature in ApiVersions.
//
// Differences found by the same comparison and left as they are: Kafka completes an ended
// transaction in the background on its own schedule too, so the test waits for CompleteAbort on
// both rather than expecting it at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, rawTargets, untilAccepted } from '@sluice/test-kit';

const TOPIC = 'txn-requests';

for (const target of rawTargets) {
  describe(`transaction requests on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
      // Kafka creates __transaction_state at the first FindCoordinator of a transactional id and
      // answers COORDINATOR_NOT_AVAILABLE until it is loaded; a warm-up InitProducerId waits for that.
      await untilAccepted('finding the transaction coordinator', () => c.request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: ['warm-up'] }), (r) => r.coordinators[0].errorCode);
      await initProducerId('warm-up');
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    function initProducerId(transactionalId: string, version = 5, fields: Record<string, unknown> = {}): Promise<{ errorCode: number; producerId: bigint; producerEpoch: number }> {
      return untilAccepted(
        `InitProducerId ${transactionalId}`,
        () => c.request(Apis.InitProducerId, version, { transactionalId, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1, ...fields }),
        (r) => r.errorCode,
      );
    }
    function rawInit(version: number, fields: Record<string, unknown>) {
      return c.request(Apis.InitProducerId, version, { transactionalId: 'x', transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1, ...fields });
    }
    function addPartitions(version: number, transactionalId: string, producerId: bigint, producerEpoch: number, topics: { name: string; partitions: number[] }[]) {
      return c.request(Apis.AddPartitionsToTxn, version, { v3AndBelowTransactionalId: transactionalId, v3AndBelowProducerId: producerId, v3AndBelowProducerEpoch: producerEpoch, v3AndBelowTopics: topics, transactions: [] });
    }
    /** [topic, partition, error] of a v0-3 answer, in the answer's order sorted. */
    function partitionErrors(r: { resultsByTopicV3AndBelow: { name: string; resultsByPartition: { partitionIndex: number; partitionErrorCode: number }[] }[] }) {
      return r.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition.map((p) => [t.name, p.partitionIndex, p.partitionErrorCode])).sort();
    }
    function endTxn(version: number, transactionalId: string, producerId: bigint, producerEpoch: number, committed: boolean) {
      return c.request(Apis.EndTxn, version, { transactionalId, producerId, producerEpoch, committed });
    }
    async function describeTxn(transactionalId: string) {
      const r = await c.request(Apis.DescribeTransactions, 0, { transactionalIds: [transactionalId] });
      return r.transactionStates[0] as { errorCode: number; transactionState: string; producerId: bigint; producerEpoch: number; topics: { topic: string; partitions: number[] }[] };
    }

    test('ApiVersions advertises transaction.version finalized at 2 with an epoch of at least 0 from v3, and supported 0-2 from v4 (v3 leaves out features supported from 0, KIP-1022)', async () => {
      const feature = (list: { name: string }[]) => list.filter((f) => f.name === 'transaction.version');
      const v3 = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
      assert.deepEqual(feature(v3.supportedFeatures), []);
      assert.deepEqual(feature(v3.finalizedFeatures).map((f: any) => [f.minVersionLevel, f.maxVersionLevel]), [[2, 2]]);
      assert.ok(v3.finalizedFeaturesEpoch >= 0n);
      const v4 = await c.request(Apis.ApiVersions, 4, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
      assert.deepEqual(feature(v4.supportedFeatures).map((f: any) => [f.minVersion, f.maxVersion]), [[0, 2]]);
      assert.deepEqual(feature(v4.finalizedFeatures).map((f: any) => [f.minVersionLevel, f.maxVersionLevel]), [[2, 2]]);
      assert.ok(v4.finalizedFeaturesEpoch >= 0n);
      for (const [key, min, max] of [[22, 0, 5], [24, 0, 5], [25, 0, 4], [26, 0, 5], [65, 0, 0], [66, 0, 2]]) {
        const api = v4.apiKeys.find((a: { apiKey: number }) => a.apiKey === key);
        assert.deepEqual(api && [api.minVersion, api.maxVersion], [min, max], `API ${key}`);
      }
    });

    test('FindCoordinator for transactional ids (key type 1), several at once (v4+) and one (v3)', async () => {
      const many = await c.request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: ['one', 'two'] });
      assert.deepEqual(many.coordinators.map((x: { key: string; errorCode: number; port: number }) => [x.key, x.errorCode, x.port]), [['one', ErrorCode.NONE, broker.port], ['two', ErrorCode.NONE, broker.port]]);
      const one = await c.request(Apis.FindCoordinator, 3, { keyType: 1, key: 'one' });
      assert.deepEqual([one.errorCode, one.port], [ErrorCode.NONE, broker.port]);
    });

    test('InitProducerId: a new transactional id at epoch 0, then bumped; refusals of a bad timeout, a half-given producer and an empty id', async () => {
      const first = await initProducerId('init');
      assert.equal(first.producerEpoch, 0);
      const second = await initProducerId('init');
      assert.deepEqual([second.producerId, second.producerEpoch], [first.producerId, 1]);
      assert.equal((await rawInit(4, { transactionTimeoutMs: 0 })).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
      assert.equal((await rawInit(4, { transactionTimeoutMs: 900_001 })).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
      assert.equal((await rawInit(4, { producerId: 5n })).errorCode, ErrorCode.INVALID_REQUEST);
      assert.equal((await rawInit(4, { transactionalId: '' })).errorCode, ErrorCode.INVALID_REQUEST);
      assert.equal((await describeTxn('x')).errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, 'nothing was made of the refused requests');
    });

    test('a fenced producer gets PRODUCER_FENCED from the versions that know it and INVALID_PRODUCER_EPOCH before them', async () => {
      const old = await initProducerId('fence');
      await initProducerId('fence'); // a newer instance: epoch 1
      const given = { transactionalId: 'fence', producerId: old.producerId, producerEpoch: 0 };
      assert.equal((await rawInit(3, given)).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
      assert.equal((await rawInit(4, given)).errorCode, ErrorCode.PRODUCER_FENCED);
      const topics = [{ name: TOPIC, partitions: [0] }];
      assert.deepEqual(partitionErrors(await addPartitions(1, 'fence', old.producerId, 0, topics)), [[TOPIC, 0, ErrorCode.INVALID_PRODUCER_EPOCH]]);
      assert.deepEqual(partitionErrors(await addPartitions(2, 'fence', old.producerId, 0, topics)), [[TOPIC, 0, ErrorCode.PRODUCER_FENCED]]);
      assert.equal((await endTxn(1, 'fence', old.producerId, 0, false)).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
      assert.equal((await endTxn(2, 'fence', old.producerId, 0, false)).errorCode, ErrorCode.PRODUCER_FENCED);
      assert.equal((await c.request(Apis.AddOffsetsToTxn, 1, { transactionalId: 'fence', producerId: old.producerId, producerEpoch: 0, groupId: 'g' })).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
      assert.equal((await c.request(Apis.AddOffsetsToTxn, 2, { transactionalId: 'fence', producerId: old.producerId, producerEpoch: 0, groupId: 'g' })).errorCode, ErrorCode.PRODUCER_FENCED);
      assert.equal((await describeTxn('fence')).transactionState, 'Empty', 'none of it opened a transaction');
    });

    test('EndTxn for an unknown transactional id: INVALID_PRODUCER_ID_MAPPING at every version, and the id stays unknown', async () => {
      for (const version of [0, 3, 4, 5]) {
        const r = await endTxn(version, 'never-initialised', 1234n, 0, true);
        assert.equal(r.errorCode, ErrorCode.INVALID_PRODUCER_ID_MAPPING, `EndTxn v${version}`);
        if (version >= 5) assert.deepEqual([r.producerId, r.producerEpoch], [-1n, -1]);
      }
      assert.equal((await describeTxn('never-initialised')).errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
    });

    test('AddPartitionsToTxn with a missing topic or partition: UNKNOWN_TOPIC_OR_PARTITION for those, OPERATION_NOT_ATTEMPTED for the others, nothing added', async () => {
      const p = await initProducerId('missing');
      const r = await addPartitions(3, 'missing', p.producerId, p.producerEpoch, [{ name: TOPIC, partitions: [0, 7] }, { name: 'no-such-topic', partitions: [0] }]);
      assert.deepEqual(partitionErrors(r), [
        ['no-such-topic', 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
        [TOPIC, 0, ErrorCode.OPERATION_NOT_ATTEMPTED],
        [TOPIC, 7, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
      ]);
      const d = await describeTxn('missing');
      assert.deepEqual([d.transactionState, d.topics], ['Empty', []]);
    });

    test('AddPartitionsToTxn of an internal topic (v0-3): TOPIC_AUTHORIZATION_FAILED, whether it exists or not', async () => {
      const p = await initProducerId('internal');
      const r = await addPartitions(3, 'internal', p.producerId, p.producerEpoch, [{ name: '__consumer_offsets', partitions: [0] }, { name: TOPIC, partitions: [0] }]);
      assert.deepEqual(partitionErrors(r), [
        ['__consumer_offsets', 0, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
        [TOPIC, 0, ErrorCode.OPERATION_NOT_ATTEMPTED],
      ]);
    });

    test('DescribeTransactions of an empty id; ListTransactions\' pattern must match the whole id, and a duration filter of 0 keeps ids with no transaction open too (their start time is -1)', async () => {
      assert.equal((await describeTxn('')).errorCode, ErrorCode.INVALID_REQUEST);
      const p = await initProducerId('my-special-0');
      assert.deepEqual(partitionErrors(await addPartitions(3, 'my-special-0', p.producerId, p.producerEpoch, [{ name: TOPIC, partitions: [1] }])), [[TOPIC, 1, ErrorCode.NONE]]);
      await initProducerId('special-but-idle');
      const list = async (version: number, fields: Record<string, unknown>) => {
        const r = await c.request(Apis.ListTransactions, version, { stateFilters: [], producerIdFilters: [], ...fields });
        return [r.errorCode, r.transactionStates.map((t: { transactionalId: string }) => t.transactionalId).filter((id: string) => id.includes('special')).sort()];
      };
      assert.deepEqual(await list(2, { durationFilter: -1n, transactionalIdPattern: 'special' }), [ErrorCode.NONE, []]);
      assert.deepEqual(await list(2, { durationFilter: -1n, transactionalIdPattern: '.*special.*' }), [ErrorCode.NONE, ['my-special-0', 'special-but-idle']]);
      assert.deepEqual(await list(2, { durationFilter: -1n, transactionalIdPattern: 'special.*' }), [ErrorCode.NONE, ['special-but-idle']]);
      assert.deepEqual(await list(2, { durationFilter: -1n, transactionalIdPattern: '(ab(cd' }), [ErrorCode.INVALID_REGULAR_EXPRESSION, []]);
      assert.deepEqual(await list(1, { durationFilter: 0n }), [ErrorCode.NONE, ['my-special-0', 'special-but-idle']]);
      assert.deepEqual(await list(1, { durationFilter: 3_600_000n }), [ErrorCode.NONE, ['special-but-idle']], 'the open transaction is younger than an hour; the idle id "started" in 1970');
      await endTxn(4, 'my-special-0', p.producerId, p.producerEpoch, false);
    });

    test('AddPartitionsToTxn v4 (the batched form): verify-only answers per partition without adding, a plain entry adds; errors per transaction', async () => {
      const p = await initProducerId('batched');
      const q = await initProducerId('batched-2');
      const r = await c.request(Apis.AddPartitionsToTxn, 4, {
        transactions: [
          { transactionalId: 'batched', producerId: p.producerId, producerEpoch: p.producerEpoch, verifyOnly: false, topics: [{ name: TOPIC, partitions: [0] }] },
          { transactionalId: 'batched-2', producerId: q.producerId, producerEpoch: q.producerEpoch + 1, verifyOnly: false, topics: [{ name: TOPIC, partitions: [0] }] },
        ],
        v3AndBelowTopics: [],
      });
      const results = (x: any) => Object.fromEntries(x.resultsByTransaction.map((t: any) => [t.transactionalId, t.topicResults.flatMap((tr: any) => tr.resultsByPartition.map((pr: any) => [tr.name, pr.partitionIndex, pr.partitionErrorCode]))]));
      assert.equal(r.errorCode, ErrorCode.NONE);
      assert.deepEqual(results(r), { batched: [[TOPIC, 0, ErrorCode.NONE]], 'batched-2': [[TOPIC, 0, ErrorCode.PRODUCER_FENCED]] });
      const verified = await c.request(Apis.AddPartitionsToTxn, 4, {
        transactions: [{ transactionalId: 'batched', producerId: p.producerId, producerEpoch: p.producerEpoch, verifyOnly: true, topics: [{ name: TOPIC, partitions: [0, 1] }] }],
        v3AndBelowTopics: [],
      });
      assert.deepEqual(results(verified), { batched: [[TOPIC, 0, ErrorCode.NONE], [TOPIC, 1, ErrorCode.TRANSACTION_ABORTABLE]] });
      assert.deepEqual((await describeTxn('batched')).topics.map((t) => [t.topic, t.partitions]), [[TOPIC, [0]]], 'verifying added nothing');
      assert.equal((await describeTxn('batched-2')).transactionState, 'Empty');
      assert.equal((await endTxn(4, 'batched', p.producerId, p.producerEpoch, false)).errorCode, ErrorCode.NONE);
    });

    test('WriteTxnMarkers from a client: an unknown partition gets UNKNOWN_TOPIC_OR_PARTITION, a marker below the producer\'s epoch INVALID_PRODUCER_EPOCH, others are written', async () => {
      // A producer at epoch 1 on partition 1, with an open transaction.
      await initProducerId('marked');
      const p = await initProducerId('marked');
      assert.deepEqual(partitionErrors(await addPartitions(3, 'marked', p.producerId, p.producerEpoch, [{ name: TOPIC, partitions: [1] }])), [[TOPIC, 1, ErrorCode.NONE]]);
      const batch = encodeUncompressedRecordBatch({ producerId: p.producerId, producerEpoch: p.producerEpoch, baseSequence: 0, transactional: true, records: [{ value: 'm' }] });
      const produced = await c.request(Apis.Produce, 9, { transactionalId: 'marked', acks: -1, timeoutMs: 10_000, topicData: [{ name: TOPIC, partitionData: [{ index: 1, records: batch }] }] });
      assert.equal(produced.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
      const marker = (producerEpoch: number, topics: { name: string; partitionIndexes: number[] }[]) =>
        c.request(Apis.WriteTxnMarkers, 1, { markers: [{ producerId: p.producerId, producerEpoch, transactionResult: false, topics, coordinatorEpoch: 0 }] });
      const errors = (r: any) => r.markers[0].topics.flatMap((t: any) => t.partitions.map((x: any) => [t.name, x.partitionIndex, x.errorCode]));
      assert.deepEqual(errors(await marker(p.producerEpoch, [{ name: 'no-such-topic', partitionIndexes: [0] }, { name: TOPIC, partitionIndexes: [9] }])), [['no-such-topic', 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [TOPIC, 9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]);
      assert.deepEqual(errors(await marker(p.producerEpoch - 1, [{ name: TOPIC, partitionIndexes: [1] }])), [[TOPIC, 1, ErrorCode.INVALID_PRODUCER_EPOCH]]);
      assert.deepEqual(errors(await marker(p.producerEpoch, [{ name: TOPIC, partitionIndexes: [1] }])), [[TOPIC, 1, ErrorCode.NONE]]);
      const producers = await c.request(Apis.DescribeProducers, 0, { topics: [{ name: TOPIC, partitionIndexes: [1] }] });
      const mine = producers.topics[0].partitions[0].activeProducers.find((x: { producerId: bigint }) => x.producerId === p.producerId);
      assert.deepEqual([mine?.producerEpoch, mine?.currentTxnStartOffset, mine?.coordinatorEpoch], [p.producerEpoch, -1n, 0], 'the abort closed its transaction there');
      assert.equal((await endTxn(4, 'marked', p.producerId, p.producerEpoch, false)).errorCode, ErrorCode.NONE);
    });

    test('EndTxn with nothing open: INVALID_TXN_STATE for a commit (version 1)', async () => {
      const p = await initProducerId('empty');
      assert.equal((await endTxn(4, 'empty', p.producerId, p.producerEpoch, true)).errorCode, ErrorCode.INVALID_TXN_STATE);
    });

    test('a transaction opened by AddPartitionsToTxn is described and listed as Ongoing, then aborted by EndTxn', async () => {
      const p = await initProducerId('flow');
      const added = await addPartitions(3, 'flow', p.producerId, p.producerEpoch, [{ name: TOPIC, partitions: [1, 0] }]);
      assert.deepEqual(partitionErrors(added), [[TOPIC, 0, ErrorCode.NONE], [TOPIC, 1, ErrorCode.NONE]]);
      const d = await describeTxn('flow');
      assert.deepEqual([d.errorCode, d.transactionState, d.producerId, d.producerEpoch], [ErrorCode.NONE, 'Ongoing', p.producerId, p.producerEpoch]);
      assert.deepEqual(d.topics.map((t) => [t.topic, [...t.partitions].sort()]), [[TOPIC, [0, 1]]]);
      const listed = await c.request(Apis.ListTransactions, 1, { stateFilters: ['Ongoing', 'NoSuchState'], producerIdFilters: [], durationFilter: -1n });
      assert.deepEqual(listed.unknownStateFilters, ['NoSuchState']);
      assert.deepEqual(listed.transactionStates.map((t: { transactionalId: string; transactionState: string }) => [t.transactionalId, t.transactionState]), [['flow', 'Ongoing']]);

      assert.equal((await endTxn(4, 'flow', p.producerId, p.producerEpoch, false)).errorCode, ErrorCode.NONE);
      for (let i = 0; i < 100 && (await describeTxn('flow')).transactionState !== 'CompleteAbort'; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal((await describeTxn('flow')).transactionState, 'CompleteAbort');
      assert.equal((await endTxn(4, 'flow', p.producerId, p.producerEpoch, false)).errorCode, ErrorCode.NONE, 'a retried abort');
      assert.equal((await endTxn(4, 'flow', p.producerId, p.producerEpoch, true)).errorCode, ErrorCode.INVALID_TXN_STATE, 'a commit of what was aborted');
    });

    test('EndTxn v5 (transactions version 2) bumps the epoch and answers the new one; an abort with nothing open is allowed', async () => {
      const p = await initProducerId('tv2');
      const r = await endTxn(5, 'tv2', p.producerId, p.producerEpoch, false);
      assert.deepEqual([r.errorCode, r.producerId, r.producerEpoch], [ErrorCode.NONE, p.producerId, p.producerEpoch + 1]);
      // The abort may still be completing: CONCURRENT_TRANSACTIONS until then.
      const retried = await untilAccepted('a retried abort', () => endTxn(5, 'tv2', p.producerId, p.producerEpoch, false), (a) => a.errorCode);
      assert.deepEqual([retried.errorCode, retried.producerEpoch], [ErrorCode.NONE, p.producerEpoch + 1], 'a retry with the epoch before');
      assert.equal((await endTxn(5, 'tv2', p.producerId, p.producerEpoch + 1, true)).errorCode, ErrorCode.INVALID_TXN_STATE, 'nothing to commit');
    });
  });
}
