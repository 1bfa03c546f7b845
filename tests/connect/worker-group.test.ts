/**
 * Connect workers' group membership (createWorkerGroupMembership) on a Sluice broker, several
 * memberships in this one process over a fixed config snapshot (3 connectors, 6 tasks), with the
 * default `sessioned` protocol: the workers join and share the work evenly; one leaves (LeaveGroup)
 * and its share waits out scheduled.rebalance.max.delay.ms before the others take it; a new worker
 * gets a fair share through revocations of only what moves; one stops abruptly (its LeaveGroup
 * never reaches the broker, so only the session timeout tells) and its share too is held back,
 * then reassigned. After each step every connector and task is run by exactly one live worker.
 * Also: a leader behind a member's config offset (CONFIG_MISMATCH, then an assignment from the
 * newer offset), an eager worker with a sessioned one (the group falls back to `default`), and a
 * worker that finds itself out of the generation stopping all it ran before it rejoins.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { ErrorCode } from '@sluice/protocol';
import { ConnectAssignmentError, createWorkerGroupMembership, type ClusterConfigSnapshot, type ConnectAssignment, type ConnectProtocolName, type WorkerGroupMembership } from '@sluice/connect';
import { eventually } from '@sluice/test-kit';

const TASKS: Record<string, number> = { 'orders-in': 2, 'payments-in': 3, 'clicks-out': 1 };
const snapshot: ClusterConfigSnapshot = {
  offset: 11n,
  connectors: () => Object.keys(TASKS),
  taskCount: (connector) => TASKS[connector] ?? 0,
};
const EVERYTHING = Object.entries(TASKS).flatMap(([c, n]) => [c, ...Array.from({ length: n }, (_, i) => `${c}-${i}`)]);
const MAX_DELAY_MS = 1500;

/** LeaveGroup requests of these member ids are answered without reaching the coordinator. */
const swallowLeaves = new Set<string>();
/** The next heartbeat of these member ids is answered with this error. */
const heartbeatErrors = new Map<string, number>();
let broker: Broker;

before(async () => {
  broker = await startBroker({
    port: 0,
    config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '500' },
    interceptRequest(request) {
      if (request.apiName === 'Heartbeat') {
        const memberId = (request.body as { memberId: string }).memberId;
        const errorCode = heartbeatErrors.get(memberId);
        heartbeatErrors.delete(memberId);
        return errorCode === undefined ? undefined : { throttleTimeMs: 0, errorCode };
      }
      if (request.apiName !== 'LeaveGroup') return undefined;
      const members = (request.body as { members?: { memberId: string }[] }).members ?? [];
      if (!members.some((m) => swallowLeaves.has(m.memberId))) return undefined;
      return { throttleTimeMs: 0, errorCode: 0, members: members.map((m) => ({ memberId: m.memberId, groupInstanceId: null, errorCode: 0 })) };
    },
  });
});
// Every membership is closed here too, so that a failed test cannot leave heartbeats keeping the process alive.
after(async () => {
  await Promise.all(workers.map((w) => w.membership.close()));
  await broker.close();
});

interface Worker {
  name: string;
  membership: WorkerGroupMembership;
  /** What the listener was told this worker runs. */
  running: Set<string>;
  assignments: ConnectAssignment[];
  /** Everything the listener was told, in order ('revoked …', 'assigned …'). */
  calls: string[];
  live: boolean;
}

const workers: Worker[] = [];

function startWorker(name: string, options: { groupId?: string; protocol?: ConnectProtocolName; snapshot?: () => ClusterConfigSnapshot } = {}): Worker {
  const running = new Set<string>();
  const assignments: ConnectAssignment[] = [];
  const calls: string[] = [];
  const ids = (connectors: string[], tasks: { connector: string; task: number }[]) => [...connectors, ...tasks.map((t) => `${t.connector}-${t.task}`)];
  const membership = createWorkerGroupMembership({
    groupId: options.groupId ?? 'connect-cluster',
    url: `http://${name}:8083/`,
    protocol: options.protocol ?? 'sessioned',
    // Short enough for the abrupt stop to be noticed soon, long enough that a busy machine does not expire a live worker.
    sessionTimeoutMs: 3000,
    rebalanceTimeoutMs: 10_000,
    heartbeatIntervalMs: 200,
    scheduledRebalanceMaxDelayMs: MAX_DELAY_MS,
    client: { 'bootstrap.servers': `127.0.0.1:${broker.port}`, 'client.id': name, 'retry.backoff.ms': '50' },
    configSnapshot: options.snapshot ?? (() => snapshot),
    log: (line) => calls.push(`log ${line}`),
    listener: {
      onAssigned(assignment) {
        assignments.push(assignment);
        calls.push(`assigned ${assignment.error} ${ids(assignment.connectors, assignment.tasks).sort().join(',')}`);
        if (assignment.error !== ConnectAssignmentError.NONE) return;
        running.clear();
        for (const id of ids(assignment.connectors, assignment.tasks)) running.add(id);
      },
      onRevoked(_leader, connectors, tasks) {
        calls.push(`revoked ${ids(connectors, tasks).sort().join(',')}`);
        for (const id of ids(connectors, tasks)) running.delete(id);
      },
    },
  });
  const worker = { name, membership, running, assignments, calls, live: true };
  workers.push(worker);
  membership.start();
  return worker;
}

/** Who runs each connector and task, over the live workers. */
function owners(group: Worker[] = workers): Map<string, string[]> {
  const out = new Map<string, string[]>(EVERYTHING.map((id) => [id, []]));
  for (const w of group.filter((w) => w.live)) for (const id of w.running) out.get(id)!.push(w.name);
  return out;
}

/** Every connector and task has exactly one live owner, all live workers share a generation, and no rebalance is pending. */
async function settled(what: string): Promise<Map<string, string>> {
  return eventually(
    what,
    () => {
      const live = workers.filter((w) => w.live);
      const generations = new Set(live.map((w) => w.membership.generation));
      if (generations.size !== 1 || live.some((w) => w.assignments.length === 0)) return false;
      const byId = owners();
      if ([...byId.values()].some((o) => o.length !== 1)) return false;
      return new Map([...byId].map(([id, o]) => [id, o[0]!]));
    },
    30_000,
  );
}

function load(owner: Map<string, string>, name: string): { connectors: number; tasks: number } {
  const mine = [...owner].filter(([, o]) => o === name).map(([id]) => id);
  return { connectors: mine.filter((id) => id in TASKS).length, tasks: mine.filter((id) => !(id in TASKS)).length };
}

test('workers join, share evenly, and lose no connector or task when one leaves, one joins and one stops abruptly', async () => {
  const a = startWorker('a');
  const first = await settled('the first worker to run everything');
  assert.deepEqual(new Set(first.values()), new Set(['a']));
  assert.ok(a.membership.isLeader);
  assert.equal(a.membership.leaderUrl, 'http://a:8083/');
  assert.equal(a.membership.ownerUrl('payments-in'), 'http://a:8083/');
  assert.equal(a.membership.ownerUrl({ connector: 'payments-in', task: 2 }), 'http://a:8083/');

  // Two more join: the first gives up only what moves, and the three share 3 connectors and 6 tasks evenly.
  const b = startWorker('b');
  const c = startWorker('c');
  let owner = await eventually('three workers sharing evenly', async () => {
    const o = await settled('three workers');
    return ['a', 'b', 'c'].every((n) => load(o, n).connectors === 1 && load(o, n).tasks === 2) && o;
  }, 30_000);
  const revokedFromA = a.assignments.flatMap((x) => [...x.revokedConnectors, ...x.revokedTasks.map((t) => `${t.connector}-${t.task}`)]);
  assert.equal(revokedFromA.length, 6, `a gives up exactly the 2 connectors and 4 tasks that move (revoked: ${revokedFromA})`);
  for (const w of [a, b, c]) assert.equal(w.membership.leaderUrl, a.membership.leaderUrl);

  // b leaves: its share waits for it (a delay comes with the assignment), then a and c take it.
  const ofB = [...owner].filter(([, o]) => o === 'b').map(([id]) => id);
  await b.membership.close();
  b.live = false;
  await eventually('an assignment with a scheduled rebalance delay after b left', () => a.assignments.at(-1)!.delayMs > 0 && c.assignments.at(-1)!.delayMs > 0, 30_000);
  assert.ok(a.assignments.at(-1)!.delayMs <= MAX_DELAY_MS);
  assert.deepEqual(ofB.filter((id) => owners().get(id)!.length > 0), [], "b's share is held back during the delay");
  owner = await settled("b's share reassigned after the delay");
  assert.deepEqual(new Set(owner.values()), new Set(['a', 'c']));

  // d joins: it gets a fair share, a and c keep the rest.
  const d = startWorker('d');
  owner = await eventually('a, c and d sharing evenly', async () => {
    const o = await settled('a, c and d');
    return ['a', 'c', 'd'].every((n) => load(o, n).connectors === 1 && load(o, n).tasks === 2) && o;
  }, 30_000);

  // c stops without its LeaveGroup reaching the broker: the session timeout removes it, its share
  // is held back, then goes to a and d.
  const ofC = [...owner].filter(([, o]) => o === 'c').map(([id]) => id);
  swallowLeaves.add(c.membership.memberId);
  await c.membership.close();
  c.live = false;
  await eventually('an assignment with a delay after c timed out', () => a.assignments.at(-1)!.delayMs > 0 && d.assignments.at(-1)!.delayMs > 0, 30_000);
  assert.deepEqual(ofC.filter((id) => owners().get(id)!.length > 0), [], "c's share is held back during the delay");
  owner = await settled("c's share reassigned after the delay");
  assert.deepEqual(new Set(owner.values()), new Set(['a', 'd']));
  assert.ok(Math.abs(load(owner, 'a').tasks - load(owner, 'd').tasks) <= 1, 'a and d share the tasks evenly');

  for (const w of [a, b, c, d]) {
    assert.deepEqual(w.assignments.filter((x) => x.error !== ConnectAssignmentError.NONE), [], `${w.name}: no failed assignment`);
    assert.deepEqual(w.calls.filter((l) => l.startsWith('log')), [], `${w.name}: nothing went wrong`);
  }
  await Promise.all([a, d].map((w) => w.membership.close()));
  for (const w of workers) w.live = false;
});

test("a leader behind a member's config offset answers CONFIG_MISMATCH to all; once it has read on, the group is assigned from that offset", async () => {
  let leaderOffset = 5n;
  const leaderView: ClusterConfigSnapshot = { ...snapshot, get offset() { return leaderOffset; } };
  const ahead: ClusterConfigSnapshot = { ...snapshot, offset: 9n };
  const l = startWorker('l', { groupId: 'connect-mismatch', protocol: 'compatible', snapshot: () => leaderView });
  await eventually('l leads', () => l.membership.isLeader, 30_000);
  assert.equal(l.assignments.at(-1)!.configOffset, 5n);
  const f = startWorker('f', { groupId: 'connect-mismatch', protocol: 'compatible', snapshot: () => ahead });
  const failed = await eventually('a CONFIG_MISMATCH assignment', () => l.assignments.slice(1).find((a) => a.error === ConnectAssignmentError.CONFIG_MISMATCH), 30_000);
  assert.equal(failed.configOffset, 9n, 'the offset to read up to');
  assert.ok(l.running.size > 0, 'a cooperative worker keeps what it ran through a failed assignment');
  // A herder reads the config topic on inside onAssigned; here the test moves l's view on.
  leaderOffset = 9n;
  const group = [l, f];
  await eventually('both assigned from offset 9, everything run once', () => {
    const last = group.map((w) => w.assignments.at(-1));
    return last.every((a) => a?.error === ConnectAssignmentError.NONE && a.configOffset === 9n) && [...owners(group).values()].every((o) => o.length === 1);
  }, 30_000);
  assert.ok(f.assignments.some((a) => a.error === ConnectAssignmentError.CONFIG_MISMATCH), 'f was told too');
  await Promise.all(group.map((w) => w.membership.close()));
  for (const w of group) w.live = false;
});

test('an eager worker and a sessioned one settle on the eager protocol: everything is revoked before each rebalance and dealt anew', async () => {
  const e = startWorker('e', { groupId: 'connect-eager', protocol: 'eager' });
  await eventually('e runs everything', () => e.running.size === EVERYTHING.length, 30_000);
  const s = startWorker('s', { groupId: 'connect-eager', protocol: 'sessioned' });
  const group = [e, s];
  await eventually('e and s share everything', () => s.running.size > 0 && [...owners(group).values()].every((o) => o.length === 1), 30_000);
  // Eager: e gave up all it ran before the rebalance, and nothing comes with revocations or a delay.
  const revokedAll = e.calls.find((l) => l.startsWith('revoked'));
  assert.equal(revokedAll, `revoked ${[...EVERYTHING].sort().join(',')}`);
  for (const a of [...e.assignments, ...s.assignments]) assert.deepEqual([a.revokedConnectors, a.revokedTasks, a.delayMs], [[], [], 0]);
  assert.ok(Math.abs(e.running.size - s.running.size) <= 1, 'dealt evenly');
  await Promise.all(group.map((w) => w.membership.close()));
  for (const w of group) w.live = false;
});

test('a worker that learns it is out of the generation stops everything before it rejoins, and the group ends whole', async () => {
  const x = startWorker('x', { groupId: 'connect-lost' });
  const y = startWorker('y', { groupId: 'connect-lost' });
  const group = [x, y];
  const settledPair = () => group.every((w) => !w.calls.at(-1)?.startsWith('revoked')) && new Set(group.map((w) => w.membership.generation)).size === 1 && [...owners(group).values()].every((o) => o.length === 1);
  await eventually('x and y share everything', () => x.running.size > 0 && y.running.size > 0 && settledPair(), 30_000);
  const ran = [...x.running].sort();
  const callsBefore = x.calls.length;
  heartbeatErrors.set(x.membership.memberId, ErrorCode.ILLEGAL_GENERATION);
  await eventually('x revoking all it ran', () => x.calls.slice(callsBefore).find((l) => l.startsWith('revoked')), 30_000);
  assert.equal(x.calls.slice(callsBefore).find((l) => l.startsWith('revoked')), `revoked ${ran.join(',')}`);
  await eventually('everything run once again', () => x.calls.length > callsBefore + 1 && settledPair(), 30_000);
  assert.deepEqual(group.flatMap((w) => w.calls.filter((l) => l.startsWith('log'))), []);
  await Promise.all(group.map((w) => w.membership.close()));
  for (const w of group) w.live = false;
});

test('without bootstrap.servers the membership takes Kafka’s default, as the worker’s other clients do', async () => {
  const membership = createWorkerGroupMembership({
    groupId: 'defaults',
    url: 'http://w:8083/',
    protocol: 'sessioned',
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 60_000,
    heartbeatIntervalMs: 3000,
    scheduledRebalanceMaxDelayMs: 300_000,
    client: {},
    configSnapshot: () => snapshot,
    listener: { onAssigned() {}, onRevoked() {} },
  });
  assert.equal(membership.generation, -1);
  assert.equal(membership.leaderUrl, null);
  assert.equal(membership.ownerUrl('orders-in'), null);
  await membership.close();
});
