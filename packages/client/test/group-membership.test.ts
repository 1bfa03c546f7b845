// GroupMembership, the public way to take part in a classic group of a protocol of one's own, on a
// real broker: two members of protocol type "test" join, the leader sees both members' metadata
// and hands each its bytes, requestRejoin starts a new generation, close() leaves so that the
// other carries on alone at once, and bad options are refused with what is wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { GroupMembership, KafkaError, type GroupProtocolHandler, type JoinedMember } from '../src/index.ts';

let broker: Broker;

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '500' } });
});
after(() => broker.close());

class Handler implements GroupProtocolHandler {
  readonly protocolType = 'test';
  readonly assignments: { generationId: number; assignment: string; leaderId: string }[] = [];
  /** What the leader saw, each time it assigned. */
  readonly seen: JoinedMember[][] = [];
  prepared = 0;

  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  joinProtocols() {
    return [
      { name: 'v2', metadata: Buffer.from(`${this.name} speaks v2`) },
      { name: 'v1', metadata: Buffer.from(`${this.name} speaks v1`) },
    ];
  }

  async onJoinPrepare() {
    this.prepared++;
  }

  async performAssignment(info: { protocol: string; generationId: number; members: JoinedMember[] }) {
    this.seen.push(info.members);
    return new Map(info.members.map((m) => [m.memberId, Buffer.from(`${info.protocol} gen ${info.generationId} for ${m.metadata.toString()}`)]));
  }

  async onJoinComplete(info: { generationId: number; assignment: Buffer; leaderId: string }) {
    this.assignments.push({ generationId: info.generationId, assignment: info.assignment.toString(), leaderId: info.leaderId });
  }
}

function member(name: string, handler: Handler) {
  return new GroupMembership(
    { bootstrapServers: `127.0.0.1:${broker.port}`, clientId: name, groupId: 'custom-protocol-group', sessionTimeoutMs: 20_000, rebalanceTimeoutMs: 10_000, heartbeatIntervalMs: 100 },
    handler,
  );
}

test('members of a custom protocol join, get the leader’s bytes, rejoin on request and leave', async () => {
  const ha = new Handler('a');
  const hb = new Handler('b');
  const a = member('a', ha);
  const b = member('b', hb);
  try {
    a.start();
    await a.whenStable();
    b.start();
    await eventually('both members in one generation', () => a.generationId === b.generationId && a.generationId > 0 && !a.needsRejoin && !b.needsRejoin && hb.assignments.length > 0, 30_000);
    assert.equal(a.protocolName, 'v2', 'the first protocol both offer');
    assert.equal(a.leaderId, b.leaderId);
    assert.notEqual(a.isLeader, b.isLeader);
    const leader = a.isLeader ? ha : hb;
    assert.deepEqual(leader.seen.at(-1)!.map((m) => m.metadata.toString()).sort(), ['a speaks v2', 'b speaks v2']);
    assert.equal(hb.assignments.at(-1)!.assignment, `v2 gen ${b.generationId} for b speaks v2`);
    assert.equal(ha.assignments.at(-1)!.assignment, `v2 gen ${a.generationId} for a speaks v2`);

    const before = a.generationId;
    // The leader's rejoin rebalances the group (a follower's with unchanged metadata gets the current generation back, as in Kafka).
    (a.isLeader ? a : b).requestRejoin('testing');
    await eventually('a new generation after requestRejoin', () => a.generationId > before && a.generationId === b.generationId && !a.needsRejoin && !b.needsRejoin, 30_000);

    const memberB = b.memberId;
    await b.close();
    assert.equal(b.state, 'closed');
    // b left (its 20 s session would otherwise keep it): a is alone in the next generation.
    await eventually('a alone after b left', () => ha.seen.length > 0 && !a.needsRejoin && a.isLeader && ha.seen.at(-1)!.length === 1 && ha.seen.at(-1)![0]!.memberId !== memberB, 15_000);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('bad options are refused with what is wrong', () => {
  assert.throws(
    () => new GroupMembership({ bootstrapServers: 'localhost:9092', groupId: '', sessionTimeoutMs: 0 } as never, new Handler('x')),
    (e: unknown) => e instanceof KafkaError && /group membership options/.test(e.message) && /groupId/.test(e.message) && /sessionTimeoutMs/.test(e.message),
  );
});
