// The transaction APIs of a real broker, from outside, in any order: seeded random sequences of
// InitProducerId, AddPartitionsToTxn (client and batched forms, verify-only too), AddOffsetsToTxn,
// transactional Produce, EndTxn, WriteTxnMarkers, DescribeProducers, DescribeTransactions and
// ListTransactions, at every version each handler serves, from several connections at once, on a
// few transactional ids, with producer ids and epochs mostly as last answered and sometimes stale
// or made up, and a short transaction timeout so that the coordinator's own aborts run in between.
// Whatever the order, every request is answered, the broker logs no error, and afterwards every
// id can still run a transaction to its end (nothing is left stuck in a Prepare state).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { Random, RawConnection, untilAccepted } from '@sluice/test-kit';
import { startBroker } from '../../src/index.ts';

const IDS = ['a', 'b', 'c'];
const STEPS = 600;

interface Producer {
  producerId: bigint;
  producerEpoch: number;
  sequence: number;
}

test('random transaction requests at every version from several connections are all answered, nothing is logged as an error, and every id can still commit', { timeout: 300_000 }, async () => {
  const errors: string[] = [];
  const broker = await startBroker({
    port: 0,
    config: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': '50', 'transaction.state.log.num.partitions': '3' },
    log: { info() {}, warn() {}, error: (m, e) => errors.push(`${m}: ${e instanceof Error ? e.stack : e}`) },
  });
  const rnd = new Random(29);
  const connections = await Promise.all([0, 1, 2, 3].map(() => RawConnection.open(broker.port)));
  try {
    await connections[0].request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    const known = new Map<string, Producer>();
    const pending: Promise<void>[] = [];
    const failed: string[] = [];
    const producerOf = (id: string): Producer => {
      const p = known.get(id) ?? { producerId: BigInt(rnd.int(0, 5)), producerEpoch: 0, sequence: 0 };
      if (rnd.chance(0.1)) return { ...p, producerEpoch: Math.max(0, p.producerEpoch - 1) };
      if (rnd.chance(0.05)) return { ...p, producerId: p.producerId + 7n };
      return p;
    };
    const partitions = () => (rnd.chance(0.1) ? [{ name: 'missing', partitions: [0] }] : [{ name: 't', partitions: rnd.chance(0.5) ? [0] : [0, 1] }]);

    for (let step = 0; step < STEPS; step++) {
      const c = connections[rnd.int(0, connections.length - 1)];
      const id = rnd.chance(0.03) ? '' : IDS[rnd.int(0, IDS.length - 1)];
      const p = producerOf(id);
      const pick = rnd.int(0, 99);
      let api: (typeof Apis)[keyof typeof Apis];
      let version: number;
      let body: unknown;
      let onAnswer: (r: any) => void = () => {};
      if (pick < 15) {
        api = Apis.InitProducerId;
        version = rnd.int(0, 5);
        const given = version >= 3 && rnd.chance(0.4);
        body = { transactionalId: id, transactionTimeoutMs: rnd.chance(0.1) ? 0 : rnd.int(100, 2000), producerId: given ? p.producerId : -1n, producerEpoch: given ? p.producerEpoch : -1 };
        onAnswer = (r) => {
          if (r.errorCode === ErrorCode.NONE) known.set(id, { producerId: r.producerId, producerEpoch: r.producerEpoch, sequence: 0 });
        };
      } else if (pick < 35) {
        api = Apis.AddPartitionsToTxn;
        version = rnd.int(0, 5);
        body =
          version < 4
            ? { v3AndBelowTransactionalId: id, v3AndBelowProducerId: p.producerId, v3AndBelowProducerEpoch: p.producerEpoch, v3AndBelowTopics: partitions(), transactions: [] }
            : { transactions: [{ transactionalId: id, producerId: p.producerId, producerEpoch: p.producerEpoch, verifyOnly: rnd.chance(0.5), topics: partitions() }], v3AndBelowTopics: [] };
      } else if (pick < 42) {
        api = Apis.AddOffsetsToTxn;
        version = rnd.int(0, 4);
        body = { transactionalId: id, producerId: p.producerId, producerEpoch: p.producerEpoch, groupId: rnd.chance(0.5) ? 'g' : 'h' };
      } else if (pick < 62) {
        api = Apis.Produce;
        version = rnd.int(3, 12);
        const records = encodeUncompressedRecordBatch({ producerId: p.producerId, producerEpoch: p.producerEpoch, baseSequence: p.sequence, transactional: true, records: [{ value: `v${step}` }] });
        body = { transactionalId: rnd.chance(0.05) ? null : id, acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: rnd.int(0, 1), records }] }] };
        onAnswer = (r) => {
          if (r.responses[0].partitionResponses[0].errorCode === ErrorCode.NONE) p.sequence++;
        };
      } else if (pick < 80) {
        api = Apis.EndTxn;
        version = rnd.int(0, 5);
        body = { transactionalId: id, producerId: p.producerId, producerEpoch: p.producerEpoch, committed: rnd.chance(0.5) };
        onAnswer = (r) => {
          if (r.errorCode === ErrorCode.NONE && version >= 5) known.set(id, { producerId: r.producerId, producerEpoch: r.producerEpoch, sequence: 0 });
        };
      } else if (pick < 85) {
        api = Apis.WriteTxnMarkers;
        version = rnd.int(1, 2);
        body = { markers: [{ producerId: p.producerId, producerEpoch: p.producerEpoch + rnd.int(-1, 1), transactionResult: rnd.chance(0.5), topics: partitions().map((t) => ({ name: t.name, partitionIndexes: t.partitions })), coordinatorEpoch: rnd.int(-1, 1), ...(version >= 2 ? { transactionVersion: rnd.int(0, 2) } : {}) }] };
      } else if (pick < 90) {
        api = Apis.DescribeProducers;
        version = 0;
        body = { topics: [{ name: 't', partitionIndexes: [0, 1, 5] }] };
      } else if (pick < 95) {
        api = Apis.DescribeTransactions;
        version = 0;
        body = { transactionalIds: [id, 'unknown'] };
      } else {
        api = Apis.ListTransactions;
        version = rnd.int(0, 2);
        body = {
          stateFilters: rnd.chance(0.5) ? [] : ['Ongoing', 'Bogus'],
          producerIdFilters: [],
          ...(version >= 1 ? { durationFilter: BigInt(rnd.int(-1, 100)) } : {}),
          ...(version >= 2 ? { transactionalIdPattern: rnd.chance(0.3) ? '(' : null } : {}),
        };
      }
      const what = `step ${step}: ${api.name} v${version} ${JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? '<records>' : v))}`;
      pending.push(c.request(api, version, body).then(onAnswer, (e: Error) => void failed.push(`${what}: ${e.message}`)));
      if (rnd.chance(0.3)) await Promise.all(pending.splice(0));
      if (rnd.chance(0.05)) await new Promise((r) => setTimeout(r, rnd.int(0, 60)));
    }
    await Promise.all(pending);
    assert.deepEqual(failed, []);
    assert.ok(connections.every((c) => !c.closed), 'no connection was closed on a request');

    // Every id still works: a new producer fences whatever is left and runs a transaction to its end.
    const c = connections[0];
    for (const id of IDS) {
      const init = await untilAccepted(`InitProducerId ${id}`, () => c.request(Apis.InitProducerId, 4, { transactionalId: id, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 }), (r) => r.errorCode);
      const added = await untilAccepted(
        `AddPartitionsToTxn ${id}`,
        () => c.request(Apis.AddPartitionsToTxn, 3, { v3AndBelowTransactionalId: id, v3AndBelowProducerId: init.producerId, v3AndBelowProducerEpoch: init.producerEpoch, v3AndBelowTopics: [{ name: 't', partitions: [0] }], transactions: [] }),
        (r) => r.resultsByTopicV3AndBelow[0].resultsByPartition[0].partitionErrorCode,
      );
      assert.ok(added);
      const records = encodeUncompressedRecordBatch({ producerId: init.producerId, producerEpoch: init.producerEpoch, baseSequence: 0, transactional: true, records: [{ value: `final ${id}` }] });
      const produced = await c.request(Apis.Produce, 9, { transactionalId: id, acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: 0, records }] }] });
      assert.equal(produced.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE, id);
      assert.equal((await c.request(Apis.EndTxn, 3, { transactionalId: id, producerId: init.producerId, producerEpoch: init.producerEpoch, committed: true })).errorCode, ErrorCode.NONE, id);
      const d = await c.request(Apis.DescribeTransactions, 0, { transactionalIds: [id] });
      assert.equal(d.transactionStates[0].transactionState, 'CompleteCommit', id);
    }
    assert.deepEqual(errors, []);
  } finally {
    for (const c of connections) c.close();
    await broker.close();
  }
});
