// The stream thread keeps going where Kafka Streams 4.3.1's does (runtime/stream-thread.ts):
// - a backlog processed slowly still leaves timers and sockets their turns (Node has one thread:
//   a turn that processed the whole fetch buffer starved heartbeats and timers for seconds);
// - a restore whose end offsets time out (a broker restarting) is tried again within
//   task.timeout.ms instead of failing the instance (Java's StoreChangelogReader);
// - so is a new task's read of the offsets committed for its input (Java's TaskManager retries
//   a task's initialization), and past task.timeout.ms the instance fails with TASK_TIMEOUT;
// - a close during such a retry ends it at once (Java's StreamThread leaves its loop on shutdown);
// - under exactly_once_v2, an initTransactions that times out is tried again, until task.timeout.ms
//   (Java's StreamsProducer.initTransaction rethrows the timeout to a task's initialization);
// - a global store's restore at start tries its timed out calls again, and fails with TASK_TIMEOUT
//   once task.timeout.ms passes without progress, empty polls included (Java's GlobalStateManagerImpl);
// - the read of a source's offset reset policy is tried again too, without limit (Java's consumer
//   resets inside poll, and task.timeout.ms does not apply), its partition paused meanwhile,
//   even once its task's restore ends;
// - under exactly_once_v2, an instance kicked out of its group while a transaction is open gets
//   its TxnOffsetCommit refused (UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION) and its pending sends
//   refused as abortable: that is a TaskMigrated (close dirty, rejoin), not an ERROR, and the
//   production exception handler is not asked about those sends.
// One in-process broker for the file; its interceptor holds chosen requests while a test says so.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Broker, startBroker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '@sluice/client';
import { Consumed, KafkaStreams, Materialized, type ProcessorContext, Serdes, StreamsBuilder, StreamsError, StreamsErrorCode, type Topology } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { commitOnMarkerTopology } from './support/commit-on-marker.ts';
import { recordingLogger } from './support/recording-logger.ts';

const root = mkdtempSync(join(tmpdir(), 'stream-thread-resilience-'));
let broker: Broker;
let admin: Admin;
let producer: Producer;
/** Which requests the broker holds (or refuses) now, and the releases of those held. */
const hold = { endOffsetsOf: null as string | null, fetchesOfClient: null as string | null, heartbeatsOf: null as string | null, refuseProducesOf: null as string | null, refuseOffsetFetchesOf: null as string | null, refuseInitProducerIdsOf: null as string | null, refuseTaskReadsOf: null as string | null, refuseResetReadsOf: null as { group: string; topic: string } | null };
let released: (() => void)[] = [];
let endOffsetRequests = 0;
let producesRefused = 0;
let offsetFetchesRefused = 0;
let initProducerIdsRefused = 0;
/** OffsetFetch requests of `hold.refuseTaskReadsOf` seen so far, and the furthest offset its main consumer fetched from. */
let taskReadGroupFetches = 0;
let mainConsumerFetchOffset = -1n;

/** Refuses the group's reads of committed offsets but its consumer's first (see the interceptor). */
function refuseTaskReads(group: string): void {
  taskReadGroupFetches = 0;
  mainConsumerFetchOffset = -1n;
  hold.refuseTaskReadsOf = group;
}
let resetReadsRefused = 0;

function release(): void {
  hold.endOffsetsOf = null;
  hold.fetchesOfClient = null;
  hold.heartbeatsOf = null;
  hold.refuseProducesOf = null;
  hold.refuseOffsetFetchesOf = null;
  hold.refuseInitProducerIdsOf = null;
  hold.refuseTaskReadsOf = null;
  hold.refuseResetReadsOf = null;
  const r = released;
  released = [];
  for (const f of r) f();
}

/** An OffsetFetch answer refusing the read as a coordinator still loading the group's offsets after a restart does (retriable). */
function coordinatorLoading(apiVersion: number, groups: { groupId: string }[] | undefined): unknown {
  const COORDINATOR_LOAD_IN_PROGRESS = 14;
  return apiVersion >= 8
    ? { throttleTimeMs: 0, groups: groups!.map((g) => ({ groupId: g.groupId, topics: [], errorCode: COORDINATOR_LOAD_IN_PROGRESS })) }
    : { throttleTimeMs: 0, topics: [], errorCode: COORDINATOR_LOAD_IN_PROGRESS };
}

before(async () => {
  broker = await startBroker({
    port: 0,
    // A short session, so that a member whose heartbeats are held is removed quickly.
    config: { 'group.min.session.timeout.ms': '500', 'group.initial.rebalance.delay.ms': '0' },
    interceptRequest(request) {
      const body = request.body as { isolationLevel?: number; topics?: { name: string }[]; groupId?: string; groups?: { groupId: string; topics?: { name: string }[] | null }[]; transactionalId?: string | null; topicData?: { name: string; topicId: string; partitionData: { index: number }[] }[] };
      // A group's committed offsets refused as by a coordinator still loading them after a restart (retriable).
      const group = hold.refuseOffsetFetchesOf;
      if (request.apiName === 'OffsetFetch' && group !== null && (body.groupId === group || body.groups?.some((g) => g.groupId === group))) {
        offsetFetchesRefused++;
        return coordinatorLoading(request.apiVersion, body.groups);
      }
      // A group's committed offsets refused so, but for its first read: the consumer's own lookup of
      // its positions, sent as the assignment arrives, before the rebalance listener (whose task
      // initialization reads them next) runs. The consumer then fetches while its task waits.
      const taskReads = hold.refuseTaskReadsOf;
      const clientId = request.header.clientId ?? '';
      if (taskReads !== null && request.apiName === 'Fetch' && clientId.startsWith(`${taskReads}-`) && clientId.endsWith('-consumer') && !clientId.endsWith('-restore-consumer')) {
        for (const t of (body as { topics?: { partitions: { fetchOffset: bigint }[] }[] }).topics ?? []) for (const p of t.partitions) if (p.fetchOffset > mainConsumerFetchOffset) mainConsumerFetchOffset = p.fetchOffset;
      }
      if (request.apiName === 'OffsetFetch' && taskReads !== null && (body.groupId === taskReads || body.groups?.some((g) => g.groupId === taskReads)) && taskReadGroupFetches++ > 0) {
        offsetFetchesRefused++;
        return coordinatorLoading(request.apiVersion, body.groups);
      }
      // The same, for a read of one topic's committed offsets only (a source's offset reset), so a task's initialization still reads them.
      const reset = hold.refuseResetReadsOf;
      if (request.apiName === 'OffsetFetch' && reset !== null) {
        const asked = request.apiVersion >= 8 ? body.groups?.find((g) => g.groupId === reset.group)?.topics : body.groupId === reset.group ? body.topics : undefined;
        if (asked && asked.length > 0 && asked.every((t) => t.name === reset.topic)) {
          resetReadsRefused++;
          return coordinatorLoading(request.apiVersion, body.groups);
        }
      }
      // A transactional producer's InitProducerId refused as by a transaction coordinator still loading (retriable).
      if (request.apiName === 'InitProducerId' && hold.refuseInitProducerIdsOf !== null && body.transactionalId?.startsWith(hold.refuseInitProducerIdsOf)) {
        initProducerIdsRefused++;
        return { throttleTimeMs: 0, errorCode: 14, producerId: -1n, producerEpoch: -1 };
      }
      // A transactional producer's writes refused as by a leader that moved (retriable): its batches go back to wait.
      // Until the producer's TxnOffsetCommit comes: it is refused (the member is gone), and the
      // transaction can then only abort.
      if (request.apiName === 'TxnOffsetCommit' && hold.refuseProducesOf !== null && body.transactionalId?.startsWith(hold.refuseProducesOf)) hold.refuseProducesOf = null;
      if (request.apiName === 'Produce' && hold.refuseProducesOf !== null && body.transactionalId?.startsWith(hold.refuseProducesOf)) {
        producesRefused++;
        return {
          throttleTimeMs: 0,
          responses: body.topicData!.map((t) => ({ name: t.name, topicId: t.topicId, partitionResponses: t.partitionData.map((p) => ({ index: p.index, errorCode: 6, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors: [], errorMessage: null })) })),
        };
      }
      const endOffsets = request.apiName === 'ListOffsets' && hold.endOffsetsOf !== null && body.isolationLevel === 0 && body.topics?.some((t) => t.name === hold.endOffsetsOf);
      if (endOffsets) endOffsetRequests++;
      const heartbeat = request.apiName === 'Heartbeat' && hold.heartbeatsOf !== null && body.groupId === hold.heartbeatsOf;
      // A client's fetches held (`fetchesOfClient` is the end of its client id): its polls bring nothing.
      const fetch = request.apiName === 'Fetch' && hold.fetchesOfClient !== null && (request.header.clientId ?? '').endsWith(hold.fetchesOfClient);
      if (!endOffsets && !heartbeat && !fetch) return undefined;
      return new Promise<undefined>((resolve) => released.push(() => resolve(undefined)));
    },
  });
  admin = new Admin({ bootstrapServers: broker.bootstrap });
  producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
});

after(async () => {
  release();
  await producer?.close();
  await admin?.close();
  await broker?.close();
  rmSync(root, { recursive: true, force: true });
});

/**
 * An instance of `topology` on the test broker whose reads of committed offsets give up after
 * 500 ms, with its warnings, the states it went through and the error that ended it.
 */
function watchedInstance(topology: Topology, applicationId: string, extra: { taskTimeoutMs?: number; consumer?: { defaultApiTimeoutMs: number; requestTimeoutMs?: number }; producer?: { maxBlockMs: number }; processingGuarantee?: 'exactly_once_v2' } = {}) {
  const log = recordingLogger();
  const streams = new KafkaStreams(topology, { applicationId, bootstrapServers: broker.bootstrap, stateDir: join(root, applicationId), logger: log, consumer: { defaultApiTimeoutMs: 500 }, ...extra });
  const states: string[] = [];
  streams.setStateListener((next) => states.push(next));
  let uncaught: Error | null = null;
  streams.setUncaughtExceptionHandler((e) => {
    uncaught = e;
    return 'SHUTDOWN_CLIENT';
  });
  return { streams, log, states, uncaught: () => uncaught };
}

/** A count() store's changelog value, as Kafka Streams writes it (a timestamped store): the 8-byte timestamp, then the 8-byte count. */
function countChangelogValue(n: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeBigInt64BE(BigInt(Date.now()), 0);
  b.writeBigInt64BE(BigInt(n), 8);
  return b;
}

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test('a slowly processed backlog leaves timers their turn: few records between two ticks of a 2 ms timer', { timeout: 60_000 }, async () => {
  const RECORDS = 3000;
  await admin.createTopics([{ name: 'yield-in', numPartitions: 1, replicationFactor: 1 }]);
  await producer.sendBatch(Array.from({ length: RECORDS }, (_, i) => ({ topic: 'yield-in', key: `k${i % 10}`, value: `v${i}` })));
  let processed = 0;
  const builder = new StreamsBuilder();
  // 0.3 ms of work a record, measured by the wall clock, so a loaded machine makes it no faster.
  builder.stream('yield-in', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).foreach(() => {
    spin(0.3);
    processed++;
  });
  const streams = new KafkaStreams(builder.build(), { applicationId: 'loop-yield', bootstrapServers: broker.bootstrap, stateDir: join(root, 'yield') });
  const samples: number[] = [];
  const ticker = setInterval(() => samples.push(processed), 2);
  try {
    await streams.start();
    await eventually('the backlog processed', () => processed >= RECORDS, 50_000);
  } finally {
    clearInterval(ticker);
    await streams.close();
  }
  let widest = 0;
  for (let i = 1; i < samples.length; i++) widest = Math.max(widest, samples[i] - samples[i - 1]);
  // A turn processes for ~10 ms (~35 records here); one that took the whole fetch buffer took 1000 or more.
  assert.ok(widest <= 400, `at most 400 records processed between two ticks of the timer, saw ${widest}`);
  assert.ok(samples.filter((n) => n > 0 && n < RECORDS).length >= 10, 'the timer ticked while the backlog was processed');
});

test('a restore whose end offsets time out is tried again within task.timeout.ms, then the store restores and the instance runs', { timeout: 60_000 }, async () => {
  const APP = 'restore-retry';
  const changelog = `${APP}-rr-counts-changelog`;
  await admin.createTopics([
    { name: 'rr-in', numPartitions: 1, replicationFactor: 1 },
    { name: changelog, numPartitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } },
  ]);
  // What an earlier instance left in the changelog: a count per key.
  await producer.sendBatch(Array.from({ length: 200 }, (_, i) => ({ topic: changelog, key: `k${i}`, value: countChangelogValue(i + 1) })));
  const builder = new StreamsBuilder();
  builder.stream('rr-in', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).groupByKey().count(Materialized.as('rr-counts'));
  const log = recordingLogger();
  const streams = new KafkaStreams(builder.build(), {
    applicationId: APP,
    bootstrapServers: broker.bootstrap,
    stateDir: join(root, 'restore'),
    logger: log,
    // The end offsets' call gives up quickly, so that the timeout comes within the test.
    admin: { requestTimeoutMs: 500, defaultApiTimeoutMs: 1000 },
  });
  const states: string[] = [];
  streams.setStateListener((next) => states.push(next));
  let restored = -1;
  streams.setGlobalStateRestoreListener({ onRestoreEnd: (_topic, _partition, _store, total) => void (restored = total) });
  hold.endOffsetsOf = changelog;
  try {
    await streams.start();
    const failed = () => states.includes('ERROR') || states.includes('PENDING_ERROR');
    await eventually('the end offsets to time out and be asked again (or the instance to fail)', () => failed() || (log.warnings.some((w) => w.includes('timed out')) && endOffsetRequests >= 3), 30_000);
    assert.ok(!states.includes('ERROR') && !states.includes('PENDING_ERROR'), `the instance did not fail (states: ${states.join(' → ')})`);
    const warning = log.warnings.find((w) => w.includes('timed out'))!;
    assert.match(warning, /end offsets/);
    assert.match(warning, /task\.timeout\.ms \(300000 ms\)/);
    release();
    await eventually('the store restored and the instance running', () => restored === 200 && streams.state() === 'RUNNING', 30_000);
    assert.ok(!states.includes('ERROR'), `the instance did not fail (states: ${states.join(' → ')})`);
  } finally {
    release();
    await streams.close();
  }
});

test('a new task whose committed offsets cannot be read in time is initialized again within task.timeout.ms, its records waiting; past task.timeout.ms the instance fails with TASK_TIMEOUT', { timeout: 60_000 }, async () => {
  await admin.createTopics([{ name: 'init-in', numPartitions: 1, replicationFactor: 1 }]);
  await producer.sendBatch(Array.from({ length: 5 }, (_, i) => ({ topic: 'init-in', key: `k${i}`, value: `v${i}` })));
  /** An instance of an application counting what it processes; its committed offsets read gives up after 500 ms. */
  const instance = (applicationId: string, extra: { taskTimeoutMs?: number } = {}) => {
    const builder = new StreamsBuilder();
    const seen = { processed: 0 };
    builder.stream('init-in', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).foreach(() => void seen.processed++);
    return { ...watchedInstance(builder.build(), applicationId, extra), seen };
  };

  // Java's default task.timeout.ms: the read is asked again until the coordinator answers.
  const retried = instance('init-retry');
  // The task's reads are refused, not the consumer's lookup of its positions: the consumer
  // fetches the 5 records while the task waits, so that they could reach it.
  refuseTaskReads('init-retry');
  try {
    const refusedBefore = offsetFetchesRefused;
    await retried.streams.start();
    const failed = () => retried.states.includes('ERROR') || retried.states.includes('PENDING_ERROR');
    await eventually('the committed offsets read to time out and be tried again while the consumer fetched the records (or the instance to fail)', () => failed() || (retried.log.warnings.some((w) => w.includes('committed offsets timed out')) && offsetFetchesRefused - refusedBefore >= 4 && mainConsumerFetchOffset >= 5n), 30_000);
    assert.ok(!failed(), `the instance did not fail (states: ${retried.states.join(' → ')}; ${retried.uncaught()?.message})`);
    const warning = retried.log.warnings.find((w) => w.includes('committed offsets timed out'))!;
    assert.match(warning, /task 0_0: reading its committed offsets timed out/);
    assert.match(warning, /task\.timeout\.ms \(300000 ms\)/);
    assert.equal(retried.streams.state(), 'REBALANCING', 'the task is still initializing');
    assert.equal(retried.seen.processed, 0, 'the records fetched meanwhile do not reach the task before what was committed with its offsets is read');
    release();
    await eventually('the task initialized, its records processed and the instance running', () => retried.seen.processed === 5 && retried.streams.state() === 'RUNNING', 30_000);
    assert.ok(!retried.states.includes('ERROR'), `the instance did not fail (states: ${retried.states.join(' → ')})`);
  } finally {
    release();
    await retried.streams.close();
  }

  // A short task.timeout.ms: the task is given up once it has passed since the first timeout.
  const givenUp = instance('init-give-up', { taskTimeoutMs: 1500 });
  refuseTaskReads('init-give-up');
  try {
    await givenUp.streams.start();
    await eventually('the instance to fail', () => givenUp.states.includes('ERROR'), 30_000);
    const error = givenUp.uncaught();
    assert.ok(error instanceof StreamsError, `a StreamsError: ${error}`);
    assert.equal(error.code, StreamsErrorCode.TASK_TIMEOUT);
    assert.match(error.message, /task 0_0 did not make progress within 1500 ms \(reading its committed offsets: .*COORDINATOR_LOAD_IN_PROGRESS/);
    assert.equal(givenUp.log.warnings.filter((w) => w.includes('committed offsets timed out')).length, 1, 'the timeout is logged once, and tried again until task.timeout.ms');
    assert.ok(mainConsumerFetchOffset >= 5n, 'the consumer fetched the records meanwhile');
    assert.equal(givenUp.seen.processed, 0, 'none of them reached the task');
  } finally {
    release();
    await givenUp.streams.close();
  }
});

test("close() while a new task's read of its committed offsets is being retried ends promptly, not once default.api.timeout.ms has passed", { timeout: 60_000 }, async () => {
  const APP = 'close-init';
  await admin.createTopics([{ name: 'close-init-in', numPartitions: 1, replicationFactor: 1 }]);
  const builder = new StreamsBuilder();
  builder.stream('close-init-in', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).foreach(() => {});
  // The read retries for two minutes: a close that waits for it cannot end within the 20 s below.
  const { streams, states } = watchedInstance(builder.build(), APP, { consumer: { defaultApiTimeoutMs: 120_000 } });
  hold.refuseOffsetFetchesOf = APP;
  try {
    const refusedBefore = offsetFetchesRefused;
    await streams.start();
    await eventually('the committed offsets read refused and retried', () => offsetFetchesRefused - refusedBefore >= 3, 30_000);
    assert.equal(streams.state(), 'REBALANCING', 'the task is still initializing');
    assert.equal(await streams.close({ timeoutMs: 20_000 }), true, 'close() ended without waiting for the retried read');
    assert.equal(streams.state(), 'NOT_RUNNING');
    assert.ok(!states.includes('ERROR') && !states.includes('PENDING_ERROR'), `a close, not a failure (states: ${states.join(' → ')})`);
  } finally {
    release();
    await streams.close();
  }
});

test("a global store's restore at start whose offsets' calls time out is tried again within task.timeout.ms, then restores and the instance runs; past task.timeout.ms the start fails with TASK_TIMEOUT (Java's GlobalStateManagerImpl)", { timeout: 60_000 }, async () => {
  await admin.createTopics(['gt-in', 'gt-other'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })));
  await producer.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: 'gt-in', key: `k${i}`, value: `v${i}` })));
  /** An application with a global table over gt-in; its consumers' offsets calls give up after 1 s (a held request after 500 ms). */
  const instance = (applicationId: string, extra: { taskTimeoutMs?: number } = {}) => {
    const builder = new StreamsBuilder();
    builder.globalTable('gt-in', Consumed.with(Serdes.String(), Serdes.String()), Materialized.as('gt-store'));
    builder.stream('gt-other', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).foreach(() => {});
    const watched = watchedInstance(builder.build(), applicationId, { ...extra, consumer: { defaultApiTimeoutMs: 1000, requestTimeoutMs: 500 } });
    const restore = { restored: -1 };
    watched.streams.setGlobalStateRestoreListener({ onRestoreEnd: (_topic, _partition, _store, total) => void (restore.restored = total) });
    // start() reads the global topic to its end first: it is pending while its calls are held.
    return { ...watched, restore, started: () => watched.streams.start().then(() => null, (e: unknown) => e) };
  };
  const globalTimedOut = (w: string) => w.startsWith('global thread:') && w.includes('timed out');

  // Java's default task.timeout.ms: the end offsets (and positions) are asked again until the broker answers.
  const retried = instance('global-retry');
  hold.endOffsetsOf = 'gt-in';
  try {
    const requestsBefore = endOffsetRequests;
    const started = retried.started();
    let failure: unknown = undefined;
    void started.then((e) => (failure = e));
    await eventually('the offsets asked again after a timeout (or the start to fail)', () => failure !== undefined || (retried.log.warnings.some(globalTimedOut) && endOffsetRequests - requestsBefore >= 3), 30_000);
    assert.equal(failure, undefined, `the start did not fail (states: ${retried.states.join(' → ')})`);
    assert.match(retried.log.warnings.find(globalTimedOut)!, /task\.timeout\.ms \(300000 ms\)/);
    release();
    assert.equal(await started, null, 'the start succeeded once the broker answered');
    await eventually('the global store restored and the instance running', () => retried.restore.restored === 20 && retried.streams.state() === 'RUNNING', 30_000);
  } finally {
    release();
    await retried.streams.close();
  }

  // A short task.timeout.ms: the start fails once it has passed since the first timeout.
  const givenUp = instance('global-give-up', { taskTimeoutMs: 1500 });
  hold.endOffsetsOf = 'gt-in';
  try {
    const error = await givenUp.started();
    assert.ok(error instanceof StreamsError, `a StreamsError: ${error}`);
    assert.equal(error.code, StreamsErrorCode.TASK_TIMEOUT);
    assert.match(error.message, /the global thread did not make progress restoring its stores within task\.timeout\.ms \(1500 ms\) \(asking for the end offsets of its topics/);
    assert.equal(givenUp.streams.state(), 'ERROR');
  } finally {
    release();
    await givenUp.streams.close();
  }

  // Polls that bring nothing count too: the restore fails once task.timeout.ms has passed without a record.
  const starved = instance('global-starved', { taskTimeoutMs: 1500 });
  hold.fetchesOfClient = '-global-consumer';
  try {
    const error = await starved.started();
    assert.ok(error instanceof StreamsError, `a StreamsError: ${error}`);
    assert.equal(error.code, StreamsErrorCode.TASK_TIMEOUT);
    assert.match(error.message, /the global thread did not make progress restoring its stores within task\.timeout\.ms \(1500 ms\) \(reading its topics \(the polls brought nothing\)\)/);
  } finally {
    release();
    await starved.streams.close();
  }
});

test("close() while a global store's restore at start waits for its end offsets ends promptly, and start() then resolves (closed while starting)", { timeout: 60_000 }, async () => {
  await admin.createTopics(['gc-in', 'gc-other'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })));
  const builder = new StreamsBuilder();
  builder.globalTable('gc-in', Consumed.with(Serdes.String(), Serdes.String()), Materialized.as('gc-store'));
  builder.stream('gc-other', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).foreach(() => {});
  // The end offsets are held for longer than the test: a close that waits for them cannot end within 20 s.
  const { streams, states } = watchedInstance(builder.build(), 'global-close', { consumer: { defaultApiTimeoutMs: 120_000, requestTimeoutMs: 120_000 } });
  hold.endOffsetsOf = 'gc-in';
  try {
    const requestsBefore = endOffsetRequests;
    const started = streams.start().then(() => null, (e: unknown) => e);
    await eventually('the end offsets asked for', () => endOffsetRequests > requestsBefore, 30_000);
    assert.equal(await streams.close({ timeoutMs: 20_000 }), true, 'close() ended without waiting for the end offsets');
    assert.equal(await started, null, 'start() resolved: the instance was closed while starting, which is no failure');
    assert.equal(streams.state(), 'NOT_RUNNING');
    assert.ok(!states.includes('ERROR'), `a close, not a failure (states: ${states.join(' → ')})`);
  } finally {
    release();
    await streams.close();
  }
});

test('under exactly_once_v2 an initTransactions that times out (the transaction coordinator loading) is tried again within task.timeout.ms, then the instance runs; past task.timeout.ms it fails with TASK_TIMEOUT', { timeout: 60_000 }, async () => {
  await admin.createTopics(['txn-init-in', 'txn-init-out'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })));
  /** An exactly_once_v2 application whose producer's initTransactions gives up after 500 ms. */
  const instance = (applicationId: string, extra: { taskTimeoutMs?: number } = {}) => {
    const builder = new StreamsBuilder();
    builder.stream('txn-init-in', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).to('txn-init-out', { keySerde: Serdes.String(), valueSerde: Serdes.String() });
    return watchedInstance(builder.build(), applicationId, { ...extra, processingGuarantee: 'exactly_once_v2', producer: { maxBlockMs: 500 } });
  };
  const initTimedOut = (w: string) => w.includes('initializing transactions timed out');

  // Java's default task.timeout.ms: StreamsProducer.initTransaction rethrows the timeout, and the task's initialization tries again.
  const retried = instance('txn-init-retry');
  hold.refuseInitProducerIdsOf = 'txn-init-retry-';
  try {
    const refusedBefore = initProducerIdsRefused;
    await retried.streams.start();
    const failed = () => retried.states.includes('ERROR') || retried.states.includes('PENDING_ERROR');
    await eventually('initTransactions to time out and be tried again (or the instance to fail)', () => failed() || (retried.log.warnings.some(initTimedOut) && initProducerIdsRefused - refusedBefore >= 10), 30_000);
    assert.ok(!failed(), `the instance did not fail (states: ${retried.states.join(' → ')}; ${retried.uncaught()?.message})`);
    assert.match(retried.log.warnings.find(initTimedOut)!, /task\.timeout\.ms \(300000 ms\)/);
    release();
    await eventually('the instance running', () => retried.streams.state() === 'RUNNING', 30_000);
  } finally {
    release();
    await retried.streams.close();
  }

  // A short task.timeout.ms: the instance fails once it has passed since the first timeout.
  const givenUp = instance('txn-init-give-up', { taskTimeoutMs: 1500 });
  hold.refuseInitProducerIdsOf = 'txn-init-give-up-';
  try {
    await givenUp.streams.start();
    await eventually('the instance to fail', () => givenUp.states.includes('ERROR'), 30_000);
    const error = givenUp.uncaught();
    assert.ok(error instanceof StreamsError, `a StreamsError: ${error}`);
    assert.equal(error.code, StreamsErrorCode.TASK_TIMEOUT);
    assert.match(error.message, /initializing transactions did not succeed within task\.timeout\.ms \(1500 ms\).*COORDINATOR_LOAD_IN_PROGRESS/);
  } finally {
    release();
    await givenUp.streams.close();
  }
});

test("a source's offset reset whose committed offsets cannot be read in time keeps its partition paused and is tried again, past task.timeout.ms too (Java's consumer tries again at each poll)", { timeout: 60_000 }, async () => {
  await admin.createTopics(['reset-plain', 'reset-latest'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })));
  // Records from before the start: the 'latest' source must never process these.
  await producer.sendBatch([
    ...Array.from({ length: 5 }, (_, i) => ({ topic: 'reset-plain', key: `k${i}`, value: `plain${i}` })),
    ...Array.from({ length: 5 }, (_, i) => ({ topic: 'reset-latest', key: `k${i}`, value: `old${i}` })),
  ]);
  /** One task (0_0) reading both topics; its reads of committed offsets give up after 500 ms. */
  const instance = (applicationId: string, extra: { taskTimeoutMs?: number } = {}) => {
    const builder = new StreamsBuilder();
    const seen: string[] = [];
    const strings = { keySerde: Serdes.String(), valueSerde: Serdes.String() };
    builder
      .stream('reset-plain', strings)
      .merge(builder.stream('reset-latest', { ...strings, ...Consumed.withOffsetResetPolicy('latest') }))
      .foreach((_k, v) => void seen.push(v as string));
    return { ...watchedInstance(builder.build(), applicationId, extra), seen };
  };
  const resetTimedOut = (w: string) => w.includes("offset reset policies timed out");

  // Java's default task.timeout.ms: the reset is tried again until the coordinator answers.
  const retried = instance('reset-retry');
  hold.refuseResetReadsOf = { group: 'reset-retry', topic: 'reset-latest' };
  try {
    await retried.streams.start();
    const failed = () => retried.states.includes('ERROR') || retried.states.includes('PENDING_ERROR');
    const refusedBefore = resetReadsRefused;
    await eventually('the reset to time out and be tried again (or the instance to fail)', () => failed() || (retried.log.warnings.some(resetTimedOut) && resetReadsRefused - refusedBefore >= 4), 30_000);
    assert.ok(!failed(), `the instance did not fail (states: ${retried.states.join(' → ')}; ${retried.uncaught()?.message})`);
    const warning = retried.log.warnings.find(resetTimedOut)!;
    assert.match(warning, /reading the committed offsets of reset-latest-0 for their sources' offset reset policies timed out \(.*COORDINATOR_LOAD_IN_PROGRESS/);
    assert.deepEqual(retried.seen.filter((v) => v.startsWith('old')), [], 'no record of a partition reaches its task before its reset');
    release();
    await eventually('the reset done and the instance running', () => retried.streams.state() === 'RUNNING', 30_000);
    // The end is looked up after the seek, maybe after a record written now: write until one is processed.
    let written = 0;
    let lastWriteAt = 0;
    await eventually('records written after the reset processed', async () => {
      if (retried.seen.some((v) => v.startsWith('new'))) return true;
      if (Date.now() - lastWriteAt < 200) return false;
      lastWriteAt = Date.now();
      await producer.send({ topic: 'reset-latest', key: 'k', value: `new${written++}` });
      return false;
    }, 30_000);
    assert.deepEqual(retried.seen.filter((v) => v.startsWith('old')), [], "the 'latest' source starts at the end, as its policy says, once its reset is done");
    assert.deepEqual(retried.seen.filter((v) => v.startsWith('plain')), ['plain0', 'plain1', 'plain2', 'plain3', 'plain4'], 'the other source starts at the consumer\'s auto.offset.reset (earliest)');
    assert.ok(!retried.states.includes('ERROR'), `the instance did not fail (states: ${retried.states.join(' → ')})`);
  } finally {
    release();
    await retried.streams.close();
  }

  // A short task.timeout.ms does not end it: Java resets inside the consumer's poll, which
  // reads the committed offsets again at each poll for as long as the thread runs (KIP-572's
  // task.timeout.ms covers a task's own calls, not the consumer's position lookups).
  const patient = instance('reset-patient', { taskTimeoutMs: 1000 });
  hold.refuseResetReadsOf = { group: 'reset-patient', topic: 'reset-latest' };
  try {
    await patient.streams.start();
    const failed = () => patient.states.includes('ERROR') || patient.states.includes('PENDING_ERROR');
    await eventually('the reset to time out (or the instance to fail)', () => failed() || patient.log.warnings.some(resetTimedOut), 30_000);
    const firstTimeoutAt = Date.now();
    const refusedBefore = resetReadsRefused;
    await eventually('the reset tried again for well past task.timeout.ms (or the instance to fail)', () => failed() || (Date.now() - firstTimeoutAt > 3000 && resetReadsRefused - refusedBefore >= 4), 30_000);
    assert.ok(!failed(), `the instance did not fail (states: ${patient.states.join(' → ')}; ${patient.uncaught()?.message})`);
    assert.equal(patient.log.warnings.filter(resetTimedOut).length, 1, 'the stall is logged once');
    assert.deepEqual(patient.seen.filter((v) => v.startsWith('old')), []);
    release();
    await eventually('the reset done and the instance running', () => patient.streams.state() === 'RUNNING', 30_000);
    assert.deepEqual(patient.seen.filter((v) => v.startsWith('old')), [], "the 'latest' source starts at the end once its reset is done");
  } finally {
    release();
    await patient.streams.close();
  }
});

test("a task whose restore ends while its source's offset reset still waits keeps that partition paused until the reset is done", { timeout: 60_000 }, async () => {
  const APP = 'reset-restore';
  const changelog = `${APP}-rs-counts-changelog`;
  await admin.createTopics([
    ...['rs-plain', 'rs-latest'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })),
    { name: changelog, numPartitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } },
  ]);
  await producer.sendBatch([
    ...Array.from({ length: 5 }, (_, i) => ({ topic: 'rs-plain', key: `k${i}`, value: `plain${i}` })),
    ...Array.from({ length: 5 }, (_, i) => ({ topic: 'rs-latest', key: `k${i}`, value: `old${i}` })),
  ]);
  // What an earlier instance left in the changelog, so that the restore ends after the reset's first timeout.
  await producer.sendBatch(Array.from({ length: 200 }, (_, i) => ({ topic: changelog, key: `c${i}`, value: countChangelogValue(i + 1) })));
  const builder = new StreamsBuilder();
  const strings = { keySerde: Serdes.String(), valueSerde: Serdes.String() };
  const merged = builder.stream('rs-plain', strings).merge(builder.stream('rs-latest', { ...strings, ...Consumed.withOffsetResetPolicy('latest') }));
  merged.groupByKey().count(Materialized.as('rs-counts'));
  const seen: string[] = [];
  merged.foreach((_k, v) => void seen.push(v as string));
  const log = recordingLogger();
  // max.task.idle.ms -1: the task processes the plain source's records while the other partition waits, which shows it runs.
  const streams = new KafkaStreams(builder.build(), { applicationId: APP, bootstrapServers: broker.bootstrap, stateDir: join(root, APP), logger: log, consumer: { defaultApiTimeoutMs: 500 }, maxTaskIdleMs: -1 });
  const states: string[] = [];
  streams.setStateListener((next) => states.push(next));
  let restored = -1;
  streams.setGlobalStateRestoreListener({ onRestoreEnd: (_topic, _partition, _store, total) => void (restored = total) });
  hold.refuseResetReadsOf = { group: APP, topic: 'rs-latest' };
  try {
    await streams.start();
    const failed = () => states.includes('ERROR') || states.includes('PENDING_ERROR');
    await eventually('the store restored and the plain source processed while the reset waits (or the instance to fail)', () => failed() || (restored === 200 && seen.filter((v) => v.startsWith('plain')).length === 5), 30_000);
    assert.ok(!failed(), `the instance did not fail (states: ${states.join(' → ')})`);
    assert.ok(log.warnings.some((w) => w.includes('offset reset policies timed out')), 'the reset timed out before the restore ended');
    assert.deepEqual(seen.filter((v) => !v.startsWith('plain')), [], "the end of the restore does not resume the 'latest' source's partition before its reset");
    release();
    await eventually('the reset done and the instance running', () => streams.state() === 'RUNNING', 30_000);
    let written = 0;
    let lastWriteAt = 0;
    await eventually('records written after the reset processed', async () => {
      if (seen.some((v) => v.startsWith('new'))) return true;
      if (Date.now() - lastWriteAt < 200) return false;
      lastWriteAt = Date.now();
      await producer.send({ topic: 'rs-latest', key: 'k', value: `new${written++}` });
      return false;
    }, 30_000);
    assert.deepEqual(seen.filter((v) => v.startsWith('old')), []);
  } finally {
    release();
    await streams.close();
  }
});

test('under exactly_once_v2 an instance kicked out of its group with a transaction open closes its tasks dirty and rejoins; the handler is not asked about the refused sends', { timeout: 60_000 }, async () => {
  const APP = 'eos-kicked';
  await admin.createTopics(['kick-in', 'kick-out'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })));
  const log = recordingLogger();
  let handlerCalls = 0;
  const streams = new KafkaStreams(commitOnMarkerTopology('kick-in', 'kick-out'), {
    applicationId: APP,
    bootstrapServers: broker.bootstrap,
    processingGuarantee: 'exactly_once_v2',
    stateDir: join(root, 'kick'),
    logger: log,
    // Only the 'commit' record commits; the outputs linger in the producer meanwhile.
    commitIntervalMs: 600_000,
    consumer: { sessionTimeoutMs: 1500, heartbeatIntervalMs: 200 },
    producer: { lingerMs: 300, transactionTimeoutMs: 60_000 },
    productionExceptionHandler: () => {
      handlerCalls++;
      return 'FAIL';
    },
  });
  const states: string[] = [];
  streams.setStateListener((next) => states.push(next));
  const reader = new Consumer({ bootstrapServers: broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest' });
  try {
    await streams.start();
    await eventually('the instance running', () => streams.state() === 'RUNNING', 30_000);
    await producer.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: 'kick-in', key: `k${i}`, value: `a${i}` })));
    // The transaction is open (outputs sent, nothing committed); now the group removes the member.
    hold.heartbeatsOf = APP;
    await eventually('the member removed from the group', async () => (await admin.describeGroups([APP]))[0]?.members.length === 0, 30_000);
    // The next outputs are written and refused (retriable), so they go back to wait; the 'commit'
    // record's output then waits behind them, never sent, when the commit's TxnOffsetCommit is
    // refused: the producer refuses it in turn (abortable), as the transaction can only abort.
    hold.refuseProducesOf = APP;
    await producer.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: 'kick-in', key: `k${i}`, value: `b${i}` })));
    await eventually('the outputs written and refused', () => producesRefused > 0, 30_000);
    await producer.send({ topic: 'kick-in', key: 'k', value: 'commit' });
    await eventually('the refused commit seen as a task migration (or the instance to fail)', () => states.includes('ERROR') || log.warnings.some((w) => /closing every task dirty and rejoining/.test(w)), 30_000);
    assert.ok(!states.includes('ERROR'), `the instance did not fail (states: ${states.join(' → ')}):\n${log.warnings.join('\n')}`);
    assert.ok(log.warnings.some((w) => /UNKNOWN_MEMBER_ID|ILLEGAL_GENERATION|FENCED_INSTANCE_ID/.test(w)), `the group refused the transaction's offsets:\n${log.warnings.join('\n')}`);
    release();
    const expected = new Set([...Array.from({ length: 20 }, (_, i) => [`a${i}`, `b${i}`]).flat(), 'commit']);
    reader.assign([{ topic: 'kick-out', partition: 0 }]);
    const seen = new Map<string, number>();
    await eventually('every input in the committed output after the rejoin', async () => {
      for (const r of await reader.poll({ timeoutMs: 200 })) seen.set(String(r.value), (seen.get(String(r.value)) ?? 0) + 1);
      return seen.size >= expected.size;
    }, 40_000);
    assert.deepEqual([...seen.keys()].sort(), [...expected].sort());
    assert.deepEqual([...seen].filter(([, n]) => n > 1), [], 'no output committed twice');
    assert.equal(handlerCalls, 0, 'the production exception handler was not asked about sends refused by the aborted transaction');
    assert.ok(!states.includes('ERROR') && !states.includes('PENDING_ERROR'), `the instance did not fail (states: ${states.join(' → ')})`);
  } finally {
    release();
    await reader.close();
    await streams.close();
  }
});
