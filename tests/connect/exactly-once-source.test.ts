/**
 * Exactly-once source tasks (KIP-618) on a Sluice broker, through the worker's start path the
 * distributed herder uses: records and the offsets they reach are written in one transaction by
 * the task's transactional producer (`<group.id>-<connector>-<task>`), so a read_committed
 * consumer sees every source record exactly once:
 * - a task is replaced mid-stream by the next generation (its producers fenced with
 *   Admin.fenceProducers, as the herder does, while the old one keeps running as a zombie): the
 *   zombie's commit is refused and it fails, the successor goes on from the last committed offsets;
 * - `transaction.boundary=connector`: the task commits and aborts through its TransactionContext,
 *   and what it aborted is not seen; `interval` commits on time and at stop;
 * - a failed send aborts the transaction and fails the task: nothing of that transaction is seen.
 * The offsets are Kafka's offset records (key `["<connector>",{partition}]`, value the offset JSON).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Consumer } from '@sluice/client';
import { ConfigDef, SourceConnector, SourceRecord, SourceTask, Schema, type ConnectorConfig, type TaskClass } from '@sluice/connect-api';
import { Worker, WorkerConfig, builtinPlugins, registerBuiltinConnectors, type OffsetBackingStore } from '@sluice/connect';
import { eventually } from '@sluice/test-kit';

/** What each task run did, by its `run` setting: batches aborted, where it started, how many records it has polled up to. */
const runs = new Map<string, { aborted: number; started: number; polledUpTo: number }>();

/**
 * Counts from where its committed offset says (`{n}` of partition `{p:0}`) up to `max`, `batch`
 * records per poll. `mode`: `abort-once` aborts (through its TransactionContext) the first batch
 * from 10 and emits it again; `huge-at-5` makes record 5 too large to send.
 */
class CountingTask extends SourceTask {
  #next = 0;
  #props: ConnectorConfig = {};
  version(): string {
    return '1';
  }
  async start(props: ConnectorConfig): Promise<void> {
    this.#props = props;
    const run = { aborted: 0, started: 0, polledUpTo: 0 };
    runs.set(props.run, run);
    const stored = await this.context.offsetStorageReader().offset({ p: 0 });
    this.#next = stored === null ? 0 : Number(stored.n) + 1;
    run.started = run.polledUpTo = this.#next;
  }
  async poll(): Promise<SourceRecord[] | null> {
    const max = Number(this.#props.max);
    await new Promise((resolve) => setTimeout(resolve, Number(this.#props['poll.ms'] ?? 0)));
    if (this.#next >= max) return null;
    const from = this.#next;
    const records: SourceRecord[] = [];
    for (let n = from; n < Math.min(max, from + Number(this.#props.batch)); n++) {
      const value = this.#props.mode === 'huge-at-5' && n === 5 ? 'x'.repeat(2_000_000) : String(n);
      records.push(new SourceRecord({ sourcePartition: { p: 0 }, sourceOffset: { n }, topic: this.#props.topic, kafkaPartition: 0, valueSchema: Schema.STRING_SCHEMA, value }));
    }
    this.#next = from + records.length;
    runs.get(this.#props.run)!.polledUpTo = this.#next;
    const tx = this.context.transactionContext();
    if (this.#props.mode === 'abort-once' && from === 10 && runs.get(this.#props.run)!.aborted === 0) {
      runs.get(this.#props.run)!.aborted++;
      tx!.abortTransaction();
      this.#next = from; // not committed: emitted again
    } else if (tx !== null) {
      tx.commitTransaction(records.at(-1)!);
    }
    return records;
  }
  stop(): void {}
}

class CountingSource extends SourceConnector {
  #props: ConnectorConfig = {};
  version(): string {
    return '1';
  }
  config(): ConfigDef {
    return new ConfigDef();
  }
  start(props: ConnectorConfig): void {
    this.#props = props;
  }
  taskClass(): TaskClass {
    return CountingTask;
  }
  taskConfigs(): ConnectorConfig[] {
    return [{ ...this.#props }];
  }
  stop(): void {}
  override exactlyOnceSupport(): 'SUPPORTED' {
    return 'SUPPORTED';
  }
  override canDefineTransactionBoundaries(): 'SUPPORTED' {
    return 'SUPPORTED';
  }
}

describe('exactly-once source tasks', () => {
  let broker: Broker;
  let admin: Admin;
  let worker: Worker;
  const offsetsTopic = 'connect-offsets-eos';
  const log: string[] = [];

  /** Every record of a topic a read_committed consumer sees, from the beginning to the last stable offset. */
  async function committed(topic: string, partitions = 1): Promise<{ key: string | null; value: string | null }[]> {
    const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
    try {
      const tps = Array.from({ length: partitions }, (_, partition) => ({ topic, partition }));
      consumer.assign(tps);
      const ends = await consumer.endOffsets(tps);
      const out: { key: string | null; value: string | null }[] = [];
      const behind = async () => {
        for (const [i, tp] of tps.entries()) if ((await consumer.position(tp)) < ends[i]!.offset) return true;
        return false;
      };
      while (await behind()) out.push(...(await consumer.poll({ timeoutMs: 200 })).map((r) => ({ key: r.key?.toString() ?? null, value: r.value?.toString() ?? null })));
      return out;
    } finally {
      await consumer.close();
    }
  }

  /** The offset store a distributed worker reads: the offsets topic's committed records, the last one per key. */
  const committedOffsets: OffsetBackingStore = {
    get: async (keys) => {
      const last = new Map<string, string | null>();
      for (const r of await committed(offsetsTopic, 5)) if (r.key !== null) last.set(r.key, r.value);
      return new Map(keys.map((k) => [k, last.get(k) ?? null]));
    },
    set: async () => {
      throw new Error('exactly-once tasks write their offsets in their transactions');
    },
    entries: async () => [],
  };

  function start(run: string, topic: string, extra: ConnectorConfig, transactionalId = `connect-cluster-${run}-0`, beforeProducer?: () => Promise<void>) {
    const states: string[] = [];
    let failure: unknown = null;
    const config = { name: run, 'connector.class': 'test.CountingSource', topic, run, max: '40', batch: '5', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter', ...extra };
    const handle = worker.startTask(run, 0, config, config, 'STARTED', {
      onRunning: () => states.push('RUNNING'),
      onPaused: () => states.push('PAUSED'),
      onStopped: () => states.push('STOPPED'),
      onFailed: (e) => {
        failure = e;
        states.push('FAILED');
      },
    }, () => undefined, { transactionalId, offsetsTopic, beforeProducer });
    return { handle, states, failure: () => failure };
  }

  before(async () => {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    admin = new Admin({ bootstrapServers: [broker.bootstrap] });
    await admin.createTopics([
      { name: offsetsTopic, numPartitions: 5, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } },
      ...['eos-poll', 'eos-connector', 'eos-interval', 'eos-interval-stop', 'eos-failed'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })),
    ]);
    const plugins = registerBuiltinConnectors(builtinPlugins());
    plugins.register('test.CountingSource', ['source'], () => new CountingSource(), '1');
    worker = new Worker(new WorkerConfig({ 'bootstrap.servers': broker.bootstrap, 'offset.flush.interval.ms': '100', 'task.shutdown.graceful.timeout.ms': '20000' }), plugins, committedOffsets, { workerId: 'test:0', log: (l) => log.push(l) });
  });

  after(async () => {
    await worker?.close();
    await admin?.close();
    await broker?.close();
  });

  test('a task replaced mid-stream while its zombie runs on: every record exactly once, and Kafka\'s offset records', { timeout: 60_000 }, async () => {
    const transactionalId = 'connect-cluster-eos-poll-0';
    const first = start('eos-poll', 'eos-poll', { max: '400', 'poll.ms': '5' }, transactionalId);
    await eventually('some committed', async () => (await committed('eos-poll')).length >= 40, 30_000);
    // The next generation starts elsewhere; before its producer starts, the previous generation's producers are fenced (the herder's round of fencing).
    let fencedEpoch = -1;
    const second = start('eos-poll', 'eos-poll', { max: '400', 'poll.ms': '0' }, transactionalId, async () => {
      const [fenced] = await admin.fenceProducers([transactionalId]);
      fencedEpoch = fenced.producerEpoch;
    });
    await eventually('the zombie failed', () => first.states.includes('FAILED'), 30_000);
    await eventually('all committed', async () => (await committed('eos-poll')).length >= 400, 30_000);
    await second.handle.stop();
    await first.handle.stop();
    assert.ok(fencedEpoch >= 1, 'fenced before the successor\'s producer started');
    assert.ok(runs.get('eos-poll')!.started > 0, 'the successor went on from committed offsets');
    assert.deepEqual((await committed('eos-poll')).map((r) => r.value), Array.from({ length: 400 }, (_, n) => String(n)));
    assert.deepEqual(second.states, ['RUNNING', 'STOPPED']);
    // The offsets topic holds Kafka's records: the key as Java's JsonConverter writes it, the value the offset map.
    const offsets = (await committed(offsetsTopic, 5)).filter((r) => r.key === '["eos-poll",{"p":0}]');
    assert.equal(offsets.at(-1)!.value, '{"n":399}');
  });

  test('connector-defined boundaries: what the task aborts is never seen; interval boundaries commit on time and at stop', { timeout: 60_000 }, async () => {
    const byConnector = start('eos-connector', 'eos-connector', { 'transaction.boundary': 'connector', mode: 'abort-once' });
    await eventually('connector boundary: all committed', async () => (await committed('eos-connector')).length >= 40, 30_000);
    await byConnector.handle.stop();
    assert.equal(runs.get('eos-connector')!.aborted, 1);
    assert.deepEqual((await committed('eos-connector')).map((r) => r.value), Array.from({ length: 40 }, (_, n) => String(n)));

    // On time: what the task polls is committed while it runs, every 50 ms. How far it got when
    // stopped depends on the machine, so the stop must commit exactly what it had polled.
    const byInterval = start('eos-interval', 'eos-interval', { 'transaction.boundary': 'interval', 'transaction.boundary.interval.ms': '50', 'poll.ms': '2' });
    await eventually('interval boundary: committed while running', async () => (await committed('eos-interval')).length >= 10, 30_000);
    await byInterval.handle.stop();
    const polled = runs.get('eos-interval')!.polledUpTo;
    assert.deepEqual((await committed('eos-interval')).map((r) => r.value), Array.from({ length: polled }, (_, n) => String(n)));
    assert.deepEqual(byInterval.states, ['RUNNING', 'STOPPED']);

    // At stop: an interval that never passes, so nothing is committed until the task is stopped.
    const atStop = start('eos-interval-stop', 'eos-interval-stop', { 'transaction.boundary': 'interval', 'transaction.boundary.interval.ms': '3600000' });
    await eventually('interval boundary: every record polled', () => runs.get('eos-interval-stop')?.polledUpTo === 40, 30_000);
    assert.deepEqual(await committed('eos-interval-stop'), [], 'nothing committed before the interval or the stop');
    await atStop.handle.stop();
    assert.deepEqual((await committed('eos-interval-stop')).map((r) => r.value), Array.from({ length: 40 }, (_, n) => String(n)));
    assert.deepEqual(atStop.states, ['RUNNING', 'STOPPED']);
  });

  test('a failed send aborts the transaction and fails the task', { timeout: 60_000 }, async () => {
    const failing = start('eos-failed', 'eos-failed', { mode: 'huge-at-5', batch: '10' });
    await eventually('failed', () => failing.states.includes('FAILED'), 30_000);
    await failing.handle.stop();
    assert.match(String((failing.failure() as Error).message), /Unrecoverable exception from producer send callback|transaction could not be committed|too large|RECORD_TOO_LARGE/i);
    assert.deepEqual(await committed('eos-failed'), []);
  });
});
