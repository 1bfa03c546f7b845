// The group member's state machine (group/member.ts) on a real broker whose answers to chosen
// requests are scripted through startBroker's interceptRequest: join → sync → stable, the
// KIP-394 MEMBER_ID_REQUIRED round trip, rejoining on REBALANCE_IN_PROGRESS, a reset member id
// on UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID as fatal, and rediscovery of a coordinator that moved.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import type { KafkaError } from '../src/errors.ts';
import { GroupMember } from '../src/group/member.ts';
import type { GroupProtocolHandler } from '../src/group/protocol-handler.ts';
import { Cluster } from '../src/network/cluster.ts';
import { eventually } from '@sluice/test-kit';

interface Seen {
  apiName: string;
  body: any;
}

/** What the test answers instead of the broker: by API name, consumed once each. */
let script: Map<string, unknown[]>;
let seen: Seen[];
let broker: Broker;

before(async () => {
  broker = await startBroker({
    port: 0,
    // No initial delay, and session timeouts short enough for a forgotten member to expire soon.
    config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '500' },
    interceptRequest(request) {
      seen.push({ apiName: request.apiName, body: request.body });
      const queue = script.get(request.apiName);
      return queue && queue.length > 0 ? queue.shift() : undefined;
    },
  });
});
after(() => broker.close());
beforeEach(() => {
  script = new Map();
  seen = [];
});

function answerNext(apiName: string, body: unknown): void {
  if (!script.has(apiName)) script.set(apiName, []);
  script.get(apiName)!.push(body);
}

const heartbeatError = (errorCode: number) => ({ throttleTimeMs: 0, errorCode });
const joinError = (errorCode: number) => ({
  throttleTimeMs: 0,
  errorCode,
  generationId: -1,
  protocolType: null,
  protocolName: null,
  leader: '',
  skipAssignment: false,
  memberId: '',
  members: [],
});

class RecordingHandler implements GroupProtocolHandler {
  readonly protocolType = 'consumer';
  readonly completed: { generationId: number; memberId: string; assignment: string }[] = [];
  readonly prepared: number[] = [];
  joinProtocols() {
    return [{ name: 'test', metadata: Buffer.from('meta') }];
  }
  async onJoinPrepare(info: { generationId: number }) {
    this.prepared.push(info.generationId);
  }
  async performAssignment(info: { members: { memberId: string }[]; generationId: number }) {
    return new Map(info.members.map((m) => [m.memberId, Buffer.from(`for ${m.memberId} in ${info.generationId}`)]));
  }
  async onJoinComplete(info: { generationId: number; memberId: string; assignment: Buffer }) {
    this.completed.push({ generationId: info.generationId, memberId: info.memberId, assignment: info.assignment.toString() });
  }
}

let groupCount = 0;

function newMember(groupInstanceId: string | null = null) {
  const cluster = new Cluster({
    bootstrapServers: broker.bootstrap,
    clientId: 'member-test',
    requestTimeoutMs: 5000,
    connectionTimeoutMs: 5000,
    reconnectBackoffMs: 10,
    reconnectBackoffMaxMs: 50,
    retryBackoffMs: 10,
    retryBackoffMaxMs: 50,
    metadataMaxAgeMs: 300_000,
    tls: undefined,
    sasl: undefined,
  });
  const handler = new RecordingHandler();
  const member = new GroupMember(
    cluster,
    {
      groupId: `member-test-${++groupCount}`,
      groupInstanceId,
      sessionTimeoutMs: 1000,
      rebalanceTimeoutMs: 1000,
      heartbeatIntervalMs: 20,
      requestTimeoutMs: 5000,
      retryBackoffMs: 10,
      retryBackoffMaxMs: 50,
    },
    handler,
  );
  const close = async () => {
    await member.close();
    cluster.close();
  };
  return { member, handler, close };
}

const requests = (apiName: string) => seen.filter((s) => s.apiName === apiName);

test('join, MEMBER_ID_REQUIRED rejoin with the given id, sync, stable with the assignment the leader made', async () => {
  const { member, handler, close } = newMember();
  try {
    member.start();
    await member.whenStable();
    assert.equal(member.state, 'stable');
    assert.ok(member.memberId !== '');
    assert.ok(member.generationId >= 1);
    assert.ok(member.isLeader);
    // The broker's first answer is MEMBER_ID_REQUIRED with an id; the member rejoins with it.
    assert.deepEqual(requests('JoinGroup').map((r) => r.body.memberId), ['', member.memberId]);
    const sync = requests('SyncGroup');
    assert.equal(sync.length, 1);
    assert.equal(sync[0].body.generationId, member.generationId);
    assert.deepEqual(handler.prepared, [-1]);
    assert.deepEqual(handler.completed, [
      { generationId: member.generationId, memberId: member.memberId, assignment: `for ${member.memberId} in ${member.generationId}` },
    ]);
    await eventually('a heartbeat while stable', () => requests('Heartbeat').length > 0);
    assert.equal(requests('Heartbeat')[0].body.memberId, member.memberId);
  } finally {
    await close();
  }
});

test('REBALANCE_IN_PROGRESS on a heartbeat makes the member rejoin with its id and reach the next generation', async () => {
  const { member, handler, close } = newMember();
  try {
    member.start();
    await member.whenStable();
    const { generationId, memberId } = member;
    const joinsBefore = requests('JoinGroup').length;
    answerNext('Heartbeat', heartbeatError(ErrorCode.REBALANCE_IN_PROGRESS));
    await eventually('the next generation', () => member.generationId > generationId && member.isStable);
    const rejoin = requests('JoinGroup')[joinsBefore];
    assert.equal(rejoin.body.memberId, memberId);
    assert.equal(rejoin.body.reason, 'the group is rebalancing');
    assert.equal(member.memberId, memberId);
    assert.deepEqual(handler.prepared, [-1, generationId]);
  } finally {
    await close();
  }
});

test('UNKNOWN_MEMBER_ID on a heartbeat resets the member id and generation, and the member joins anew', async () => {
  const { member, handler, close } = newMember();
  try {
    member.start();
    await member.whenStable();
    const { memberId } = member;
    const joinsBefore = requests('JoinGroup').length;
    answerNext('Heartbeat', heartbeatError(ErrorCode.UNKNOWN_MEMBER_ID));
    await eventually('a new membership', () => member.isStable && member.memberId !== memberId);
    const rejoin = requests('JoinGroup')[joinsBefore];
    assert.equal(rejoin.body.memberId, '');
    assert.equal(rejoin.body.reason, 'the coordinator no longer knows this member');
    // The lost membership is announced to the handler as generation -1: it owns nothing for sure.
    assert.equal(handler.prepared.at(-1), -1);
  } finally {
    await close();
  }
});

test('FENCED_INSTANCE_ID is fatal: on JoinGroup whenStable rejects, on a heartbeat onFatal fires', async () => {
  {
    const { member, close } = newMember('fenced-at-join');
    try {
      answerNext('JoinGroup', joinError(ErrorCode.FENCED_INSTANCE_ID));
      member.start();
      await assert.rejects(member.whenStable(), (e: KafkaError) => e.code === 'FENCED_INSTANCE_ID' && !e.retriable);
      assert.equal(member.fatalError?.code, 'FENCED_INSTANCE_ID');
      assert.equal(requests('JoinGroup').length, 1, 'no retry after a fatal error');
    } finally {
      await close();
    }
  }
  seen = [];
  {
    const { member, close } = newMember('fenced-at-heartbeat');
    try {
      const fatal: KafkaError[] = [];
      member.onFatal = (e) => fatal.push(e);
      member.start();
      await member.whenStable();
      answerNext('Heartbeat', heartbeatError(ErrorCode.FENCED_INSTANCE_ID));
      await eventually('onFatal', () => fatal.length > 0);
      assert.equal(fatal[0].code, 'FENCED_INSTANCE_ID');
      assert.match(fatal[0].message, /fenced-at-heartbeat/);
      await assert.rejects(member.whenStable(), (e: KafkaError) => e.code === 'FENCED_INSTANCE_ID');
    } finally {
      await close();
    }
  }
});

test('NOT_COORDINATOR on JoinGroup and on a heartbeat makes the member find the coordinator again', async () => {
  const { member, close } = newMember();
  try {
    answerNext('JoinGroup', joinError(ErrorCode.NOT_COORDINATOR));
    member.start();
    await member.whenStable();
    const names = seen.map((s) => s.apiName).filter((n) => n === 'FindCoordinator' || n === 'JoinGroup');
    // Found, refused as not the coordinator, found again, then the normal two joins.
    assert.deepEqual(names.slice(0, 3), ['FindCoordinator', 'JoinGroup', 'FindCoordinator']);
    const finds = requests('FindCoordinator').length;
    answerNext('Heartbeat', heartbeatError(ErrorCode.NOT_COORDINATOR));
    await eventually('a FindCoordinator after the heartbeat', () => requests('FindCoordinator').length > finds);
    assert.ok(member.isStable, 'a moved coordinator is no reason to rebalance');
  } finally {
    await close();
  }
});
