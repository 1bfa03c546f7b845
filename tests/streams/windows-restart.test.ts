// Windows survive a restart under exactly_once_v2, on a Sluice broker process: a tumbling count
// suppressed until each window closes is stopped in the middle of open windows (some counted, none
// final yet), its local state deleted (so the window store and the suppression buffer must come
// back from their changelogs), and started again; more records then close every window. The
// read_committed output must hold each (card, window) exactly once, with the count of the input's
// records in it: nothing lost across the restart, nothing emitted twice. Then the same for
// emitStrategy(onWindowClose()) under at_least_once and exactly_once_v2 (both apps at once): the
// window store keeps closed windows for a long retention, so only the last emitted window close
// time, committed with the offsets, keeps a restarted instance from emitting them again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Producer } from '@sluice/client';
import { BufferConfig, EmitStrategy, Grouped, KafkaStreams, KeyValue, Materialized, Serdes, StreamsBuilder, Suppressed, TimeWindows, type Topology } from '@sluice/streams';
import { createTopicsAndWait } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { readOutput, startTestBroker, waitUntilProcessed, type Guarantee, type TestBroker, type TopologyRun } from './differential-harness.ts';

const S = Serdes.String();
const WINDOW = 1000;
const PARTITIONS = 2;
const run: TopologyRun = { name: 'windows-restart', applicationId: 'windows-restart', input: 'windows-restart-input', output: 'windows-restart-output' };
const stateDir = mkdtempSync(join(tmpdir(), 'sluice-windows-restart-'));
let broker: TestBroker;
const onCloseRuns = (['at_least_once', 'exactly_once_v2'] as const).map((guarantee) => {
  const id = `windows-restart-on-close-${guarantee === 'exactly_once_v2' ? 'eos' : 'alos'}`;
  return { guarantee, run: { name: id, applicationId: id, input: `${id}-input`, output: `${id}-output` } as TopologyRun };
});

function topology(): Topology {
  const b = new StreamsBuilder();
  b.stream(run.input, { keySerde: S, valueSerde: S })
    .groupByKey(Grouped.with(S, S))
    .windowedBy(TimeWindows.ofSizeWithNoGrace(WINDOW))
    .count()
    .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
    .toStream()
    .map((k, v) => KeyValue.pair(`${k.key}@${k.window.start}`, String(v)))
    .to(run.output, { keySerde: S, valueSerde: S });
  return b.build();
}

function app(): KafkaStreams {
  const streams = new KafkaStreams(topology(), { applicationId: run.applicationId, bootstrapServers: broker.bootstrap, processingGuarantee: 'exactly_once_v2', replicationFactor: 1, stateDir, statestoreCacheMaxBytes: 0 });
  streams.setUncaughtExceptionHandler((e) => {
    throw e;
  });
  return streams;
}

/** In-order payments of cards 0..cards-1: card i lives in partition i % 2; times from `start`, 1-60 ms apart. */
function payments(rng: Random, start: number, n: number, cards: number): { key: string; value: string; partition: number; timestamp: number }[] {
  let t = start;
  return Array.from({ length: n }, () => {
    t += rng.int(1, 60);
    const card = rng.int(0, cards - 1);
    return { key: `card-${card}`, value: 'p', partition: card % PARTITIONS, timestamp: t };
  });
}

async function send(records: { key: string; value: string; partition: number; timestamp: number }[], topic = run.input): Promise<void> {
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  try {
    await producer.sendBatch(records.map((r) => ({ topic, ...r })));
  } finally {
    await producer.close();
  }
}

before(async () => {
  broker = await startTestBroker();
  await createTopicsAndWait(broker.bootstrap, [run.input, ...onCloseRuns.map((o) => o.run.input)].map((name) => ({ name, partitions: PARTITIONS })));
});

after(async () => {
  await broker?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

test('a suppressed windowed count stopped mid-window and restored from its changelogs emits every window once, complete', async () => {
  const rng = new Random(18);
  const base = Date.UTC(2026, 0, 1);
  const first = payments(rng, base, 300, 6);
  // Only cards 0-2 go on: their open windows continue after the restart (the window store must be
  // restored); the last windows of cards 3-5 get nothing more and are only in the suppression buffer
  // (which must be restored to emit them).
  const second = payments(rng, first.at(-1)!.timestamp, 300, 3);
  // Far ahead in each partition: closes every window of the payments above.
  const ticks = Array.from({ length: PARTITIONS }, (_, p) => ({ key: `tick-${p}`, value: 't', partition: p, timestamp: second.at(-1)!.timestamp + 10 * WINDOW }));

  await send(first);
  let streams = app();
  await streams.start();
  await waitUntilProcessed(broker.bootstrap, run, 'exactly_once_v2', () => []);
  await streams.close({ timeoutMs: 30_000 });
  streams.cleanUp(); // the restart must restore the store and the buffer from their changelogs

  await send([...second, ...ticks]);
  streams = app();
  await streams.start();
  try {
    await waitUntilProcessed(broker.bootstrap, run, 'exactly_once_v2', () => []);
  } finally {
    await streams.close({ timeoutMs: 30_000 });
  }

  const expected = new Map<string, number>();
  for (const r of [...first, ...second]) {
    const k = `${r.key}@${Math.floor(r.timestamp / WINDOW) * WINDOW}`;
    expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  const out = await readOutput(broker.bootstrap, run, 'exactly_once_v2');
  const got = new Map<string, number>();
  for (const r of out) {
    assert.ok(!got.has(r.key!), `${r.key} emitted twice`);
    got.set(r.key!, Number(r.value));
  }
  assert.deepEqual([...got.entries()].sort(), [...expected.entries()].sort());
  // The first run really left windows open across the restart.
  const firstWindows = new Set(first.map((r) => `${r.key}@${Math.floor(r.timestamp / WINDOW) * WINDOW}`));
  const secondWindows = new Set(second.map((r) => `${r.key}@${Math.floor(r.timestamp / WINDOW) * WINDOW}`));
  assert.ok([...firstWindows].some((w) => secondWindows.has(w)), 'some window spans the restart');
});

/** A tumbling count with onWindowClose whose store keeps closed windows long after they close. */
function onCloseApp(r: TopologyRun, guarantee: Guarantee): KafkaStreams {
  const b = new StreamsBuilder();
  b.stream(r.input, { keySerde: S, valueSerde: S })
    .groupByKey(Grouped.with(S, S))
    .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, 100))
    .emitStrategy(EmitStrategy.onWindowClose())
    .count(Materialized.as<string, bigint>('on-close-counts').withRetention(3_600_000))
    .toStream()
    .map((k, v) => KeyValue.pair(`${k.key}@${k.window.start}`, String(v)))
    .to(r.output, { keySerde: S, valueSerde: S });
  const streams = new KafkaStreams(b.build(), {
    applicationId: r.applicationId,
    bootstrapServers: broker.bootstrap,
    processingGuarantee: guarantee,
    replicationFactor: 1,
    stateDir: join(stateDir, r.applicationId),
    commitIntervalMs: 100,
    // Closed windows are looked for at every record, so what is emitted before the restart does not depend on timing.
    ...({ '__emit.interval.ms.kstreams.windowed.aggregation__': 0 } as object),
  });
  streams.setUncaughtExceptionHandler((e) => {
    throw e;
  });
  return streams;
}

test('emitStrategy(onWindowClose) restarted between window closes (at_least_once and exactly_once_v2): every window once, complete', async () => {
  const rng = new Random(181);
  const base = Date.UTC(2026, 0, 1);
  const first = payments(rng, base, 200, 4);
  const second = payments(rng, first.at(-1)!.timestamp, 200, 4);
  const ticks = Array.from({ length: PARTITIONS }, (_, p) => ({ key: `tick-${p}`, value: 't', partition: p, timestamp: second.at(-1)!.timestamp + 10 * WINDOW }));
  const phase = async (records: typeof first): Promise<void> => {
    await Promise.all(onCloseRuns.map((o) => send(records, o.run.input)));
    await Promise.all(
      onCloseRuns.map(async (o) => {
        const streams = onCloseApp(o.run, o.guarantee);
        await streams.start();
        try {
          await waitUntilProcessed(broker.bootstrap, o.run, o.guarantee, () => []);
        } finally {
          await streams.close({ timeoutMs: 30_000 });
        }
      }),
    );
  };
  await phase(first);
  // Windows closed before the restart were emitted then (and stay in the store); the restart must not emit them again.
  const before = await readOutput(broker.bootstrap, onCloseRuns[0]!.run, 'at_least_once');
  assert.ok(before.length > 0, 'some windows closed before the restart');
  await phase([...second, ...ticks]);

  const expected = new Map<string, number>();
  for (const r of [...first, ...second]) {
    const k = `${r.key}@${Math.floor(r.timestamp / WINDOW) * WINDOW}`;
    expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  for (const o of onCloseRuns) {
    const got = new Map<string, number>();
    for (const r of await readOutput(broker.bootstrap, o.run, o.guarantee)) {
      assert.ok(!got.has(r.key!), `${o.guarantee}: ${r.key} emitted twice`);
      got.set(r.key!, Number(r.value));
    }
    assert.deepEqual([...got.entries()].sort(), [...expected.entries()].sort(), `${o.guarantee}: every window once, with all its records`);
  }
});
