// Exactly-once under faults: three instances of an aggregation application (per key, the count
// and sum of the input values, groupByKey().aggregate() into a persistent store with its
// changelog, processing.guarantee exactly_once_v2, record cache off so every update is emitted),
// each an OS process with its own state directory (fixtures/eos-aggregate.ts), over N seeded input
// records produced beforehand. While they work (small polls and a 2 ms pause per record keep
// transactions open), one instance is killed with SIGKILL again and again (and started again on
// its state directory, so it finds its stores without a checkpoint), and the broker is killed
// once with SIGKILL and restarted on its data. Afterwards a read_committed reader of the output
// must find, for every key, exactly the successive aggregates the input gives, in order: 1:v1,
// 2:v1+v2, ... A duplicate update (an input processed twice, or a store restored to a state its
// committed output does not match) shows as a repeated or skipped count or a wrong sum; a lost
// one as a missing count or a wrong final value. The expected sequences come from the input alone.
//
// Runs against the Sluice broker and Apache Kafka 4.3.1, each killed and restarted on its data
// folder (SLUICE_EOS_STREAMS_TARGETS picks them, `sluice,kafka` by default; about 45 s and 100 s;
// SLUICE_EOS_STREAMS_RECORDS sets N). SLUICE_EOS_STREAMS_APP=java runs the same application in
// Java Kafka Streams 4.3.1 (eos-java/) instead: the reference passes on both brokers, which shows
// the expectations are Kafka Streams'. One early run of the Sluice application on Apache Kafka
// (before the per-record pause) read 100 updates of one partition's keys twice; not seen since.
//
// On Sluice (the Sluice application), each instance process runs a second application through the
// same kills, restarts and rebalances (fixtures/eos-aggregate.ts): a stream-stream left join whose
// unmatched left records wait in the outer-join store, and a tumbling count suppressed until each
// window closes, with a grace longer than the input spans, so every join and window is still pending
// through all of it; records far ahead written at the end then close them all. Its committed outputs
// must be exactly the joined pairs, each unmatched left record once with null, and each window's
// count once: computed from the input alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Consumer, Producer } from '@sluice/client';
import { createTopicsAndWait, eventually, killableApacheKafka, killableSluiceBroker, mavenProjectClasspath, onJsonLines, Random, repoRoot, type KillableBroker } from '@sluice/test-kit';
import { readOutput, waitUntilProcessed, type TopologyRun } from './differential-harness.ts';

type Target = 'sluice' | 'kafka';
const TARGETS = (process.env.SLUICE_EOS_STREAMS_TARGETS ?? 'sluice,kafka').split(',').filter(Boolean) as Target[];
const RECORDS = Number(process.env.SLUICE_EOS_STREAMS_RECORDS ?? 12_000);
const PARTITIONS = 6;
const KEYS = 60;
/** What each kill hits, in order, spread over the run: the broker once, the instance `a` the other times. */
const EVENTS = ['instance', 'instance', 'broker', 'instance', 'instance'] as const;
/** Small polls make many short transactions, and a pause per record makes them last, so the kills land inside some. */
const MAX_POLL_RECORDS = 50;
const DELAY_MS = 2;
const fixture = join(repoRoot, 'tests', 'streams', 'fixtures', 'eos-aggregate.ts');
/** `java` runs the application in Java Kafka Streams 4.3.1 instead (eos-java/), to check the test's expectations against the reference. */
const APP = process.env.SLUICE_EOS_STREAMS_APP === 'java' ? 'java' : 'sluice';

class Instance {
  state = 'CREATED';
  tasks: string[] = [];
  log = '';
  readonly child: ChildProcess;
  readonly exited: Promise<void>;

  readonly name: string;

  /** `javaClasspath`: run the Java twin (eos-java) instead of the Sluice fixture. */
  constructor(name: string, bootstrap: string, applicationId: string, input: string, output: string, stateDir: string, javaClasspath?: string, joins?: JoinsSpec) {
    this.name = name;
    const args = [bootstrap, applicationId, input, output, stateDir, String(MAX_POLL_RECORDS), String(DELAY_MS), ...(joins ? [JSON.stringify(joins)] : [])];
    this.child =
      javaClasspath === undefined
        ? spawn(process.execPath, ['--conditions=sluice:source', fixture, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn('java', ['-Xmx256m', '-cp', javaClasspath, 'dev.sluice.streams.eos.EosAggregate', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.on('exit', () => resolve()));
    onJsonLines(this.child.stdout!, (m: { state?: string; tasks?: string[] }) => {
      if (m.state) this.state = m.state;
      if (m.tasks) this.tasks = m.tasks;
    });
    const keep = (d: Buffer) => (this.log = (this.log + d).slice(-8000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** The joins application of the fixture: its topics and windows. */
interface JoinsSpec {
  applicationId: string;
  left: string;
  right: string;
  joinOutput: string;
  suppressOutput: string;
  joinWindowMs: number;
  graceMs: number;
  windowMs: number;
}

interface JoinsInput {
  left: { key: string; value: string; partition: number; timestamp: number }[];
  right: { key: string; value: string; partition: number; timestamp: number }[];
}

/** Left records of 30 keys a few ms apart, four in ten with a right record of the same key up to 80 ms from it (so some within the join window, some not). */
function joinsInput(random: Random, base: number): JoinsInput {
  const input: JoinsInput = { left: [], right: [] };
  let t = base;
  for (let i = 0; i < 2000; i++) {
    t += random.int(1, 10);
    const k = random.int(0, 29);
    input.left.push({ key: `j${k}`, value: `L${i}`, partition: k % PARTITIONS, timestamp: t });
    if (random.chance(0.4)) input.right.push({ key: `j${k}`, value: `R${input.right.length}`, partition: k % PARTITIONS, timestamp: t + random.int(-80, 80) });
  }
  return input;
}

/** Per key, the left join's results (each left record with every right one of its key within the window, or with null), sorted. */
function expectedJoin(input: JoinsInput, windowMs: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of input.left) {
    const partners = input.right.filter((r) => r.key === l.key && Math.abs(r.timestamp - l.timestamp) <= windowMs);
    const results = partners.length === 0 ? [`${l.value}+null`] : partners.map((r) => `${l.value}+${r.value}`);
    out.set(l.key, [...(out.get(l.key) ?? []), ...results]);
  }
  for (const v of out.values()) v.sort();
  return out;
}

/** Per key, the values one side has more of than the other (lost or repeated results). */
function multisetDifferences(expected: ReadonlyMap<string, string[]>, actual: ReadonlyMap<string, string[]>): string[] {
  const found: string[] = [];
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const count = (values: readonly string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const [want, got] = [count(expected.get(key) ?? []), count(actual.get(key) ?? [])];
    const missing = [...want].filter(([v, n]) => (got.get(v) ?? 0) < n).map(([v]) => v);
    const extra = [...got].filter(([v, n]) => (want.get(v) ?? 0) < n).map(([v, n]) => `${v} (${n}×)`);
    if (missing.length + extra.length > 0) found.push(`${key}: missing ${missing.slice(0, 5).join(', ') || 'none'}; extra ${extra.slice(0, 5).join(', ') || 'none'}`);
  }
  return found;
}

/** Per key, the values of an output, sorted. */
function valuesByKey(records: readonly { key: string | null; value: string | null }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of records) out.set(r.key!, [...(out.get(r.key!) ?? []), String(r.value)]);
  for (const v of out.values()) v.sort();
  return out;
}

/** Per key, the aggregate after each of its input records, as the fixture writes it (`count:sum`). */
function expectedUpdates(records: { key: string; value: number }[]): Map<string, string[]> {
  const updates = new Map<string, string[]>();
  const totals = new Map<string, { count: number; sum: number }>();
  for (const { key, value } of records) {
    const t = totals.get(key) ?? { count: 0, sum: 0 };
    t.count++;
    t.sum += value;
    totals.set(key, t);
    updates.set(key, [...(updates.get(key) ?? []), `${t.count}:${t.sum}`]);
  }
  return updates;
}

/** Output records written so far, committed or not: how far the application has got. */
async function outputEnd(admin: Admin, topic: string): Promise<number> {
  const ends = await admin.listOffsets(Array.from({ length: PARTITIONS }, (_, partition) => ({ topic, partition, spec: 'latest' as const })));
  return ends.reduce((n, e) => n + Number(e.offset), 0);
}

/** The first difference between what a key's output shows and what its input gives, or undefined. */
function firstDifference(seen: readonly string[], expected: readonly string[]): string | undefined {
  for (let i = 0; i < Math.max(seen.length, expected.length); i++) {
    if (seen[i] !== expected[i]) return `update ${i + 1}: expected ${expected[i] ?? '(none)'}, read ${seen[i] ?? '(none)'} (read ${seen.slice(Math.max(0, i - 2), i + 3).join(', ')})`;
  }
  return undefined;
}

for (const target of TARGETS) {
  describe(`${APP === 'java' ? 'Java Kafka Streams 4.3.1' : 'streams'} exactly_once_v2 under faults on ${target === 'kafka' ? 'Apache Kafka 4.3.1' : 'Sluice'}`, () => {
    test(`three instances aggregate ${RECORDS} records through ${EVENTS.filter((e) => e === 'instance').length} SIGKILLs of an instance and one of the broker: every update exactly once`, { timeout: 900_000 }, async (t) => {
      const groupSettings = { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' };
      const broker: KillableBroker = target === 'kafka' ? await killableApacheKafka(groupSettings) : await killableSluiceBroker(Object.entries(groupSettings).flatMap(([k, v]) => ['--set', `${k}=${v}`]));
      const work = mkdtempSync(join(tmpdir(), 'sluice-eos-streams-'));
      const run = Date.now().toString(36);
      const [applicationId, input, output] = [`eos-agg-${run}`, `eos-agg-in-${run}`, `eos-agg-out-${run}`];
      const instances = new Map<string, Instance>();
      const javaClasspath = APP === 'java' ? await mavenProjectClasspath(join(repoRoot, 'tests', 'streams', 'eos-java')) : undefined;
      // The joins application rides along on Sluice (see the top): same processes, same kills.
      const joins: JoinsSpec | undefined =
        target === 'sluice' && APP === 'sluice'
          ? { applicationId: `eos-joins-${run}`, left: `eos-joins-left-${run}`, right: `eos-joins-right-${run}`, joinOutput: `eos-joins-out-${run}`, suppressOutput: `eos-joins-suppressed-${run}`, joinWindowMs: 50, graceMs: 600_000, windowMs: 1000 }
          : undefined;
      const start = (name: string) => instances.set(name, new Instance(name, broker.bootstrap, applicationId, input, output, join(work, name), javaClasspath, joins));
      const admin = new Admin({ bootstrapServers: broker.bootstrap });
      const reader = new Consumer({ bootstrapServers: broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest' });
      const started = Date.now();
      /**
       * The joins application: once it has processed its input, records one and two hours ahead
       * in every partition of both sides close every window and pending join; then its committed
       * outputs (but the ticks') must be exactly what the input gives.
       */
      const checkJoins = async (spec: JoinsSpec, data: JoinsInput, base: number): Promise<void> => {
        const checkStarted = Date.now();
        const joinRun: TopologyRun = { name: 'eos-joins', applicationId: spec.applicationId, input: spec.left, second: spec.right, output: spec.joinOutput };
        const failures = () => [...instances.values()].filter((i) => !i.running).map((i) => `instance ${i.name} exited`);
        // Two rounds, as a join task restarted with records waiting does not know how old they are
        // (its time tracker starts afresh, as Java's): the first left tick waits in the store too,
        // and the second, later than its window and grace, makes the task emit every closed one.
        const ticks = new Producer({ bootstrapServers: broker.bootstrap });
        try {
          for (const [round, at] of [base + 3_600_000, base + 7_200_000].entries()) {
            await waitUntilProcessed(broker.bootstrap, joinRun, 'exactly_once_v2', failures, 300_000);
            await ticks.sendBatch(Array.from({ length: PARTITIONS }, (_, p) => [{ topic: spec.left, key: `tick-${round}-L-${p}`, value: 't', partition: p, timestamp: at }, { topic: spec.right, key: `tick-${round}-R-${p}`, value: 't', partition: p, timestamp: at }]).flat());
          }
        } finally {
          await ticks.close();
        }
        await waitUntilProcessed(broker.bootstrap, joinRun, 'exactly_once_v2', failures, 300_000);
        const joined = valuesByKey((await readOutput(broker.bootstrap, joinRun, 'exactly_once_v2')).filter((r) => !r.key!.startsWith('tick-')));
        const expectedJoined = expectedJoin(data, spec.joinWindowMs);
        assert.ok([...expectedJoined.values()].flat().some((v) => v.endsWith('+null')) && [...expectedJoined.values()].flat().some((v) => !v.endsWith('+null')), 'the input has matched and unmatched left records');
        assert.deepEqual(multisetDifferences(expectedJoined, joined).slice(0, 10), [], "the left join's committed results, each once");
        const windows = (await readOutput(broker.bootstrap, { ...joinRun, output: spec.suppressOutput }, 'exactly_once_v2')).filter((r) => !r.key!.startsWith('tick-'));
        const counts = new Map<string, number>();
        for (const r of data.left) {
          const k = `${r.key}@${Math.floor(r.timestamp / spec.windowMs) * spec.windowMs}`;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        assert.deepEqual(windows.map((r) => `${r.key}=${r.value}`).sort(), [...counts].map(([k, n]) => `${k}=${n}`).sort(), 'each window once, with its final count');
        t.diagnostic(`joins: ${data.left.length} left and ${data.right.length} right records, ${[...joined.values()].flat().length} join results and ${windows.length} final windows committed, as expected (checked in ${((Date.now() - checkStarted) / 1000).toFixed(1)} s)`);
      };
      const describeInstances = () => [...instances.values()].map((i) => `--- ${i.name} (${i.state}, tasks ${i.tasks.join(' ')}):\n${i.log.slice(-3000)}`).join('\n');
      try {
        await createTopicsAndWait(broker.bootstrap, [{ name: input, partitions: PARTITIONS }, { name: output, partitions: PARTITIONS }]);
        const random = new Random(17);
        const records = Array.from({ length: RECORDS }, () => ({ key: `k${random.int(0, KEYS - 1)}`, value: random.int(1, 9) }));
        const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
        try {
          for (let i = 0; i < records.length; i += 1000) await producer.sendBatch(records.slice(i, i + 1000).map((r) => ({ topic: input, key: r.key, value: String(r.value) })));
        } finally {
          await producer.close();
        }
        const expected = expectedUpdates(records);
        const joinsBase = Date.UTC(2026, 0, 1);
        const joinsData = joinsInput(new Random(23), joinsBase);
        if (joins) {
          await createTopicsAndWait(broker.bootstrap, [joins.left, joins.right, joins.joinOutput, joins.suppressOutput].map((name) => ({ name, partitions: PARTITIONS })));
          const joinsProducer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
          try {
            await joinsProducer.sendBatch([...joinsData.left.map((r) => ({ topic: joins.left, ...r })), ...joinsData.right.map((r) => ({ topic: joins.right, ...r }))]);
          } finally {
            await joinsProducer.close();
          }
        }

        for (const name of ['a', 'b', 'c']) start(name);
        await eventually('the three instances to run two tasks each', () => [...instances.values()].every((i) => i.state === 'RUNNING' && i.tasks.length === 2), 180_000).catch((e) => {
          throw new Error(`${e.message}\n${describeInstances()}`);
        });

        let instanceKills = 0;
        let lastKillAt = 0;
        for (const [k, event] of EVENTS.entries()) {
          // Spread over the input, and each at least 100 outputs after the one before, so that it
          // finds the application at work (outputs count aborted ones too: a bound, not a measure).
          const threshold = Math.min(RECORDS, Math.max(Math.floor((RECORDS * (k + 1)) / (EVENTS.length + 2)), lastKillAt + 100));
          await eventually(`${threshold} outputs written`, async () => (await outputEnd(admin, output)) >= threshold, 300_000).catch((e) => {
            throw new Error(`${e.message}\n${describeInstances()}`);
          });
          const at = await outputEnd(admin, output);
          lastKillAt = at;
          if (event === 'broker') {
            await broker.kill();
            await broker.restart();
          } else {
            await instances.get('a')!.kill();
            instanceKills++;
            start('a');
            // The next kill comes once it is back at work (restored, in a transaction), not while it starts.
            const a = instances.get('a')!;
            await eventually('the restarted instance to run tasks again', () => a.state === 'RUNNING' && a.tasks.length > 0, 180_000).catch((e) => {
              throw new Error(`${e.message}\n${describeInstances()}`);
            });
          }
          t.diagnostic(`kill ${k + 1}: ${event} at ${at} outputs written`);
        }

        // Read the committed output until every key shows its final aggregate.
        reader.assign(Array.from({ length: PARTITIONS }, (_, partition) => ({ topic: output, partition })));
        const seen = new Map<string, string[]>();
        const partitionOf = new Map<string, number>();
        const finals = [...expected].map(([key, updates]) => [key, updates.at(-1)!] as const);
        const deadline = Date.now() + 300_000;
        while (finals.some(([key, last]) => seen.get(key)?.at(-1) !== last) && Date.now() < deadline) {
          for (const r of await reader.poll({ timeoutMs: 500 })) {
            const key = r.key!.toString();
            seen.set(key, [...(seen.get(key) ?? []), r.value!.toString()]);
            partitionOf.set(key, r.partition);
          }
          for (const i of instances.values()) assert.ok(i.running, `instance ${i.name} exited:\n${i.log}`);
        }
        // Anything committed after the finals (a duplicate update at the very end) shows up too.
        for (let idle = 0; idle < 3; ) {
          const more = await reader.poll({ timeoutMs: 500 });
          idle = more.length === 0 ? idle + 1 : 0;
          for (const r of more) seen.set(r.key!.toString(), [...(seen.get(r.key!.toString()) ?? []), r.value!.toString()]);
        }

        const wrong = [...expected].map(([key, updates]) => [`${key} (partition ${partitionOf.get(key)})`, firstDifference(seen.get(key) ?? [], updates)] as const).filter(([, d]) => d !== undefined);
        const read = [...seen.values()].reduce((n, u) => n + u.length, 0);
        t.diagnostic(`${RECORDS} records, ${KEYS} keys, ${instanceKills} instance kills and 1 broker kill; read ${read} committed updates; ${wrong.length} keys differ; ${((Date.now() - started) / 1000).toFixed(0)} s`);
        assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} keys' committed updates differ from their input's\n${describeInstances()}`);
        assert.equal(read, RECORDS);
        if (joins) await checkJoins(joins, joinsData, joinsBase);
      } finally {
        await Promise.all([...instances.values()].filter((i) => i.running).map((i) => i.kill()));
        await reader.close().catch(() => undefined);
        await admin.close().catch(() => undefined);
        await broker.stop();
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}
