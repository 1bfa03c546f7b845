// processing.guarantee=exactly_once_v2 against a Sluice broker process: a processor that throws
// ends the open transaction (aborted) and the loop is replaced; the records since the last
// commit are processed again, and a read_committed reader of the output sees each once, while
// a read_uncommitted reader sees the aborted copies too (so the failure did land mid-transaction).
// A counting processor with a logged store, failing after a commit, is restored from the
// committed changelog only: its count updates come out 1..n per key, once each. A loop that
// stalls past its session timeout loses its tasks mid-transaction and recovers as Java does on a
// TaskMigratedException (abort, close dirty, rejoin) without an uncaught error.
// On a Sluice broker process, and on Apache Kafka 4.3.1 too with
// SLUICE_STREAMS_EOS_TARGETS=sluice,kafka (the default is Sluice only, to keep CI short).
// The heavy fault test (SIGKILL, broker kills, three instances) is eos-faults.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Consumer } from '@sluice/client';
import { KafkaStreams, type KeyValueStore, Record, Serdes, Stores, type StreamsLogger, Topology, type ProcessorContext } from '@sluice/streams';
import { eventually, startApacheKafka, startBrokerProcess } from '@sluice/test-kit';
import { createTopics, produce } from './support.ts';

const S = Serdes.String();
const quiet: StreamsLogger = { info() {}, warn() {}, error() {} };
const TARGETS = (process.env.SLUICE_STREAMS_EOS_TARGETS ?? 'sluice').split(',').filter(Boolean);
let bootstrap: string;

/** Starts the target broker; resolves to its stop function. */
async function startTarget(target: string): Promise<() => Promise<void>> {
  if (target === 'kafka') {
    const kafka = await startApacheKafka({ config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
    bootstrap = kafka.bootstrap;
    return () => kafka.stop();
  }
  if (target !== 'sluice') throw new Error(`SLUICE_STREAMS_EOS_TARGETS: unknown target '${target}' (sluice, kafka)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-streams-eos-'));
  // Port 0: the broker chooses (one picked beforehand may be taken before it binds it).
  const broker = await startBrokerProcess(0, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0', '--set', 'group.min.session.timeout.ms=1000']);
  bootstrap = `127.0.0.1:${broker.port}`;
  return async () => {
    broker.child.kill('SIGTERM');
    await broker.exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Reads every partition of `topic` from the beginning until `enough` says so (or the time is up): `key=value` each. */
async function readRecords(topic: string, partitions: number, isolationLevel: 'read_committed' | 'read_uncommitted', enough: (records: string[]) => boolean, timeoutMs = 60_000): Promise<string[]> {
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest', isolationLevel });
  consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition })));
  const records: string[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    while (!enough(records) && Date.now() < deadline) for (const r of await consumer.poll({ timeoutMs: 200 })) records.push(`${r.key?.toString() ?? ''}=${r.value?.toString() ?? ''}`);
  } finally {
    await consumer.close();
  }
  return records;
}

async function readValues(topic: string, partitions: number, isolationLevel: 'read_committed' | 'read_uncommitted', enough: (values: string[]) => boolean, timeoutMs = 60_000): Promise<string[]> {
  const values = (rs: string[]) => rs.map((r) => r.slice(r.indexOf('=') + 1));
  return values(await readRecords(topic, partitions, isolationLevel, (rs) => enough(values(rs)), timeoutMs));
}

function counts(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

for (const target of TARGETS) {
  describe(target, () => {
    let stop: () => Promise<void>;
    before(async () => {
      stop = await startTarget(target);
    });
    after(async () => {
      await stop();
    });
    defineTests();
  });
}

function defineTests(): void {
  test('a processor that throws mid-transaction: the transaction is aborted, the loop replaced, and read_committed sees every output once', async () => {
    await createTopics(bootstrap, [
      { name: 'eos-in', partitions: 1 },
      { name: 'eos-out', partitions: 1 },
    ]);
    const processed: string[] = [];
    let failOn: string | null = null;
    const topology = new Topology()
      .addSource('in', 'eos-in', { keyDeserializer: S, valueDeserializer: S })
      .addProcessor(
        'copy',
        () => {
          let ctx: ProcessorContext<string, string>;
          return {
            init: (c: ProcessorContext<string, string>) => (ctx = c),
            process: (r: Record<string, string>) => {
              if (r.value === failOn) {
                failOn = null; // once: the replaced loop processes it
                throw new Error(`injected failure at ${r.value}`);
              }
              processed.push(r.value);
              ctx.forward(r.withValue(`out-${r.value}`));
            },
          };
        },
        'in',
      )
      .addSink('out', 'eos-out', { keySerializer: S, valueSerializer: S }, 'copy');
    const app = new KafkaStreams(topology, {
      applicationId: 'eos-copy',
      bootstrapServers: bootstrap,
      processingGuarantee: 'exactly_once_v2',
      // Commit only on request: the first 100 outputs stay in the open transaction until the failure.
      commitIntervalMs: 600_000,
      logger: quiet,
      consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 300 },
      producer: { lingerMs: 0, transactionTimeoutMs: 120_000 },
    });
    const failures: Error[] = [];
    app.setUncaughtExceptionHandler((e) => {
      failures.push(e);
      return 'REPLACE_THREAD';
    });
    try {
      await app.start();
      await app.waitForState('RUNNING');
      await produce(bootstrap, 'eos-in', Array.from({ length: 100 }, (_, i) => ({ key: `k${i % 7}`, value: String(i) })));
      // The 100 outputs are written (read_uncommitted sees them) but not committed.
      await readValues('eos-out', 1, 'read_uncommitted', (v) => v.length >= 100);
      assert.equal((await readValues('eos-out', 1, 'read_committed', () => false, 1500)).length, 0, 'nothing is committed before the transaction ends');
      failOn = '100';
      await produce(bootstrap, 'eos-in', Array.from({ length: 50 }, (_, i) => ({ key: `k${i % 7}`, value: String(100 + i) })));
      await eventually('the failure to replace the loop', () => app.threadsStarted === 2 && app.state() === 'RUNNING');
      // The new loop starts from the last committed offsets (none): it processes 0..149 again.
      await eventually('the new loop to process every record', () => processed.length >= 250);
      await app.close();
      const committed = await readValues('eos-out', 1, 'read_committed', (v) => v.length >= 150);
      const all = await readValues('eos-out', 1, 'read_uncommitted', (v) => v.length >= 250);
      assert.equal(failures.length, 1);
      assert.match(failures[0].message, /injected failure at 100/);
      const expected = Array.from({ length: 150 }, (_, i) => `out-${i}`);
      assert.deepEqual(committed, expected, 'read_committed: every output once, in input order');
      const copies = counts(all);
      assert.equal(all.length, 250, 'read_uncommitted: the aborted transaction left 100 records in the log');
      for (let i = 0; i < 100; i++) assert.equal(copies.get(`out-${i}`), 2, `out-${i}: aborted once, committed once`);
    } finally {
      await app.close();
    }
  });

  for (const kind of ['in-memory', 'persistent'] as const) {
    test(`a counting processor with a logged ${kind} store: after a failure mid-transaction its store is rebuilt from the committed changelog only, and read_committed sees each count once`, () => countingScenario(kind));
  }

  async function countingScenario(kind: 'in-memory' | 'persistent'): Promise<void> {
    const input = `eos-count-${kind}-in`;
    const output = `eos-count-${kind}-out`;
    await createTopics(bootstrap, [
      { name: input, partitions: 1 },
      { name: output, partitions: 1 },
    ]);
    let failOn: string | null = null;
    const topology = new Topology()
      .addSource('in', input, { keyDeserializer: S, valueDeserializer: S })
      .addProcessor(
        'count',
        () => {
          let ctx: ProcessorContext<string, string>;
          let store: KeyValueStore<string, bigint>;
          return {
            init: (c: ProcessorContext<string, string>) => {
              ctx = c;
              store = c.getStateStore<KeyValueStore<string, bigint>>('eos-counts');
            },
            process: (r: Record<string, string>) => {
              const n = (store.get(r.key) ?? 0n) + 1n;
              store.put(r.key, n);
              if (r.value === failOn) {
                failOn = null;
                throw new Error(`injected failure at ${r.key}=${r.value}`);
              }
              ctx.forward(r.withValue(String(n)));
              if (r.value === 'commit') ctx.commit();
            },
          };
        },
        'in',
      )
      .addStateStore(Stores.keyValueStoreBuilder(kind === 'in-memory' ? Stores.inMemoryKeyValueStore('eos-counts') : Stores.persistentKeyValueStore('eos-counts'), S, Serdes.Int64()), 'count')
      .addSink('out', output, { keySerializer: S, valueSerializer: S }, 'count');
    const stateDir = mkdtempSync(join(tmpdir(), 'sluice-streams-eos-state-'));
    const app = new KafkaStreams(topology, {
      applicationId: `eos-count-${kind}`,
      bootstrapServers: bootstrap,
      processingGuarantee: 'exactly_once_v2',
      commitIntervalMs: 600_000,
      stateDir,
      logger: quiet,
      consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 300 },
      producer: { lingerMs: 0, transactionTimeoutMs: 120_000 },
    });
    app.setUncaughtExceptionHandler(() => 'REPLACE_THREAD');
    const keys = ['a', 'b', 'c'];
    const batch = (tag: string) => keys.flatMap((key) => Array.from({ length: 10 }, (_, i) => ({ key, value: `${tag}${i}` })));
    try {
      await app.start();
      await app.waitForState('RUNNING');
      // 30 records, then one asking for a commit: 31 count updates committed.
      await produce(bootstrap, input, [...batch('x'), { key: 'a', value: 'commit' }]);
      await readRecords(output, 1, 'read_committed', (rs) => rs.length >= 31);
      // 30 more, processed into the open transaction (its changelog writes too), then the failure.
      await produce(bootstrap, input, batch('y'));
      await readRecords(output, 1, 'read_uncommitted', (rs) => rs.length >= 61);
      failOn = 'boom';
      await produce(bootstrap, input, [{ key: 'b', value: 'boom' }, ...batch('z')]);
      await eventually('the failure to replace the loop', () => app.threadsStarted === 2 && app.state() === 'RUNNING');
      const expected = new Map([['a', 31], ['b', 31], ['c', 30]]);
      await eventually('the counts to reach the input', () => {
        try {
          return keys.every((k) => app.store<string, bigint>('eos-counts').get(k) === BigInt(expected.get(k)!));
        } catch {
          return false;
        }
      });
      await app.close();
      const committed = await readRecords(output, 1, 'read_committed', (rs) => rs.length >= 92);
      for (const key of keys) {
        const counts = committed.filter((r) => r.startsWith(`${key}=`)).map((r) => Number(r.slice(2)));
        assert.deepEqual(counts, Array.from({ length: expected.get(key)! }, (_, i) => i + 1), `${key}: every count once, in order`);
      }
      const all = await readRecords(output, 1, 'read_uncommitted', (rs) => rs.length >= 122);
      assert.ok(all.length > committed.length, `the aborted transaction's count updates are in the log too (${all.length} records, ${committed.length} committed)`);
    } finally {
      await app.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  }

  test('a loop that stalls past its session timeout loses its tasks mid-transaction: it aborts, closes them dirty, rejoins, and read_committed sees every output once', async () => {
    await createTopics(bootstrap, [
      { name: 'eos-stall-in', partitions: 1 },
      { name: 'eos-stall-out', partitions: 1 },
    ]);
    let stalls = 0;
    let processed = 0;
    const warnings: string[] = [];
    const topology = new Topology()
      .addSource('in', 'eos-stall-in', { keyDeserializer: S, valueDeserializer: S })
      .addProcessor(
        'copy',
        () => {
          let ctx: ProcessorContext<string, string>;
          return {
            init: (c: ProcessorContext<string, string>) => (ctx = c),
            process: (r: Record<string, string>) => {
              processed++;
              if (r.value === 'stall' && stalls++ === 0) {
                // Blocks the only thread past session.timeout.ms: no heartbeat, the group evicts the member.
                const until = Date.now() + 5000;
                while (Date.now() < until);
              }
              ctx.forward(r.withValue(`out-${r.value}`));
              if (r.value === 'commit') ctx.commit();
            },
          };
        },
        'in',
      )
      .addSink('out', 'eos-stall-out', { keySerializer: S, valueSerializer: S }, 'copy');
    const app = new KafkaStreams(topology, {
      applicationId: 'eos-stall',
      bootstrapServers: bootstrap,
      processingGuarantee: 'exactly_once_v2',
      commitIntervalMs: 600_000,
      logger: { ...quiet, warn: (m: string) => warnings.push(m) },
      consumer: { sessionTimeoutMs: 2000, heartbeatIntervalMs: 200 },
      producer: { lingerMs: 0, transactionTimeoutMs: 120_000 },
    });
    try {
      await app.start();
      await app.waitForState('RUNNING');
      await produce(bootstrap, 'eos-stall-in', Array.from({ length: 50 }, (_, i) => ({ key: 'k', value: String(i) })));
      await readValues('eos-stall-out', 1, 'read_uncommitted', (v) => v.length >= 50);
      await produce(bootstrap, 'eos-stall-in', [{ key: 'k', value: 'stall' }]);
      // The tasks are lost, the transaction aborted, and the rejoined loop processes the 51 records again.
      await eventually('the loop to process every record again after losing its tasks', () => processed >= 102 && app.state() === 'RUNNING');
      assert.equal(app.threadsStarted, 1, 'the same loop recovers: no uncaught error');
      assert.ok(warnings.some((w) => /closing every task dirty and rejoining/.test(w)), `the loop says what it did: ${warnings.join(' | ')}`);
      await produce(bootstrap, 'eos-stall-in', [{ key: 'k', value: 'commit' }]);
      const committed = await readValues('eos-stall-out', 1, 'read_committed', (v) => v.length >= 52);
      assert.deepEqual(committed, [...Array.from({ length: 50 }, (_, i) => `out-${i}`), 'out-stall', 'out-commit']);
      const all = await readValues('eos-stall-out', 1, 'read_uncommitted', (v) => v.length >= 103, 5000);
      assert.ok(all.length >= 102, `the aborted outputs are in the log too (${all.length})`);
    } finally {
      await app.close();
    }
  });
}
