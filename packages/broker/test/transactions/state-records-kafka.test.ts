// __transaction_state as Apache Kafka 4.3.1 writes it, read back from a real Kafka broker: a
// transaction is run there with raw requests, its coordinator's records are fetched from the
// partition our partitionFor names for the id, decoded by our reader into the states Kafka went
// through, and each value written again by our writer gives Kafka's bytes back. The expected
// bytes are Kafka's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, decodeRecordBatches, encodeUncompressedRecordBatch, isControl } from '@sluice/protocol';
import { RawConnection, fetchRequestV12, startApacheKafka, untilAccepted } from '@sluice/test-kit';
import { readTransactionRecord, transactionPartitionFor, transactionRecord, valueVersionFor } from '../../src/transactions/records.ts';

test('Kafka 4.3.1\'s __transaction_state records: found in our partition for the id, read as its states, and written back byte for byte', { timeout: 300_000 }, async () => {
  const kafka = await startApacheKafka();
  const c = await RawConnection.open(kafka.port);
  try {
    await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
    await untilAccepted('finding the transaction coordinator', () => c.request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: ['golden'] }), (r) => r.coordinators[0].errorCode);
    const init = await untilAccepted('InitProducerId', () => c.request(Apis.InitProducerId, 5, { transactionalId: 'golden', transactionTimeoutMs: 45_000, producerId: -1n, producerEpoch: -1 }), (r) => r.errorCode);
    // Transactions version 1 (AddPartitionsToTxn v3, EndTxn v4), then version 2 (EndTxn v5), both committed.
    const added = await c.request(Apis.AddPartitionsToTxn, 3, { v3AndBelowTransactionalId: 'golden', v3AndBelowProducerId: init.producerId, v3AndBelowProducerEpoch: init.producerEpoch, v3AndBelowTopics: [{ name: 't', partitions: [1, 0] }], transactions: [] });
    assert.ok(added.resultsByTopicV3AndBelow[0].resultsByPartition.every((p: { partitionErrorCode: number }) => p.partitionErrorCode === ErrorCode.NONE));
    const batch = encodeUncompressedRecordBatch({ producerId: init.producerId, producerEpoch: init.producerEpoch, baseSequence: 0, transactional: true, records: [{ value: 'x' }] });
    const produced = await c.request(Apis.Produce, 11, { transactionalId: 'golden', acks: -1, timeoutMs: 10_000, topicData: [{ name: 't', partitionData: [{ index: 0, records: batch }] }] });
    assert.equal(produced.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
    assert.equal((await c.request(Apis.EndTxn, 4, { transactionalId: 'golden', producerId: init.producerId, producerEpoch: init.producerEpoch, committed: true })).errorCode, ErrorCode.NONE);
    await untilAccepted('the abort of an empty version-2 transaction', () => c.request(Apis.EndTxn, 5, { transactionalId: 'golden', producerId: init.producerId, producerEpoch: init.producerEpoch, committed: false }), (r) => r.errorCode);
    for (let i = 0; i < 100; i++) {
      const d = await c.request(Apis.DescribeTransactions, 0, { transactionalIds: ['golden'] });
      if (d.transactionStates[0].transactionState === 'CompleteAbort') break;
      await new Promise((r) => setTimeout(r, 50));
    }

    const partition = transactionPartitionFor('golden', 50); // Kafka's transaction.state.log.num.partitions default
    const fetched = await c.request(Apis.Fetch, 12, fetchRequestV12('__transaction_state', [{ partition }]));
    const p = fetched.responses[0].partitions[0];
    assert.equal(p.errorCode, ErrorCode.NONE);
    const records = (await decodeRecordBatches(p.records ?? Buffer.alloc(0))).filter((b) => !isControl(b.header.attributes)).flatMap((b) => b.records);
    const read = records.map((r) => ({ raw: r, decoded: readTransactionRecord(r.key!, r.value) })).filter((r) => r.decoded?.transactionalId === 'golden');
    assert.deepEqual(
      read.map((r) => `${r.decoded!.snapshot!.state}@${r.decoded!.snapshot!.producerEpoch}:${r.decoded!.snapshot!.partitions.size}`),
      ['Empty@0:0', 'Ongoing@0:2', 'PrepareCommit@0:2', 'CompleteCommit@0:0', 'PrepareAbort@1:0', 'CompleteAbort@1:0'],
    );
    assert.equal(read[4].decoded!.snapshot!.clientTransactionVersion, 2);
    assert.equal(read[4].decoded!.snapshot!.timeoutMs, 45_000);
    for (const r of read) {
      const again = transactionRecord('golden', r.decoded!.snapshot!, valueVersionFor(2));
      assert.deepEqual(again.key, r.raw.key, `key of ${r.decoded!.snapshot!.state}`);
      assert.deepEqual(again.value, r.raw.value, `value of ${r.decoded!.snapshot!.state}`);
    }
  } finally {
    c.close();
    await kafka.stop();
  }
});
