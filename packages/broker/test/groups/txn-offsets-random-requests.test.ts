// Transactional offset commits of a real broker, from outside, in any order: seeded random
// sequences of InitProducerId, AddOffsetsToTxn, TxnOffsetCommit, EndTxn (each at every version
// served, with the current or a stale epoch, on groups on different __consumer_offsets
// partitions), plain OffsetCommit, OffsetFetch with and without require_stable, OffsetDelete and
// DeleteGroups, pipelined on several connections. Every request is answered, the broker logs no
// error, and once every transaction is ended no offset is left pending (require_stable answers
// without UNSTABLE_OFFSET_COMMIT) and a restart serves the same offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ErrorCode } from '@sluice/protocol';
import { Random, RawConnection, untilAccepted } from '@sluice/test-kit';
import { startBroker } from '../../src/index.ts';

const GROUPS = ['a', 'b', 'c', 'd'];
const STEPS = 300;

interface Producer {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  /** An epoch this id had before (a zombie's), if any. */
  staleEpoch: number | null;
}

/** The producer moves to the id and epoch an answer gave it; the epoch it had is a zombie's from now on. */
function adopt(p: Producer, answer: { producerId: bigint; producerEpoch: number }): void {
  p.staleEpoch = p.producerEpoch;
  p.producerId = answer.producerId;
  p.producerEpoch = answer.producerEpoch;
}

test('random transactional offset commits, transaction ends, plain commits, fetches and deletions from several connections are all answered; after every transaction ends nothing is pending, and a restart serves the same offsets', { timeout: 180_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-txn-offsets-'));
  const errors: string[] = [];
  const log = { info() {}, warn() {}, error: (m: string, e?: unknown) => errors.push(`${m}: ${e instanceof Error ? e.stack : e}`) };
  const config = { 'offsets.topic.num.partitions': '3', 'transaction.state.log.num.partitions': '2' };
  let broker = await startBroker({ port: 0, dataDir, config, log });
  const rnd = new Random(29);
  let connections = await Promise.all([0, 1, 2].map(() => RawConnection.open(broker.port)));
  try {
    const admin = connections[0];
    await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    // One transactional id per connection, so that its requests are answered in the order sent.
    const producers: Producer[] = [];
    for (const [i, c] of connections.entries()) {
      const r = await c.request(Apis.InitProducerId, 4, { transactionalId: `tx-${i}`, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 });
      assert.equal(r.errorCode, ErrorCode.NONE);
      producers.push({ transactionalId: `tx-${i}`, producerId: r.producerId, producerEpoch: r.producerEpoch, staleEpoch: null });
    }
    const pending: Promise<void>[] = [];
    const failed: string[] = [];
    const succeeded = new Set<string>();
    for (let step = 0; step < STEPS; step++) {
      const ci = rnd.int(0, connections.length - 1);
      const c = connections[ci];
      const p = producers[ci];
      const groupId = GROUPS[rnd.int(0, GROUPS.length - 1)];
      const epoch = p.staleEpoch !== null && rnd.chance(0.08) ? p.staleEpoch : p.producerEpoch;
      const pick = rnd.int(0, 99);
      let api: (typeof Apis)[keyof typeof Apis];
      let version: number;
      let body: unknown;
      let onAnswer: (r: any) => void = () => {};
      if (pick < 4) {
        api = Apis.InitProducerId;
        version = rnd.int(0, 5);
        body = { transactionalId: p.transactionalId, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 };
        onAnswer = (r) => {
          if (r.errorCode === ErrorCode.NONE) adopt(p, r);
        };
      } else if (pick < 28) {
        api = Apis.AddOffsetsToTxn;
        version = rnd.int(0, 4);
        body = { transactionalId: p.transactionalId, producerId: p.producerId, producerEpoch: epoch, groupId };
      } else if (pick < 55) {
        api = Apis.TxnOffsetCommit;
        version = rnd.int(0, 5);
        body = {
          transactionalId: p.transactionalId,
          groupId,
          producerId: p.producerId,
          producerEpoch: epoch,
          ...(version >= 3 && rnd.chance(0.2) && { generationId: rnd.int(0, 3), memberId: 'someone' }),
          topics: [{ name: rnd.chance(0.05) ? 'missing' : 't', partitions: [{ partitionIndex: rnd.chance(0.05) ? 2 : rnd.int(0, 1), committedOffset: BigInt(rnd.int(-1, 1000)), committedLeaderEpoch: -1, committedMetadata: rnd.chance(0.1) ? null : 'm' }] }],
        };
      } else if (pick < 68) {
        api = Apis.EndTxn;
        version = rnd.int(0, 5);
        body = { transactionalId: p.transactionalId, producerId: p.producerId, producerEpoch: epoch, committed: rnd.chance(0.6) };
        onAnswer = (r) => {
          // Transactions version 2: the end bumps the epoch.
          if (version >= 5 && r.errorCode === ErrorCode.NONE && epoch === p.producerEpoch) adopt(p, r);
        };
      } else if (pick < 78) {
        api = Apis.OffsetCommit;
        version = rnd.int(2, 9);
        body = { groupId, generationIdOrMemberEpoch: -1, memberId: '', topics: [{ name: 't', partitions: [{ partitionIndex: rnd.int(0, 1), committedOffset: BigInt(rnd.int(0, 1000)), committedMetadata: null }] }] };
      } else if (pick < 92) {
        api = Apis.OffsetFetch;
        version = rnd.int(1, 9);
        const topics = version >= 2 && rnd.chance(0.3) ? null : [{ name: 't', partitionIndexes: [0, 1] }];
        const requireStable = version >= 7 && rnd.chance(0.6);
        body = version >= 8 ? { groups: [{ groupId, topics }], requireStable } : { groupId, topics, requireStable };
      } else if (pick < 96) {
        api = Apis.OffsetDelete;
        version = 0;
        body = { groupId, topics: [{ name: 't', partitions: [{ partitionIndex: rnd.int(0, 1) }] }] };
      } else {
        api = Apis.DeleteGroups;
        version = rnd.int(0, 2);
        body = { groupsNames: [groupId] };
      }
      const what = `step ${step}: ${api.name} v${version} on connection ${ci}, group ${groupId}`;
      const name = api.name;
      pending.push(
        c.request(api, version, body).then(
          (r) => {
            onAnswer(r);
            if ((r.errorCode ?? r.topics?.[0]?.partitions?.[0]?.errorCode) === ErrorCode.NONE) succeeded.add(name);
          },
          (e: Error) => void failed.push(`${what}: ${e.message}`),
        ),
      );
      if (rnd.chance(0.15)) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    assert.deepEqual(failed, [], 'every request is answered on its connection');
    for (const name of ['TxnOffsetCommit', 'EndTxn', 'OffsetCommit']) assert.ok(succeeded.has(name), `no ${name} succeeded`);

    // Every transaction ends: a new InitProducerId of each id aborts the one open (CONCURRENT_TRANSACTIONS until it has).
    for (const [i, c] of connections.entries()) {
      await untilAccepted(`ending the transaction of tx-${i}`, () => c.request(Apis.InitProducerId, 4, { transactionalId: `tx-${i}`, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 }), (r) => r.errorCode);
    }
    const fetchAll = async (c: RawConnection) => {
      const answer = await c.request(Apis.OffsetFetch, 8, { groups: GROUPS.map((groupId) => ({ groupId, topics: [{ name: 't', partitionIndexes: [0, 1] }] })), requireStable: true });
      return answer.groups.flatMap((g: any) => g.topics[0].partitions.map((x: any) => `${g.groupId}/${x.partitionIndex}: ${x.errorCode === ErrorCode.NONE ? x.committedOffset : `error ${x.errorCode}`}`));
    };
    const settled = await fetchAll(connections[0]);
    assert.deepEqual(settled.filter((s: string) => s.includes('error')), [], 'no offset left pending once every transaction has ended');
    assert.deepEqual(errors, [], 'the broker logged no error');

    for (const c of connections) c.close();
    await broker.close();
    broker = await startBroker({ port: 0, dataDir, config, log });
    connections = [await RawConnection.open(broker.port)];
    assert.deepEqual(await fetchAll(connections[0]), settled, 'a restart serves the same offsets');
    assert.deepEqual(errors, [], 'the broker logged no error');
  } finally {
    for (const c of connections) c.close();
    await broker.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
