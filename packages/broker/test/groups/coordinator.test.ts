// The classic group coordinator through its public API, on a manual clock: Kafka's join, sync,
// heartbeat and leave rules, static membership, offsets, persistence and retention.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { GroupCoordinator, type GroupConfig, type GroupStore, type JoinRequest } from '../../src/groups/coordinator.ts';
import { type GroupRecord, decodeGroupRecord, offsetsPartitionFor } from '../../src/groups/records.ts';
import { ManualTimer } from '../../src/groups/timer.ts';
import { TEST_GROUP_CONFIG } from '../group-config.ts';

const CONFIG = TEST_GROUP_CONFIG;

class MemoryStore implements GroupStore {
  readonly records: GroupRecord[] = [];
  fail = false;
  async append(_groupId: string, records: GroupRecord[]): Promise<bigint> {
    if (this.fail) throw new Error('disk on fire');
    const first = BigInt(this.records.length);
    this.records.push(...records);
    return first;
  }
  async offsetsPartition(): Promise<number> {
    return 0;
  }
  // Transactional offsets have their own suite (txn-offsets.test.ts): none is written here.
  appendTransactional(): Promise<bigint> {
    return Promise.reject(new Error('no transactional writes in this suite'));
  }
  appendMarker(): Promise<boolean> {
    return Promise.reject(new Error('no transaction markers in this suite'));
  }
}

function setup(config: Partial<GroupConfig> = {}) {
  const timer = new ManualTimer();
  const store = new MemoryStore();
  const coordinator = new GroupCoordinator({ ...CONFIG, ...config }, store, timer);
  // Kafka starts a rebalance through a timer, even with no initial delay: let due timers fire
  // after each join, as the real clock would at once.
  const join = coordinator.join.bind(coordinator);
  coordinator.join = (request) => {
    const result = join(request);
    timer.advance(0);
    return result;
  };
  return { timer, store, coordinator };
}

const flush = () => new Promise((r) => setImmediate(r));

function joinRequest(overrides: Partial<JoinRequest> = {}): JoinRequest {
  return {
    groupId: 'g',
    memberId: '',
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from('m') }],
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    clientId: 'c',
    clientHost: '/127.0.0.1',
    requireKnownMemberId: true,
    supportsSkipAssignment: true,
    ...overrides,
  };
}

/** Joins as Java does from v4: get a member id, then join with it. */
async function joinNew(c: GroupCoordinator, overrides: Partial<JoinRequest> = {}) {
  const first = await c.join(joinRequest(overrides));
  if (first.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) return Promise.resolve(first);
  return c.join(joinRequest({ ...overrides, memberId: first.memberId }));
}

test('a new member must learn its id first, then forms generation 1 as leader', async () => {
  const { coordinator } = setup();
  const first = await coordinator.join(joinRequest());
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
  assert.match(first.memberId, /^c-/);
  const joined = await coordinator.join(joinRequest({ memberId: first.memberId }));
  assert.equal(joined.errorCode, ErrorCode.NONE);
  assert.equal(joined.generationId, 1);
  assert.equal(joined.leader, first.memberId);
  assert.equal(joined.protocolName, 'range');
  assert.equal(joined.members.length, 1);
  const sync = await coordinator.sync({ groupId: 'g', memberId: first.memberId, groupInstanceId: null, generationId: 1, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: first.memberId, assignment: Buffer.from('all') }] });
  assert.deepEqual([sync.errorCode, sync.assignment.toString()], [ErrorCode.NONE, 'all']);
  assert.equal(coordinator.groups.get('g')!.state, 'Stable');
});

test('a second member triggers a rebalance; followers wait for the leader\'s assignment', async () => {
  const { coordinator } = setup();
  const a = await joinNew(coordinator, { clientId: 'a' });
  await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  const bFirst = await coordinator.join(joinRequest({ clientId: 'b' }));
  const bJoin = coordinator.join(joinRequest({ clientId: 'b', memberId: bFirst.memberId }));
  await flush();
  assert.equal(coordinator.groups.get('g')!.state, 'PreparingRebalance');
  assert.equal(coordinator.heartbeat('g', a.memberId, null, 1), ErrorCode.REBALANCE_IN_PROGRESS);
  const aAgain = coordinator.join(joinRequest({ clientId: 'a', memberId: a.memberId }));
  const [a2, b2] = await Promise.all([aAgain, bJoin]);
  assert.equal(a2.generationId, 2);
  assert.equal(b2.generationId, 2);
  assert.equal(a2.members.length, 2, 'the leader sees every member');
  assert.equal(b2.members.length, 0);
  const bSync = coordinator.sync({ groupId: 'g', memberId: b2.memberId, groupInstanceId: null, generationId: 2, protocolType: 'consumer', protocolName: 'range', assignments: [] });
  await flush();
  const aSync = await coordinator.sync({ groupId: 'g', memberId: a2.memberId, groupInstanceId: null, generationId: 2, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: a2.memberId, assignment: Buffer.from('A') }, { memberId: b2.memberId, assignment: Buffer.from('B') }] });
  assert.equal(aSync.assignment.toString(), 'A');
  assert.equal((await bSync).assignment.toString(), 'B');
  assert.equal(coordinator.heartbeat('g', b2.memberId, null, 2), ErrorCode.NONE);
  assert.equal(coordinator.heartbeat('g', b2.memberId, null, 1), ErrorCode.ILLEGAL_GENERATION);
  assert.equal(coordinator.heartbeat('g', 'nobody', null, 2), ErrorCode.UNKNOWN_MEMBER_ID);
});

test('group.initial.rebalance.delay.ms: the first generation waits, each newcomer extends the wait, up to the rebalance timeout', async () => {
  const { coordinator, timer } = setup({ initialRebalanceDelayMs: 3000 });
  const settled = new Set<string>();
  const track = <T>(name: string, p: Promise<T>) => p.then((r) => (settled.add(name), r));
  const a = track('a', joinNew(coordinator, { clientId: 'a' }));
  await flush();
  timer.advance(2000);
  await flush();
  assert.equal(settled.size, 0, 'the first member waits for the initial delay');
  const b = track('b', joinNew(coordinator, { clientId: 'b' }));
  await flush();
  timer.advance(1000); // the delay is over, but b joined during it: wait another delay
  await flush();
  assert.equal(settled.size, 0, 'a newcomer during the delay extends it');
  timer.advance(2999);
  await flush();
  assert.equal(settled.size, 0);
  timer.advance(1);
  await flush();
  assert.deepEqual([...settled].sort(), ['a', 'b'], 'both answered once the extended delay is over');
  const [a1, b1] = await Promise.all([a, b]);
  assert.deepEqual([a1.generationId, b1.generationId], [1, 1], 'both in the first generation: no second rebalance');
  assert.equal(a1.members.length + b1.members.length, 2, 'the leader sees both members');

  // The extensions stop at the rebalance timeout (here 5 s): Kafka waits at most that long.
  const capped = setup({ initialRebalanceDelayMs: 3000 });
  const first = track('first', joinNew(capped.coordinator, { groupId: 'h', clientId: 'a', rebalanceTimeoutMs: 5000 }));
  await flush();
  for (let i = 0; i < 4; i++) {
    capped.timer.advance(1000);
    void joinNew(capped.coordinator, { groupId: 'h', clientId: `late-${i}`, rebalanceTimeoutMs: 5000 });
    await flush();
  }
  assert.equal(settled.has('first'), false);
  capped.timer.advance(1000);
  await flush();
  assert.ok(settled.has('first'), 'answered at the rebalance timeout despite newcomers');
  assert.equal((await first).generationId, 1, 'completed at the rebalance timeout despite newcomers');
});

test('a member that stops heartbeating is removed after its session timeout', async () => {
  const { coordinator, timer } = setup();
  const a = await joinNew(coordinator);
  await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  timer.advance(9_000);
  assert.equal(coordinator.heartbeat('g', a.memberId, null, 1), ErrorCode.NONE);
  timer.advance(9_000);
  assert.equal(coordinator.groups.get('g')!.members.size, 1, 'the heartbeat kept it');
  timer.advance(10_001);
  await flush();
  const g = coordinator.groups.get('g')!;
  assert.equal(g.members.size, 0);
  assert.equal(g.state, 'Empty');
  assert.equal(g.generationId, 2);
});

test('members that do not rejoin within the rebalance timeout are dropped', async () => {
  const { coordinator, timer } = setup();
  const a = await joinNew(coordinator, { clientId: 'a', rebalanceTimeoutMs: 5000 });
  const bFirst = await coordinator.join(joinRequest({ clientId: 'b', rebalanceTimeoutMs: 5000 }));
  const b = coordinator.join(joinRequest({ clientId: 'b', memberId: bFirst.memberId, rebalanceTimeoutMs: 5000 }));
  void a;
  await flush();
  // a never rejoins generation 2
  timer.advance(5001);
  const result = await b;
  assert.equal(result.errorCode, ErrorCode.NONE);
  assert.equal(result.generationId, 2);
  assert.equal(result.leader, result.memberId, 'leadership moves to a member that rejoined');
  assert.equal(coordinator.groups.get('g')!.members.size, 1);
});

test('leave triggers a rebalance, and v3+ leaves report per member', async () => {
  const { coordinator } = setup();
  const a = await joinNew(coordinator, { clientId: 'a' });
  await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  const result = coordinator.leave('g', [{ memberId: a.memberId, groupInstanceId: null }, { memberId: 'ghost', groupInstanceId: null }]);
  assert.deepEqual(result.members.map((m) => m.errorCode), [ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID]);
  await flush();
  assert.equal(coordinator.groups.get('g')!.state, 'Empty');
});

test('a static member that comes back within its session timeout keeps its assignment without a rebalance', async () => {
  const { coordinator, timer } = setup();
  const s = await coordinator.join(joinRequest({ groupInstanceId: 'i-1', clientId: 's' }));
  assert.equal(s.errorCode, ErrorCode.NONE, 'static members skip MEMBER_ID_REQUIRED');
  await coordinator.sync({ groupId: 'g', memberId: s.memberId, groupInstanceId: 'i-1', generationId: 1, protocolType: null, protocolName: null, assignments: [{ memberId: s.memberId, assignment: Buffer.from('mine') }] });
  timer.advance(3000); // restarted without leaving
  const back = await coordinator.join(joinRequest({ groupInstanceId: 'i-1', clientId: 's' }));
  assert.equal(back.errorCode, ErrorCode.NONE);
  assert.notEqual(back.memberId, s.memberId);
  assert.equal(back.generationId, 1, 'no new generation');
  assert.equal(back.skipAssignment, true, 'a returning leader is told not to reassign');
  assert.equal(coordinator.groups.get('g')!.state, 'Stable');
  const sync = await coordinator.sync({ groupId: 'g', memberId: back.memberId, groupInstanceId: 'i-1', generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  assert.equal(sync.assignment.toString(), 'mine');
  // The old instance is fenced.
  assert.equal(coordinator.heartbeat('g', s.memberId, 'i-1', 1), ErrorCode.FENCED_INSTANCE_ID);
});

test('protocols: inconsistent types refused, the common protocol chosen by vote', async () => {
  const { coordinator } = setup();
  const a = await joinNew(coordinator, { clientId: 'a', protocols: [{ name: 'cooperative-sticky', metadata: Buffer.alloc(0) }, { name: 'range', metadata: Buffer.alloc(0) }] });
  assert.equal(a.protocolName, 'cooperative-sticky');
  const wrongType = await coordinator.join(joinRequest({ protocolType: 'connect' }));
  assert.equal(wrongType.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  const nothingInCommon = await coordinator.join(joinRequest({ protocols: [{ name: 'roundrobin', metadata: Buffer.alloc(0) }] }));
  assert.equal(nothingInCommon.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  assert.equal((await coordinator.join(joinRequest({ sessionTimeoutMs: 10 }))).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
  assert.equal((await coordinator.join(joinRequest({ groupId: '' }))).errorCode, ErrorCode.INVALID_GROUP_ID);
});

test('offset commits: members must be current; simple commits only to empty groups', async () => {
  const { coordinator } = setup();
  const offsets = [{ topic: 't', partition: 0, offset: 42n, leaderEpoch: 0, metadata: 'meta' }];
  assert.deepEqual(await coordinator.commitOffsets({ groupId: 'simple', memberId: '', groupInstanceId: null, generationId: -1, offsets }), [ErrorCode.NONE]);
  assert.equal(coordinator.committed('simple', 't', 0)!.offset, 42n);
  const a = await joinNew(coordinator);
  assert.deepEqual(await coordinator.commitOffsets({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, offsets }), [ErrorCode.REBALANCE_IN_PROGRESS]);
  await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  assert.deepEqual(await coordinator.commitOffsets({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, offsets }), [ErrorCode.NONE]);
  assert.deepEqual(await coordinator.commitOffsets({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 0, offsets }), [ErrorCode.ILLEGAL_GENERATION]);
  assert.deepEqual(await coordinator.commitOffsets({ groupId: 'g', memberId: '', groupInstanceId: null, generationId: -1, offsets }), [ErrorCode.UNKNOWN_MEMBER_ID]);
  assert.deepEqual(await coordinator.commitOffsets({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, offsets: [{ ...offsets[0], metadata: 'x'.repeat(5000) }] }), [ErrorCode.OFFSET_METADATA_TOO_LARGE]);
  assert.equal(await coordinator.deleteGroup('g'), ErrorCode.NON_EMPTY_GROUP);
  assert.equal(await coordinator.deleteGroup('simple'), ErrorCode.NONE);
  assert.equal(coordinator.committed('simple', 't', 0), undefined);
  assert.equal(await coordinator.deleteGroup('nope'), ErrorCode.GROUP_ID_NOT_FOUND);
});

test('a fresh coordinator replaying the records has the same offsets and generation', async () => {
  const { coordinator, store } = setup();
  const a = await joinNew(coordinator);
  await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [{ memberId: a.memberId, assignment: Buffer.from('x') }] });
  await coordinator.commitOffsets({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, offsets: [{ topic: 't', partition: 3, offset: 7n, leaderEpoch: 0, metadata: 'md' }] });
  await coordinator.commitOffsets({ groupId: 'gone', memberId: '', groupInstanceId: null, generationId: -1, offsets: [{ topic: 't', partition: 0, offset: 1n, leaderEpoch: -1, metadata: null }] });
  await coordinator.deleteGroup('gone');
  const { coordinator: fresh, timer } = setup();
  for (const r of store.records) fresh.replay(decodeGroupRecord(r.key, r.value)!);
  fresh.afterReplay();
  assert.equal(fresh.committed('g', 't', 3)!.offset, 7n);
  assert.equal(fresh.committed('g', 't', 3)!.metadata, 'md');
  assert.equal(fresh.committed('gone', 't', 0), undefined);
  const g = fresh.groups.get('g')!;
  assert.deepEqual([g.generationId, g.state, g.members.size, g.members.get(a.memberId)!.assignment.toString()], [1, 'Stable', 1, 'x']);
  assert.equal(fresh.heartbeat('g', a.memberId, null, 1), ErrorCode.NONE, 'members survive a coordinator restart');
  timer.advance(10_001);
  await flush();
  assert.equal(fresh.groups.get('g')!.state, 'Empty', 'but must heartbeat within their session timeout');
});

test('offsets of an empty group expire after offsets.retention.minutes', async () => {
  const { coordinator, timer } = setup({ offsetsRetentionMs: 60_000 });
  await coordinator.commitOffsets({ groupId: 'old', memberId: '', groupInstanceId: null, generationId: -1, offsets: [{ topic: 't', partition: 0, offset: 5n, leaderEpoch: -1, metadata: '' }] });
  timer.advance(30_000);
  assert.equal(await coordinator.expireOffsets(), 0);
  timer.advance(31_000);
  assert.equal(await coordinator.expireOffsets(), 1);
  assert.equal(coordinator.committed('old', 't', 0), undefined);
  assert.equal(coordinator.groups.has('old'), false);
});

test('a group lands in the __consumer_offsets partition Kafka would pick', () => {
  // Computed with Java 17: Utils.abs(s.hashCode()) % 50 (abs of Integer.MIN_VALUE is 0).
  assert.equal(offsetsPartitionFor('my-group', 50), 12); // hashCode -1906497762
  assert.equal(offsetsPartitionFor('console-consumer-12345', 50), 6);
  assert.equal(offsetsPartitionFor('polygenelubricants', 50), 0); // hashCode Integer.MIN_VALUE
  assert.equal(offsetsPartitionFor('a', 50), 47);
});

// ---------------------------------------------------------------- deletion, incarnations, timers

const simpleCommit = (offset: bigint) => ({ groupId: 'g', memberId: '', groupInstanceId: null, generationId: -1, offsets: [{ topic: 't', partition: 0, offset, leaderEpoch: -1, metadata: null }] });

test('OffsetCommit, then DeleteGroups and JoinGroup back to back, then OffsetCommit: the initial-rebalance timer never acts on the recreated group', async () => {
  // The sequence that killed the broker: the join timer of the deleted group fired on the group
  // created after it and tried to move it from Empty to Empty, inside a timer.
  const { coordinator, timer } = setup({ initialRebalanceDelayMs: 3000 });
  assert.deepEqual(await coordinator.commitOffsets(simpleCommit(5n)), [ErrorCode.NONE]);
  const deleted = coordinator.deleteGroup('g');
  const joined = coordinator.join(joinRequest({ requireKnownMemberId: false })); // JoinGroup v3: joins at once
  assert.equal(await deleted, ErrorCode.NONE, 'the empty group is deleted before the join arrives');
  assert.deepEqual(await coordinator.commitOffsets(simpleCommit(6n)), [ErrorCode.UNKNOWN_MEMBER_ID], 'the new group is rebalancing, no longer empty');
  timer.advance(3000);
  const result = await joined;
  assert.deepEqual([result.errorCode, result.generationId], [ErrorCode.NONE, 1], 'the join formed generation 1 of the new group');
  assert.equal(coordinator.groups.get('g')!.state, 'CompletingRebalance');
  assert.equal(coordinator.committed('g', 't', 0), undefined, 'the deleted offsets stay deleted');
});

test('DeleteGroups right after a JoinGroup: the group is not empty any more, and its timers carry on', async () => {
  const { coordinator, timer } = setup({ initialRebalanceDelayMs: 3000 });
  await coordinator.commitOffsets(simpleCommit(5n));
  const joined = coordinator.join(joinRequest({ requireKnownMemberId: false }));
  assert.equal(await coordinator.deleteGroup('g'), ErrorCode.NON_EMPTY_GROUP);
  timer.advance(3000);
  assert.equal((await joined).generationId, 1);
  assert.equal(coordinator.committed('g', 't', 0)?.offset, 5n);
});

test('a deleted group takes its timers with it, and a deletion that cannot be written leaves the group as it was', async () => {
  const { coordinator, timer, store } = setup();
  const pending = await coordinator.join(joinRequest()); // MEMBER_ID_REQUIRED: a pending member with a session timer
  assert.equal(pending.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
  await coordinator.commitOffsets(simpleCommit(7n));
  store.fail = true;
  assert.equal(await coordinator.deleteGroup('g'), ErrorCode.COORDINATOR_NOT_AVAILABLE);
  assert.equal(coordinator.groups.get('g')?.state, 'Empty');
  assert.equal(coordinator.committed('g', 't', 0)?.offset, 7n);
  store.fail = false;
  assert.equal(await coordinator.deleteGroup('g'), ErrorCode.NONE);
  assert.deepEqual(timer.keys().filter((k) => k.includes(' g ') || k.endsWith(' g')), [], 'no timer of the deleted group is left');
  assert.equal(coordinator.groups.has('g'), false);
  assert.equal(await coordinator.deleteGroup('g'), ErrorCode.GROUP_ID_NOT_FOUND);
});

test('a commit written before a deletion is not served after it, and one written after it is', async () => {
  const { coordinator, store } = setup();
  await coordinator.commitOffsets(simpleCommit(1n));
  const before = coordinator.commitOffsets(simpleCommit(2n));
  const deleted = coordinator.deleteGroup('g');
  const after = coordinator.commitOffsets({ ...simpleCommit(3n), offsets: [{ topic: 't', partition: 1, offset: 3n, leaderEpoch: -1, metadata: null }] });
  assert.deepEqual([await before, await deleted, await after], [[ErrorCode.NONE], ErrorCode.NONE, [ErrorCode.NONE]]);
  assert.equal(coordinator.committed('g', 't', 0), undefined);
  assert.equal(coordinator.committed('g', 't', 1)?.offset, 3n);
  const replayed = setup();
  for (const r of store.records) replayed.coordinator.replay(decodeGroupRecord(r.key, r.value)!);
  assert.deepEqual(replayed.coordinator.allCommitted('g').map((o) => [o.partition, o.offset]), [[1, 3n]], 'the log says the same');
});

test('the retention check removes empty groups left without offsets (a JoinGroup never completed), with their timers', async () => {
  const { coordinator, timer } = setup({ offsetsRetentionCheckIntervalMs: 60_000 });
  coordinator.start();
  await coordinator.join(joinRequest()); // MEMBER_ID_REQUIRED, and the client never comes back
  assert.ok(coordinator.groups.has('g'));
  timer.advance(60_000);
  await flush();
  assert.equal(coordinator.groups.has('g'), false);
  assert.deepEqual(timer.keys(), ['offsets-expiration']);
});

test('a member removed while its SyncGroup waits gets an answer', async () => {
  const { coordinator } = setup();
  const a = await joinNew(coordinator, { clientId: 'a' });
  const waiting = coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  // The leader's assignment is being written; the member leaves meanwhile.
  coordinator.leave('g', [{ memberId: a.memberId, groupInstanceId: null }]);
  const answer = await waiting;
  assert.equal(answer.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
});

test('a member naming a protocol twice counts as supporting it once: the generation completes with it', async () => {
  // Counted twice, the protocol was never a candidate and the member had nothing to vote for:
  // completing the join threw inside the rebalance timer.
  const { coordinator } = setup();
  const twice = [
    { name: 'range', metadata: Buffer.from('first') },
    { name: 'range', metadata: Buffer.from('second') },
  ];
  const a = await joinNew(coordinator, { clientId: 'a', protocols: twice });
  assert.deepEqual([a.errorCode, a.generationId, a.protocolName], [ErrorCode.NONE, 1, 'range']);
  assert.equal(a.members[0].metadata.toString(), 'first', 'the first occurrence is the member\'s metadata');
  await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [] });
  const bFirst = await coordinator.join(joinRequest({ clientId: 'b' }));
  const b = coordinator.join(joinRequest({ clientId: 'b', memberId: bFirst.memberId }));
  await flush();
  const a2 = await coordinator.join(joinRequest({ clientId: 'a', memberId: a.memberId, protocols: twice }));
  assert.deepEqual([a2.errorCode, a2.generationId, a2.protocolName, (await b).generationId], [ErrorCode.NONE, 2, 'range', 2]);
});

test('a rebalance timeout of 0 or -1 is the session timeout: a join nobody rejoins is retried after it, not in a loop', async () => {
  for (const rebalanceTimeoutMs of [0, -1]) {
    const { coordinator, timer } = setup();
    // A static member, kept while it does not rejoin; it stops sending anything after its first generation.
    const a = await joinNew(coordinator, { clientId: 'a', groupInstanceId: 'a-1', rebalanceTimeoutMs });
    await coordinator.sync({ groupId: 'g', memberId: a.memberId, groupInstanceId: 'a-1', generationId: 1, protocolType: null, protocolName: null, assignments: [] });
    assert.equal(coordinator.groups.get('g')!.members.get(a.memberId)!.rebalanceTimeoutMs, 10_000);
    const bFirst = await coordinator.join(joinRequest({ clientId: 'b' }));
    void coordinator.join(joinRequest({ clientId: 'b', memberId: bFirst.memberId }));
    await flush();
    coordinator.leave('g', [{ memberId: bFirst.memberId, groupInstanceId: null }]);
    // Nobody is left to rejoin but a, which never does; its session timeout ends the wait (the
    // manual clock throws if timers keep firing without time passing).
    timer.advance(60_000);
    await flush();
    assert.equal(coordinator.groups.get('g')?.state, 'Empty', `rebalance timeout ${rebalanceTimeoutMs}`);
  }
});

test('a simple commit that stores nothing makes no group: metadata too large, nothing to commit, or a failed write', async () => {
  const { store, coordinator } = setup();
  const commit = (groupId: string, metadata: string | null, offsets = 1) =>
    coordinator.commitOffsets({ groupId, memberId: '', groupInstanceId: null, generationId: -1, offsets: Array.from({ length: offsets }, () => ({ topic: 't', partition: 0, offset: 5n, leaderEpoch: -1, metadata })) });
  assert.deepEqual(await commit('too-large', 'm'.repeat(4097)), [ErrorCode.OFFSET_METADATA_TOO_LARGE]);
  assert.deepEqual(await commit('nothing', null, 0), []);
  store.fail = true;
  assert.deepEqual(await commit('failed', null), [ErrorCode.COORDINATOR_NOT_AVAILABLE]);
  store.fail = false;
  assert.deepEqual([...coordinator.groups.keys()], []);
  assert.deepEqual(await commit('stored', null), [ErrorCode.NONE]);
  assert.deepEqual([...coordinator.groups.keys()], ['stored']);
  assert.equal(coordinator.groups.get('stored')!.state, 'Empty');
});
