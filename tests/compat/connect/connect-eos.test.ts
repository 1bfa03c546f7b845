// Apache Kafka Connect 4.3.1, a distributed worker with exactly.once.source.support=enabled,
// against the broker: the leader writes the config topic through a transactional ("fencable")
// producer, and a source connector with exactly.once.support=required runs its task with a
// transactional producer of its own, committing records and source offsets together. Before
// Sluice had transactions the leader retried for ever on "Failed to create and initialize
// fencable producer for config topic" and no connector was ever assigned.
// The connector is Kafka's FileStreamSourceConnector reading a file of numbered lines; a
// read_committed reader must find every line once, in order. Kafka's jars come from Maven Central
// (pom.xml beside this file, class path cached in ~/.cache/sluice). Against Apache Kafka 4.3.1
// too with SLUICE_CONNECT_TARGETS=sluice,kafka (the default is Sluice only, to keep CI short).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from '@sluice/broker';
import { Consumer } from '@sluice/client';
import { createTopicsAndWait, eventually, javaConnectRestUrl, javaTool, run, startApacheKafka } from '@sluice/test-kit';

const here = dirname(fileURLToPath(import.meta.url));
const LINES = 200;
const TARGETS = (process.env.SLUICE_CONNECT_TARGETS ?? 'sluice').split(',').filter(Boolean);

/** Connect's class path, resolved by Maven once per change of pom.xml. */
async function connectClasspath(): Promise<string> {
  const pom = join(here, 'pom.xml');
  const cache = join(process.env.SLUICE_PYTHON_VENVS ?? join(homedir(), '.cache', 'sluice'), 'connect-4.3.1.classpath');
  if (!existsSync(cache) || statSync(cache).mtimeMs < statSync(pom).mtimeMs) {
    mkdirSync(dirname(cache), { recursive: true });
    await run('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cache}`], { timeoutMs: 600_000 });
  }
  return readFileSync(cache, 'utf8').trim();
}

/** Every record of a topic's partitions that read_committed sees, as text. */
async function readCommitted(bootstrap: string, topic: string, partitions: number): Promise<{ key: string | null; value: string | null }[]> {
  const consumer = new Consumer({ bootstrapServers: [bootstrap], isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
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

/** A Connect worker process; its log is kept for failure messages. */
class ConnectWorker {
  log = '';
  readonly child: ChildProcess;
  /** Its REST API as it logged it (kept: the INFO log soon pushes that line out of `log`). */
  private restUrl: string | undefined;

  private constructor(child: ChildProcess) {
    this.child = child;
    const keep = (d: Buffer) => {
      this.log = (this.log + d.toString()).slice(-100_000);
      this.restUrl ??= javaConnectRestUrl(this.log);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  /** Throws until the worker said where its REST API listens (eventually tries again). */
  get url(): string {
    if (this.restUrl === undefined) throw new Error('the worker has not logged where its REST API listens yet');
    return this.restUrl;
  }

  static async start(bootstrap: string, dir: string, run: string): Promise<ConnectWorker> {
    const props = {
      'bootstrap.servers': bootstrap,
      'group.id': `connect-${run}`,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'config.storage.topic': `connect-configs-${run}`,
      'offset.storage.topic': `connect-offsets-${run}`,
      'status.storage.topic': `connect-status-${run}`,
      'config.storage.replication.factor': '1',
      'offset.storage.replication.factor': '1',
      'status.storage.replication.factor': '1',
      'exactly.once.source.support': 'enabled',
      // Port 0: RestServer binds a free port and logs it. One picked here would be bound by the
      // JVM seconds later, and another process may take it meanwhile (the worker then exits).
      listeners: 'http://127.0.0.1:0',
      'rest.advertised.host.name': '127.0.0.1',
      'offset.flush.interval.ms': '500',
    };
    const file = join(dir, 'worker.properties');
    writeFileSync(file, Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    const child = spawn('java', ['-Xmx512m', '-Dorg.apache.logging.log4j.level=INFO', '-cp', await connectClasspath(), 'org.apache.kafka.connect.cli.ConnectDistributed', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new ConnectWorker(child);
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(this.url + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

for (const target of TARGETS) {
  describe(`Kafka Connect 4.3.1 with exactly.once.source.support=enabled on ${target === 'kafka' ? 'Apache Kafka 4.3.1' : 'Sluice'}`, { timeout: 300_000 }, () => {
    let bootstrap: string;
    let stopBroker: () => Promise<void>;
    before(async () => {
      if (target === 'kafka') {
        const kafka = await startApacheKafka();
        bootstrap = kafka.bootstrap;
        stopBroker = () => kafka.stop();
      } else {
        const broker = await startBroker({ port: 0 });
        bootstrap = broker.bootstrap;
        stopBroker = () => broker.close();
      }
    }, { timeout: 180_000 });
    after(() => stopBroker?.());

    test(`a FileStreamSource connector with exactly.once.support=required is assigned, runs, and its ${LINES} lines are read once with read_committed`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sluice-connect-'));
      const run = Date.now().toString(36);
      const topic = `connect-lines-${run}`;
      const input = join(dir, 'input.txt');
      writeFileSync(input, Array.from({ length: LINES }, (_, i) => `line-${i}\n`).join(''));
      await createTopicsAndWait(bootstrap, [{ name: topic, partitions: 1 }]);
      const worker = await ConnectWorker.start(bootstrap, dir, run);
      const context = () => `\n--- Connect worker log (end) ---\n${worker.log.slice(-8000)}`;
      try {
        await eventually('the Connect REST API answers', async () => {
          if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode})${context()}`);
          assert.equal((await worker.request('GET', '/')).status, 200);
          return true;
        }, 120_000);
        const config = { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector', 'tasks.max': '1', file: input, topic, 'exactly.once.support': 'required', 'transaction.boundary': 'poll' };
        // The worker answers 409 while it joins its group (or rebalances), and 500 while the
        // leader has not yet read the config topic to its end.
        await eventually('the connector is created', async () => {
          const { status, json } = await worker.request('PUT', `/connectors/eos-lines/config`, config);
          assert.ok(status === 200 || status === 201, `PUT /connectors/eos-lines/config: ${status} ${JSON.stringify(json)}`);
          return true;
        }, 120_000).catch((err: Error) => assert.fail(err.message + context()));
        await eventually('the connector and its task run', async () => {
          const { json } = await worker.request('GET', '/connectors/eos-lines/status');
          assert.equal(json?.connector?.state, 'RUNNING', JSON.stringify(json));
          assert.deepEqual(json.tasks.map((t: { state: string }) => t.state), ['RUNNING'], JSON.stringify(json));
          return true;
        }, 120_000).catch((err: Error) => assert.fail(err.message + context()));

        const read = await javaTool(['txn-read', bootstrap, topic, String(LINES)], 180_000);
        assert.deepEqual(read.map((r) => r.value), Array.from({ length: LINES }, (_, i) => `line-${i}`), `the topic read with read_committed${context()}`);
        // Java's records in the forms our exactly-once support writes (packages/connect/test/zombie-fencing and
        // tests/connect/exactly-once-source check ours): the task-count record the leader wrote before the task
        // started, and the task's last source offset, committed in its transaction.
        const configs = await readCommitted(bootstrap, `connect-configs-${run}`, 1);
        assert.deepEqual(configs.filter((r) => r.key === 'tasks-fencing-eos-lines').map((r) => r.value), ['{"task-count":1}'], `the config topic:\n${JSON.stringify(configs)}`);
        const offsetKey = JSON.stringify(['eos-lines', { filename: input }]);
        await eventually('the last source offset committed', async () => (await readCommitted(bootstrap, `connect-offsets-${run}`, 25)).filter((r) => r.key === offsetKey).at(-1)?.value === `{"position":${statSync(input).size}}`, 60_000);
      } finally {
        await worker.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
