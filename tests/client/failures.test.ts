// @sluice/client through failures of a Sluice broker process: restarted with kill -9 in the middle
// of producing (idempotence: nothing lost, nothing twice, order kept) and in the middle of
// consuming (the group resumes from its commits), and members leaving and joining a group while
// records flow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Admin, Consumer, type ConsumerOptions, Producer, type RecordMetadata } from '@sluice/client';
import { type BrokerProcess, eventually, startBrokerProcess } from '@sluice/test-kit';
import { uniqueName } from './targets.ts';

let dataDir: string;
let port: number;
let broker: BrokerProcess;
let bootstrap: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sluice-client-failures-'));
  // The broker chooses its port (one picked beforehand may be taken before it binds it); restarts take the same one.
  broker = await startBrokerProcess(0, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0']);
  port = broker.port;
  bootstrap = `127.0.0.1:${port}`;
});
after(() => {
  broker.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function killAndRestart(): Promise<void> {
  broker.child.kill('SIGKILL');
  await broker.exited;
  broker = await startBrokerProcess(port, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0']);
}

async function createTopic(partitions: number): Promise<string> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  const name = uniqueName('failures');
  await admin.createTopics([{ name, numPartitions: partitions }]);
  await admin.close();
  return name;
}

const consumerOptions = (group: string): ConsumerOptions => ({
  bootstrapServers: bootstrap,
  groupId: group,
  autoOffsetReset: 'earliest',
  enableAutoCommit: false,
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 300,
  fetchMaxWaitMs: 100,
  retryBackoffMaxMs: 200,
  reconnectBackoffMaxMs: 200,
});

test('broker killed mid-produce: idempotent sends all succeed, each record once, in order', { timeout: 300_000 }, async () => {
  const name = await createTopic(3);
  const TOTAL = 30_000;
  const producer = new Producer({ bootstrapServers: bootstrap, requestTimeoutMs: 5000, retryBackoffMaxMs: 200, reconnectBackoffMaxMs: 200 });
  let acked = 0;
  const sends: Promise<RecordMetadata>[] = [];
  let restarted: Promise<void> | null = null;
  let ackedAtKill = 0;
  for (let i = 0; i < TOTAL; i++) {
    const send = producer.send({ topic: name, key: `k${i % 97}`, value: String(i) });
    send.then(() => acked++, () => {});
    sends.push(send);
    if (i % 500 === 499) {
      // Let the broker take in some records between bursts, and kill it a third of the way in.
      await new Promise((r) => setTimeout(r, 5));
      if (!restarted && acked > TOTAL / 3) {
        ackedAtKill = acked;
        restarted = killAndRestart();
      }
    }
  }
  const results = await Promise.allSettled(sends);
  await restarted;
  await producer.close();
  const failed = results.filter((r) => r.status === 'rejected');
  assert.equal(failed.length, 0, `sends failed: ${failed.slice(0, 3).map((r) => String((r as PromiseRejectedResult).reason)).join('; ')}`);
  assert.ok(restarted && ackedAtKill < TOTAL, `the broker was killed with sends in flight (${ackedAtKill} of ${TOTAL} acknowledged)`);

  const reader = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
  reader.assign([0, 1, 2].map((partition) => ({ topic: name, partition })));
  const perPartition: number[][] = [[], [], []];
  let read = 0;
  for (const deadline = Date.now() + 120_000; read < TOTAL && Date.now() < deadline; ) {
    for (const r of await reader.poll({ timeoutMs: 1000 })) {
      perPartition[r.partition].push(Number(r.value!.toString()));
      read++;
    }
  }
  for (const r of await reader.poll({ timeoutMs: 500 })) perPartition[r.partition].push(Number(r.value!.toString()));
  await reader.close();
  const all = perPartition.flat();
  assert.equal(all.length, TOTAL, 'each record exactly once');
  assert.equal(new Set(all).size, TOTAL);
  for (const values of perPartition) {
    for (let i = 1; i < values.length; i++) assert.ok(values[i] > values[i - 1], `send order kept within a partition (${values[i - 1]} before ${values[i]})`);
  }
});

test('broker killed mid-consume: the group resumes from its commits', { timeout: 300_000 }, async () => {
  const name = await createTopic(4);
  const TOTAL = 8000;
  const producer = new Producer({ bootstrapServers: bootstrap });
  const padding = '.'.repeat(500);
  await producer.sendBatch(Array.from({ length: TOTAL }, (_, i) => ({ topic: name, key: `k${i}`, value: `${i}${padding}` })));
  await producer.close();

  const group = uniqueName('resume');
  // Small fetches, so that most records are still on the broker when it is killed.
  const consumer = new Consumer({ ...consumerOptions(group), maxPollRecords: 100, maxPartitionFetchBytes: 16_384, fetchMaxBytes: 65_536 });
  consumer.subscribe(name);
  const counts = new Map<number, number>();
  /** Offsets committed per partition when the broker was killed: nothing below may come again. */
  let committedAtKill: Map<number, bigint> | null = null;
  const redelivered: string[] = [];
  let fetchedAtKill = 0;
  for (const deadline = Date.now() + 180_000; counts.size < TOTAL && Date.now() < deadline; ) {
    let records;
    try {
      records = await consumer.poll({ timeoutMs: 1000 });
    } catch {
      continue; // the broker is away; the consumer reconnects and rejoins by itself
    }
    for (const r of records) {
      const v = parseInt(r.value!.toString(), 10);
      counts.set(v, (counts.get(v) ?? 0) + 1);
      const floor = committedAtKill?.get(r.partition);
      if (counts.get(v)! > 1 && floor !== undefined && r.offset < floor) redelivered.push(`${r.partition}:${r.offset}`);
    }
    try {
      await consumer.commit();
    } catch {
      // A commit in flight when the broker died, or during the rejoin: the next one covers it.
    }
    if (!committedAtKill && counts.size > TOTAL / 3) {
      const committed = await consumer.committed(consumer.assignment());
      committedAtKill = new Map(committed.map((c) => [c.partition, c.offset ?? 0n]));
      fetchedAtKill = counts.size;
      await killAndRestart();
    }
  }
  assert.ok(committedAtKill && fetchedAtKill < TOTAL, `the broker was killed during consumption (${fetchedAtKill} of ${TOTAL} records fetched)`);
  assert.equal(counts.size, TOTAL, 'every record was consumed');
  assert.deepEqual(redelivered, [], 'no committed record was delivered again');
  await consumer.commit();
  const committed = await consumer.committed([0, 1, 2, 3].map((partition) => ({ topic: name, partition })));
  const ends = await consumer.endOffsets([0, 1, 2, 3].map((partition) => ({ topic: name, partition })));
  assert.deepEqual(
    committed.map((c) => c.offset),
    ends.map((e) => e.offset),
  );
  await consumer.close();
});

test('members leave and join while records flow: every record consumed, all committed', { timeout: 300_000 }, async () => {
  const name = await createTopic(6);
  const group = uniqueName('churn');
  const TOTAL = 6000;
  const seen = new Set<number>();
  const running = new Map<string, { consumer: Consumer; loop: Promise<void> }>();
  const start = (id: string) => {
    const consumer = new Consumer({ ...consumerOptions(group), partitionAssigners: ['cooperative-sticky'], enableAutoCommit: true, autoCommitIntervalMs: 200 });
    consumer.subscribe(name);
    const loop = (async () => {
      for await (const batch of consumer) for (const r of batch.records) seen.add(Number(r.value!.toString()));
    })();
    running.set(id, { consumer, loop });
  };
  const stop = async (id: string) => {
    const m = running.get(id)!;
    running.delete(id);
    await m.consumer.close();
    await m.loop;
  };
  for (const id of ['a', 'b', 'c']) start(id);

  const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 5 });
  for (let chunk = 0; chunk < 30; chunk++) {
    await producer.sendBatch(Array.from({ length: TOTAL / 30 }, (_, i) => ({ topic: name, key: `k${i}`, value: String(chunk * (TOTAL / 30) + i) })));
    if (chunk === 8) await stop('a');
    if (chunk === 14) start('d');
    if (chunk === 20) await stop('b');
    if (chunk === 24) start('e');
    await new Promise((r) => setTimeout(r, 50));
  }
  await producer.close();
  await eventually('every record consumed', () => (seen.size === TOTAL ? true : undefined), 120_000);

  // At-least-once: a commit refused during a rebalance (REBALANCE_IN_PROGRESS, as Kafka answers)
  // makes the next owner read part of a partition again. The records are all seen by then, so
  // wait for the group's commits to reach the end while the members still run and auto-commit;
  // only then stop them, and check that closing moved no commit back.
  const admin = new Admin({ bootstrapServers: bootstrap });
  const partitions = [0, 1, 2, 3, 4, 5];
  const ends = await admin.listOffsets(partitions.map((partition) => ({ topic: name, partition, spec: 'latest' as const })));
  const endOffsets = ends.map((e) => [e.partition, e.offset]);
  const committedOffsets = async () =>
    (await admin.listGroupOffsets(group)).map((c) => [c.partition, c.offset]).sort((x, y) => Number(x[0]) - Number(y[0]));
  await eventually('the group committed every partition to its end', async () => (isDeepStrictEqual(await committedOffsets(), endOffsets) ? true : undefined), 120_000);
  for (const id of [...running.keys()]) await stop(id);
  assert.deepEqual(await committedOffsets(), endOffsets);
  await admin.close();
});
