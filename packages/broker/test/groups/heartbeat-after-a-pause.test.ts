// A broker process paused longer than a member's session (a loaded machine, a long garbage
// collection) wakes with the member's session expiry overdue and the member's heartbeat waiting in
// its socket; Node runs the overdue timer before it reads the socket. The heartbeat, sent in time,
// keeps the member: the coordinator's timers act after the event loop has read what came meanwhile.
// (Before, the member was removed and its heartbeat answered UNKNOWN_MEMBER_ID; tests whose broker
// shares the test's process saw live members expire and their groups rebalance under them.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker } from '@sluice/broker';
import { Apis, ErrorCode } from '@sluice/protocol';
import { RawConnection } from '@sluice/test-kit';

/** Holds this process's event loop (the broker's too), as a pause of the process does. */
function pause(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

const SESSION_MS = 500;

test("a heartbeat sent before the broker's pause keeps the member whose session expired during it", async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': String(SESSION_MS) } });
  const c = await RawConnection.open(broker.port);
  try {
    // v3: joins at once, no member id round trip.
    const joined = await c.request(Apis.JoinGroup, 3, { groupId: 'g', sessionTimeoutMs: SESSION_MS, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from('m') }] });
    assert.equal(joined.errorCode, ErrorCode.NONE);
    const { generationId, memberId } = joined;
    const synced = await c.request(Apis.SyncGroup, 3, { groupId: 'g', generationId, memberId, assignments: [{ memberId, assignment: Buffer.from([7]) }] });
    assert.equal(synced.errorCode, ErrorCode.NONE);
    // Written now, within the session; read by the broker only once the pause is over.
    const heartbeat = c.request(Apis.Heartbeat, 3, { groupId: 'g', generationId, memberId, groupInstanceId: null });
    pause(SESSION_MS * 3);
    assert.equal((await heartbeat).errorCode, ErrorCode.NONE, 'the member kept its place');
    const again = await c.request(Apis.Heartbeat, 3, { groupId: 'g', generationId, memberId, groupInstanceId: null });
    assert.equal(again.errorCode, ErrorCode.NONE, 'and is still in the generation');
  } finally {
    c.close();
    await broker.close();
  }
});

test('a member that sent nothing is still removed when its session ends, pause or not', async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': String(SESSION_MS) } });
  const c = await RawConnection.open(broker.port);
  try {
    const joined = await c.request(Apis.JoinGroup, 3, { groupId: 'g', sessionTimeoutMs: SESSION_MS, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from('m') }] });
    const { generationId, memberId } = joined;
    await c.request(Apis.SyncGroup, 3, { groupId: 'g', generationId, memberId, assignments: [{ memberId, assignment: Buffer.from([7]) }] });
    pause(SESSION_MS * 3);
    // Let the overdue expiry run before the heartbeat is written.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await c.request(Apis.Heartbeat, 3, { groupId: 'g', generationId, memberId, groupInstanceId: null });
    assert.equal(late.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  } finally {
    c.close();
    await broker.close();
  }
});
