// A model-based concurrency test of the classic group coordinator: seeded random interleavings of
// JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DeleteGroups,
// OffsetDelete and DescribeGroups from many members of several groups, with the clock (a manual
// timer) and the __consumer_offsets writes (a store whose appends complete or fail when the test
// says) moved on at random between requests. After every step nothing may have escaped (no throw,
// no rejected promise, no exception in a timer, nothing caught and logged by the coordinator but
// the injected write failures) and Kafka's ClassicGroup rules must hold; when no
// write is in flight, replaying what was written must give the offsets the coordinator serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { Random } from '@sluice/test-kit';
import { type ClassicGroup, type GroupState, type JoinResult, type Protocol, type SyncResult } from '../../src/groups/classic-group.ts';
import { GroupCoordinator, type GroupConfig, type GroupStore } from '../../src/groups/coordinator.ts';
import { type GroupRecord, decodeGroupRecord } from '../../src/groups/records.ts';
import { ManualTimer } from '../../src/groups/timer.ts';
import { describeGroupsHandler } from '../../src/handlers/15-describe-groups.ts';

const CONFIG: GroupConfig = {
  initialRebalanceDelayMs: 3000, // Kafka's default: the delay behind the crash this test guards
  minSessionTimeoutMs: 1000,
  maxSessionTimeoutMs: 60_000,
  maxSize: 3,
  offsetsRetentionMs: 120_000,
  offsetsRetentionCheckIntervalMs: 30_000,
  newMemberJoinTimeoutMs: 300_000,
  offsetMetadataMaxBytes: 8,
};

// The empty group id is refused by JoinGroup but allowed for offset commits, as in Kafka.
const GROUP_IDS = ['g0', 'g1', 'g2', ''];
const TOPICS = ['t0', 't1'];
const PROTOCOL_SETS: Protocol[][] = [
  [{ name: 'range', metadata: Buffer.from('r') }],
  // The same name twice, as a client may send it: each protocol name is one vote, one count.
  [
    { name: 'range', metadata: Buffer.from('r') },
    { name: 'range', metadata: Buffer.from('r2') },
  ],
  [{ name: 'roundrobin', metadata: Buffer.from('rr') }],
  [
    { name: 'range', metadata: Buffer.from('r') },
    { name: 'roundrobin', metadata: Buffer.from('rr') },
  ],
];
const VALID_PREVIOUS: Record<GroupState, readonly GroupState[]> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

/** __consumer_offsets as the coordinator sees it: appends complete, in order, when told to. */
class ControlledStore implements GroupStore {
  readonly durable: GroupRecord[] = [];
  private readonly inFlight: { records: GroupRecord[]; resolve: (first: bigint) => void; reject: (e: Error) => void }[] = [];

  append(_groupId: string, records: GroupRecord[]): Promise<bigint> {
    return new Promise((resolve, reject) => this.inFlight.push({ records, resolve, reject }));
  }

  async offsetsPartition(): Promise<number> {
    return 0;
  }

  // This model sends no TxnOffsetCommit: transactional offsets have their own suite (txn-offsets.test.ts).
  appendTransactional(): Promise<bigint> {
    return Promise.reject(new Error('no transactional writes in this model'));
  }

  appendMarker(): Promise<boolean> {
    return Promise.reject(new Error('no transaction markers in this model'));
  }

  get pending(): number {
    return this.inFlight.length;
  }

  completeNext(fail: boolean): void {
    const write = this.inFlight.shift();
    if (write === undefined) return;
    if (fail) return write.reject(new Error('injected store failure'));
    const first = BigInt(this.durable.length);
    this.durable.push(...write.records);
    write.resolve(first);
  }
}

/** One simulated client connection: a would-be member of one group. */
interface Client {
  groupId: string;
  clientId: string;
  instanceId: string | null;
  memberId: string;
  generation: number;
  protocols: Protocol[];
  lastJoin: JoinResult | null;
  /** Joined a generation and has not sent its SyncGroup yet: what a real client does next. */
  needsSync: boolean;
}

const flush = () => new Promise((r) => setImmediate(r));

class Simulation {
  readonly timer = new ManualTimer();
  readonly store = new ControlledStore();
  readonly coordinator: GroupCoordinator;
  readonly clients: Client[] = [];
  /** Requests not answered yet, by description. */
  readonly outstanding = new Map<number, string>();
  readonly escaped: string[] = [];
  private nextRequest = 0;
  /** The highest generation seen for each group incarnation (object). */
  private readonly generations = new WeakMap<ClassicGroup, number>();
  readonly history: string[] = [];
  /** What the run went through, so that a run that stopped reaching these fails. */
  readonly seen = new Set<string>();

  private readonly rnd: Random;

  constructor(rnd: Random) {
    this.rnd = rnd;
    // What the coordinator catches and logs is a bug kept from the process, and still a bug here:
    // only the store failures this test injects may be logged, as warnings.
    const logged = (level: string) => (message: string, error?: unknown) => {
      const text = `${message}${error === undefined ? '' : `: ${(error as Error)?.stack ?? error}`}`;
      if (level === 'warn' && /: Error: injected store failure$/.test(text)) return;
      this.escaped.push(`logged as ${level}: ${text}`);
    };
    this.coordinator = new GroupCoordinator(CONFIG, this.store, this.timer, { warn: logged('warn'), error: logged('error') });
    this.coordinator.start();
    for (const groupId of GROUP_IDS) {
      for (let i = 0; i < 4; i++) {
        this.clients.push({ groupId, clientId: `c${i}`, instanceId: i === 3 ? `static-${groupId}` : null, memberId: '', generation: -1, protocols: PROTOCOL_SETS[0], lastJoin: null, needsSync: false });
      }
    }
  }

  private track<T>(what: string, p: Promise<T>, then: (r: T) => void): void {
    const id = this.nextRequest++;
    this.outstanding.set(id, what);
    p.then(
      (r) => {
        this.outstanding.delete(id);
        then(r);
      },
      (e) => {
        this.outstanding.delete(id);
        this.escaped.push(`${what} rejected: ${(e as Error).stack ?? e}`);
      },
    );
  }

  private call(what: string, fn: () => void): void {
    this.history.push(what);
    try {
      fn();
    } catch (e) {
      this.escaped.push(`${what} threw: ${(e as Error).stack ?? e}`);
    }
  }

  step(): void {
    const rnd = this.rnd;
    // Mostly chaos, but often what a client does next, so that generations do complete.
    const syncing = this.clients.filter((x) => x.needsSync);
    const followUp = syncing.length > 0 && rnd.chance(0.3);
    const c = followUp ? syncing[rnd.int(0, syncing.length - 1)] : this.clients[rnd.int(0, this.clients.length - 1)];
    const action = followUp ? 22 : rnd.int(0, 99);
    const g = c.groupId;
    if (action < 22) {
      if (rnd.chance(0.05)) c.memberId = '';
      if (rnd.chance(0.1)) c.protocols = PROTOCOL_SETS[rnd.int(0, PROTOCOL_SETS.length - 1)];
      const requireKnownMemberId = rnd.chance(0.7);
      // Now and then the special values a client may send: an empty type or protocol list, a session
      // timeout out of bounds, a rebalance timeout of 0 or -1.
      const protocolType = rnd.chance(0.05) ? 'connect' : rnd.chance(0.02) ? '' : 'consumer';
      const protocols = rnd.chance(0.02) ? [] : c.protocols;
      const sessionTimeoutMs = rnd.chance(0.03) ? [0, -1, 500, 120_000][rnd.int(0, 3)] : rnd.int(1, 3) * 5000;
      const rebalanceTimeoutMs = rnd.chance(0.05) ? [0, -1][rnd.int(0, 1)] : rnd.int(1, 4) * 5000;
      const what = `join ${g} ${c.clientId} member=${c.memberId || '-'} v${requireKnownMemberId ? 4 : 3} ${protocolType || '(no type)'} protocols=${protocols.map((p) => p.name).join('+')} session=${sessionTimeoutMs} rebalance=${rebalanceTimeoutMs}`;
      this.call(what, () =>
        this.track(
          what,
          this.coordinator.join({ groupId: g, memberId: c.memberId, groupInstanceId: c.instanceId, protocolType, protocols, sessionTimeoutMs, rebalanceTimeoutMs, clientId: c.clientId, clientHost: '/10.0.0.1', requireKnownMemberId, supportsSkipAssignment: rnd.chance(0.5) }),
          (r) => {
            if (r.errorCode === ErrorCode.NONE || r.errorCode === ErrorCode.MEMBER_ID_REQUIRED) c.memberId = r.memberId;
            if (r.errorCode === ErrorCode.NONE) {
              c.generation = r.generationId;
              c.lastJoin = r;
              c.needsSync = true;
            }
            if (r.errorCode === ErrorCode.UNKNOWN_MEMBER_ID || r.errorCode === ErrorCode.FENCED_INSTANCE_ID) c.memberId = '';
          },
        ),
      );
    } else if (action < 36) {
      const leaderAssigns = c.lastJoin !== null && c.lastJoin.leader === c.memberId;
      const assignments = leaderAssigns ? c.lastJoin!.members.map((m) => ({ memberId: m.memberId, assignment: Buffer.from(`a-${m.memberId.slice(0, 4)}`) })) : [];
      // A leader's assignment may name a member twice, or one that is not in the group.
      if (leaderAssigns && rnd.chance(0.1)) assignments.push({ memberId: rnd.chance(0.5) ? 'nobody' : c.memberId, assignment: Buffer.from('extra') });
      c.needsSync = false;
      const what = `sync ${g} ${c.clientId} member=${c.memberId || '-'} gen=${c.generation}`;
      this.call(what, () =>
        this.track(
          what,
          this.coordinator.sync({ groupId: g, memberId: c.memberId, groupInstanceId: c.instanceId, generationId: c.generation, protocolType: rnd.chance(0.5) ? 'consumer' : null, protocolName: null, assignments }),
          (r: SyncResult) => {
            if (r.errorCode === ErrorCode.UNKNOWN_MEMBER_ID) c.memberId = '';
          },
        ),
      );
    } else if (action < 46) {
      const what = `heartbeat ${g} ${c.clientId} member=${c.memberId || '-'} gen=${c.generation}`;
      this.call(what, () => {
        const code = this.coordinator.heartbeat(g, c.memberId, c.instanceId, c.generation);
        if (code === ErrorCode.UNKNOWN_MEMBER_ID) c.memberId = '';
      });
    } else if (action < 51) {
      const byInstance = c.instanceId !== null && rnd.chance(0.5);
      const what = `leave ${g} ${c.clientId} member=${byInstance ? '(instance)' : c.memberId || '-'}`;
      this.call(what, () => {
        // v3+ may list no member, or the same member twice.
        const members = rnd.chance(0.05) ? [] : [{ memberId: byInstance ? '' : c.memberId, groupInstanceId: c.instanceId }];
        if (rnd.chance(0.05)) members.push(...members);
        this.coordinator.leave(g, members);
        c.memberId = '';
        c.lastJoin = null;
      });
    } else if (action < 65) {
      const simple = rnd.chance(0.4);
      const offsets = [...Array(rnd.int(1, 3))].map(() => ({ topic: TOPICS[rnd.int(0, 1)], partition: rnd.int(0, 2), offset: BigInt(rnd.int(0, 1000)), leaderEpoch: -1, metadata: rnd.chance(0.05) ? 'much-too-long' : null }));
      const what = `commit ${g} ${simple ? 'simple' : `${c.clientId} member=${c.memberId || '-'} gen=${c.generation}`} ${offsets.map((o) => `${o.topic}-${o.partition}@${o.offset}`).join(',')}`;
      this.call(what, () =>
        this.track(what, this.coordinator.commitOffsets({ groupId: g, memberId: simple ? '' : c.memberId, groupInstanceId: simple ? null : c.instanceId, generationId: simple ? -1 : c.generation, offsets }), () => {}),
      );
    } else if (action < 69) {
      this.call(`fetch offsets ${g}`, () => {
        this.coordinator.allCommitted(g);
        this.coordinator.committed(g, TOPICS[0], 0);
      });
    } else if (action < 74) {
      const what = `delete group ${g}`;
      const state = this.coordinator.groups.get(g)?.state ?? 'none';
      this.call(what, () =>
        this.track(what, this.coordinator.deleteGroup(g), (code) => {
          if (code === ErrorCode.NONE) this.seen.add(`deleted ${state} group`);
        }),
      );
    } else if (action < 77) {
      const what = `delete offsets ${g} ${TOPICS[0]}-0`;
      this.call(what, () =>
        this.track(
          what,
          this.coordinator.deleteOffsets(g, [{ topic: TOPICS[0], partition: 0 }]).catch((e: unknown) => {
            // A whole-group refusal is an answer (GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP).
            if ((e as { errorCode?: number }).errorCode === undefined) throw e;
          }),
          () => {},
        ),
      );
    } else if (action < 80) {
      this.call(`describe ${g}`, () => {
        const broker = { groups: this.coordinator };
        describeGroupsHandler.handle({ broker, version: 5 } as never, { groups: [g], includeAuthorizedOperations: false } as never);
      });
    } else if (action < 86) {
      const ms = [0, 100, 1000, 2999, 3000, 3000, 5000, 10_000, 30_000, 120_000][rnd.int(0, 9)];
      this.call(`advance ${ms} ms`, () => this.timer.advance(ms));
    } else {
      const fail = rnd.chance(0.15);
      this.call(`${fail ? 'fail' : 'complete'} next write`, () => this.store.completeNext(fail));
    }
  }

  /** Kafka's ClassicGroup rules, checked between steps. */
  checkInvariants(): void {
    const { coordinator } = this;
    for (const [id, group] of coordinator.groups) {
      this.seen.add(group.state);
      const where = `group ${id} (${group.state}, generation ${group.generationId})`;
      assert.equal(group.groupId, id, `${where}: kept under its own id`);
      assert.notEqual(group.state, 'Dead', `${where}: a Dead group is not kept`);
      if (!(group.state === 'Empty' && group.previousState === 'Empty')) {
        assert.ok(VALID_PREVIOUS[group.state].includes(group.previousState), `${where}: came from ${group.previousState}`);
      }
      const seen = this.generations.get(group) ?? 0;
      assert.ok(group.generationId >= seen, `${where}: generation went back from ${seen}`);
      this.generations.set(group, group.generationId);
      if (group.state === 'Empty') {
        assert.equal(group.members.size, 0, `${where}: an Empty group has no members`);
        assert.equal(group.leaderId, null, `${where}: an Empty group has no leader`);
      }
      if (group.state === 'Stable' || group.state === 'CompletingRebalance') {
        assert.ok(group.leaderId !== null && group.members.has(group.leaderId), `${where}: the leader ${group.leaderId} is a member`);
        assert.ok(group.protocolName !== null, `${where}: a protocol was chosen`);
      }
      if (group.members.size > 0) assert.ok(group.leaderId !== null && group.members.has(group.leaderId), `${where}: a group with members has a leader among them`);
      for (const m of group.members.values()) {
        if (m.awaitingJoin !== null) assert.equal(group.state, 'PreparingRebalance', `${where}: member ${m.memberId} waits for a join`);
        if (m.awaitingSync !== null) assert.equal(group.state, 'CompletingRebalance', `${where}: member ${m.memberId} waits for a sync`);
        // Kafka leaves a member waiting for the rebalance without a session timer until it moves on.
        assert.ok(this.timer.has(`heartbeat ${id} ${m.memberId}`) || m.hasSatisfiedHeartbeat(), `${where}: member ${m.memberId} has a session timer`);
        if (m.groupInstanceId !== null) assert.equal(group.staticMembers.get(m.groupInstanceId), m.memberId, `${where}: static member ${m.groupInstanceId} is mapped`);
      }
      for (const [instance, memberId] of group.staticMembers) assert.equal(group.members.get(memberId)?.groupInstanceId, instance, `${where}: static mapping ${instance}`);
      for (const p of group.pendingJoinMembers) {
        assert.ok(!group.members.has(p), `${where}: pending member ${p} is not yet a member`);
        assert.ok(this.timer.has(`heartbeat ${id} ${p}`), `${where}: pending member ${p} has a timer`);
      }
      for (const p of group.pendingSyncMembers) assert.ok(group.members.has(p), `${where}: pending sync member ${p} is a member`);
      if (group.state !== 'CompletingRebalance' && group.state !== 'Stable') assert.equal(group.pendingSyncMembers.size, 0, `${where}: nobody owes a sync`);
    }
    for (const key of this.timer.keys()) {
      const [kind, groupId, memberId] = key.split(' ');
      if (kind === 'offsets-expiration') continue;
      const group = coordinator.groups.get(groupId);
      assert.ok(group !== undefined, `timer ${key} refers to a missing group`);
      if (kind === 'heartbeat') assert.ok(group.members.has(memberId) || group.pendingJoinMembers.has(memberId), `timer ${key} refers to a missing member`);
      if (kind === 'join') assert.equal(group.state, 'PreparingRebalance', `timer ${key} in state ${group.state}`);
      if (kind === 'sync') assert.ok(group.state === 'CompletingRebalance' || group.state === 'Stable', `timer ${key} in state ${group.state}`);
    }
    if (this.store.pending === 0) this.checkReplay();
  }

  /** With nothing in flight, what was written replays to the offsets the coordinator serves. */
  private checkReplay(): void {
    const replayed = new GroupCoordinator(CONFIG, new ControlledStore(), new ManualTimer());
    for (const r of this.store.durable) {
      const decoded = decodeGroupRecord(r.key, r.value);
      if (decoded !== null) replayed.replay(decoded);
    }
    const view = (c: GroupCoordinator) =>
      [...c.offsets]
        .filter(([, m]) => m.size > 0)
        .map(([groupId, m]) => `${groupId}: ${[...m.values()].map((o) => `${o.topic}-${o.partition}@${o.offset}`).sort().join(',')}`)
        .sort();
    assert.deepEqual(view(this.coordinator), view(replayed), 'the offsets served are the offsets written');
  }

  /** Nothing new: every write completes and time runs out; every request must be answered. */
  async drain(): Promise<void> {
    const completeWrites = async () => {
      while (this.store.pending > 0) {
        this.store.completeNext(false);
        await flush();
      }
    };
    for (let i = 0; i < 6; i++) {
      await completeWrites();
      this.call('advance 400000 ms', () => this.timer.advance(400_000));
      await flush();
    }
    await completeWrites();
  }
}

async function run(seed: number, steps: number): Promise<void> {
  const rnd = new Random(seed);
  const sim = new Simulation(rnd);
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  const context = () => `seed ${seed}, last steps:\n  ${sim.history.slice(-25).join('\n  ')}`;
  try {
    for (let i = 0; i < steps; i++) {
      sim.step();
      await flush();
      assert.deepEqual(sim.escaped, [], `an error escaped at step ${i}, ${context()}`);
      assert.deepEqual(unhandled.map(String), [], `an unhandled rejection at step ${i}, ${context()}`);
      try {
        sim.checkInvariants();
      } catch (e) {
        throw new Error(`invariant broken at step ${i}, ${context()}\n${(e as Error).message}`);
      }
    }
    await sim.drain();
    assert.deepEqual(sim.escaped, [], `an error escaped while draining, ${context()}`);
    assert.deepEqual([...sim.outstanding.values()], [], `requests never answered, ${context()}`);
    sim.checkInvariants();
    // Every member has timed out and every offset expired: Kafka's cleanup leaves no group behind.
    assert.deepEqual([...sim.coordinator.groups.keys()], [], `groups left after everything expired, ${context()}`);
    assert.deepEqual([...sim.coordinator.offsets.keys()], [], `offsets left after everything expired, ${context()}`);
    for (const reached of ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'deleted Empty group']) assert.ok(sim.seen.has(reached), `seed ${seed} never reached: ${reached}`);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

for (let seed = 1; seed <= 8; seed++) {
  test(`random interleavings of group requests, timers and writes keep Kafka's group rules (seed ${seed})`, async () => {
    await run(seed, 2500);
  });
}
