// The transaction coordinator through its API, over real storage on an in-memory filesystem and a
// manual clock: Kafka's state moves and error codes of InitProducerId, AddPartitions, KIP-890
// verification, EndTxn in both transaction protocols, fencing of a zombie, the abort of a
// timed-out transaction, the expiry of idle ids, and what a restart finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { offsetsPartitionFor } from '../../src/groups/records.ts';
import { type ListTransactionsFilter, txnPartitionKey } from '../../src/transactions/index.ts';
import { transactionRecord } from '../../src/transactions/records.ts';
import { batchesOf, createTopic, markersOf, openHarness, recordedStates, transactionalBatch } from './harness.ts';

const T0 = [{ topic: 't', partition: 0 }];

test('InitProducerId: a new id gets a producer id at epoch 0, the next call bumps the epoch; both are written to __transaction_state', async () => {
  const h = await openHarness();
  const first = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal(first.errorCode, ErrorCode.NONE);
  assert.equal(first.producerEpoch, 0);
  const second = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.deepEqual(second, { errorCode: ErrorCode.NONE, producerId: first.producerId, producerEpoch: 1 });
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Empty@1']);
});

test('InitProducerId refuses an empty id, a timeout of 0 or above transaction.max.timeout.ms, and writes nothing', async () => {
  const h = await openHarness({ config: { maxTimeoutMs: 1000 } });
  assert.equal((await h.coordinator.initProducerId('', 100, -1n, -1)).errorCode, ErrorCode.INVALID_REQUEST);
  assert.equal((await h.coordinator.initProducerId('app', 0, -1n, -1)).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
  assert.equal((await h.coordinator.initProducerId('app', 1001, -1n, -1)).errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
  assert.equal(h.topics.get('__transaction_state'), undefined, 'nothing was written, so the topic was not even created');
  assert.equal(h.coordinator.describe('app').errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
});

test('InitProducerId with the caller\'s id and epoch (KIP-360): only the current producer bumps; a retry of a bump gets the same answer; others are fenced', async () => {
  const h = await openHarness();
  const a = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  const bumped = await h.coordinator.initProducerId('app', 60_000, a.producerId, a.producerEpoch);
  assert.deepEqual(bumped, { errorCode: ErrorCode.NONE, producerId: a.producerId, producerEpoch: a.producerEpoch + 1 });
  // The answer was lost and the client asks again with the epoch it had.
  assert.deepEqual(await h.coordinator.initProducerId('app', 60_000, a.producerId, a.producerEpoch), bumped);
  assert.equal((await h.coordinator.initProducerId('app', 60_000, a.producerId + 100n, 0)).errorCode, ErrorCode.PRODUCER_FENCED);
  const again = await h.coordinator.initProducerId('app', 60_000, -1n, -1); // a new instance of the application
  assert.equal(again.producerEpoch, bumped.producerEpoch + 1);
  assert.equal((await h.coordinator.initProducerId('app', 60_000, a.producerId, bumped.producerEpoch)).errorCode, ErrorCode.PRODUCER_FENCED, 'the instance before is fenced');
});

test('AddPartitions: unknown id, other producer id, stale epoch and empty id are refused without a write; adding opens the transaction once', async () => {
  const h = await openHarness();
  await createTopic(h, 't', 2);
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('nobody', p.producerId, 0, T0), ErrorCode.INVALID_PRODUCER_ID_MAPPING);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId + 1n, 0, T0), ErrorCode.INVALID_PRODUCER_ID_MAPPING);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, p.producerEpoch + 1, T0), ErrorCode.PRODUCER_FENCED);
  assert.equal(await h.coordinator.addPartitions('', p.producerId, 0, T0), ErrorCode.INVALID_REQUEST);
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0']);

  h.timer.advance(5);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE, 'already in: no second write');
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, [{ topic: 't', partition: 1 }]), ErrorCode.NONE);
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0', 'Ongoing@0']);
  const d = h.coordinator.describe('app');
  assert.equal(d.state, 'Ongoing');
  assert.equal(d.startTimestamp, 5);
  assert.deepEqual(d.topics, [{ topic: 't', partitions: [0, 1] }]);
});

test('verifyOrAdd: verify answers NONE for partitions in the open transaction and TRANSACTION_ABORTABLE for others, without writing; add opens a version-2 transaction', async () => {
  const h = await openHarness();
  await createTopic(h, 't', 2);
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  const both = [{ topic: 't', partition: 0 }, { topic: 't', partition: 1 }];
  assert.deepEqual(await h.coordinator.verifyOrAdd('app', p.producerId, 0, both, 'verify'), new Map([[txnPartitionKey('t', 0), ErrorCode.TRANSACTION_ABORTABLE], [txnPartitionKey('t', 1), ErrorCode.TRANSACTION_ABORTABLE]]));
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  assert.deepEqual(await h.coordinator.verifyOrAdd('app', p.producerId, 0, both, 'verify'), new Map([[txnPartitionKey('t', 0), ErrorCode.NONE], [txnPartitionKey('t', 1), ErrorCode.TRANSACTION_ABORTABLE]]));
  assert.deepEqual([...(await h.coordinator.verifyOrAdd('app', p.producerId, 1, both, 'verify')).values()], [ErrorCode.PRODUCER_FENCED, ErrorCode.PRODUCER_FENCED]);
  assert.deepEqual([...(await h.coordinator.verifyOrAdd('other', p.producerId, 0, both, 'verify')).values()], [ErrorCode.INVALID_PRODUCER_ID_MAPPING, ErrorCode.INVALID_PRODUCER_ID_MAPPING]);
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0']);

  const q = await h.coordinator.initProducerId('tv2', 60_000, -1n, -1);
  assert.deepEqual([...(await h.coordinator.verifyOrAdd('tv2', q.producerId, 0, both, 'add')).values()], [ErrorCode.NONE, ErrorCode.NONE]);
  assert.equal(h.coordinator.isInTransaction('tv2', q.producerId, 0, 't', 1), true);
  assert.deepEqual(await recordedStates(h, 'tv2'), ['Empty@0', 'Ongoing@0']);
});

test('EndTxn (version 1): commit writes PrepareCommit, a COMMIT marker on every partition, then CompleteCommit; retries and wrong outcomes get Kafka\'s codes', async () => {
  const h = await openHarness();
  await createTopic(h, 't', 2);
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, true, 0)).errorCode, ErrorCode.INVALID_TXN_STATE, 'nothing to commit');
  const both = [{ topic: 't', partition: 0 }, { topic: 't', partition: 1 }];
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, both), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a', 'b'), true);
  await h.topics.partition('t', 1)!.append(transactionalBatch(p.producerId, 0, 0, 'c'), true);

  const ended = await h.coordinator.endTransaction('app', p.producerId, 0, true, 0);
  assert.deepEqual(ended, { errorCode: ErrorCode.NONE, producerId: p.producerId, producerEpoch: 0 });
  await h.coordinator.idle();
  assert.deepEqual(await markersOf(h, 't', 0), [`COMMIT ${p.producerId}/0`]);
  assert.deepEqual(await markersOf(h, 't', 1), [`COMMIT ${p.producerId}/0`]);
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@0', 'CompleteCommit@0']);
  assert.equal(h.coordinator.describe('app').state, 'CompleteCommit');
  assert.deepEqual(h.coordinator.describe('app').topics, []);

  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, true, 0)).errorCode, ErrorCode.NONE, 'a retried commit');
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, false, 0)).errorCode, ErrorCode.INVALID_TXN_STATE);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 1, true, 0)).errorCode, ErrorCode.PRODUCER_FENCED);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId + 1n, 0, true, 0)).errorCode, ErrorCode.INVALID_PRODUCER_ID_MAPPING);
  assert.equal((await h.coordinator.endTransaction('unknown', p.producerId, 0, true, 0)).errorCode, ErrorCode.INVALID_PRODUCER_ID_MAPPING);
  assert.equal((await h.coordinator.endTransaction('', p.producerId, 0, true, 0)).errorCode, ErrorCode.INVALID_REQUEST);
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@0', 'CompleteCommit@0'], 'refusals write nothing');
  assert.deepEqual(h.problems, []);
});

test('EndTxn (version 2): every end bumps the epoch and answers it, markers carry it, a retry with the epoch before gets the same answer, an abort with nothing added writes no marker', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.deepEqual([...(await h.coordinator.verifyOrAdd('app', p.producerId, 0, T0, 'add')).values()], [ErrorCode.NONE]);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a'), true);
  const committed = await h.coordinator.endTransaction('app', p.producerId, 0, true, 2);
  assert.deepEqual(committed, { errorCode: ErrorCode.NONE, producerId: p.producerId, producerEpoch: 1 });
  await h.coordinator.idle();
  assert.deepEqual(await markersOf(h, 't', 0), [`COMMIT ${p.producerId}/1`]);
  assert.deepEqual(await h.coordinator.endTransaction('app', p.producerId, 0, true, 2), committed, 'a retry with the epoch before');
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, false, 2)).errorCode, ErrorCode.INVALID_TXN_STATE);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 1, true, 2)).errorCode, ErrorCode.INVALID_TXN_STATE, 'a second commit with nothing in it');

  const aborted = await h.coordinator.endTransaction('app', p.producerId, 1, false, 2);
  assert.deepEqual(aborted, { errorCode: ErrorCode.NONE, producerId: p.producerId, producerEpoch: 2 });
  await h.coordinator.idle();
  assert.deepEqual(await markersOf(h, 't', 0), [`COMMIT ${p.producerId}/1`], 'no partitions, no markers');
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@1', 'CompleteCommit@1', 'PrepareAbort@2', 'CompleteAbort@2']);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, false, 2)).errorCode, ErrorCode.PRODUCER_FENCED, 'two epochs behind');
  // The next transaction starts at the answered epoch, with sequences from 0.
  assert.deepEqual([...(await h.coordinator.verifyOrAdd('app', p.producerId, 2, T0, 'add')).values()], [ErrorCode.NONE]);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 2, 0, 'b'), true);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 2, false, 2)).producerEpoch, 3);
  await h.coordinator.idle();
  assert.deepEqual(await markersOf(h, 't', 0), [`COMMIT ${p.producerId}/1`, `ABORT ${p.producerId}/3`]);
  assert.deepEqual(h.problems, []);
});

test('a zombie is fenced: a new InitProducerId aborts the open transaction with a higher epoch (CONCURRENT_TRANSACTIONS until done), and the old producer can neither add, end nor append', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const old = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('app', old.producerId, 0, T0), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(old.producerId, 0, 0, 'zombie data'), true);

  assert.equal((await h.coordinator.initProducerId('app', 60_000, -1n, -1)).errorCode, ErrorCode.CONCURRENT_TRANSACTIONS);
  await h.coordinator.idle();
  assert.deepEqual(await markersOf(h, 't', 0), [`ABORT ${old.producerId}/1`]);
  const fresh = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.deepEqual(fresh, { errorCode: ErrorCode.NONE, producerId: old.producerId, producerEpoch: 2 });

  assert.equal(await h.coordinator.addPartitions('app', old.producerId, 0, T0), ErrorCode.PRODUCER_FENCED);
  assert.equal((await h.coordinator.endTransaction('app', old.producerId, 0, true, 0)).errorCode, ErrorCode.PRODUCER_FENCED);
  await assert.rejects(h.topics.partition('t', 0)!.append(transactionalBatch(old.producerId, 0, 1, 'late'), true), (e: { errorCode?: number }) => e.errorCode === ErrorCode.INVALID_PRODUCER_EPOCH);
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareAbort@1', 'CompleteAbort@1', 'Empty@2']);
});

test('a transaction open longer than its timeout is aborted by the coordinator with an epoch bump, at the next sweep of the manual clock', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 15_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'x'), true);
  h.timer.advance(10_000); // first sweep: 10 s open, under the 15 s timeout
  await h.coordinator.idle();
  assert.equal(h.coordinator.describe('app').state, 'Ongoing');
  h.timer.advance(10_000); // second sweep: 20 s open
  await h.coordinator.idle();
  const d = h.coordinator.describe('app');
  assert.equal(d.state, 'CompleteAbort');
  assert.equal(d.producerEpoch, 1);
  assert.deepEqual(await markersOf(h, 't', 0), [`ABORT ${p.producerId}/1`]);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, true, 0)).errorCode, ErrorCode.PRODUCER_FENCED, 'the producer learns it was fenced');
});

test('a version-2 transaction that times out is fenced two epochs up, so that the fenced producer\'s own abort is not taken for a retry', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 5_000, -1n, -1);
  await h.coordinator.verifyOrAdd('app', p.producerId, 0, T0, 'add');
  h.timer.advance(10_000);
  await h.coordinator.idle();
  assert.equal(h.coordinator.describe('app').producerEpoch, 2);
  assert.deepEqual(await markersOf(h, 't', 0), [`ABORT ${p.producerId}/2`]);
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, false, 2)).errorCode, ErrorCode.PRODUCER_FENCED);
});

test('an id idle past transactional.id.expiration.ms is forgotten with a tombstone, also after a restart; one with an open transaction is kept', async () => {
  const h = await openHarness({ config: { idExpirationMs: 60_000, removeExpiredIntervalMs: 30_000, maxTimeoutMs: 900_000 } });
  await createTopic(h, 't');
  await h.coordinator.initProducerId('idle', 60_000, -1n, -1);
  const busy = await h.coordinator.initProducerId('busy', 900_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('busy', busy.producerId, 0, T0), ErrorCode.NONE);
  h.timer.advance(90_000);
  await h.coordinator.expireTransactionalIds();
  assert.equal(h.coordinator.describe('idle').errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
  assert.equal(h.coordinator.describe('busy').state, 'Ongoing');
  assert.deepEqual(await recordedStates(h, 'idle'), ['Empty@0', 'tombstone']);
  const again = await h.reopen();
  assert.equal(again.coordinator.describe('idle').errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
  assert.equal(again.coordinator.describe('busy').state, 'Ongoing');
  // A new producer under the expired id starts over, with a new producer id.
  const reborn = await again.coordinator.initProducerId('idle', 60_000, -1n, -1);
  assert.equal(reborn.producerEpoch, 0);
});

test('EndTxn while PrepareCommit/PrepareAbort waits for its markers: the same outcome again is CONCURRENT_TRANSACTIONS, the other INVALID_TXN_STATE (EndTxn v4 and v5)', async () => {
  for (const clientTransactionVersion of [0, 2]) {
    for (const commit of [true, false]) {
      const held: (() => void)[] = [];
      const h = await openHarness({ markers: (real) => ({ writeMarker: (tp, m) => new Promise((resolve) => held.push(() => resolve(real.writeMarker(tp, m)))) }) });
      await createTopic(h, 't', 1);
      const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
      assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
      await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a'), true);
      const ended = h.coordinator.endTransaction('app', p.producerId, 0, commit, clientTransactionVersion);
      for (let i = 0; i < 100 && held.length < 1; i++) await new Promise((r) => setImmediate(r));
      const where = `v${clientTransactionVersion === 2 ? 5 : 4} ${commit ? 'commit' : 'abort'}`;
      assert.equal(h.coordinator.describe('app').state, commit ? 'PrepareCommit' : 'PrepareAbort', where);
      // A retry carries the epoch the producer ended with: under version 2 one below the bumped one.
      assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, commit, clientTransactionVersion)).errorCode, ErrorCode.CONCURRENT_TRANSACTIONS, `${where}, same outcome`);
      assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, !commit, clientTransactionVersion)).errorCode, ErrorCode.INVALID_TXN_STATE, `${where}, other outcome`);
      for (const release of held.splice(0)) release();
      assert.equal((await ended).errorCode, ErrorCode.NONE, where);
      await h.coordinator.idle();
      assert.equal(h.coordinator.describe('app').state, commit ? 'CompleteCommit' : 'CompleteAbort', where);
    }
  }
});

test('a restart finds every id as last written, and completes a transaction that was in PrepareCommit when the broker stopped: markers on every partition, then CompleteCommit', async () => {
  // The markers are held back, so the broker stops between PrepareCommit and its markers.
  const held: (() => void)[] = [];
  const h = await openHarness({ markers: (real) => ({ writeMarker: (tp, m) => new Promise((resolve) => held.push(() => resolve(real.writeMarker(tp, m)))) }) });
  await createTopic(h, 't', 2);
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  const both = [{ topic: 't', partition: 0 }, { topic: 't', partition: 1 }];
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, both), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a'), true);
  await h.topics.partition('t', 1)!.append(transactionalBatch(p.producerId, 0, 0, 'b'), true);
  const other = await h.coordinator.initProducerId('other', 60_000, -1n, -1);
  void h.coordinator.endTransaction('app', p.producerId, 0, true, 0); // answered after the markers: never, here
  for (let i = 0; i < 100 && held.length < 2; i++) await new Promise((r) => setImmediate(r));
  assert.equal(held.length, 2, 'both markers are waiting');
  assert.deepEqual(await recordedStates(h, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@0']);
  assert.equal((await h.coordinator.initProducerId('app', 60_000, -1n, -1)).errorCode, ErrorCode.CONCURRENT_TRANSACTIONS, 'while the markers are written');
  h.fs.powerLoss(); // the broker dies: what was synced survives

  h.fs.restart();
  const again = await h.reopen();
  await again.coordinator.idle();
  assert.deepEqual(await markersOf(again, 't', 0), [`COMMIT ${p.producerId}/0`]);
  assert.deepEqual(await markersOf(again, 't', 1), [`COMMIT ${p.producerId}/0`]);
  assert.equal(again.coordinator.describe('app').state, 'CompleteCommit');
  assert.deepEqual(await recordedStates(again, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@0', 'CompleteCommit@0']);
  assert.deepEqual(again.coordinator.describe('other'), { ...again.coordinator.describe('other'), state: 'Empty', producerId: other.producerId, producerEpoch: 0 });
  const next = await again.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.deepEqual(next, { errorCode: ErrorCode.NONE, producerId: p.producerId, producerEpoch: 1 });
  assert.notEqual(next.producerId, (await again.coordinator.initProducerId('third', 60_000, -1n, -1)).producerId, 'producer ids are not handed out twice across the restart');
  assert.deepEqual(again.problems, []);
});

test('a version-2 transaction whose markers landed but whose CompleteCommit did not is completed after a restart: the repeated marker is refused by the partition and counted as written', async () => {
  // The power goes as soon as the marker is durable, before CompleteCommit is written.
  let h: Awaited<ReturnType<typeof openHarness>>;
  h = await openHarness({ markers: (real) => ({ writeMarker: (tp, m) => real.writeMarker(tp, m).then((r) => (h.fs.scheduleCrash(0), r)) }) });
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  await h.coordinator.verifyOrAdd('app', p.producerId, 0, T0, 'add');
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a'), true);
  void h.coordinator.endTransaction('app', p.producerId, 0, true, 2); // answered after CompleteCommit: never, here
  for (let i = 0; i < 100 && !h.fs.crashed; i++) await new Promise((r) => setImmediate(r));
  assert.equal(h.fs.crashed, true);

  h.fs.restart();
  const again = await h.reopen();
  await again.coordinator.idle();
  assert.deepEqual(await markersOf(again, 't', 0), [`COMMIT ${p.producerId}/1`], 'one marker: the second was refused');
  assert.equal(again.coordinator.describe('app').state, 'CompleteCommit');
  assert.deepEqual(await recordedStates(again, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@1', 'CompleteCommit@1']);
  assert.deepEqual(again.problems, []);
});

test('ListTransactions filters by state (unknown names echoed, matching nothing), producer id, duration and pattern; DescribeTransactions of an unknown id', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const a = await h.coordinator.initProducerId('my-special-0', 60_000, -1n, -1);
  const b = await h.coordinator.initProducerId('plain', 60_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('my-special-0', a.producerId, 0, T0), ErrorCode.NONE);
  h.timer.advance(1000);
  const all: ListTransactionsFilter = { states: [], producerIds: [], minDurationMs: -1, pattern: null };
  const ids = (f: Partial<typeof all>) => h.coordinator.list({ ...all, ...f }).transactions.map((t) => t.transactionalId).sort();
  assert.deepEqual(ids({}), ['my-special-0', 'plain']);
  assert.deepEqual(ids({ states: ['Ongoing', 'UnknownState'] }), ['my-special-0']);
  assert.deepEqual(h.coordinator.list({ ...all, states: ['Ongoing', 'UnknownState'] }).unknownStates, ['UnknownState']);
  assert.deepEqual(ids({ states: ['UnknownState'] }), []);
  assert.deepEqual(ids({ producerIds: [b.producerId] }), ['plain']);
  assert.deepEqual(ids({ minDurationMs: 500 }), ['my-special-0', 'plain'], 'Kafka counts from start time -1 for an id with nothing open');
  assert.deepEqual(ids({ states: ['Ongoing'], minDurationMs: 500 }), ['my-special-0']);
  assert.deepEqual(ids({ states: ['Ongoing'], minDurationMs: 5000 }), []);
  assert.deepEqual(ids({ pattern: '.*special-.*' }), ['my-special-0']);
  assert.deepEqual(ids({ pattern: 'special' }), [], 'the whole id must match');
  assert.deepEqual(ids({ pattern: 'nothing' }), []);
  assert.equal(h.coordinator.list({ ...all, pattern: '(ab(cd' }).errorCode, ErrorCode.INVALID_REGULAR_EXPRESSION);
  assert.equal(h.coordinator.describe('nobody').errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
  assert.equal(h.coordinator.describe('').errorCode, ErrorCode.INVALID_REQUEST);
});

test('__transaction_state is created at the first write with Kafka\'s topic configs, and its records hold the partitions by topic', async () => {
  const h = await openHarness();
  await createTopic(h, 'b', 3);
  await createTopic(h, 'a');
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  await h.coordinator.addPartitions('app', p.producerId, 0, [{ topic: 'b', partition: 2 }, { topic: 'a', partition: 0 }, { topic: 'b', partition: 0 }]);
  const topic = h.topics.get('__transaction_state')!;
  assert.equal(topic.partitionCount, 3);
  assert.equal(topic.internal, true);
  assert.equal(topic.configs['cleanup.policy'], 'compact');
  assert.equal(topic.configs['compression.type'], 'uncompressed');
  const batches = await batchesOf(h, '__transaction_state', 0).then(async (b) => [...b, ...(await batchesOf(h, '__transaction_state', 1)), ...(await batchesOf(h, '__transaction_state', 2))]);
  assert.equal(batches.length, 2);
  assert.ok(batches.every((b) => b.header.producerId === -1n && b.records.length === 1));
  assert.deepEqual(h.coordinator.describe('app').topics, [{ topic: 'a', partitions: [0] }, { topic: 'b', partitions: [0, 2] }]);
});

/** A consume-transform-produce step: output on t-0 and the group's input offset, in one transaction (version 1: AddOffsetsToTxn's partition). */
async function copyStep(h: Awaited<ReturnType<typeof openHarness>>, offset: bigint) {
  const p = await h.coordinator.initProducerId('copier', 60_000, -1n, -1);
  const offsetsPartition = offsetsPartitionFor('g', 3);
  assert.equal(await h.coordinator.addPartitions('copier', p.producerId, p.producerEpoch, [...T0, { topic: '__consumer_offsets', partition: offsetsPartition }]), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, p.producerEpoch, 0, `copy of ${offset - 1n}`), true);
  const before = h.groups.committed('g', 'in', 0)?.offset;
  const verify = async (op: number) => (await h.coordinator.verifyOrAdd('copier', p.producerId, p.producerEpoch, [{ topic: '__consumer_offsets', partition: op }], 'verify')).get(txnPartitionKey('__consumer_offsets', op))!;
  const codes = await h.groups.commitTransactionalOffsets(
    { groupId: 'g', memberId: '', groupInstanceId: null, generationId: -1, transactionalId: 'copier', producerId: p.producerId, producerEpoch: p.producerEpoch, offsets: [{ topic: 'in', partition: 0, offset, leaderEpoch: -1, metadata: '' }] },
    verify,
  );
  assert.deepEqual(codes, [ErrorCode.NONE]);
  assert.equal(h.groups.committed('g', 'in', 0)?.offset, before, 'not visible before the commit');
  return p;
}

test('a transaction with offsets: the group sees them only once committed; an aborted one never', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const p = await copyStep(h, 10n);
  assert.equal((await h.coordinator.endTransaction('copier', p.producerId, p.producerEpoch, true, 0)).errorCode, ErrorCode.NONE);
  assert.equal(h.groups.committed('g', 'in', 0)?.offset, 10n);
  assert.deepEqual(await markersOf(h, '__consumer_offsets', offsetsPartitionFor('g', 3)), [`COMMIT ${p.producerId}/${p.producerEpoch}`]);

  const r = await copyStep(h, 20n); // the next instance of the copier: epoch + 1
  assert.equal(r.producerEpoch, p.producerEpoch + 1);
  assert.equal((await h.coordinator.endTransaction('copier', r.producerId, r.producerEpoch, false, 0)).errorCode, ErrorCode.NONE);
  assert.equal(h.groups.committed('g', 'in', 0)?.offset, 10n, 'the aborted offset never shows');
  assert.deepEqual(h.problems, []);
});

test('a restart between PrepareCommit and the markers commits the data and the group\'s offsets together', async () => {
  const held: (() => void)[] = [];
  const h = await openHarness({ markers: (real) => ({ writeMarker: (tp, m) => new Promise((resolve) => held.push(() => resolve(real.writeMarker(tp, m)))) }) });
  await createTopic(h, 't');
  const p = await copyStep(h, 7n);
  void h.coordinator.endTransaction('copier', p.producerId, p.producerEpoch, true, 0);
  for (let i = 0; i < 100 && held.length < 2; i++) await new Promise((r) => setImmediate(r));
  assert.equal(held.length, 2);
  h.fs.powerLoss();

  h.fs.restart();
  const again = await h.reopen();
  await again.coordinator.idle();
  assert.equal(again.groups.committed('g', 'in', 0)?.offset, 7n);
  assert.deepEqual(await markersOf(again, 't', 0), [`COMMIT ${p.producerId}/${p.producerEpoch}`]);
  assert.equal(again.coordinator.describe('copier').state, 'CompleteCommit');
  assert.deepEqual(again.problems, []);
});

test('a topic deleted during a transaction is left out of its markers; the transaction still completes', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  await createTopic(h, 'doomed');
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, [...T0, { topic: 'doomed', partition: 0 }]), ErrorCode.NONE);
  await h.topics.delete('doomed');
  assert.equal((await h.coordinator.endTransaction('app', p.producerId, 0, true, 0)).errorCode, ErrorCode.NONE);
  assert.equal(h.coordinator.describe('app').state, 'CompleteCommit');
  assert.deepEqual(await markersOf(h, 't', 0), [`COMMIT ${p.producerId}/0`]);
  assert.match(h.problems.join('\n'), /doomed-0 no longer exists/);
});

/** An id whose producer has used up its epochs, as a record of __transaction_state puts it, loaded by a restart. */
async function exhaustedId(state: 'Empty' | 'Ongoing', clientTransactionVersion = 0) {
  const h = await openHarness();
  await createTopic(h, 't');
  const snapshot = {
    producerId: 500n,
    previousProducerId: -1n,
    nextProducerId: -1n,
    producerEpoch: 32766,
    lastProducerEpoch: -1,
    timeoutMs: 60_000,
    state,
    partitions: state === 'Ongoing' ? new Map([[txnPartitionKey('t', 0), { topic: 't', partition: 0 }]]) : new Map(),
    startTimestamp: state === 'Ongoing' ? 0 : -1,
    lastUpdateTimestamp: 0,
    clientTransactionVersion,
  };
  await h.state.append('old', transactionRecord('old', snapshot, 1));
  return h.reopen();
}

test('an exhausted epoch: InitProducerId gives the id a new producer id at epoch 0 (the retry with the old one is answered the same), and the old producer is fenced', async () => {
  const h = await exhaustedId('Empty');
  const rotated = await h.coordinator.initProducerId('old', 60_000, 500n, 32766);
  assert.equal(rotated.errorCode, ErrorCode.NONE);
  assert.notEqual(rotated.producerId, 500n);
  assert.equal(rotated.producerEpoch, 0);
  assert.deepEqual(await h.coordinator.initProducerId('old', 60_000, 500n, 32766), rotated, 'a retry');
  assert.equal(await h.coordinator.addPartitions('old', 500n, 32766, T0), ErrorCode.INVALID_PRODUCER_ID_MAPPING);
});

test('an exhausted epoch in transactions version 2: the end of the transaction moves the producer to a new id at epoch 0, answered by EndTxn', async () => {
  const h = await exhaustedId('Ongoing', 2);
  const ended = await h.coordinator.endTransaction('old', 500n, 32766, true, 2);
  assert.equal(ended.errorCode, ErrorCode.NONE);
  assert.notEqual(ended.producerId, 500n);
  assert.equal(ended.producerEpoch, 0);
  assert.deepEqual(await markersOf(h, 't', 0), ['COMMIT 500/32767']);
  const d = h.coordinator.describe('old');
  assert.deepEqual([d.state, d.producerId, d.producerEpoch], ['CompleteCommit', ended.producerId, 0]);
  assert.deepEqual(await h.coordinator.endTransaction('old', 500n, 32766, true, 2), { errorCode: ErrorCode.NONE, producerId: ended.producerId, producerEpoch: 0 }, 'a retry with the old id');
  assert.deepEqual([...(await h.coordinator.verifyOrAdd('old', ended.producerId, 0, T0, 'add')).values()], [ErrorCode.NONE]);
});

test('at transaction.version 0 the records are TransactionLogValue v0, and read back the same after a restart', async () => {
  const h = await openHarness({ config: { transactionVersionLevel: 0 } });
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  const versions: number[] = [];
  for (let i = 0; i < 3; i++) for (const b of await batchesOf(h, '__transaction_state', i)) for (const r of b.records) versions.push(r.value!.readInt16BE(0));
  assert.deepEqual(versions, [0, 0]);
  const again = await h.reopen();
  assert.deepEqual(again.coordinator.describe('app').topics, [{ topic: 't', partitions: [0] }]);
  assert.equal(again.coordinator.describe('app').state, 'Ongoing');
});

test('CompleteCommit is not waited for: lost in a power cut, the restart finds PrepareCommit and writes the markers again, harmlessly (version 1), and nothing is left open', async () => {
  // Once the marker is durable, the power goes at the first sync after the next write: the one
  // that would have made CompleteCommit durable.
  let h: Awaited<ReturnType<typeof openHarness>>;
  h = await openHarness({ markers: (real) => ({ writeMarker: (tp, m) => real.writeMarker(tp, m).then((r) => (h.fs.scheduleCrash(1), r)) }) });
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 60_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a'), true);
  void h.coordinator.endTransaction('app', p.producerId, 0, true, 0);
  for (let i = 0; i < 100 && !h.fs.crashed; i++) await new Promise((r) => setImmediate(r));
  assert.equal(h.fs.crashed, true);

  h.fs.restart();
  const again = await h.reopen();
  await again.coordinator.idle();
  assert.deepEqual(await recordedStates(again, 'app'), ['Empty@0', 'Ongoing@0', 'PrepareCommit@0', 'CompleteCommit@0']);
  assert.deepEqual(await markersOf(again, 't', 0), [`COMMIT ${p.producerId}/0`, `COMMIT ${p.producerId}/0`]);
  const partition = again.topics.partition('t', 0)!;
  assert.equal(partition.lastStableOffset, partition.highWatermark);
  assert.deepEqual(partition.abortedTransactions(0n, partition.highWatermark), []);
  // The producer goes on with its next transaction.
  assert.equal(await again.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  await partition.append(transactionalBatch(p.producerId, 0, 1, 'b'), true);
  assert.equal((await again.coordinator.endTransaction('app', p.producerId, 0, true, 0)).errorCode, ErrorCode.NONE);
  assert.equal(partition.lastStableOffset, partition.highWatermark);
  assert.deepEqual(again.problems, []);
});

test('a transaction open when the broker stopped stays open after the restart, holding read_committed readers, until its timeout aborts it', async () => {
  const h = await openHarness();
  await createTopic(h, 't');
  const p = await h.coordinator.initProducerId('app', 30_000, -1n, -1);
  assert.equal(await h.coordinator.addPartitions('app', p.producerId, 0, T0), ErrorCode.NONE);
  await h.topics.partition('t', 0)!.append(transactionalBatch(p.producerId, 0, 0, 'a'), true);
  h.fs.powerLoss();

  const again = await h.reopen();
  assert.equal(again.coordinator.describe('app').state, 'Ongoing');
  const partition = again.topics.partition('t', 0)!;
  assert.equal(partition.lastStableOffset, 0n);
  again.timer.advance(40_000); // sweeps every 10 s: the transaction began at 0, so it is past 30 s
  await again.coordinator.idle();
  assert.equal(again.coordinator.describe('app').state, 'CompleteAbort');
  assert.deepEqual(await markersOf(again, 't', 0), [`ABORT ${p.producerId}/1`]);
  assert.equal(partition.lastStableOffset, partition.highWatermark);
  assert.deepEqual(partition.abortedTransactions(0n, partition.highWatermark).map((a) => a.producerId), [p.producerId]);
});
