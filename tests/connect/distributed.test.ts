/**
 * Distributed mode as a user runs it: `sluice connect distributed worker.properties` processes
 * sharing connectors through a Sluice broker. Three workers start; connectors are created through
 * one worker's REST API (forwarded to the leader when it is not the leader); a fourth worker joins
 * and gets a share; the worker running the file source's task is killed with SIGKILL, and once its
 * share has waited out scheduled.rebalance.max.delay.ms it runs on the others. Every connector and
 * task is RUNNING on a live worker at the end of each step, `/status` agrees on every worker, and a
 * FileStreamSource → topic → FileStreamSink pipeline ends with every line written to its input.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin } from '@sluice/client';
import { eventually, sluiceBin, startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';
import { restUrlIn } from './cli-support.ts';

interface WorkerProcess {
  child: ChildProcess;
  /** Which worker of the test this is (for messages before its REST port is known). */
  name: string;
  /** Its REST API and worker id, known once it is ready (listeners at port 0: see ready). */
  url: string;
  id: string;
  exited: Promise<number | null>;
  out(): string;
}

interface Status {
  connector: { state: string; worker_id: string };
  tasks: { id: number; state: string; worker_id: string }[];
}

const CONNECTORS = ['file-source', 'file-sink', 'orders-generator'];

describe('sluice connect distributed', () => {
  let dir: string;
  let broker: BrokerProcess;
  let bootstrap: string;
  const workers: WorkerProcess[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-distributed-'));
    // Short group timings so that a killed worker is noticed in seconds. Port 0: the broker
    // chooses (one picked beforehand may be taken before it binds it).
    broker = await startBrokerProcess(0, join(dir, 'data'), ['--set', 'group.initial.rebalance.delay.ms=0', '--set', 'group.min.session.timeout.ms=1000']);
    bootstrap = `127.0.0.1:${broker.port}`;
  });

  after(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    broker?.child.kill('SIGTERM');
    await broker?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  async function startWorker(n: number, configTopic = 'connect-configs'): Promise<WorkerProcess> {
    const file = join(dir, `worker-${n}.properties`);
    writeFileSync(
      file,
      [
        `bootstrap.servers=${bootstrap}`,
        'group.id=connect-cluster',
        `config.storage.topic=${configTopic}`,
        'offset.storage.topic=connect-offsets',
        'status.storage.topic=connect-status',
        'config.storage.replication.factor=1',
        'offset.storage.replication.factor=1',
        'status.storage.replication.factor=-1',
        'offset.storage.partitions=5',
        'status.storage.partitions=3',
        'offset.flush.interval.ms=300',
        'session.timeout.ms=3000',
        'heartbeat.interval.ms=500',
        'rebalance.timeout.ms=20000',
        'scheduled.rebalance.max.delay.ms=1500',
        // The sink tasks' consumer group must notice the killed worker's consumers soon too.
        'consumer.session.timeout.ms=3000',
        'consumer.heartbeat.interval.ms=500',
        // Port 0: the worker binds a free port and prints it; one picked here beforehand could be
        // taken by another process before the worker binds it.
        'listeners=http://127.0.0.1:0',
        '',
      ].join('\n'),
    );
    const child = spawn(process.execPath, [sluiceBin, 'connect', 'distributed', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out = (out + d).slice(-50_000)));
    // 'close', not 'exit': Node may emit 'exit' before the last of the output has been read.
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const w: WorkerProcess = { child, name: `worker-${n}`, url: '', id: '', exited, out: () => out };
    workers.push(w);
    return w;
  }

  /** Waits for the worker to say it is ready, and takes its REST URL and worker id (host:port) from what it says. */
  const ready = async (w: WorkerProcess) => {
    await eventually(`${w.name} ready`, () => w.out().includes('Ready.') || w.child.exitCode !== null, 60_000);
    const url = restUrlIn(w.out());
    assert.ok(url !== undefined, w.out());
    w.url = url;
    w.id = new URL(url).host;
  };

  const started = Date.now();
  const step = (what: string) => process.stderr.write(`[distributed test +${((Date.now() - started) / 1000).toFixed(1)} s] ${what}\n`);

  /** One REST call on a connection of its own (a pooled keep-alive connection may be closed by the worker just as it is reused). */
  function call(w: WorkerProcess, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      const req = request(`${w.url}${path}`, { method, agent: false, timeout: 30_000, headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
        let answer = '';
        res.on('data', (d) => (answer += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer === '' ? null : JSON.parse(answer) }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${w.url}${path} timed out`)));
      req.on('error', reject);
      req.end(text);
    });
  }

  const get = (w: WorkerProcess, path: string) => call(w, 'GET', path);

  /** Every connector and task RUNNING on one of `live`, the same on every live worker; returns who runs what. */
  async function allRunningOn(live: WorkerProcess[], what: string): Promise<Map<string, string>> {
    const liveIds = new Set(live.map((w) => w.id));
    let owners = new Map<string, string>();
    await eventually(
      what,
      async () => {
        const seen: string[] = [];
        for (const w of live) {
          const { status, body } = await get(w, '/connectors?expand=status').catch(() => ({ status: 0, body: null }));
          if (status !== 200) return false;
          const m = new Map<string, string>();
          for (const name of CONNECTORS) {
            const s = body[name]?.status as Status | undefined;
            if (s === undefined || s.connector.state !== 'RUNNING' || !liveIds.has(s.connector.worker_id)) return false;
            m.set(name, s.connector.worker_id);
            const expectedTasks = name === 'file-sink' ? 2 : 1;
            if (s.tasks.length !== expectedTasks) return false;
            for (const t of s.tasks) {
              if (t.state !== 'RUNNING' || !liveIds.has(t.worker_id)) return false;
              m.set(`${name}-${t.id}`, t.worker_id);
            }
          }
          seen.push(JSON.stringify([...m]));
          owners = m;
        }
        return new Set(seen).size === 1;
      },
      60_000,
    );
    return owners;
  }

  test('three workers, a fourth joins, one is SIGKILLed: everything keeps running and the pipeline loses no line', { timeout: 180_000 }, async () => {
    try {
      await scenario();
    } catch (e) {
      for (const w of workers) process.stderr.write(`---- ${w.name} (${w.id}):\n${w.out()}\n`);
      process.stderr.write(`---- broker:\n${broker.output().slice(-20_000)}\n`);
      throw e;
    }
  });

  test('a storage topic that deletes records is refused at start, with what to do', { timeout: 60_000 }, async () => {
    const admin = new Admin({ bootstrapServers: [bootstrap] });
    try {
      await admin.createTopics([{ name: 'deleting-configs', numPartitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'delete' } }]);
    } finally {
      await admin.close();
    }
    const w = await startWorker(0, 'deleting-configs');
    assert.equal(await w.exited, 1, w.out());
    assert.match(w.out(), /sluice connect: Topic 'deleting-configs' supplied via the 'config\.storage\.topic' property is required to have 'cleanup\.policy=compact'.* but found the topic currently has 'cleanup\.policy=delete'\..*Change the 'config\.storage\.topic' property/s);
  });

  async function scenario(): Promise<void> {
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}: ${'x'.repeat((from + i) % 17)}`);
    writeFileSync(input, `${lines(0, 1000).join('\n')}\n`);

    const first = await Promise.all([1, 2, 3].map((n) => startWorker(n)));
    await Promise.all(first.map(ready));

    // Created through the third worker: unless it leads, the request is forwarded to the leader.
    const put = (name: string, config: Record<string, string>) => call(first[2], 'PUT', `/connectors/${name}/config`, config);
    let created: { status: number; body: any } = { status: 0, body: null };
    await eventually('the first connector created', async () => {
      created = await put('file-source', { 'connector.class': 'FileStreamSource', file: input, topic: 'lines', 'tasks.max': '1' });
      return created.status !== 409; // 409 while the group has no leader yet
    }, 30_000);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.name, 'file-source');
    assert.equal((await put('file-sink', { 'connector.class': 'FileStreamSink', file: output, topics: 'lines', 'tasks.max': '2' })).status, 201);
    assert.equal((await put('orders-generator', { 'connector.class': 'dev.sluice.connect.DataGeneratorSourceConnector', kind: 'orders', topic: 'orders', rate: '20', seed: '7' })).status, 201);
    // A name that exists is refused by the leader, whichever worker is asked.
    // (While the group rebalances for the new connectors, Kafka's answer is the rebalance's 409: asked again.)
    let again: { status: number; body: any } = { status: 0, body: null };
    await eventually('the leader answers once the group is stable', async () => {
      again = await call(first[0], 'POST', '/connectors', { name: 'file-sink', config: { 'connector.class': 'FileStreamSink', file: output, topics: 'lines' } });
      return !/conflicting operation/.test(again.body?.message ?? '');
    }, 30_000);
    assert.deepEqual(again, { status: 409, body: { error_code: 409, message: 'Connector file-sink already exists' } });

    step('three connectors created');
    const three = await allRunningOn(first, 'every connector and task running on the three workers');
    assert.ok(new Set(three.values()).size >= 2, `spread over the workers: ${JSON.stringify([...three])}`);
    for (const w of first) {
      const { body } = await get(w, '/connectors/file-sink/tasks');
      assert.equal(body.length, 2);
      assert.equal(body[0].config.topics, 'lines');
    }

    step('running on three workers');
    const fourth = await startWorker(4);
    await ready(fourth);
    const four = await allRunningOn([...first, fourth], 'every connector and task running on four workers, some on the new one');
    await eventually('the new worker has a share', async () => [...(await allRunningOn([...first, fourth], 'running on four')).values()].includes(fourth.id), 60_000);
    step('the fourth worker has a share');
    appendFileSync(input, `${lines(1000, 2000).join('\n')}\n`);
    await eventually('the second thousand lines in the sink file', () => sinkLines(output).has(lines(1000, 2000).at(-1)!), 60_000);

    // Kill whoever runs the file source's task, without a goodbye.
    const owners = await allRunningOn([...first, fourth], 'running before the kill');
    const victim = [...first, fourth].find((w) => w.id === owners.get('file-source-0'))!;
    assert.ok(victim, JSON.stringify([...four]));
    step(`killing ${victim.id}`);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const live = [...first, fourth].filter((w) => w !== victim);
    appendFileSync(input, `${lines(2000, 3000).join('\n')}\n`);
    const after = await allRunningOn(live, 'every connector and task running on the three survivors');
    step('running on the survivors');
    assert.ok(![...after.values()].includes(victim.id));
    await eventually('every line in the sink file', () => lines(0, 3000).every((l) => sinkLines(output).has(l)), 90_000);
    const seen = sinkLines(output);
    const missing = lines(0, 3000).filter((l) => !seen.has(l));
    assert.deepEqual(missing, []);

    step('every line in the sink file');

    // The lifecycle through workers that are not (all) the leader: every worker sees each change.
    const everywhere = (what: string, check: (s: Status) => boolean) =>
      eventually(what, async () => {
        for (const w of live) {
          const { status, body } = await get(w, '/connectors/orders-generator/status');
          if (status !== 200 || !check(body)) return false;
        }
        return true;
      }, 30_000);
    assert.equal((await call(live[1], 'PUT', '/connectors/orders-generator/pause')).status, 202);
    await everywhere('paused everywhere', (s) => s.connector.state === 'PAUSED' && s.tasks.length === 1 && s.tasks[0].state === 'PAUSED');
    assert.equal((await call(live[2], 'PUT', '/connectors/orders-generator/stop')).status, 204);
    await everywhere('stopped everywhere, with no task left', (s) => s.connector.state === 'STOPPED' && s.tasks.length === 0);
    const offsets = await get(live[0], '/connectors/orders-generator/offsets');
    assert.equal(offsets.status, 200);
    assert.deepEqual(offsets.body.offsets.map((o: { partition: unknown }) => o.partition), [{ kind: 'orders', seed: 7 }]);
    assert.ok(offsets.body.offsets[0].offset.count > 0, JSON.stringify(offsets.body));
    assert.equal((await call(live[0], 'PUT', '/connectors/orders-generator/resume')).status, 202);
    await everywhere('running again everywhere, with its task', (s) => s.connector.state === 'RUNNING' && s.tasks.length === 1 && s.tasks[0].state === 'RUNNING');
    const restarted = await call(live[1], 'POST', '/connectors/orders-generator/restart?includeTasks=true');
    assert.equal(restarted.status, 202);
    assert.equal(restarted.body.connector.state, 'RESTARTING');
    await everywhere('running after the restart', (s) => s.connector.state === 'RUNNING' && s.tasks.length === 1 && s.tasks[0].state === 'RUNNING');
    step('paused, stopped, resumed and restarted');

    // Deleting through any worker removes the connector everywhere.
    assert.equal((await call(live[0], 'DELETE', '/connectors/orders-generator')).status, 204);
    for (const w of live) await eventually('deleted everywhere', async () => (await get(w, '/connectors/orders-generator')).status === 404, 30_000);

    for (const w of live) w.child.kill('SIGTERM');
    for (const w of live) assert.equal(await w.exited, 0, w.out());
  }
});

function sinkLines(file: string): Set<string> {
  try {
    return new Set(readFileSync(file, 'utf8').split('\n'));
  } catch {
    return new Set();
  }
}
