// Differential tests of Sluice's windows against Java Kafka Streams 4.3.1 (issue 18): tumbling,
// hopping, sliding and session windows with count, reduce and aggregate, suppression until a window closes
// (time and session windows) and until a time limit with a record limit emitting early,
// emitStrategy(onWindowClose) for time and session windows (the emit interval at 0 on both sides, as the joins test does), and the
// fraud-detection pipeline's payments per card per 1-minute window written with the windowed serde.
// One Sluice broker process; one JVM runs the reference topologies (tests/streams/java,
// WindowTopologies.java) and this process their Sluice twins, over one seeded input with
// out-of-order records and records later than the grace period; no record cache, so every update
// reaches the output. Outputs must match record for record per key (value, timestamp, partition);
// the windowed-serde output byte for byte. SLUICE_DIFFERENTIAL_SEED replays another input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Admin, Consumer, Producer } from '@sluice/client';
import { KafkaStreams, Serdes, WindowedSerdes } from '@sluice/streams';
import { createTopicsAndWait, eventually, mavenProjectClasspath, onJsonLines } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { differences, failuresOf, readOutput, startTestBroker, waitUntilProcessed, type Guarantee, type TestBroker, type TopologyRun } from './differential-harness.ts';
import type { OutputRecord } from './differential-model.ts';
import { SERDE_TOPOLOGY, WINDOW_INPUT as INPUT, sluiceTopology, windowTopologyNames } from './window-topologies.ts';

const SEED = Number(process.env.SLUICE_DIFFERENTIAL_SEED ?? 18);
const RECORDS = 500;
const PARTITIONS = 3;
const CARDS = 10;
const S = Serdes.String();

/** Card keys (a few hot ones), each in one partition; amounts 1-500; time steps of up to 200 ms with one record in eight late by up to 2.5 s (past every grace period here), and a few null keys. */
function generateInput(seed: number): { key: string | null; value: string; partition: number; timestamp: number }[] {
  const rng = new Random(seed);
  let t = Date.UTC(2026, 0, 1);
  return Array.from({ length: RECORDS }, () => {
    t += rng.int(1, 200);
    // Skewed: the first cards are hot, so their records come closer than the session gaps and merge sessions.
    const card = Math.floor(CARDS * rng.next() ** 3);
    const late = rng.chance(0.125) ? rng.int(100, 2500) : 0;
    return { key: rng.chance(0.02) ? null : `card-${card}`, value: String(rng.int(1, 500)), partition: card % PARTITIONS, timestamp: t - late };
  });
}

/** A run of one topology on one side, under one guarantee. */
type WindowRun = TopologyRun & { guarantee: Guarantee };

function runOf(name: string, side: 'java' | 'sluice', guarantee: Guarantee): WindowRun {
  const id = `${name}-${side}${guarantee === 'exactly_once_v2' ? '-eos' : ''}`;
  return { name, guarantee, applicationId: `differential-${id}`, input: INPUT, output: `differential-${id}-output` };
}

/** Reads a whole output topic as hex bytes of key and value, in order per partition (the windowed-serde comparison). */
async function readBytes(bootstrap: string, run: TopologyRun, _guarantee: Guarantee): Promise<OutputRecord[]> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  const ends = new Map<number, bigint>();
  try {
    const partitions = (await admin.describeTopics([run.output]))[0]!.partitions.length;
    for (const o of await admin.listOffsets(Array.from({ length: partitions }, (_, partition) => ({ topic: run.output, partition, spec: 'latest' as const })))) ends.set(o.partition, o.offset);
  } finally {
    await admin.close();
  }
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest' });
  const tps = [...ends.keys()].map((partition) => ({ topic: run.output, partition }));
  consumer.assign(tps);
  const out: OutputRecord[] = [];
  try {
    await eventually(`the end of ${run.output}`, async () => {
      for (const r of await consumer.poll({ timeoutMs: 200 })) {
        if (BigInt(r.offset) < ends.get(r.partition)!) out.push({ key: r.key?.toString('hex') ?? null, value: r.value?.toString('hex') ?? null, timestamp: r.timestamp, partition: r.partition });
      }
      for (const tp of tps) if ((await consumer.position(tp)) < ends.get(tp.partition)!) return false;
      return true;
    });
  } finally {
    await consumer.close();
  }
  return out;
}

describe(`streams windows differential: Java Kafka Streams 4.3.1 as the reference (seed ${SEED})`, () => {
  const names = windowTopologyNames();
  const runs = (side: 'java' | 'sluice'): WindowRun[] => [...names.map((n) => runOf(n, side, 'at_least_once')), runOf('window-tumbling-count', side, 'exactly_once_v2')];
  const javaRuns = runs('java');
  const sluiceRuns = runs('sluice');
  const javaErrors: string[] = [];
  const sluiceErrors: string[] = [];
  let broker: TestBroker;
  let stopJava: () => Promise<void> = async () => {};
  let apps: KafkaStreams[] = [];
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-window-differential-'));

  before(async () => {
    broker = await startTestBroker();
    await createTopicsAndWait(broker.bootstrap, [{ name: INPUT, partitions: PARTITIONS }]);
    const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
    try {
      await producer.sendBatch(generateInput(SEED).map((r) => ({ topic: INPUT, ...r })));
    } finally {
      await producer.close();
    }
    // Java: one JVM for every reference run.
    const project = join(dirname(fileURLToPath(import.meta.url)), 'java');
    const cp = await mavenProjectClasspath(project);
    const specs = javaRuns.map((r) => `name=${r.name},app=${r.applicationId},input=${r.input},output=${r.output},guarantee=${r.guarantee}`);
    const child = spawn('java', ['-Xmx512m', '-cp', cp, 'dev.sluice.streams.WindowTopologies', broker.bootstrap, 'at_least_once', join(stateDir, 'java'), ...specs], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
    onJsonLines(child.stdout!, (m: { app?: string; error?: string }) => {
      if (m.app && m.error) javaErrors.push(`${m.app}: ${m.error}`);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    void exited.then((code) => {
      if (code !== 0) javaErrors.push(`JVM: exited with ${code}: ${stderr}`);
    });
    stopJava = async () => {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    };
    // Sluice: configured as RunTopologies configures Java's.
    apps = sluiceRuns.map((run) => {
      const app = new KafkaStreams(sluiceTopology(run.name, run.output), {
        applicationId: run.applicationId,
        bootstrapServers: broker.bootstrap,
        processingGuarantee: run.guarantee,
        commitIntervalMs: 100,
        replicationFactor: 1,
        stateDir: join(stateDir, 'sluice'),
        statestoreCacheMaxBytes: 0,
        // As on the Java side: onWindowClose looks for closed windows at every record, so the output does not depend on timing.
        ...({ '__emit.interval.ms.kstreams.windowed.aggregation__': 0 } as object),
        // Quiet about the late records (one warning per record and window); errors still to stderr.
        logger: { warn: () => {}, error: (m: string) => console.error(`${run.applicationId}: ${m}`), info: () => {} },
      });
      app.setUncaughtExceptionHandler((error) => {
        sluiceErrors.push(`${run.applicationId}: ${error.message}`);
        return 'SHUTDOWN_CLIENT';
      });
      return app;
    });
    console.warn = () => {}; // the late records' warnings, one per record and window
    await Promise.all(apps.map((app) => app.start()));
  });

  const warn = console.warn;
  after(async () => {
    console.warn = warn;
    await Promise.all(apps.map((app) => app.close({ timeoutMs: 30_000 })));
    await stopJava();
    await broker?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  for (const run of sluiceRuns) {
    test(`${run.name} (${run.guarantee}): Sluice's output is Java's, record for record per key`, async () => {
      const javaRun = javaRuns.find((r) => r.name === run.name && r.guarantee === run.guarantee)!;
      await waitUntilProcessed(broker.bootstrap, javaRun, run.guarantee, () => failuresOf(javaRun, javaErrors));
      await waitUntilProcessed(broker.bootstrap, run, run.guarantee, () => failuresOf(run, sluiceErrors));
      const read = run.name === SERDE_TOPOLOGY ? readBytes : readOutput;
      const reference = await read(broker.bootstrap, javaRun, run.guarantee);
      const out = await read(broker.bootstrap, run, run.guarantee);
      assert.ok(reference.length > 0, 'the input yields some output');
      assert.deepEqual(differences(reference, out, 'Java', 'Sluice'), []);
      assert.equal(out.length, reference.length);
      if (run.name === SERDE_TOPOLOGY) {
        // Java's bytes read with Sluice's windowed serde: card keys in 1-minute windows, Long counts.
        const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 60_000);
        for (const r of reference) {
          const key = serde.deserialize('t', Buffer.from(r.key!, 'hex'));
          assert.match(key.key, /^card-\d$/);
          assert.equal(key.window.start % 60_000, 0);
          assert.equal(key.window.end - key.window.start, 60_000);
          assert.ok(Buffer.from(r.value!, 'hex').readBigInt64BE() > 0n);
        }
      }
      if (run.name === 'window-tumbling-count') {
        // Late records past the grace period were dropped (the input has some for these windows).
        const counted = out.filter((r) => r.value !== null).length;
        assert.ok(counted < RECORDS, `fewer updates (${counted}) than records: late ones dropped`);
      }
    });
  }
});
