// The group APIs of a real broker, from outside: seeded random sequences of JoinGroup, SyncGroup,
// Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups, DeleteGroups and
// OffsetDelete, at every version each handler serves, from several connections at once, on a few
// groups, with short session and rebalance timeouts so that the broker's own timers fire in
// between. Whatever the order, every request is answered (no connection is closed on it), the
// broker logs no error, and it goes on serving. The coordinator's rules themselves are checked by
// coordinator-model.test.ts on a manual clock; this covers the handlers and the real timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { Random, RawConnection } from '@sluice/test-kit';
import { startBroker } from '../../src/index.ts';

const GROUPS = ['a', 'b', ''];
const STEPS = 400;

interface Membership {
  memberId: string;
  generationId: number;
  leader: boolean;
  members: string[];
  /** Joined a generation and has not sent its SyncGroup yet: what a real client does next. */
  needsSync: boolean;
}

test('random group requests at every version from several connections are all answered, and nothing is logged as an error', async () => {
  const errors: string[] = [];
  const broker = await startBroker({
    port: 0,
    config: { 'group.initial.rebalance.delay.ms': '20', 'group.min.session.timeout.ms': '100' },
    log: { info() {}, warn() {}, error: (m, e) => errors.push(`${m}: ${e instanceof Error ? e.stack : e}`) },
  });
  const rnd = new Random(13);
  const connections = await Promise.all([0, 1, 2, 3, 4].map(() => RawConnection.open(broker.port)));
  try {
    const admin = connections[0];
    await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    const metadata = await admin.request(Apis.Metadata, 12, { topics: [{ name: 't', topicId: ZERO_UUID }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    const topicId: string = metadata.topics[0].topicId;
    // What each connection last learned of its membership, per group.
    const memberships = connections.map(() => new Map<string, Membership>());
    const pending: Promise<void>[] = [];
    const failed: string[] = [];
    const succeeded = new Set<string>();

    for (let step = 0; step < STEPS; step++) {
      // Mostly chaos, but often the SyncGroup a member owes, so that generations do complete.
      const owing = memberships.flatMap((m, i) => [...m].filter(([, x]) => x.needsSync).map(([g]) => [i, g] as const));
      const followUp = owing.length > 0 && rnd.chance(0.4);
      const [ci, groupId] = followUp ? owing[rnd.int(0, owing.length - 1)] : [rnd.int(0, connections.length - 1), GROUPS[rnd.int(0, GROUPS.length - 1)]];
      const c = connections[ci];
      const me = memberships[ci].get(groupId) ?? { memberId: '', generationId: -1, leader: false, members: [], needsSync: false };
      const pick = followUp ? 25 : rnd.int(0, 99);
      let api: (typeof Apis)[keyof typeof Apis];
      let version: number;
      let body: unknown;
      let onAnswer: (r: any) => void = () => {};
      if (pick < 25) {
        api = Apis.JoinGroup;
        version = rnd.int(0, 9);
        body = {
          groupId,
          sessionTimeoutMs: rnd.chance(0.05) ? 50 : rnd.int(3, 10) * 100,
          ...(version >= 1 && { rebalanceTimeoutMs: rnd.chance(0.1) ? [0, -1][rnd.int(0, 1)] : rnd.int(1, 5) * 100 }),
          memberId: rnd.chance(0.1) ? '' : me.memberId,
          ...(version >= 5 && { groupInstanceId: rnd.chance(0.3) ? `instance-${ci}` : null }),
          protocolType: 'consumer',
          protocols: rnd.chance(0.1) ? [] : [{ name: rnd.chance(0.8) ? 'range' : 'roundrobin', metadata: Buffer.from([0, 1]) }, ...(rnd.chance(0.05) ? [{ name: 'range', metadata: Buffer.from([2]) }] : [])],
        };
        onAnswer = (r) => {
          if (r.errorCode === ErrorCode.NONE || r.errorCode === ErrorCode.MEMBER_ID_REQUIRED) {
            const joined = r.errorCode === ErrorCode.NONE;
            memberships[ci].set(groupId, { memberId: r.memberId, generationId: r.generationId, leader: r.leader === r.memberId, members: r.members.map((m: { memberId: string }) => m.memberId), needsSync: joined });
          }
        };
      } else if (pick < 40) {
        api = Apis.SyncGroup;
        version = rnd.int(0, 5);
        me.needsSync = false;
        body = {
          groupId,
          generationId: me.generationId,
          memberId: me.memberId,
          ...(version >= 5 && { protocolType: 'consumer' }),
          assignments: me.leader ? me.members.map((memberId) => ({ memberId, assignment: Buffer.from([0]) })) : [],
        };
      } else if (pick < 52) {
        api = Apis.Heartbeat;
        version = rnd.int(0, 4);
        body = { groupId, generationId: me.generationId, memberId: me.memberId };
      } else if (pick < 57) {
        api = Apis.LeaveGroup;
        version = rnd.int(0, 5);
        body = version >= 3 ? { groupId, members: rnd.chance(0.1) ? [] : [{ memberId: me.memberId, groupInstanceId: null }] } : { groupId, memberId: me.memberId };
        onAnswer = () => memberships[ci].delete(groupId);
      } else if (pick < 72) {
        api = Apis.OffsetCommit;
        version = rnd.int(2, 10);
        const simple = rnd.chance(0.5);
        body = {
          groupId,
          generationIdOrMemberEpoch: simple ? -1 : me.generationId,
          memberId: simple ? '' : me.memberId,
          topics: [{ ...(version >= 10 ? { topicId } : { name: 't' }), partitions: [{ partitionIndex: rnd.int(-1, 2), committedOffset: BigInt(rnd.int(-1, 100)), committedMetadata: rnd.chance(0.2) ? null : 'm' }] }],
        };
      } else if (pick < 80) {
        api = Apis.OffsetFetch;
        version = rnd.int(1, 10);
        const all = version >= 2 && rnd.chance(0.4);
        const topics = all ? null : [{ ...(version >= 10 ? { topicId } : { name: 't' }), partitionIndexes: [0, 1, 5] }];
        body = version >= 8 ? { groups: [{ groupId, topics }, { groupId: 'never-created', topics }] } : { groupId, topics };
      } else if (pick < 85) {
        api = Apis.DescribeGroups;
        version = rnd.int(0, 6);
        body = { groups: [groupId, 'never-created'], ...(version >= 3 && { includeAuthorizedOperations: rnd.chance(0.5) }) };
      } else if (pick < 88) {
        api = Apis.ListGroups;
        version = rnd.int(0, 5);
        body = version >= 4 && rnd.chance(0.5) ? { statesFilter: ['Stable', 'Empty'] } : {};
      } else if (pick < 94) {
        api = Apis.DeleteGroups;
        version = rnd.int(0, 2);
        body = { groupsNames: [groupId, groupId] };
      } else {
        api = Apis.OffsetDelete;
        version = 0;
        body = { groupId, topics: [{ name: 't', partitions: [{ partitionIndex: rnd.int(0, 1) }] }, { name: 'missing', partitions: [{ partitionIndex: 0 }] }] };
      }
      const what = `step ${step}: ${api.name} v${version} on connection ${ci}, group ${JSON.stringify(groupId)}`;
      const name = api.name;
      pending.push(
        c.request(api, version, body).then(
          (r) => {
            onAnswer(r);
            if (errorCodeOf(r) === ErrorCode.NONE) succeeded.add(name);
          },
          (e: Error) => void failed.push(`${what}: ${e.message}`),
        ),
      );
      // Now and then let the broker's timers and answers catch up with the requests.
      if (rnd.chance(0.1)) await new Promise((resolve) => setTimeout(resolve, rnd.int(0, 60)));
    }
    await Promise.all(pending);
    assert.deepEqual(failed, [], 'every request is answered on its connection');
    assert.deepEqual(errors, [], 'the broker logged no error');
    // Not only refusals: generations formed and commits were stored. (Which later steps succeed
    // depends on the real timers, so only these are required.)
    for (const name of ['JoinGroup', 'OffsetCommit']) assert.ok(succeeded.has(name), `no ${name} succeeded`);
    const versions = await connections[1].request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    assert.equal(versions.errorCode, ErrorCode.NONE);
  } finally {
    for (const c of connections) c.close();
    await broker.close();
  }
});

/** The answer's top-level error code, or that of its first entry (OffsetCommit, DeleteGroups). */
function errorCodeOf(r: any): number | undefined {
  return r.errorCode ?? r.topics?.[0]?.partitions?.[0]?.errorCode ?? r.results?.[0]?.errorCode;
}
