// The incremental cooperative assignor (KIP-415) and the eager one, round by round on a manual
// clock, the way Kafka's IncrementalCooperativeAssignorTest drives its assignor: each round's
// revocations and new assignments are applied to the workers, and after every round no connector
// or task may be assigned twice, and what each worker runs must be what the assignor says it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectorTaskId } from '../src/runtime/herder.ts';
import { eagerAssign } from '../src/distributed/eager-assignor.ts';
import { type ClusterAssignment, incrementalCooperativeAssign, initialIncrementalAssignorState, revokingRebalanceBackoff } from '../src/distributed/incremental-assignor.ts';

const DEFAULT_MAX_DELAY = 300_000;
const key = (t: ConnectorTaskId) => `${t.connector}-${t.task}`;

/** A group of workers, the connectors configured, and the leader's assignor, on a manual clock. */
class Group {
  now = 1_000_000;
  generation = 1000;
  state = { ...initialIncrementalAssignorState(), previousGenerationId: 1000 };
  readonly connectors = new Map<string, number>();
  readonly workers = new Map<string, { connectors: string[]; tasks: ConnectorTaskId[] }>();
  last!: ClusterAssignment;

  readonly maxDelayMs: number;

  constructor(maxDelayMs = DEFAULT_MAX_DELAY) {
    this.maxDelayMs = maxDelayMs;
  }

  configure(connector: string, tasks: number): this {
    this.connectors.set(connector, tasks);
    return this;
  }

  join(...names: string[]): this {
    for (const n of names) {
      assert.ok(!this.workers.has(n), `${n} is already a member`);
      this.workers.set(n, { connectors: [], tasks: [] });
    }
    return this;
  }

  leave(...names: string[]): this {
    for (const n of names) assert.ok(this.workers.delete(n), `${n} is not a member`);
    return this;
  }

  /** One rebalance; `lastCompleted` other than the previous generation stands for a failed round. */
  rebalance(lastCompleted = this.generation): ClusterAssignment {
    this.generation++;
    const configured = {
      connectors: [...this.connectors.keys()],
      tasks: [...this.connectors].flatMap(([connector, n]) => Array.from({ length: n }, (_, task) => ({ connector, task }))),
    };
    const { assignment, state } = incrementalCooperativeAssign(this.state, {
      configured,
      members: this.workers,
      lastCompletedGenerationId: lastCompleted,
      currentGenerationId: this.generation,
      now: this.now,
      maxDelayMs: this.maxDelayMs,
    });
    this.state = state;
    this.last = assignment;
    this.apply(assignment);
    return assignment;
  }

  private apply(a: ClusterAssignment): void {
    const seen = new Set<string>();
    for (const [worker, current] of this.workers) {
      const revoked = a.revoked.get(worker)!;
      const assigned = a.assigned.get(worker)!;
      for (const c of assigned.connectors) assert.ok(!current.connectors.includes(c), `${worker} is assigned ${c}, which it runs already`);
      const connectors = current.connectors.filter((c) => !revoked.connectors.includes(c)).concat(assigned.connectors);
      const tasks = current.tasks.filter((t) => !revoked.tasks.some((r) => key(r) === key(t))).concat(assigned.tasks);
      const all = a.all.get(worker)!;
      assert.deepEqual(new Set(connectors), new Set(all.connectors), `${worker}: what it runs is what the assignor says`);
      assert.deepEqual(new Set(tasks.map(key)), new Set(all.tasks.map(key)), `${worker}: what it runs is what the assignor says`);
      for (const id of [...connectors, ...tasks.map(key)]) {
        assert.ok(!seen.has(id), `${id} is assigned twice`);
        seen.add(id);
      }
      this.workers.set(worker, { connectors, tasks });
    }
  }

  /** Connector and task counts per worker, by worker name. */
  counts(): Record<string, [number, number]> {
    return Object.fromEntries([...this.workers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, a]) => [w, [a.connectors.length, a.tasks.length]]));
  }

  /** Whether every configured connector and task runs on exactly one worker. */
  complete(): boolean {
    const running = [...this.workers.values()].flatMap((a) => [...a.connectors, ...a.tasks.map(key)]);
    const configured = [...this.connectors].flatMap(([c, n]) => [c, ...Array.from({ length: n }, (_, t) => `${c}-${t}`)]);
    return running.length === configured.length && new Set(running).size === running.length && configured.every((id) => running.includes(id));
  }

  revokedCount(): number {
    return [...this.last.revoked.values()].reduce((n, r) => n + r.connectors.length + r.tasks.length, 0);
  }

  assignedCount(): number {
    return [...this.last.assigned.values()].reduce((n, r) => n + r.connectors.length + r.tasks.length, 0);
  }
}

const twoConnectors = (maxDelay?: number) => new Group(maxDelay).configure('connector1', 4).configure('connector2', 4);

test('a first worker gets everything; a second gets half, revoked from the first and assigned one round later', () => {
  const g = twoConnectors().join('worker1');
  g.rebalance();
  assert.equal(g.last.delayMs, 0);
  assert.deepEqual(g.counts(), { worker1: [2, 8] });
  assert.ok(g.complete());

  g.join('worker2');
  g.rebalance();
  assert.equal(g.last.delayMs, 0);
  assert.deepEqual(g.counts(), { worker1: [1, 4], worker2: [0, 0] }, 'only what moves is revoked, and nothing is assigned before it is stopped');
  assert.equal(g.revokedCount(), 5);

  g.rebalance();
  assert.equal(g.revokedCount(), 0);
  assert.deepEqual(g.counts(), { worker1: [1, 4], worker2: [1, 4] });
  assert.ok(g.complete());

  g.rebalance();
  assert.equal(g.revokedCount() + g.assignedCount(), 0, 'a balanced group stays as it is');
});

test("a new worker gets a fair share, and only the others' surplus moves", () => {
  const g = new Group().configure('a', 4).configure('b', 4).configure('c', 4).join('w1', 'w2', 'w3');
  g.rebalance();
  assert.deepEqual(g.counts(), { w1: [1, 4], w2: [1, 4], w3: [1, 4] });
  g.join('w4');
  g.rebalance();
  assert.equal(g.revokedCount(), 3, 'one task from each of the three (3 connectors over 4 workers are balanced already)');
  g.rebalance();
  assert.deepEqual(g.counts(), { w1: [1, 3], w2: [1, 3], w3: [1, 3], w4: [0, 3] });
  assert.ok(g.complete());
});

test("a departed worker's share is held back for scheduled.rebalance.max.delay.ms, then handed to the others", () => {
  const g = twoConnectors().join('worker1', 'worker2');
  g.rebalance();
  assert.deepEqual(g.counts(), { worker1: [1, 4], worker2: [1, 4] });

  g.leave('worker2');
  g.rebalance();
  assert.equal(g.last.delayMs, DEFAULT_MAX_DELAY, 'the full delay starts');
  assert.equal(g.revokedCount() + g.assignedCount(), 0);

  g.now += DEFAULT_MAX_DELAY / 2;
  g.rebalance();
  assert.equal(g.last.delayMs, DEFAULT_MAX_DELAY / 2, 'a rebalance meanwhile keeps the deadline');
  assert.equal(g.assignedCount(), 0);

  g.now += DEFAULT_MAX_DELAY / 2;
  g.rebalance();
  assert.equal(g.last.delayMs, 0);
  assert.deepEqual(g.counts(), { worker1: [2, 8] });
  assert.ok(g.complete());
});

test('a worker that returns within the delay gets its share back when the delay ends, without revocations', () => {
  const g = twoConnectors().join('worker1', 'worker2');
  g.rebalance();
  g.leave('worker2');
  g.rebalance();
  g.now += DEFAULT_MAX_DELAY / 2;
  g.join('worker2');
  g.rebalance();
  assert.equal(g.last.delayMs, DEFAULT_MAX_DELAY / 2, 'the returning worker waits for the deadline too');
  assert.deepEqual(g.counts(), { worker1: [1, 4], worker2: [0, 0] });

  g.now += DEFAULT_MAX_DELAY / 2;
  g.rebalance();
  assert.equal(g.last.delayMs, 0);
  assert.equal(g.revokedCount(), 0);
  assert.deepEqual(g.counts(), { worker1: [1, 4], worker2: [1, 4] });
  assert.ok(g.complete());
});

test('the held-back share goes round-robin to the workers that joined empty during the delay', () => {
  const g = new Group().configure('c1', 3).configure('c2', 3).configure('c3', 3).join('w1', 'w2', 'w3');
  g.rebalance();
  const ofW3 = g.workers.get('w3')!;
  const heldBack = [...ofW3.connectors, ...ofW3.tasks.map(key)];
  g.leave('w3');
  g.rebalance();
  g.join('w4', 'w5');
  g.now += 1000;
  g.rebalance();
  assert.equal(g.assignedCount(), 0);
  g.now += DEFAULT_MAX_DELAY;
  g.rebalance();
  const newcomers = [...g.workers.get('w4')!.connectors, ...g.workers.get('w4')!.tasks.map(key), ...g.workers.get('w5')!.connectors, ...g.workers.get('w5')!.tasks.map(key)];
  assert.deepEqual(new Set(newcomers), new Set(heldBack), "w3's share went to w4 and w5");
  assert.deepEqual(g.counts().w4, [1, 2]);
  assert.deepEqual(g.counts().w5, [0, 1]);
  // 9 tasks over 4 workers: w1 and w2 both have 3, one of them gives one up, and it lands on w5.
  assert.equal(g.revokedCount(), 1);
  g.rebalance();
  assert.ok(g.complete());
  assert.deepEqual(Object.values(g.counts()).map(([, tasks]) => tasks).sort(), [2, 2, 2, 3]);
});

test('with scheduled.rebalance.max.delay.ms=0 a departed worker’s share is reassigned at once', () => {
  const g = twoConnectors(0).join('worker1', 'worker2');
  g.rebalance();
  g.leave('worker1');
  g.rebalance();
  assert.equal(g.last.delayMs, 0);
  assert.deepEqual(g.counts(), { worker2: [2, 8] });
});

test('deleted connectors and tasks are revoked from the workers that run them', () => {
  const g = twoConnectors().configure('connector3', 2).join('worker1', 'worker2');
  g.rebalance();
  assert.ok(g.complete());
  g.connectors.delete('connector3');
  g.connectors.set('connector1', 2);
  g.rebalance();
  const revoked = [...g.last.revoked.values()].flatMap((r) => [...r.connectors, ...r.tasks.map(key)]).sort();
  assert.deepEqual(revoked.filter((id) => id.startsWith('connector3')), ['connector3', 'connector3-0', 'connector3-1']);
  assert.ok(revoked.includes('connector1-2') && revoked.includes('connector1-3'));
  g.rebalance();
  assert.ok(g.complete());
  const [a, b] = Object.values(g.counts());
  assert.ok(Math.abs(a![1] - b![1]) <= 1, `balanced: ${JSON.stringify(g.counts())}`);
});

test('a connector or task that two workers report is revoked from both and then assigned to one', () => {
  const g = twoConnectors().join('worker1', 'worker2');
  g.rebalance();
  const w1 = g.workers.get('worker1')!;
  const w2 = g.workers.get('worker2')!;
  const task = w1.tasks[0]!;
  w2.tasks.push(task);
  g.rebalance();
  assert.ok(g.last.revoked.get('worker1')!.tasks.some((t) => key(t) === key(task)));
  assert.ok(g.last.revoked.get('worker2')!.tasks.some((t) => key(t) === key(task)));
  g.rebalance();
  assert.ok(g.complete());
});

test('revoking rebalances in a row are spaced by an exponential backoff', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => revokingRebalanceBackoff(n, DEFAULT_MAX_DELAY)), [40, 1600, 64_000, DEFAULT_MAX_DELAY]);
  assert.equal(revokingRebalanceBackoff(1, 0), 0);
  const g = new Group().configure('c', 12).join('w1');
  g.rebalance();
  g.join('w2');
  g.rebalance();
  assert.equal(g.revokedCount(), 6, 'the first revoking rebalance revokes at once');
  g.join('w3');
  g.rebalance();
  assert.equal(g.revokedCount(), 0, 'the second in a row waits');
  assert.equal(g.last.delayMs, 40);
  assert.deepEqual(g.counts(), { w1: [1, 6], w2: [0, 3], w3: [0, 3] }, 'what was revoked before went to the newcomers');
  g.now += 40;
  g.rebalance();
  assert.equal(g.revokedCount(), 2, 'once the backoff passed, the surplus is revoked');
  for (let i = 0; i < 3 && g.revokedCount() + g.assignedCount() > 0; i++) g.rebalance();
  assert.ok(g.complete());
  assert.deepEqual(Object.values(g.counts()).map(([, tasks]) => tasks), [4, 4, 4]);
});

test('after a round that did not complete, the leader starts from what the workers report', () => {
  const g = twoConnectors().join('worker1', 'worker2');
  g.rebalance();
  g.leave('worker2');
  // The leader missed a generation: its memory of who ran what is stale, so nothing counts as lost.
  g.rebalance(g.generation - 1);
  assert.equal(g.last.delayMs, 0);
  assert.deepEqual(g.counts(), { worker1: [2, 8] });
});

test('the same inputs give the same assignment', () => {
  const run = () => {
    const g = new Group().configure('x', 5).configure('y', 2).configure('z', 7).join('w3', 'w1', 'w2');
    g.rebalance();
    g.join('w0');
    g.rebalance();
    g.rebalance();
    return JSON.stringify([...g.workers]);
  };
  assert.equal(run(), run());
});

test('the eager assignor deals connectors, then tasks, round-robin over the members sorted by id', () => {
  const configured = {
    connectors: ['b', 'a'],
    tasks: [
      { connector: 'b', task: 0 },
      { connector: 'a', task: 1 },
      { connector: 'a', task: 0 },
    ],
  };
  const result = eagerAssign(configured, ['m2', 'm1']);
  assert.deepEqual(Object.fromEntries(result), {
    m1: { connectors: ['a'], tasks: [{ connector: 'a', task: 0 }, { connector: 'b', task: 0 }] },
    m2: { connectors: ['b'], tasks: [{ connector: 'a', task: 1 }] },
  });
});
