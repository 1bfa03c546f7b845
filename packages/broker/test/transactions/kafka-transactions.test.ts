// Apache Kafka's own kafka-transactions tool (org.apache.kafka.tools.TransactionsCommand 4.3.1)
// against Sluice: a transaction left open by a producer that went away is listed, described with
// its partitions, shown by describe-producers with its first offset, and aborted by the tool
// (DescribeProducers, then WriteTxnMarkers to the partition), after which read_committed readers
// move past it and see its records as aborted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, fetchRequestV12, runKafkaTool } from '@sluice/test-kit';
import { type Broker, startBroker } from '../../src/index.ts';

const TOOL = 'org.apache.kafka.tools.TransactionsCommand';
let broker: Broker;
let c: RawConnection;

before(async () => {
  broker = await startBroker({ port: 0 });
  c = await RawConnection.open(broker.port);
  await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
});
after(async () => {
  c?.close();
  await broker?.close();
});

function tool(...args: string[]) {
  return runKafkaTool(TOOL, ['--bootstrap-server', broker.bootstrap, ...args]);
}

test('kafka-transactions lists, describes and aborts a hanging transaction', { timeout: 300_000 }, async () => {
  // A producer opens a transaction, writes two records and is never heard of again.
  const init = await c.request(Apis.InitProducerId, 4, { transactionalId: 'hanging', transactionTimeoutMs: 900_000, producerId: -1n, producerEpoch: -1 });
  assert.equal(init.errorCode, ErrorCode.NONE);
  const added = await c.request(Apis.AddPartitionsToTxn, 3, { v3AndBelowTransactionalId: 'hanging', v3AndBelowProducerId: init.producerId, v3AndBelowProducerEpoch: init.producerEpoch, v3AndBelowTopics: [{ name: 't', partitions: [0] }], transactions: [] });
  assert.equal(added.resultsByTopicV3AndBelow[0].resultsByPartition[0].partitionErrorCode, ErrorCode.NONE);
  const records = encodeUncompressedRecordBatch({ producerId: init.producerId, producerEpoch: init.producerEpoch, baseSequence: 0, transactional: true, records: [{ value: 'x' }, { value: 'y' }] });
  const produced = await c.request(Apis.Produce, 9, { transactionalId: 'hanging', acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: 0, records }] }] });
  assert.equal(produced.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
  const plain = await c.request(Apis.Produce, 9, { transactionalId: null, acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: 0, records: encodeUncompressedRecordBatch({ records: [{ value: 'after' }] }) }] }] });
  assert.equal(plain.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
  const readCommitted = async () => (await c.request(Apis.Fetch, 12, fetchRequestV12('t', [{}], { isolationLevel: 1 }))).responses[0].partitions[0];
  assert.equal((await readCommitted()).lastStableOffset, 0n, 'the open transaction holds read_committed readers at its first offset');

  const list = await tool('list');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, new RegExp(`^hanging\\s+0\\s+${init.producerId}\\s+Ongoing\\s*$`, 'm'), list.stdout);

  const describe = await tool('describe', '--transactional-id', 'hanging');
  assert.equal(describe.code, 0, describe.stderr);
  assert.match(describe.stdout, new RegExp(`^0\\s+hanging\\s+${init.producerId}\\s+${init.producerEpoch}\\s+Ongoing\\s+900000\\s+\\d+\\s+\\d+\\s+t-0\\s*$`, 'm'), describe.stdout);

  const producers = await tool('describe-producers', '--topic', 't', '--partition', '0');
  assert.equal(producers.code, 0, producers.stderr);
  // ProducerId, ProducerEpoch, LatestCoordinatorEpoch (-1: no marker yet), LastSequence, LastTimestamp, CurrentTransactionStartOffset.
  assert.match(producers.stdout, new RegExp(`^${init.producerId}\\s+${init.producerEpoch}\\s+-1\\s+1\\s+\\d+\\s+0\\s*$`, 'm'), producers.stdout);

  const abort = await tool('abort', '--topic', 't', '--partition', '0', '--start-offset', '0');
  assert.equal(abort.code, 0, `${abort.stdout}\n${abort.stderr}`);
  const p = await readCommitted();
  assert.equal(p.lastStableOffset, p.highWatermark, 'nothing holds readers any more');
  assert.deepEqual(p.abortedTransactions, [{ producerId: init.producerId, firstOffset: 0n }]);
  const after = await tool('describe-producers', '--topic', 't', '--partition', '0');
  assert.match(after.stdout, new RegExp(`^${init.producerId}\\s+${init.producerEpoch}\\s+0\\s+1\\s+\\d+\\s+None\\s*$`, 'm'), after.stdout);
});
