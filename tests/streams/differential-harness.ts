/**
 * The machinery of the streams differential tests: a Sluice broker process, the inputs written
 * once, Java Kafka Streams 4.3.1 running the reference topologies (tests/streams/java), waiting
 * until an application has processed everything, reading an output topic, and comparing two
 * outputs per key, in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Admin, Consumer, Producer } from '@sluice/client';
import { createTopicsAndWait, eventually, mavenProjectClasspath, onJsonLines, startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';
import { PARTITIONS, type InputRecord, type TopologyInput } from './differential-inputs.ts';
import type { OutputRecord } from './differential-model.ts';

const javaProject = join(dirname(fileURLToPath(import.meta.url)), 'java');

/** Topologies whose output values are Longs (Kafka's count()); the others write strings. */
const LONG_VALUES = new Set(['count', 'groupby-count', 'repartition-count']);

export interface TestBroker {
  bootstrap: string;
  stop(): Promise<void>;
}

export async function startTestBroker(): Promise<TestBroker> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-differential-'));
  // Port 0: the broker chooses (one picked beforehand may be taken before it binds it).
  const broker: BrokerProcess = await startBrokerProcess(0, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0']);
  return {
    bootstrap: `127.0.0.1:${broker.port}`,
    async stop() {
      broker.child.kill('SIGTERM');
      const timer = setTimeout(() => broker.child.kill('SIGKILL'), 60_000);
      await broker.exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The topics of one topology run on one side ('java' or 'sluice'). */
export interface TopologyRun {
  name: string;
  applicationId: string;
  input: string;
  output: string;
  /** global-lookup's global table. */
  global?: string;
  /** merge-aggregate's second input, co-partitioned with the first. */
  second?: string;
}

export function topicsOf(name: string, side: 'java' | 'sluice', input: TopologyInput): TopologyRun {
  return {
    name,
    applicationId: `differential-${name}-${side}`,
    input: `differential-${name}-input`,
    output: `differential-${name}-${side}-output`,
    ...(input.global ? { global: `differential-${name}-global` } : {}),
    ...(input.second ? { second: `differential-${name}-second` } : {}),
  };
}

/** The topics a run reads from its group's committed offsets (a global table is read without a group). */
const inputTopics = (run: TopologyRun): string[] => [run.input, ...(run.second ? [run.second] : [])];

/** Creates the input topics and writes every input (global tables included) before any application starts. */
export async function writeInputs(bootstrap: string, inputs: Record<string, TopologyInput>): Promise<void> {
  const written = Object.entries(inputs).flatMap(([name, input]) => {
    const run = topicsOf(name, 'java', input);
    return [
      { topic: run.input, records: input.records },
      ...(run.global ? [{ topic: run.global, records: input.global! }] : []),
      ...(run.second ? [{ topic: run.second, records: input.second! }] : []),
    ];
  });
  await createTopicsAndWait(bootstrap, written.map((w) => ({ name: w.topic, partitions: PARTITIONS })));
  const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 5 });
  try {
    for (const { topic, records } of written) {
      await producer.sendBatch(records.map((r) => ({ topic, key: r.key, value: r.value, partition: r.partition, timestamp: r.timestamp })));
    }
  } finally {
    await producer.close();
  }
}

export interface JavaApps {
  /** Application id → its last state (RUNNING, ERROR, ...). */
  states: Map<string, string>;
  /** What stopped an application, each as `<application id>: <error>`, or the JVM: `JVM: ...`. */
  errors: string[];
  stop(): Promise<void>;
}

/** Runs the named topologies in one JVM (one KafkaStreams each) until stop(). */
export async function startJavaApps(bootstrap: string, guarantee: string, runs: TopologyRun[]): Promise<JavaApps> {
  const cp = await mavenProjectClasspath(javaProject);
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-differential-java-'));
  const specs = runs.map((r) => `name=${r.name},app=${r.applicationId},input=${r.input},output=${r.output}${r.global ? `,global=${r.global}` : ''}${r.second ? `,second=${r.second}` : ''}`);
  const child: ChildProcess = spawn('java', ['-Xmx512m', '-cp', cp, 'dev.sluice.streams.RunTopologies', bootstrap, guarantee, stateDir, ...specs], { stdio: ['pipe', 'pipe', 'pipe'] });
  const states = new Map<string, string>();
  const errors: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
  onJsonLines(child.stdout!, (m: { app?: string; state?: string; error?: string }) => {
    if (m.app && m.state) states.set(m.app, m.state);
    if (m.app && m.error) errors.push(`${m.app}: ${m.error}`);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then((code) => {
    if (code !== 0) errors.push(`JVM: exited with ${code}: ${stderr}`);
  });
  return {
    states,
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

export type Guarantee = 'at_least_once' | 'exactly_once_v2';

/**
 * Resolves once the application has committed, for every partition of its input topic and of its
 * repartition topics, the end offset: everything read has been processed and its output flushed
 * (at-least-once commits only after the producer's flush; exactly-once commits offsets and outputs
 * in one transaction). The input's commits are checked before the repartition topics' end offsets
 * are read, so those ends are final. Under exactly_once_v2 every write to a repartition topic is
 * transactional, so when no transaction is open there (last stable offset = end) its last entry is
 * a marker, and a committed offset just before it has processed every record.
 */
/** The errors of `errors` (`<application id>: ...` or `JVM: ...`) that concern this application. */
export function failuresOf(run: TopologyRun, errors: readonly string[]): string[] {
  return errors.filter((e) => e.startsWith(`${run.applicationId}: `) || e.startsWith('JVM: '));
}

export async function waitUntilProcessed(bootstrap: string, run: TopologyRun, guarantee: Guarantee, failures: () => string[], timeoutMs = 240_000): Promise<void> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  const offsets = (topic: string, partitions: number, isolationLevel: 'read_uncommitted' | 'read_committed') =>
    admin.listOffsets(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, spec: 'latest' as const })), { isolationLevel });
  let lastCheck = 0;
  try {
    const outcome = await eventually(
      `${run.applicationId} to commit the end of ${inputTopics(run).join(' and ')} and of its repartition topics`,
      async () => {
        // Each check asks the broker several things: a few per second are enough.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastCheck + 250 - Date.now())));
        lastCheck = Date.now();
        if (failures().length > 0) return 'failed';
        const committed = new Map((await admin.listGroupOffsets(run.applicationId)).map((c) => [`${c.topic}:${c.partition}`, c.offset]));
        // Repartition topics, and the foreign-key join's subscription and response topics (`…-topic`).
        const internal = (await admin.listTopics()).filter((t) => t.startsWith(`${run.applicationId}-`) && (t.endsWith('-repartition') || t.endsWith('-topic')));
        for (const topic of [...inputTopics(run), ...internal]) {
          const partitions = (await admin.describeTopics([topic]))[0]!.partitions.length;
          const ends = await offsets(topic, partitions, 'read_uncommitted');
          const markerLast = internal.includes(topic) && guarantee === 'exactly_once_v2';
          const stable = markerLast ? await offsets(topic, partitions, 'read_committed') : ends;
          for (const [i, end] of ends.entries()) {
            if (end.offset === 0n) continue;
            const at = committed.get(`${topic}:${end.partition}`) ?? null;
            const behind = at === null || (markerLast ? stable[i]!.offset !== end.offset || at < end.offset - 1n : at !== end.offset);
            // Thrown rather than returned, so that a time-out says where the application stands.
            if (behind) {
              const group = (await admin.describeGroups([run.applicationId]))[0];
              throw new Error(
                `committed ${at ?? 'nothing'} of ${topic}-${end.partition}, whose end is ${end.offset}${markerLast ? ` (last stable ${stable[i]!.offset})` : ''}; ` +
                  `the group is ${group?.state ?? 'unknown'} with ${group?.members.length ?? 0} member(s)`,
              );
            }
          }
        }
        return 'done';
      },
      timeoutMs,
    );
    if (outcome === 'failed') throw new Error(`${run.applicationId} failed: ${failures().join('; ')}`);
  } finally {
    await admin.close();
  }
}

/** Reads a whole output topic (to its current end; under exactly_once_v2 its committed records only), values decoded as the topology writes them. */
export async function readOutput(bootstrap: string, run: TopologyRun, guarantee: Guarantee): Promise<OutputRecord[]> {
  const isolationLevel = guarantee === 'exactly_once_v2' ? 'read_committed' : 'read_uncommitted';
  const admin = new Admin({ bootstrapServers: bootstrap });
  let ends: Map<number, bigint>;
  try {
    if (!(await admin.listTopics()).includes(run.output)) return [];
    const partitions = (await admin.describeTopics([run.output]))[0]!.partitions.length;
    const latest = (level: typeof isolationLevel) => admin.listOffsets(Array.from({ length: partitions }, (_, partition) => ({ topic: run.output, partition, spec: 'latest' as const })), { isolationLevel: level });
    // The group's offsets may become visible before the transaction's marker reaches every output
    // partition: wait until no transaction is open there, then read to that end.
    const listed = await eventually(`no open transaction on ${run.output}`, async () => {
      const [stable, end] = [await latest(isolationLevel), await latest('read_uncommitted')];
      return stable.every((o, i) => o.offset === end[i]!.offset) && stable;
    });
    ends = new Map(listed.map((o) => [o.partition, o.offset]));
  } finally {
    await admin.close();
  }
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest', isolationLevel });
  const partitions = [...ends.keys()].map((partition) => ({ topic: run.output, partition }));
  consumer.assign(partitions);
  const out: OutputRecord[] = [];
  try {
    await eventually(`the end of ${run.output}`, async () => {
      for (const r of await consumer.poll({ timeoutMs: 200 })) {
        if (BigInt(r.offset) < ends.get(r.partition)!) out.push({ key: r.key?.toString() ?? null, value: decode(run.name, r.value), timestamp: r.timestamp, partition: r.partition });
      }
      for (const tp of partitions) if ((await consumer.position(tp)) < ends.get(tp.partition)!) return false;
      return true;
    });
  } finally {
    await consumer.close();
  }
  return out;
}

function decode(topology: string, value: Buffer | null): string | null {
  if (value === null) return null;
  if (LONG_VALUES.has(topology)) {
    if (value.length !== 8) return `<${value.length} bytes, not a Long: ${value.toString('hex')}>`;
    return value.readBigInt64BE().toString();
  }
  return value.toString('utf8');
}

type Entry = Omit<OutputRecord, 'key'>;

/** One sequence per key, in the order the output holds it (each key lives in one partition). */
export function perKey(records: OutputRecord[]): Map<string, Entry[]> {
  const byKey = new Map<string, Entry[]>();
  for (const { key, ...entry } of records) {
    const k = key ?? '<null>';
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(entry);
  }
  return byKey;
}

/** Same value and timestamp, and the same partition where both sides know it. */
function same(a: Entry | undefined, b: Entry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.value === b.value && a.timestamp === b.timestamp && (a.partition === undefined || b.partition === undefined || a.partition === b.partition);
}

/**
 * The differences between an expected output and an actual one, per key and in order: for each
 * key whose sequences differ, where they first part and what each side has there. Empty when the
 * outputs match record for record per key (value, timestamp and, where both are read from topics,
 * partition).
 */
export function differences(expected: OutputRecord[], actual: OutputRecord[], expectedSide = 'expected', actualSide = 'actual'): string[] {
  const want = perKey(expected);
  const got = perKey(actual);
  const found: string[] = [];
  const show = (r: Entry | undefined) => (r === undefined ? 'nothing' : `${JSON.stringify(r.value)} @${r.timestamp}${r.partition === undefined ? '' : ` in partition ${r.partition}`}`);
  for (const key of [...new Set([...want.keys(), ...got.keys()])].sort()) {
    const a = want.get(key) ?? [];
    const b = got.get(key) ?? [];
    const at = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).find((i) => !same(a[i], b[i]));
    if (at !== undefined) {
      found.push(`key ${key}: ${a.length} records in ${expectedSide}, ${b.length} in ${actualSide}; record #${at}: ${expectedSide} has ${show(a[at])}, ${actualSide} has ${show(b[at])}`);
    }
  }
  return found;
}
