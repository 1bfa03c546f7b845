/**
 * The Connect group protocol's bytes against Kafka Connect 4.3.1's own ConnectProtocol and
 * IncrementalCooperativeConnectProtocol (tests/connect/java's ConnectProtocolPeer, one JVM for
 * every case): the
 * JoinGroup protocols a worker offers for each `connect.protocol` (names, order, metadata bytes),
 * assignments in V0, V1 and V2 (bytes), and each side reading what the other wrote.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConnectException } from '@sluice/connect-api';
import { mavenProjectClasspath, repoRoot } from '@sluice/test-kit';
import { decodeAssignment, decodeWorkerState, encodeAssignment, joinProtocols } from '../src/distributed/connect-protocol.ts';
import type { ConnectAssignment, ConnectProtocolName } from '../src/distributed/contract.ts';

/** The Maven project of Kafka Connect's classes that tests/connect shares. */
const project = join(repoRoot, 'tests', 'connect', 'java');

interface JavaAssignment {
  error: number;
  leader: string;
  leaderUrl: string;
  offset: string;
  connectors: string[];
  tasks: [string, number][];
  revokedConnectors: string[];
  revokedTasks: [string, number][];
  delay: number;
}

const toJava = (a: ConnectAssignment): JavaAssignment => ({
  error: a.error,
  leader: a.leader,
  leaderUrl: a.leaderUrl,
  offset: String(a.configOffset),
  connectors: a.connectors,
  tasks: a.tasks.map((t) => [t.connector, t.task]),
  revokedConnectors: a.revokedConnectors,
  revokedTasks: a.revokedTasks.map((t) => [t.connector, t.task]),
  delay: a.delayMs,
});

const fromJava = (a: JavaAssignment): ConnectAssignment => ({
  error: a.error,
  leader: a.leader,
  leaderUrl: a.leaderUrl,
  configOffset: BigInt(a.offset),
  connectors: a.connectors,
  tasks: a.tasks.map(([connector, task]) => ({ connector, task })),
  revokedConnectors: a.revokedConnectors,
  revokedTasks: a.revokedTasks.map(([connector, task]) => ({ connector, task })),
  delayMs: a.delay,
});

/** Connectors and tasks sorted: the protocol groups tasks by connector, so their order is not kept. */
function normalized(a: ConnectAssignment): ConnectAssignment {
  const byId = (x: { connector: string; task: number }, y: { connector: string; task: number }) => (x.connector === y.connector ? x.task - y.task : x.connector < y.connector ? -1 : 1);
  return { ...a, connectors: [...a.connectors].sort(), tasks: [...a.tasks].sort(byId), revokedConnectors: [...a.revokedConnectors].sort(), revokedTasks: [...a.revokedTasks].sort(byId) };
}

const assignment = (over: Partial<ConnectAssignment>): ConnectAssignment => ({
  error: 0,
  leader: 'connect-1-5f0d6a3c-2b7e-4f7a-9a51-0c3e8f6b1d2a',
  leaderUrl: 'http://10.0.0.7:8083/',
  configOffset: 42n,
  connectors: [],
  tasks: [],
  revokedConnectors: [],
  revokedTasks: [],
  delayMs: 0,
  ...over,
});

const t = (connector: string, task: number) => ({ connector, task });

/** Assignments with one connector per worker, many, none, revocations, a delay, unicode names, a failed one. */
const ASSIGNMENTS: ConnectAssignment[] = [
  assignment({}),
  assignment({ connectors: ['orders-in'], tasks: [t('orders-in', 0), t('orders-in', 1), t('payments', 2)] }),
  assignment({
    connectors: ['orders-in', 'payments', 'clicks-out', 'déjà-vu', 'a', 'zz-top', 'metrics', 'trades'],
    tasks: [t('trades', 3), t('orders-in', 0), t('clicks-out', 1), t('déjà-vu', 0)],
  }),
  assignment({ connectors: ['b'], tasks: [t('a', 1)], revokedConnectors: ['x', 'y'], revokedTasks: [t('y', 0), t('z', 4), t('x', 2)], delayMs: 0 }),
  assignment({ delayMs: 300_000, configOffset: 9_007_199_254_740_993n }),
  assignment({ error: 1, configOffset: -1n, leader: 'l', leaderUrl: 'http://l/' }),
];

interface Case {
  op: string;
  [k: string]: unknown;
}

/** Runs every case through one JVM; the answers come back in order. */
async function askJava(cases: Case[]): Promise<any[]> {
  const cp = await mavenProjectClasspath(project);
  const child = spawn('java', ['-Xmx128m', '-cp', cp, 'dev.sluice.tests.connect.ConnectProtocolPeer'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  // 'close', not 'exit': Node may emit 'exit' before the last answers have been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.end(cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const code = await exited;
  assert.equal(code, 0, `the Java peer failed: ${err}`);
  const answers = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  assert.equal(answers.length, cases.length, `one answer per case: ${err}`);
  for (const [i, a] of answers.entries()) assert.equal(a.failure, undefined, `case ${JSON.stringify(cases[i])}: ${a.failure}`);
  return answers;
}

const WORKERS: { protocol: ConnectProtocolName; url: string; configOffset: bigint; assignment: ConnectAssignment | null }[] = [
  { protocol: 'eager', url: 'http://worker-1:8083/', configOffset: -1n, assignment: null },
  { protocol: 'compatible', url: 'http://worker-1:8083/', configOffset: 17n, assignment: null },
  { protocol: 'compatible', url: 'http://w/', configOffset: 3n, assignment: ASSIGNMENTS[2]! },
  { protocol: 'sessioned', url: 'http://worker-ü:8083/', configOffset: 123_456_789_012n, assignment: ASSIGNMENTS[1]! },
  { protocol: 'sessioned', url: 'http://worker-2:8083/', configOffset: 0n, assignment: ASSIGNMENTS[3]! },
];

let java: any[];
const metadataCases = WORKERS.map((w) => ({ op: 'metadata', protocol: w.protocol, url: w.url, offset: String(w.configOffset), assignment: w.assignment === null ? null : toJava(w.assignment) }));
/** Each assignment in each version that can carry it (V0 has no revocations or delay). */
const versioned = [0, 1, 2].flatMap((version) =>
  ASSIGNMENTS.filter((a) => version > 0 || (a.revokedConnectors.length === 0 && a.revokedTasks.length === 0 && a.delayMs === 0)).map((original) => ({ version, original })),
);
const assignmentCases = versioned.map(({ version, original }) => ({ op: 'assignment', version, ...toJava(original) }));
// What Java reads from our bytes: assignments of each version, and each metadata we offer.
const ourAssignmentBytes = versioned.map(({ version, original }) => encodeAssignment(original, version));
const ourMetadata = WORKERS.flatMap((w) => joinProtocols(w.protocol, w));
const decodeCases = [
  ...ourAssignmentBytes.map((b) => ({ op: 'decodeAssignment', hex: b.toString('hex') })),
  ...ourMetadata.map((p) => ({ op: 'decodeMetadata', hex: p.metadata.toString('hex') })),
];

before(async () => {
  java = await askJava([...metadataCases, ...assignmentCases, ...decodeCases]);
});

test('a worker offers the protocols of its connect.protocol in Kafka order, with the metadata bytes Java writes', () => {
  for (const [i, w] of WORKERS.entries()) {
    const ours = joinProtocols(w.protocol, w).map((p) => ({ name: p.name, metadata: p.metadata.toString('hex') }));
    assert.deepEqual(ours, java[i].protocols, `${w.protocol} worker ${i}`);
  }
  assert.deepEqual(java.slice(0, WORKERS.length).map((a) => a.protocols.map((p: { name: string }) => p.name)), [
    ['default'],
    ['compatible', 'default'],
    ['compatible', 'default'],
    ['sessioned', 'compatible', 'default'],
    ['sessioned', 'compatible', 'default'],
  ]);
});

test('assignments of V0, V1 and V2 have the bytes Java writes, and read back as written', () => {
  const answers = java.slice(metadataCases.length, metadataCases.length + assignmentCases.length);
  for (const [i, { version: written, original }] of versioned.entries()) {
    const ours = ourAssignmentBytes[i]!;
    assert.equal(ours.toString('hex'), answers[i].hex, `version ${written}: ${JSON.stringify(assignmentCases[i])}`);
    const { version, ...back } = decodeAssignment(Buffer.from(answers[i].hex, 'hex'));
    assert.equal(version, written);
    assert.deepEqual(normalized(back), normalized(original));
  }
});

test('Java reads our assignments and join metadata as we meant them', () => {
  const answers = java.slice(metadataCases.length + assignmentCases.length);
  for (const [i, { version: written, original }] of versioned.entries()) {
    const { version, ...read } = answers[i];
    assert.equal(version, written);
    assert.deepEqual(normalized(fromJava(read)), normalized(original));
  }
  const metadataAnswers = answers.slice(assignmentCases.length);
  let k = 0;
  for (const w of WORKERS) {
    for (const p of joinProtocols(w.protocol, w)) {
      const read = metadataAnswers[k++];
      assert.equal(read.url, w.url);
      assert.equal(read.offset, String(w.configOffset));
      // V0 carries no assignment; V1 and V2 carry the worker's own.
      if (p.name === 'default' || w.assignment === null) assert.equal(read.assignment, null);
      else assert.deepEqual(normalized(fromJava(read.assignment)), normalized(w.assignment));
      const ours = decodeWorkerState(p.metadata);
      assert.equal(ours.url, w.url);
      assert.equal(ours.configOffset, w.configOffset);
    }
  }
});

test('bytes that are no Connect metadata or assignment are refused with what is wrong', () => {
  const good = encodeAssignment(ASSIGNMENTS[1]!, 1);
  assert.throws(() => decodeAssignment(good.subarray(0, 20)), (e: unknown) => e instanceof ConnectException && /Connect assignment ends early/.test(e.message));
  assert.throws(() => decodeAssignment(Buffer.from([0xff, 0xff, 0, 0])), (e: unknown) => e instanceof ConnectException && /Unsupported subscription version: -1/.test(e.message));
  assert.throws(() => decodeWorkerState(Buffer.from('not connect')), (e: unknown) => e instanceof ConnectException && /Connect worker metadata/.test(e.message));
  assert.throws(() => encodeAssignment(ASSIGNMENTS[3]!, 0), (e: unknown) => e instanceof ConnectException && /V0 \(eager\)/.test(e.message));
});
