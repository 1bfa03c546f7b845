// Windows survive a restart under exactly_once_v2, on a Sluice broker process: a tumbling count
// suppressed until each window closes is stopped in the middle of open windows (some counted, none
// final yet), its local state deleted (so the window store and the suppression buffer must come
// back from their changelogs), and started again; more records then close every window. The
// read_committed output must hold each (card, window) exactly once, with the count of the input's
// records in it: nothing lost across the restart, nothing emitted twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Producer } from '@sluice/client';
import { BufferConfig, Grouped, KafkaStreams, KeyValue, Serdes, StreamsBuilder, Suppressed, TimeWindows, type Topology } from '@sluice/streams';
import { createTopicsAndWait } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { readOutput, startTestBroker, waitUntilProcessed, type TestBroker, type TopologyRun } from './differential-harness.js';

const S = Serdes.String();
const WINDOW = 1000;
const PARTITIONS = 2;
const run: TopologyRun = { name: 'windows-restart', applicationId: 'windows-restart', input: 'windows-restart-input', output: 'windows-restart-output' };
const stateDir = mkdtempSync(join(tmpdir(), 'sluice-windows-restart-'));
let broker: TestBroker;

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

async function send(records: { key: string; value: string; partition: number; timestamp: number }[]): Promise<void> {
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  try {
    await producer.sendBatch(records.map((r) => ({ topic: run.input, ...r })));
  } finally {
    await producer.close();
  }
}

before(async () => {
  broker = await startTestBroker();
  await createTopicsAndWait(broker.bootstrap, [{ name: run.input, partitions: PARTITIONS }]);
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
