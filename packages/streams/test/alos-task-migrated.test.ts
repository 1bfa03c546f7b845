// at_least_once: an instance whose offset commit the group refuses because it is no longer a
// member (Java's CommitFailedException) does what Kafka Streams 4.3.1 does: TaskExecutor turns
// the failure into a TaskMigratedException, and StreamThread.handleTaskMigrated closes every
// task dirty as lost (TaskManager.handleLostAll), unsubscribes and subscribes again. The instance
// rejoins and goes on RUNNING; the records since the last commit are processed again from the
// committed offsets. (Before, the loop logged the refused commit and carried on with tasks it no
// longer owned, until a heartbeat told its consumer it was out of the group.)
//
// Deterministic: the broker answers the member's heartbeats itself, as if they succeeded, without
// handing them to its group coordinator, which removes the member once its session expires (seen
// through DescribeGroups). The member's consumer cannot learn it from a heartbeat: only the commit
// tells the instance. (Holding the heartbeats instead would hold the commit behind them: a broker
// answers a connection's requests in order.) Expectations are Java's: a member's commit after the broker removed
// it is refused (UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION: Kafka's CommitFailedException), and its
// records are processed again from the last committed offset (none here: from the start).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Broker, startBroker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '@sluice/client';
import { KafkaStreams } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { commitOnMarkerTopology } from './support/commit-on-marker.ts';
import { recordingLogger } from './support/recording-logger.ts';

const APP = 'alos-kicked';
const root = mkdtempSync(join(tmpdir(), 'alos-task-migrated-'));
let broker: Broker;
let admin: Admin;
let producer: Producer;
/** The member whose heartbeats the broker answers without its group coordinator seeing them. */
let zombie: string | null = null;

before(async () => {
  broker = await startBroker({
    port: 0,
    // A short session, so that a member whose heartbeats go unseen is removed quickly.
    config: { 'group.min.session.timeout.ms': '500', 'group.initial.rebalance.delay.ms': '0' },
    interceptRequest(request) {
      const body = request.body as { memberId?: string };
      if (request.apiName !== 'Heartbeat' || zombie === null || body.memberId !== zombie) return undefined;
      return { throttleTimeMs: 0, errorCode: 0 };
    },
  });
  admin = new Admin({ bootstrapServers: broker.bootstrap });
  producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
});

after(async () => {
  await producer?.close();
  await admin?.close();
  await broker?.close();
  rmSync(root, { recursive: true, force: true });
});

async function members(): Promise<string[]> {
  return ((await admin.describeGroups([APP]))[0]?.members ?? []).map((m) => m.memberId);
}

test('at_least_once: a commit refused because the member was removed from the group closes the tasks dirty and rejoins; the instance runs again and no input is lost', { timeout: 60_000 }, async () => {
  await admin.createTopics([
    { name: 'alos-kick-in', numPartitions: 2, replicationFactor: 1 },
    { name: 'alos-kick-out', numPartitions: 1, replicationFactor: 1 },
  ]);
  const log = recordingLogger();
  const streams = new KafkaStreams(commitOnMarkerTopology('alos-kick-in', 'alos-kick-out'), {
    applicationId: APP,
    bootstrapServers: broker.bootstrap,
    stateDir: join(root, 'state'),
    logger: log,
    commitIntervalMs: 600_000,
    consumer: { sessionTimeoutMs: 1500, heartbeatIntervalMs: 200 },
  });
  const states: string[] = [];
  streams.setStateListener((next) => states.push(next));
  const reader = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest' });
  reader.assign([{ topic: 'alos-kick-out', partition: 0 }]);
  const seen = new Map<string, number>();
  const read = async (): Promise<void> => {
    for (const r of await reader.poll({ timeoutMs: 200 })) seen.set(String(r.value), (seen.get(String(r.value)) ?? 0) + 1);
  };
  const first = Array.from({ length: 20 }, (_, i) => `a${i}`);
  const later = Array.from({ length: 20 }, (_, i) => `c${i}`);
  try {
    await streams.start();
    await eventually('the instance running', () => streams.state() === 'RUNNING', 30_000);
    await producer.sendBatch(first.map((value, i) => ({ topic: 'alos-kick-in', key: `k${i}`, value })));
    await eventually('the first records processed', async () => (await read(), first.every((v) => seen.has(v))), 30_000);

    const [removed] = await members();
    assert.ok(removed, 'the instance is a member of its group');
    zombie = removed;
    await eventually('the member removed from the group once its session expired', async () => !(await members()).includes(removed), 30_000);
    const statesBefore = states.length;
    await producer.send({ topic: 'alos-kick-in', key: 'k0', value: 'commit' });
    await eventually('the refused commit seen as a task migration: the instance rebalancing', () => states.slice(statesBefore).includes('REBALANCING') || states.includes('ERROR'), 30_000);
    assert.ok(!states.includes('ERROR'), `the instance did not fail (states: ${states.join(' → ')}):\n${log.warnings.join('\n')}`);
    assert.ok(log.warnings.some((w) => /UNKNOWN_MEMBER_ID|ILLEGAL_GENERATION/.test(w)), `the group refused the offsets of a member no longer in it:\n${log.warnings.join('\n')}`);

    await eventually('the instance running again, as a new member', async () => streams.state() === 'RUNNING' && (await members()).some((m) => m !== removed), 30_000);
    await producer.sendBatch(later.map((value, i) => ({ topic: 'alos-kick-in', key: `k${i}`, value })));
    const all = [...first, 'commit', ...later];
    await eventually('every input in the output', async () => (await read(), all.every((v) => seen.has(v))), 30_000);
    // Nothing was committed before the refused commit: the new assignment started over from the
    // start, so the first records and the 'commit' record were processed again.
    await eventually('the uncommitted records processed again', async () => (await read(), [...first, 'commit'].every((v) => (seen.get(v) ?? 0) >= 2)), 30_000);
    assert.deepEqual([...seen.keys()].filter((v) => !all.includes(v)), [], 'no output that no input gave');
    assert.equal(streams.state(), 'RUNNING');
    assert.ok(!states.includes('ERROR') && !states.includes('PENDING_ERROR'), `the instance did not fail (states: ${states.join(' → ')})`);
  } finally {
    zombie = null;
    await reader.close();
    await streams.close();
  }
});
