// Joins against Java Kafka Streams 4.3.1 on one Sluice broker, at-least-once and exactly_once_v2:
// each join type (stream–stream inner, left and outer with JoinWindows and grace; stream–table
// left; table–table outer; the foreign-key table join, inner and left) runs in Java
// (RunJoinTopologies.java) and in Sluice over the same seeded input, with out-of-order records and
// records later than window + grace, and the outputs must match record for record per key (value
// and timestamp; the foreign-key joins' input is written in rounds, each processed by every
// application before the next, so their intermediate results, tombstones included, do not depend
// on timing either). Both sides run without a record cache, commit every 100 ms, and scan for closed
// outer-join windows at every record (Java's internal emit interval at 0), so the output does not
// depend on timing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTopicsAndWait, mavenProjectClasspath, onJsonLines } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { Producer, partitionForKey } from '@sluice/client';
import { Consumed, JoinWindows, KafkaStreams, Serdes, StreamJoined, StreamsBuilder, type Topology } from '@sluice/streams';
import { PARTITIONS, type InputRecord, type TopologyInput } from './differential-inputs.ts';
import { differences, failuresOf, readOutput, startTestBroker, topicsOf, waitUntilProcessed, writeInputs, type Guarantee, type TestBroker, type TopologyRun } from './differential-harness.ts';

const SEED = Number(process.env.SLUICE_DIFFERENTIAL_SEED ?? 18);
const RECORDS_PER_SIDE = 300;
const EMIT_INTERVAL = '__emit.interval.ms.kstreams.outer.join.spurious.results.fix__';
const javaProject = fileURLToPath(new URL('./java', import.meta.url));

const S = Serdes.String();
const strings = Consumed.with(S, S);
const produced = { keySerde: S, valueSerde: S };
const joiner = (a: string | null, b: string | null): string => `${a}+${b}`;
const windows = JoinWindows.ofTimeDifferenceAndGrace(50, 20);

/** The Sluice twins of RunJoinTopologies.build. */
const twins: Record<string, (b: StreamsBuilder, left: string, right: string, output: string) => void> = {
  'ss-inner': (b, l, r, o) => b.stream(l, strings).join(b.stream(r, strings), joiner, windows, StreamJoined.with(S, S, S)).to(o, produced),
  'ss-left': (b, l, r, o) => b.stream(l, strings).leftJoin(b.stream(r, strings), joiner, windows, StreamJoined.with(S, S, S)).to(o, produced),
  'ss-outer': (b, l, r, o) => b.stream(l, strings).outerJoin(b.stream(r, strings), joiner, windows.after(30), StreamJoined.with(S, S, S).withStoreName('outer')).to(o, produced),
  'st-left': (b, l, r, o) => b.stream(l, strings).leftJoin(b.table(r, strings), joiner).to(o, produced),
  'tt-outer': (b, l, r, o) => b.table(l, strings).outerJoin(b.table(r, strings), joiner).toStream().to(o, produced),
  'fk-inner': (b, l, r, o) => b.table(l, strings).join(b.table(r, strings), foreignKey, joiner).toStream().to(o, produced),
  'fk-left': (b, l, r, o) => b.table(l, strings).leftJoin(b.table(r, strings), foreignKey, joiner).toStream().to(o, produced),
};

/** The foreign-key joins' extractor: the value's part before ':' (RunJoinTopologies' too). */
function foreignKey(value: string): string {
  return value.slice(0, value.indexOf(':'));
}

/**
 * A foreign-key join's input, in rounds: left rows k0..k14 whose values name one of six foreign
 * keys (`f<j>:L<n>`, so rows move between foreign keys), 5% deletes; right rows keyed f0..f5, 10%
 * deletes, in the partition the default partitioner gives their key, as a producer writing the
 * right table would (the subscription topic is partitioned that way too). A round updates one
 * table only, each key at most once, and the next round is written once every application has
 * processed the last one: a foreign-key join's intermediate results (an answer to a left row that
 * changed since it asked is dropped) depend on what each side has seen when, so this makes them
 * the same in every run, in Java as in Sluice, and the outputs comparable record for record.
 */
const FK_ROUNDS = 10;
function foreignKeyRounds(rng: Random): { left: InputRecord[]; right: InputRecord[] }[] {
  let t = Date.UTC(2026, 0, 1);
  let n = 0;
  /** `count` distinct numbers of 0..of-1, in random order. */
  const some = (count: number, of: number): number[] => {
    const all = Array.from({ length: of }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = rng.int(i, of - 1);
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    return all.slice(0, count);
  };
  return Array.from({ length: FK_ROUNDS }, (_, round) => {
    if (round % 2 === 0) {
      const left = some(10, 15).map((k): InputRecord => ({ key: `k${k}`, value: rng.chance(0.05) && round > 0 ? null : `f${rng.int(0, 5)}:L${n++}`, partition: k % PARTITIONS, timestamp: (t += rng.int(1, 20)) }));
      return { left, right: [] };
    }
    const right = some(4, 6).map((f): InputRecord => ({ key: `f${f}`, value: rng.chance(0.1) ? null : `R${n++}`, partition: partitionForKey(Buffer.from(`f${f}`), PARTITIONS), timestamp: (t += rng.int(1, 60)) }));
    return { left: [], right };
  });
}

/**
 * One side's records: keys k0..k14 (key i always in partition i % 3, on both sides, so the inputs
 * are co-partitioned), timestamps rising by 1-20 ms with 10% out of order by up to 40 ms and 4%
 * later than any window and grace (300-600 ms back), and 3% null values.
 */
function side(rng: Random, prefix: string): InputRecord[] {
  let t = Date.UTC(2026, 0, 1);
  return Array.from({ length: RECORDS_PER_SIDE }, (_, n) => {
    t += rng.int(1, 20);
    const k = rng.int(0, 14);
    const timestamp = rng.chance(0.04) ? t - rng.int(300, 600) : rng.chance(0.1) ? t - rng.int(1, 40) : t;
    return { key: `k${k}`, value: rng.chance(0.03) ? null : `${prefix}${n}`, partition: k % PARTITIONS, timestamp };
  });
}

/** Each key's last value in an output (a delete leaves no row). */
function lastValues(records: readonly { key: string | null; value: unknown }[]): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  for (const r of records) {
    if (r.value === null) rows.delete(r.key!);
    else rows.set(r.key!, r.value);
  }
  return new Map([...rows].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The foreign-key join of the two tables' final rows, computed plainly. */
function foreignKeyModel(input: TopologyInput, leftJoin: boolean): Map<string, unknown> {
  const final = (records: readonly InputRecord[]): Map<string, string> => {
    const rows = new Map<string, string>();
    for (const r of records) {
      if (r.value === null) rows.delete(r.key!);
      else rows.set(r.key!, r.value);
    }
    return rows;
  };
  const left = final(input.records);
  const right = final(input.second!);
  const joined = new Map<string, unknown>();
  for (const [key, value] of left) {
    const other = right.get(foreignKey(value)) ?? null;
    if (other !== null || leftJoin) joined.set(key, joiner(value, other));
  }
  return new Map([...joined].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Each topology's input (a foreign-key join's: its rounds, then all of them in order, for the plain computation). */
function inputsFor(seed: number): { inputs: Record<string, TopologyInput>; rounds: Record<string, { left: InputRecord[]; right: InputRecord[] }[]> } {
  const inputs: Record<string, TopologyInput> = {};
  const rounds: Record<string, { left: InputRecord[]; right: InputRecord[] }[]> = {};
  for (const [i, name] of Object.keys(twins).entries()) {
    const rng = new Random(seed * 100 + i);
    if (name.startsWith('fk-')) {
      rounds[name] = foreignKeyRounds(rng);
      inputs[name] = { records: rounds[name].flatMap((r) => r.left), second: rounds[name].flatMap((r) => r.right) };
    } else inputs[name] = { records: side(rng, 'L'), second: side(rng, 'R') };
  }
  return { inputs, rounds };
}

function sluiceTopology(run: TopologyRun): Topology {
  const b = new StreamsBuilder();
  twins[run.name]!(b, run.input, run.second!, run.output);
  return b.build();
}

interface Apps {
  errors: string[];
  stop(): Promise<void>;
}

async function startJava(bootstrap: string, guarantee: Guarantee, runs: TopologyRun[]): Promise<Apps> {
  const cp = await mavenProjectClasspath(javaProject);
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-differential-joins-java-'));
  const specs = runs.map((r) => `name=${r.name},app=${r.applicationId},input=${r.input},second=${r.second},output=${r.output}`);
  const child: ChildProcess = spawn('java', ['-Xmx512m', '-cp', cp, 'dev.sluice.streams.RunJoinTopologies', bootstrap, guarantee, stateDir, ...specs], { stdio: ['pipe', 'pipe', 'pipe'] });
  const errors: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
  onJsonLines(child.stdout!, (m: { app?: string; error?: string }) => {
    if (m.app && m.error) errors.push(`${m.app}: ${m.error}`);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then((code) => {
    if (code !== 0) errors.push(`JVM: exited with ${code}: ${stderr}`);
  });
  return {
    errors,
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function startSluice(bootstrap: string, guarantee: Guarantee, runs: TopologyRun[]): Promise<Apps> {
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-differential-joins-ts-'));
  const errors: string[] = [];
  const apps = runs.map((run) => {
    const app = new KafkaStreams(sluiceTopology(run), {
      applicationId: run.applicationId,
      bootstrapServers: bootstrap,
      processingGuarantee: guarantee,
      commitIntervalMs: 100,
      replicationFactor: 1,
      stateDir,
      statestoreCacheMaxBytes: 0,
      // Java's internal setting, not a declared one: it reaches the stores as given (appConfigs).
      ...({ [EMIT_INTERVAL]: 0 } as object),
    });
    app.setUncaughtExceptionHandler((error) => {
      errors.push(`${run.applicationId}: ${error.message}`);
      return 'SHUTDOWN_CLIENT';
    });
    return app;
  });
  await Promise.all(apps.map((app) => app.start()));
  return {
    errors,
    async stop() {
      await Promise.all(apps.map((app) => app.close({ timeoutMs: 30_000 })));
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

const GUARANTEES: readonly Guarantee[] = ['at_least_once', 'exactly_once_v2'];

describe(`streams joins differential: Java Kafka Streams 4.3.1 as the reference (seed ${SEED})`, () => {
  const { inputs, rounds } = inputsFor(SEED);
  /** Topic and application names per guarantee, so both runs share the broker and the inputs' generator. */
  const prefix = (guarantee: Guarantee): string => (guarantee === 'exactly_once_v2' ? 'joins-eos-' : 'joins-');
  const runsOf = (guarantee: Guarantee, side: 'java' | 'sluice'): TopologyRun[] =>
    Object.keys(twins).map((name) => ({ ...topicsOf(`${prefix(guarantee)}${name}`, side, inputs[name]!), name }));
  let broker: TestBroker;
  const apps: Apps[] = [];
  const java = new Map<Guarantee, Apps>();
  const sluice = new Map<Guarantee, Apps>();

  before(async () => {
    broker = await startTestBroker();
    const written: Record<string, TopologyInput> = {};
    // The foreign-key joins' topics are created empty: their rounds are written once the applications run.
    for (const g of GUARANTEES) for (const [name, input] of Object.entries(inputs)) written[`${prefix(g)}${name}`] = rounds[name] ? { records: [], second: [] } : input;
    await writeInputs(broker.bootstrap, written);
    for (const g of GUARANTEES) {
      java.set(g, await startJava(broker.bootstrap, g, runsOf(g, 'java')));
      apps.push(java.get(g)!);
      sluice.set(g, await startSluice(broker.bootstrap, g, runsOf(g, 'sluice')));
      apps.push(sluice.get(g)!);
    }
    // In the background: the other joins' tests run meanwhile; the foreign-key joins' wait for it.
    foreignKeyRoundsWritten = writeForeignKeyRounds();
    foreignKeyRoundsWritten.catch(() => {});
  });
  let foreignKeyRoundsWritten: Promise<void> = Promise.resolve();

  /** Each round of the foreign-key joins' input to both guarantees' topics, then waits for all their applications. */
  async function writeForeignKeyRounds(): Promise<void> {
    const fk = Object.keys(rounds);
    const runs = GUARANTEES.flatMap((g) => fk.flatMap((name) => (['java', 'sluice'] as const).map((side) => ({ g, side, run: runsOf(g, side).find((r) => r.name === name)! }))));
    const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
    try {
      for (let round = 0; round < FK_ROUNDS; round++) {
        const records = runs
          .filter((r) => r.side === 'java')
          .flatMap(({ run }) => [...rounds[run.name]![round]!.left.map((r) => ({ ...r, topic: run.input })), ...rounds[run.name]![round]!.right.map((r) => ({ ...r, topic: run.second! }))]);
        await producer.sendBatch(records.map((r) => ({ topic: r.topic, key: r.key, value: r.value, partition: r.partition, timestamp: r.timestamp })));
        // Twice: a foreign-key join's records go round through two internal topics (see the tests).
        await Promise.all(
          runs.map(async ({ g, side, run }) => {
            const errors = (side === 'java' ? java : sluice).get(g)!.errors;
            for (let pass = 0; pass < 2; pass++) await waitUntilProcessed(broker.bootstrap, run, g, () => failuresOf(run, errors));
          }),
        );
      }
    } finally {
      await producer.close();
    }
  }

  after(async () => {
    for (const app of apps.reverse()) await app.stop();
    await broker?.stop();
  });

  test('a join of topics with different partition counts does not start, naming the topics and their counts', async () => {
    await createTopicsAndWait(broker.bootstrap, [
      { name: 'copartition-left', partitions: 2 },
      { name: 'copartition-right', partitions: 3 },
    ]);
    const b = new StreamsBuilder();
    b.stream('copartition-left', strings).join(b.table('copartition-right', strings), joiner).to('copartition-out', produced);
    const app = new KafkaStreams(b.build(), { applicationId: 'copartition-check', bootstrapServers: broker.bootstrap, replicationFactor: 1 });
    try {
      await assert.rejects(app.start(), /Following topics do not have the same number of partitions: \[\{copartition-left=2, copartition-right=3\}\]/);
      assert.equal(app.state(), 'ERROR');
    } finally {
      await app.close({ timeoutMs: 10_000 });
    }
  });

  for (const guarantee of GUARANTEES) {
    for (const name of Object.keys(twins)) {
      test(`${name} (${guarantee}): Sluice's output is Java's, record for record per key`, async () => {
        if (name.startsWith('fk-')) await foreignKeyRoundsWritten;
        const javaRun = runsOf(guarantee, 'java').find((r) => r.name === name)!;
        const run = runsOf(guarantee, 'sluice').find((r) => r.name === name)!;
        // Twice: a foreign-key join's records go round through two internal topics, and a record a
        // task wrote to one while the first pass was checking another is seen by the second.
        for (let pass = 0; pass < 2; pass++) {
          await waitUntilProcessed(broker.bootstrap, javaRun, guarantee, () => failuresOf(javaRun, java.get(guarantee)!.errors));
          await waitUntilProcessed(broker.bootstrap, run, guarantee, () => failuresOf(run, sluice.get(guarantee)!.errors));
        }
        const reference = await readOutput(broker.bootstrap, javaRun, guarantee);
        const out = await readOutput(broker.bootstrap, run, guarantee);
        if (name.startsWith('fk-')) {
          // The rounds make the intermediate results the same in every run; the final rows are
          // checked against a plain computation of the input too (a check of the harness).
          const expected = foreignKeyModel(inputs[name]!, name === 'fk-left');
          assert.ok(expected.size > 5, 'the input yields joined rows');
          assert.deepEqual(lastValues(reference), expected, 'Java against the plain computation (harness check)');
          assert.ok(reference.some((r) => r.value === null), "Java's output has tombstones (rows that lost their match)");
        }
        assert.ok(reference.length > 50, `Java's output has records (${reference.length})`);
        assert.deepEqual(differences(reference, out, 'Java', 'Sluice'), []);
        assert.equal(out.length, reference.length);
      });
    }
  }
});
