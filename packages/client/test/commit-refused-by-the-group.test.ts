// An OffsetCommit the group refuses with UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION, judged as Java's
// ConsumerCoordinator (OffsetCommitResponseHandler, kafka-clients 4.3.1) judges it, against the
// generation the commit was sent with and the member's state when the answer arrives:
// - the member has already moved on (its generation was reset by a heartbeat answer and it is
//   rejoining): only a stale answer, reported as a rebalance in progress (COMMIT_FAILED caused by
//   REBALANCE_IN_PROGRESS; Java's RebalanceInProgressException), the generation left alone;
// - otherwise Java's CommitFailedException (COMMIT_FAILED caused by the answer), and the member's
//   generation is reset (its member id too, except after ILLEGAL_GENERATION) and it rejoins.
// And REBALANCE_IN_PROGRESS makes a stable member rejoin, keeping its generation.
// The answers are scripted on a real broker (startBroker's interceptRequest). A broker handles a
// connection's requests one at a time, in order, so a heartbeat held there keeps the commit sent
// after it waiting: its answer (ILLEGAL_GENERATION) reaches the member before the commit's does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { ErrorCode } from '@sluice/protocol';
import { type Broker, startBroker } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { Admin, Consumer, KafkaError } from '../src/index.ts';
import { ClientChannels, type ClientMemberStateMessage } from '../src/diagnostics.ts';
import { Connection } from '../src/network/connection.ts';

interface Gate {
  promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** What the broker does instead of answering, by API name (each used once). */
const scripted = new Map<string, (body: any) => Promise<unknown> | unknown>();
const joinRequests: { groupId: string; memberId: string }[] = [];
let broker: Broker;
let admin: Admin;
const topic = 'refused-commits';

before(async () => {
  broker = await startBroker({
    port: 0,
    config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '500' },
    async interceptRequest(request) {
      const body = request.body as any;
      if (request.apiName === 'JoinGroup') joinRequests.push({ groupId: body.groupId, memberId: body.memberId });
      const answer = scripted.get(request.apiName);
      if (!answer) return undefined;
      scripted.delete(request.apiName);
      return answer(body);
    },
  });
  admin = new Admin({ bootstrapServers: broker.bootstrap });
  await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
});
after(async () => {
  await admin.close();
  await broker.close();
});

/** The OffsetCommit answer refusing every partition of the request with `errorCode`. */
function refuseCommit(body: any, errorCode: number) {
  return {
    throttleTimeMs: 0,
    topics: body.topics.map((t: any) => ({ name: t.name, partitions: t.partitions.map((p: any) => ({ partitionIndex: p.partitionIndex, errorCode })) })),
  };
}

let groups = 0;
async function stableConsumer() {
  const groupId = `refused-commits-${++groups}`;
  const consumer = new Consumer({
    bootstrapServers: broker.bootstrap,
    groupId,
    enableAutoCommit: false,
    autoOffsetReset: 'earliest',
    heartbeatIntervalMs: 100,
    // Short, so that a member id forgotten by its consumer expires soon from the group.
    sessionTimeoutMs: 2000,
    partitionAssigners: ['range'],
  });
  consumer.subscribe([topic]);
  for (;;) {
    await consumer.poll({ timeoutMs: 100 });
    if (consumer.assignment().length === 1 && (consumer.groupMetadata()?.generationId ?? -1) >= 0) break;
  }
  return { consumer, groupId, generation: consumer.groupMetadata()! };
}

async function commitError(consumer: Consumer): Promise<KafkaError> {
  try {
    await consumer.commit({ offsets: [{ topic, partition: 0, offset: 1n }] });
  } catch (e) {
    assert.ok(e instanceof KafkaError, String(e));
    return e;
  }
  assert.fail('the commit succeeded');
}

const causeOf = (e: KafkaError) => e.cause as KafkaError | undefined;

test('ILLEGAL_GENERATION answered after a heartbeat reset the generation and the member is rejoining: a rebalance in progress, not a failed commit', { timeout: 60_000 }, async () => {
  const { consumer, groupId, generation } = await stableConsumer();
  const states: ClientMemberStateMessage[] = [];
  const onState = (m: unknown) => states.push(m as ClientMemberStateMessage);
  diagnosticsChannel.subscribe(ClientChannels.memberState, onState);
  const originalRequest = Connection.prototype.request;
  try {
    // The next heartbeat waits on the broker; its answer will say the generation is over.
    const heartbeatHeld = gate();
    const releaseHeartbeat = gate();
    scripted.set('Heartbeat', async () => {
      heartbeatHeld.open();
      await releaseHeartbeat.promise;
      return { throttleTimeMs: 0, errorCode: ErrorCode.ILLEGAL_GENERATION };
    });
    await heartbeatHeld.promise;

    // The commit is sent with the current generation, behind the held heartbeat.
    const commitWritten = gate();
    Connection.prototype.request = function (this: Connection, ...args: Parameters<Connection['request']>) {
      const sent = originalRequest.apply(this, args);
      if (args[0].name === 'OffsetCommit') commitWritten.open();
      return sent;
    } as Connection['request'];
    // The broker takes the commit up once the member is rejoining with its generation reset.
    scripted.set('OffsetCommit', async (body: any) => {
      assert.equal(body.generationIdOrMemberEpoch, generation.generationId);
      await eventually('the member rejoining', () => states.some((s) => s.groupId === groupId && s.to === 'joining' && s.generationId === -1));
      return refuseCommit(body, ErrorCode.ILLEGAL_GENERATION);
    });
    const failure = commitError(consumer);
    await commitWritten.promise;
    Connection.prototype.request = originalRequest;
    releaseHeartbeat.open();

    const e = await failure;
    assert.equal(e.code, 'COMMIT_FAILED');
    assert.equal(causeOf(e)?.code, 'REBALANCE_IN_PROGRESS', e.message);
    // The broker's own answer is kept underneath, for the record.
    assert.equal((causeOf(e)?.cause as KafkaError | undefined)?.code, 'ILLEGAL_GENERATION');
    // The member went on with its rejoin under its own member id: the stale answer reset nothing.
    await eventually('a new generation', () => (consumer.groupMetadata()?.generationId ?? -1) > generation.generationId);
    assert.equal(consumer.groupMetadata()?.memberId, generation.memberId);
    assert.deepEqual(
      joinRequests.filter((j) => j.groupId === groupId).map((j) => j.memberId).slice(-1),
      [generation.memberId],
    );
  } finally {
    Connection.prototype.request = originalRequest;
    diagnosticsChannel.unsubscribe(ClientChannels.memberState, onState);
    scripted.clear();
    await consumer.close();
  }
});

for (const [answer, keepsMemberId] of [
  ['UNKNOWN_MEMBER_ID', false],
  ['ILLEGAL_GENERATION', true],
] as const) {
  test(`${answer} answered to a stable member: a failed commit; the generation is reset (${keepsMemberId ? 'the member id kept' : 'and the member id'}) and the member rejoins`, { timeout: 60_000 }, async () => {
    const { consumer, groupId, generation } = await stableConsumer();
    try {
      const joinsBefore = joinRequests.filter((j) => j.groupId === groupId).length;
      scripted.set('OffsetCommit', (body: any) => refuseCommit(body, ErrorCode[answer]));
      const e = await commitError(consumer);
      assert.equal(e.code, 'COMMIT_FAILED');
      assert.equal(causeOf(e)?.code, answer);
      // Reset as the answer is handled (the rejoin that follows needs the broker's answers first).
      assert.equal(consumer.groupMetadata()?.generationId, -1);
      assert.equal(consumer.groupMetadata()?.memberId, keepsMemberId ? generation.memberId : '');
      const rejoin = await eventually('a rejoin', () => joinRequests.filter((j) => j.groupId === groupId)[joinsBefore]);
      assert.equal(rejoin.memberId, keepsMemberId ? generation.memberId : '');
      await eventually('stable again', () => (consumer.groupMetadata()?.generationId ?? -1) >= 0 && consumer.assignment().length === 1);
    } finally {
      scripted.clear();
      await consumer.close();
    }
  });
}

test('REBALANCE_IN_PROGRESS answered to a stable member: the member rejoins under its generation and member id', { timeout: 60_000 }, async () => {
  const { consumer, groupId, generation } = await stableConsumer();
  try {
    const joinsBefore = joinRequests.filter((j) => j.groupId === groupId).length;
    scripted.set('OffsetCommit', (body: any) => refuseCommit(body, ErrorCode.REBALANCE_IN_PROGRESS));
    const e = await commitError(consumer);
    assert.equal(e.code, 'COMMIT_FAILED');
    assert.equal(causeOf(e)?.code, 'REBALANCE_IN_PROGRESS');
    assert.deepEqual(consumer.groupMetadata(), { ...generation });
    const rejoin = await eventually('a rejoin', () => joinRequests.filter((j) => j.groupId === groupId)[joinsBefore]);
    assert.equal(rejoin.memberId, generation.memberId);
  } finally {
    scripted.clear();
    await consumer.close();
  }
});
