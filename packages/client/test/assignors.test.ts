// The built-in partition assignors against facts from Kafka's own assignor tests (RangeAssignorTest,
// RoundRobinAssignorTest, AbstractStickyAssignorTest and CooperativeStickyAssignorTest of the Java
// client: the expected assignments are Kafka's, restated here), plus seeded property tests of the
// invariants every assignment must keep: each subscribed partition assigned exactly once, only to a
// member subscribed to its topic, balance, and stickiness across rebalances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '@sluice/test-kit/random';
import {
  cooperativeStickyAssignor,
  rangeAssignor,
  roundRobinAssignor,
  tpKey,
  type AssignInput,
  type Assignment,
  type PartitionAssignor,
  type Subscription,
  type TopicPartition,
} from '../src/consumer/assignors.ts';

function sub(topics: string[], extra: Partial<Subscription> = {}): Subscription {
  return { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null, groupInstanceId: null, ...extra };
}

function input(
  topics: Record<string, number>,
  members: Record<string, Subscription>,
  rebalanceProtocol: AssignInput['rebalanceProtocol'] = 'eager',
  generationId = 1,
): AssignInput {
  return { partitionsPerTopic: new Map(Object.entries(topics)), members: new Map(Object.entries(members)), rebalanceProtocol, generationId };
}

async function run(assignor: PartitionAssignor, i: AssignInput): Promise<Map<string, Assignment>> {
  return await assignor.assign(i);
}

/** `t1-0,t1-1` notation for compact expectations. */
function names(list: TopicPartition[]): string[] {
  return list.map((tp) => `${tp.topic}-${tp.partition}`);
}

async function assigned(assignor: PartitionAssignor, i: AssignInput): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [id, a] of await run(assignor, i)) out[id] = names(a.partitions);
  return out;
}

function tps(spec: string): TopicPartition[] {
  return spec === ''
    ? []
    : spec.split(',').map((s) => {
        const at = s.lastIndexOf('-');
        return { topic: s.slice(0, at), partition: Number(s.slice(at + 1)) };
      });
}

// --- Range (RangeAssignorTest) ---

test('range: a member with no subscription gets nothing; a topic that does not exist is ignored', async () => {
  assert.deepEqual(await assigned(rangeAssignor, input({}, { c1: sub([]) })), { c1: [] });
  assert.deepEqual(await assigned(rangeAssignor, input({}, { c1: sub(['t']) })), { c1: [] });
});

test('range: one member takes every partition of its topic', async () => {
  assert.deepEqual(await assigned(rangeAssignor, input({ t: 3 }, { c1: sub(['t']) })), { c1: ['t-0', 't-1', 't-2'] });
});

test('range: uneven partitions go first to the members that sort first, per topic', async () => {
  assert.deepEqual(await assigned(rangeAssignor, input({ t: 3 }, { c1: sub(['t']), c2: sub(['t']) })), {
    c1: ['t-0', 't-1'],
    c2: ['t-2'],
  });
  // Two topics of three: the extra partition of each goes to c1, which ends with four of six.
  assert.deepEqual(await assigned(rangeAssignor, input({ t1: 3, t2: 3 }, { c1: sub(['t1', 't2']), c2: sub(['t1', 't2']) })), {
    c1: ['t1-0', 't1-1', 't2-0', 't2-1'],
    c2: ['t1-2', 't2-2'],
  });
});

test('range: mixed subscriptions are ranged per topic over that topic\'s members', async () => {
  assert.deepEqual(
    await assigned(rangeAssignor, input({ t1: 3, t2: 2 }, { c1: sub(['t1']), c2: sub(['t1', 't2']), c3: sub(['t1']) })),
    { c1: ['t1-0'], c2: ['t1-1', 't2-0', 't2-1'], c3: ['t1-2'] },
  );
});

test('range: static members are ordered by instance id, not member id, so restarts keep ranges', async () => {
  const first = await assigned(
    rangeAssignor,
    input({ t: 4 }, { b: sub(['t'], { groupInstanceId: 'i1' }), a: sub(['t'], { groupInstanceId: 'i2' }) }),
  );
  assert.deepEqual(first, { b: ['t-0', 't-1'], a: ['t-2', 't-3'] });
  // The same instances rejoin with new member ids in the opposite order: the same partitions.
  const again = await assigned(
    rangeAssignor,
    input({ t: 4 }, { z: sub(['t'], { groupInstanceId: 'i1' }), y: sub(['t'], { groupInstanceId: 'i2' }) }),
  );
  assert.deepEqual(again, { z: ['t-0', 't-1'], y: ['t-2', 't-3'] });
});

// --- Round robin (RoundRobinAssignorTest) ---

test('roundrobin: two members over two topics of three alternate across topics', async () => {
  assert.deepEqual(
    await assigned(roundRobinAssignor, input({ t1: 3, t2: 3 }, { c1: sub(['t1', 't2']), c2: sub(['t1', 't2']) })),
    { c1: ['t1-0', 't1-2', 't2-1'], c2: ['t1-1', 't2-0', 't2-2'] },
  );
});

test('roundrobin: members not subscribed to a topic are skipped when dealing it', async () => {
  assert.deepEqual(
    await assigned(roundRobinAssignor, input({ t1: 3, t2: 2 }, { c1: sub(['t1']), c2: sub(['t1', 't2']), c3: sub(['t1']) })),
    { c1: ['t1-0'], c2: ['t1-1', 't2-0', 't2-1'], c3: ['t1-2'] },
  );
});

test('roundrobin: a member with no subscription gets nothing and the rest share', async () => {
  assert.deepEqual(await assigned(roundRobinAssignor, input({ t: 2 }, { c1: sub([]), c2: sub(['t']) })), { c1: [], c2: ['t-0', 't-1'] });
});

// --- Sticky (AbstractStickyAssignorTest, CooperativeStickyAssignorTest) ---

const sticky = cooperativeStickyAssignor;

test('sticky: no topic or a missing topic assigns nothing; two members split two partitions', async () => {
  assert.deepEqual(await assigned(sticky, input({}, { c1: sub([]) })), { c1: [] });
  assert.deepEqual(await assigned(sticky, input({}, { c1: sub(['missing']) })), { c1: [] });
  const two = await assigned(sticky, input({ t: 2 }, { c1: sub(['t']), c2: sub(['t']) }));
  assert.equal(two.c1.length, 1);
  assert.equal(two.c2.length, 1);
  assert.notEqual(two.c1[0], two.c2[0]);
});

test('sticky: a member that joins takes one partition from the owner, who keeps the other two', async () => {
  const owned = sub(['t'], { ownedPartitions: tps('t-0,t-1,t-2'), generationId: 1 });
  const eager = await assigned(sticky, input({ t: 3 }, { c1: owned, c2: sub(['t']) }, 'eager', 2));
  assert.equal(eager.c1.length, 2);
  assert.equal(eager.c2.length, 1);
  for (const p of eager.c1) assert.ok(['t-0', 't-1', 't-2'].includes(p));
  // Cooperative: the moving partition is left out until c1 revokes it; c1 keeps two, c2 waits.
  const coop = await assigned(sticky, input({ t: 3 }, { c1: owned, c2: sub(['t']) }, 'cooperative', 2));
  assert.deepEqual(coop.c1, eager.c1);
  assert.deepEqual(coop.c2, []);
  // The follow-up rebalance, with c1 owning only what it kept, hands the revoked one to c2.
  const next = await assigned(
    sticky,
    input({ t: 3 }, { c1: sub(['t'], { ownedPartitions: tps(coop.c1.join(',')), generationId: 2 }), c2: sub(['t'], { generationId: 2 }) }, 'cooperative', 3),
  );
  assert.deepEqual(next.c1, coop.c1);
  assert.deepEqual(next.c2, eager.c2);
});

test('sticky: a member that leaves gives its partitions to the others, who keep their own', async () => {
  const before = input(
    { t: 6 },
    {
      c1: sub(['t'], { ownedPartitions: tps('t-0,t-1'), generationId: 1 }),
      c3: sub(['t'], { ownedPartitions: tps('t-4,t-5'), generationId: 1 }),
    },
    'eager',
    2,
  );
  const after = await assigned(sticky, before);
  assert.equal(after.c1.length, 3);
  assert.equal(after.c3.length, 3);
  assert.ok(after.c1.includes('t-0') && after.c1.includes('t-1'));
  assert.ok(after.c3.includes('t-4') && after.c3.includes('t-5'));
});

test('sticky: owned partitions claimed at a stale generation lose to the current generation', async () => {
  // Kafka's testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration.
  const result = await assigned(
    sticky,
    input(
      { t1: 3, t2: 3 },
      {
        c1: sub(['t1', 't2'], { ownedPartitions: tps('t1-0,t1-1,t2-0'), generationId: 5 }),
        c2: sub(['t1', 't2'], { ownedPartitions: tps('t1-0,t1-2,t2-1'), generationId: 4 }),
      },
      'eager',
      6,
    ),
  );
  assert.deepEqual(result, { c1: ['t1-0', 't1-1', 't2-0'], c2: ['t1-2', 't2-1', 't2-2'] });
});

test('sticky: a partition claimed by two members of the same generation counts as no one\'s; their other partitions stay', async () => {
  // As Java's sticky assignors: both claims are dropped, the partition is placed as an unowned one.
  for (const protocol of ['eager', 'cooperative'] as const) {
    const result = await assigned(
      sticky,
      input(
        { t: 4 },
        {
          c1: sub(['t'], { ownedPartitions: tps('t-0,t-1'), generationId: 3 }),
          c2: sub(['t'], { ownedPartitions: tps('t-1,t-2,t-3'), generationId: 3 }),
        },
        protocol,
        4,
      ),
    );
    assert.deepEqual(result, { c1: ['t-0', 't-1'], c2: ['t-2', 't-3'] }, protocol);
  }
});

test('sticky: owned partitions of topics no longer subscribed or no longer existing are dropped', async () => {
  const result = await assigned(
    sticky,
    input({ t1: 2, gone: 0 }, { c1: sub(['t1'], { ownedPartitions: tps('t1-0,t2-0,t1-7'), generationId: 1 }) }, 'cooperative', 2),
  );
  assert.deepEqual(result, { c1: ['t1-0', 't1-1'] });
});

test('sticky: members with different subscriptions each get only their topics, balanced where they overlap', async () => {
  const result = await assigned(sticky, input({ a: 2, b: 4 }, { c1: sub(['a', 'b']), c2: sub(['b']), c3: sub([]) }));
  assert.deepEqual(result.c3, []);
  for (const p of result.c2) assert.ok(p.startsWith('b-'));
  assert.equal(result.c1.length, 3);
  assert.equal(result.c2.length, 3);
});

// --- Seeded properties ---

/** The kit's seeded generator as a function of no arguments, as the scenarios take it. */
function seededNext(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

interface Scenario {
  topics: Record<string, number>;
  members: Record<string, Subscription>;
}

function randomScenario(rand: () => number, identical: boolean): Scenario {
  const int = (n: number) => Math.floor(rand() * n);
  const topics: Record<string, number> = {};
  const topicCount = 1 + int(4);
  for (let i = 0; i < topicCount; i++) topics[`t${i}`] = int(9);
  const names = Object.keys(topics);
  const members: Record<string, Subscription> = {};
  const memberCount = 1 + int(6);
  for (let i = 0; i < memberCount; i++) {
    const chosen = identical ? names : names.filter(() => rand() < 0.6);
    members[`m${int(1000)}-${i}`] = sub(chosen);
  }
  return { topics, members };
}

/** Every partition of a topic some member subscribes to is assigned once, to a subscriber. */
function checkExactlyOnce(s: Scenario, result: Map<string, Assignment>, seed: number, allowUnassigned = false): void {
  const seen = new Map<string, string>();
  for (const [id, a] of result) {
    assert.ok(id in s.members, `seed ${seed}: unknown member ${id}`);
    for (const tp of a.partitions) {
      const key = tpKey(tp.topic, tp.partition);
      assert.ok(!seen.has(key), `seed ${seed}: ${tp.topic}-${tp.partition} assigned to ${seen.get(key)} and ${id}`);
      seen.set(key, id);
      assert.ok(s.members[id].topics.includes(tp.topic), `seed ${seed}: ${id} is not subscribed to ${tp.topic}`);
      assert.ok(tp.partition < (s.topics[tp.topic] ?? 0), `seed ${seed}: ${tp.topic}-${tp.partition} does not exist`);
    }
  }
  if (allowUnassigned) return;
  for (const [topic, count] of Object.entries(s.topics)) {
    if (!Object.values(s.members).some((m) => m.topics.includes(topic))) continue;
    for (let p = 0; p < count; p++) assert.ok(seen.has(tpKey(topic, p)), `seed ${seed}: ${topic}-${p} not assigned`);
  }
}

/**
 * Java's sticky balance criterion: no member holds two or more partitions more than another member
 * that could take one of them (is subscribed to its topic).
 */
function checkStickyBalance(s: Scenario, result: Map<string, Assignment>, seed: number): void {
  for (const [a, from] of result) {
    for (const [b, to] of result) {
      if (from.partitions.length < to.partitions.length + 2) continue;
      const movable = from.partitions.find((tp) => s.members[b].topics.includes(tp.topic));
      assert.equal(movable, undefined, `seed ${seed}: ${a} has ${from.partitions.length}, ${b} has ${to.partitions.length} and could take ${movable?.topic}-${movable?.partition}`);
    }
  }
}

function spread(result: Map<string, Assignment>): number {
  const sizes = [...result.values()].map((a) => a.partitions.length);
  return Math.max(...sizes) - Math.min(...sizes);
}

test('property: every assignor assigns each subscribed partition exactly once, to a subscriber', async () => {
  for (let seed = 1; seed <= 300; seed++) {
    const s = randomScenario(seededNext(seed), false);
    for (const assignor of [rangeAssignor, roundRobinAssignor, sticky]) {
      const result = await run(assignor, input(s.topics, s.members));
      assert.deepEqual([...result.keys()].sort(), Object.keys(s.members).sort(), `seed ${seed} ${assignor.name}`);
      checkExactlyOnce(s, result, seed);
      if (assignor === sticky) checkStickyBalance(s, result, seed);
    }
  }
});

test('property: with identical subscriptions roundrobin and sticky balance within one, range within one per topic', async () => {
  for (let seed = 1; seed <= 300; seed++) {
    const s = randomScenario(seededNext(seed), true);
    for (const assignor of [roundRobinAssignor, sticky]) {
      assert.ok(spread(await run(assignor, input(s.topics, s.members))) <= 1, `seed ${seed} ${assignor.name}`);
    }
    const range = await run(rangeAssignor, input(s.topics, s.members));
    for (const topic of Object.keys(s.topics)) {
      const counts = [...range.values()].map((a) => a.partitions.filter((tp) => tp.topic === topic).length);
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `seed ${seed} range ${topic}`);
    }
  }
});

test('property: sticky keeps what members owned while balanced, across joins and leaves, eager and cooperative', async () => {
  for (let seed = 1; seed <= 200; seed++) {
    const rand = seededNext(seed);
    const s = randomScenario(rand, true);
    const first = await run(sticky, input(s.topics, s.members, 'eager', 1));

    // The same members rejoin owning what they got: nothing moves.
    const owning: Record<string, Subscription> = {};
    for (const [id, m] of Object.entries(s.members)) owning[id] = { ...m, ownedPartitions: first.get(id)!.partitions, generationId: 1 };
    const same = await run(sticky, input(s.topics, owning, 'eager', 2));
    for (const [id, a] of first) assert.deepEqual(same.get(id)!.partitions, a.partitions, `seed ${seed}: ${id} moved with no change`);

    // One member leaves (if there are two or more) and one joins.
    const ids = Object.keys(owning);
    const next: Record<string, Subscription> = { ...owning };
    if (ids.length > 1) delete next[ids[Math.floor(rand() * ids.length)]];
    next[`new-${seed}`] = sub(Object.keys(s.topics));
    const total = Object.values(s.topics).reduce((x, y) => x + y, 0);
    const fair = Math.floor(total / Object.keys(next).length);
    const scenario = { topics: s.topics, members: next };

    const eager = await run(sticky, input(s.topics, next, 'eager', 2));
    checkExactlyOnce(scenario, eager, seed);
    assert.ok(spread(eager) <= 1, `seed ${seed}: eager unbalanced`);
    for (const [id, m] of Object.entries(next)) {
      const kept = eager.get(id)!.partitions.filter((tp) => m.ownedPartitions.some((o) => o.topic === tp.topic && o.partition === tp.partition));
      assert.ok(kept.length >= Math.min(m.ownedPartitions.length, fair), `seed ${seed}: ${id} kept ${kept.length} of ${m.ownedPartitions.length} (fair ${fair})`);
    }

    // Cooperative: the first round only revokes (nothing owned by another member is handed over),
    // and the follow-up round, with members owning what they kept, completes a balanced assignment.
    const round1 = await run(sticky, input(s.topics, next, 'cooperative', 2));
    checkExactlyOnce(scenario, round1, seed, true);
    for (const [id, a] of round1) {
      for (const tp of a.partitions) {
        const ownedByOther = Object.entries(next).some(
          ([other, m]) => other !== id && m.ownedPartitions.some((o) => o.topic === tp.topic && o.partition === tp.partition),
        );
        assert.ok(!ownedByOther, `seed ${seed}: ${tp.topic}-${tp.partition} handed to ${id} before its owner revoked it`);
      }
    }
    const afterRevoke: Record<string, Subscription> = {};
    for (const [id, m] of Object.entries(next)) afterRevoke[id] = { ...m, ownedPartitions: round1.get(id)!.partitions, generationId: 2 };
    const round2 = await run(sticky, input(s.topics, afterRevoke, 'cooperative', 3));
    checkExactlyOnce(scenario, round2, seed);
    assert.ok(spread(round2) <= 1, `seed ${seed}: cooperative follow-up unbalanced`);
    for (const [id, a] of round1) {
      for (const tp of a.partitions) {
        assert.ok(round2.get(id)!.partitions.some((x) => x.topic === tp.topic && x.partition === tp.partition), `seed ${seed}: ${id} lost a kept partition`);
      }
    }
  }
});
