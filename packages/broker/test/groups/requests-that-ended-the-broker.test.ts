// Group requests that used to end the broker process, sent from outside over TCP; each must be
// answered, the broker must keep serving, and nothing may fail inside it: since timers and
// callbacks are contained (a throw there is logged, not fatal), the broker's error log is what
// shows the old failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '../../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const DELAY_MS = 100;

/** A broker log keeping its errors, so that a test can say none was logged. */
function errorLog() {
  const errors: string[] = [];
  return {
    errors,
    log: { info() {}, warn() {}, error: (message: string, e?: unknown) => errors.push(`${message}: ${e instanceof Error ? e.message : String(e)}`) },
  };
}

const commit = (offset: bigint) => ({ groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: offset, committedLeaderEpoch: -1, committedMetadata: null }] }] });
const join = (groupId: string) => ({ groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from('m') }] });

// An OffsetCommit (generation -1) creates group g, a DeleteGroups and a JoinGroup for g arrive back
// to back on two connections, and another OffsetCommit follows. The deleted group's
// initial-rebalance timer then fired on the group created after it. Whatever order the broker sees
// the two in, the join is answered.
test('OffsetCommit, DeleteGroups and JoinGroup back to back on two connections, OffsetCommit: the join is answered and the broker keeps serving', async () => {
  const { errors, log } = errorLog();
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': String(DELAY_MS) }, log });
  const a = await RawConnection.open(broker.port);
  const b = await RawConnection.open(broker.port);
  try {
    await a.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    const first = await a.request(Apis.OffsetCommit, 8, commit(5n));
    assert.equal(first.topics[0].partitions[0].errorCode, ErrorCode.NONE);

    const deleting = a.request(Apis.DeleteGroups, 2, { groupsNames: ['g'] });
    const joining = b.request(Apis.JoinGroup, 3, join('g')); // v3: joins at once, no member id round trip
    const deleted = (await deleting).results[0].errorCode;
    assert.ok(deleted === ErrorCode.NONE || deleted === ErrorCode.NON_EMPTY_GROUP, `DeleteGroups answered ${deleted}`);
    const again = await a.request(Apis.OffsetCommit, 8, commit(6n));
    // The group is rebalancing now, so a commit without a member is refused.
    assert.equal(again.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_MEMBER_ID);

    const joined = await joining;
    assert.deepEqual([joined.errorCode, joined.generationId], [ErrorCode.NONE, 1]);
    // A timer set after the deleted group's, with the same delay, fires after it: once this join
    // is answered, a stale timer of g has had its chance to do harm.
    const other = await b.request(Apis.JoinGroup, 3, join('h'));
    assert.equal(other.errorCode, ErrorCode.NONE);
    const c = await RawConnection.open(broker.port);
    const versions = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    assert.equal(versions.errorCode, ErrorCode.NONE);
    c.close();
    assert.deepEqual(errors, [], 'nothing failed inside the broker');
  } finally {
    a.close();
    b.close();
    await broker.close();
  }
});

// A protocol named twice was counted as supported by two members: with one member it was never a
// candidate, and completing the join threw inside the initial-rebalance timer.
test('a JoinGroup naming its protocol twice forms a generation, and the broker keeps serving', async () => {
  const { errors, log } = errorLog();
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': String(DELAY_MS) }, log });
  const c = await RawConnection.open(broker.port);
  try {
    const twice = { ...join('g'), protocols: [join('g').protocols[0], { name: 'range', metadata: Buffer.from('again') }] };
    const joined = await c.request(Apis.JoinGroup, 3, twice);
    assert.deepEqual([joined.errorCode, joined.generationId, joined.protocolName], [ErrorCode.NONE, 1, 'range']);
    const versions = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    assert.equal(versions.errorCode, ErrorCode.NONE);
    assert.deepEqual(errors, [], 'nothing failed inside the broker');
  } finally {
    c.close();
    await broker.close();
  }
});
