// The produce path when the transaction coordinator cannot record a partition added by Produce v12
// (KIP-890): its write to __transaction_state fails on the in-memory file system. The producer gets
// Kafka's retriable answer (NOT_ENOUGH_REPLICAS naming the coordinator's error), nothing of its
// batch is written, and the same batch sent again is appended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch, errorName } from '@sluice/protocol';
import { MemoryFileSystem } from '@sluice/storage';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';
import { startBroker } from '../src/index.ts';

test('a failed write of the implicit add answers NOT_ENOUGH_REPLICAS and writes nothing; the retry is appended', async () => {
  const fs = new MemoryFileSystem();
  const broker = await startBroker({ port: 0, fs });
  const c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'out', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 10_000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    const found = await c.request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: ['writer'] });
    assert.equal(found.coordinators[0].errorCode, ErrorCode.NONE);
    const init = await c.request(Apis.InitProducerId, 5, { transactionalId: 'writer', transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 });
    assert.equal(init.errorCode, ErrorCode.NONE);
    const records = encodeUncompressedRecordBatch({ records: [{ value: 'v' }], transactional: true, producerId: init.producerId, producerEpoch: init.producerEpoch, baseSequence: 0 });
    const produce = async () => {
      const r = await c.request(Apis.Produce, 12, { transactionalId: 'writer', acks: -1, timeoutMs: 10_000, topicData: [{ name: 'out', partitionData: [{ index: 0, records }] }] });
      return r.responses[0].partitionResponses[0];
    };

    fs.failNextWrite();
    const refused = await produce();
    assert.equal(errorName(refused.errorCode), 'NOT_ENOUGH_REPLICAS');
    assert.match(refused.errorMessage, /Underlying error: COORDINATOR_NOT_AVAILABLE/);
    const fetched = await c.request(Apis.Fetch, 12, fetchRequestV12('out'));
    assert.equal(fetched.responses[0].partitions[0].highWatermark, 0n, 'nothing written');

    const accepted = await produce();
    assert.equal(accepted.errorCode, ErrorCode.NONE);
    assert.equal(accepted.baseOffset, 0n);
    const committed = await c.request(Apis.Fetch, 12, fetchRequestV12('out', [{}], { isolationLevel: 1 }));
    assert.equal(committed.responses[0].partitions[0].lastStableOffset, 0n, 'the transaction is open');
  } finally {
    c.close();
    await broker.close();
  }
});
