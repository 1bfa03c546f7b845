// docs/getting-started.md as a newcomer follows it: its TypeScript files are written out as they
// stand in the page, and its commands run through bash from a folder inside the clone, first
// against a Sluice broker, then (section 5) against Apache Kafka 4.3.1. A command the page marks
// "runs until Ctrl-C" is started in the background and stopped with SIGINT once it has shown
// what the page promises. Section 1 (npm ci, starting a broker on port 9092) is the one thing
// not run here: the test brings its own broker on a free port, and `sluice broker` has its own
// tests in this folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { type ApacheKafka, repoRoot, startApacheKafka } from '@sluice/test-kit';

const RUNS_UNTIL_CTRL_C = /\s+# runs until Ctrl-C$/;

interface Section {
  title: string;
  ts: { file: string; code: string }[];
  sh: string[][];
}

/** The page's numbered sections with their code blocks: TypeScript files by the name their
 * first line gives, shell blocks as lists of command lines. */
function readGuide(): Map<number, Section> {
  const text = readFileSync(join(repoRoot, 'docs', 'getting-started.md'), 'utf8');
  const sections = new Map<number, Section>();
  let current: Section | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (\d+)\. (.+)$/.exec(lines[i]);
    if (heading) {
      current = { title: heading[2], ts: [], sh: [] };
      sections.set(Number(heading[1]), current);
      continue;
    }
    const fence = /^```(\w+)$/.exec(lines[i]);
    if (!fence || !current) continue;
    const body: string[] = [];
    for (i++; lines[i] !== '```'; i++) {
      if (i >= lines.length) throw new Error('docs/getting-started.md: a code block is not closed');
      body.push(lines[i]);
    }
    if (fence[1] === 'ts') {
      const name = /^\/\/ (\S+\.ts)$/.exec(body[0]);
      assert.ok(name, `a TypeScript block in "${current.title}" must open with // <file>.ts`);
      current.ts.push({ file: name[1], code: `${body.join('\n')}\n` });
    } else if (fence[1] === 'sh') current.sh.push(body.filter((l) => l.trim() !== ''));
  }
  return sections;
}

function section(guide: Map<number, Section>, n: number): Section {
  const s = guide.get(n);
  assert.ok(s, `docs/getting-started.md has no section ${n}`);
  return s;
}

interface Finished {
  code: number | null;
  out: string;
}

/** Where the newcomer works: a folder inside the clone (ignored .cache/), so that the
 * repository's packages resolve as they do for them. */
let workDir = '';
const running = new Set<ChildProcess>();

function bash(script: string, env: Record<string, string>): ChildProcess {
  // Its own process group, so that SIGINT reaches npm and what npm started, as Ctrl-C does.
  const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: workDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Runs commands to completion; fails with their output unless they all succeed. */
function runCommands(lines: string[], env: Record<string, string>): Promise<string> {
  const child = bash(lines.join('\n'), env);
  return collect(child).then(({ code, out }) => {
    assert.equal(code, 0, `${lines.join('\n')}\nexited with ${code}:\n${out}`);
    return out;
  });
}

function collect(child: ChildProcess): Promise<Finished> {
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

/** A command that runs until Ctrl-C: started, watched until `ready` accepts its output, left
 * running through `meanwhile`, then stopped as a terminal stops it. Resolves with its whole
 * output once it has exited. */
async function runUntilCtrlC(
  line: string,
  env: Record<string, string>,
  ready: (out: string) => boolean,
  what: string,
  meanwhile: () => Promise<void> = async () => {},
): Promise<Finished> {
  assert.match(line, RUNS_UNTIL_CTRL_C);
  const child = bash(line.replace(RUNS_UNTIL_CTRL_C, ''), env);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const finished = collect(child);
  const shown = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => ready(out) && resolve(true);
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
    }),
    finished.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 120_000).unref()),
  ]);
  assert.ok(shown, `${line}: never showed ${what}:\n${out}`);
  try {
    await meanwhile();
  } finally {
    process.kill(-child.pid!, 'SIGINT');
  }
  return finished;
}

/** Runs `lines` again until `check` accepts their output: for reading what another process
 * writes a moment later, which a reader does by running the command once more. */
async function runCommandsUntil(lines: string[], env: Record<string, string>, check: (out: string) => boolean): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const out = await runCommands(lines, env);
    if (check(out)) return out;
    assert.ok(attempt < 60, `${lines.join('\n')}: still not there after ${attempt} runs:\n${out}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const greetingLines = (out: string) => out.split('\n').filter((l) => / says /.test(l));

const guide = readGuide();

before(() => {
  mkdirSync(join(repoRoot, '.cache'), { recursive: true });
  workDir = mkdtempSync(join(repoRoot, '.cache', 'getting-started-'));
  mkdirSync(join(workDir, 'hello'));
  for (const { file, code } of section(guide, 3).ts) writeFileSync(join(workDir, 'hello', file), code);
});

after(() => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  rmSync(workDir, { recursive: true, force: true });
});

test('section 1 starts a broker the way the rest of the page expects', () => {
  // Not run (see the top of this file), but held to what the README and the other tests use.
  assert.deepEqual(section(guide, 1).sh, [['npm ci', 'npx sluice broker              # runs until Ctrl-C']]);
  assert.deepEqual(section(guide, 3).ts.map((t) => t.file), ['producer.ts', 'consumer.ts']);
});

test("section 3's TypeScript files type-check with the repository's settings", async () => {
  writeFileSync(join(workDir, 'tsconfig.json'), JSON.stringify({ extends: join(repoRoot, 'tsconfig.base.json'), include: ['hello/*.ts'] }));
  await runCommands([`${join(repoRoot, 'node_modules', '.bin', 'tsc')} -p tsconfig.json --noEmit`], {});
});

test('sections 2 to 4 against a Sluice broker', async () => {
  let broker: Broker | undefined;
  try {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    const env = { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap };

    // 2. The CLI: create, produce, consume to the end.
    const [cli] = section(guide, 2).sh;
    const cliOut = await runCommands(cli, env);
    assert.deepEqual(greetingLines(cliOut).sort(), ['alice says hello', 'bob says good morning']);

    // 3. The TypeScript producer, then the consumer until it has printed all three greetings.
    const [[producerLine, consumerLine]] = section(guide, 3).sh;
    assert.match(await runCommands([producerLine], env), /^written to partition [0-2] at offset 0$/m);
    const consumer = await runUntilCtrlC(consumerLine, env, (out) => greetingLines(out).length >= 3, 'three greetings');
    assert.equal(consumer.code, 0, consumer.out);
    assert.deepEqual(
      greetingLines(consumer.out)
        .map((l) => l.replace(/ \(partition \d, offset \d+\)$/, ''))
        .sort(),
      ['alice says hello', 'bob says good morning', 'carol says hi from TypeScript'],
    );

    // 4. The seed pipeline, fed and read with the CLI while it runs.
    const [[exampleLine], feed] = section(guide, 4).sh;
    let read = '';
    const example = await runUntilCtrlC(exampleLine, env, (out) => out.includes('important-filter: RUNNING'), 'that it is running', async () => {
      await runCommands(feed.slice(0, 1), env);
      // The pipeline writes a moment after the feed: read again until it has.
      read = await runCommandsUntil(feed.slice(1), env, (out) => out.includes('very important'));
    });
    assert.equal(read.trim(), 'very important');
    assert.match(example.out, /important-filter: NOT_RUNNING/);
  } finally {
    await broker?.close();
  }
});

test('section 5: the same programs against Apache Kafka 4.3.1', async () => {
  let kafka: ApacheKafka | undefined;
  try {
    kafka = await startApacheKafka();
    const [moved] = section(guide, 5).sh;
    const exported = /^export KAFKA_BOOTSTRAP_SERVERS=\S+$/;
    assert.match(moved[0], exported, 'section 5 opens by pointing KAFKA_BOOTSTRAP_SERVERS at the cluster');
    // The cluster's address instead of the page's example hosts; every other line as written.
    const out = await runCommands([`export KAFKA_BOOTSTRAP_SERVERS=${kafka.bootstrap}`, ...moved.slice(1)], {});
    assert.match(out, /^written to partition 0 at offset 0$/m);
    assert.match(out, /^hi from TypeScript$/m);
    // The consumer of section 3, unchanged, in a group on Apache Kafka.
    const [[, consumerLine]] = section(guide, 3).sh;
    const consumer = await runUntilCtrlC(consumerLine, { KAFKA_BOOTSTRAP_SERVERS: kafka.bootstrap }, (o) => greetingLines(o).length >= 1, 'the greeting');
    assert.equal(consumer.code, 0, consumer.out);
    assert.match(consumer.out, /^carol says hi from TypeScript \(partition 0, offset 0\)$/m);
  } finally {
    await kafka?.stop();
  }
});
