// Scale-out with state: the counting application of fixtures/stateful-instance.ts (a persistent
// store `counts` with its changelog) as OS processes on one Sluice broker. A second instance joins
// a running one: half the tasks move to it with their state (restored from the changelog there),
// and queries follow them (queryMetadataForKey names the new owner, whose store answers). Records
// keep coming. The second instance leaves: its tasks move back, and the first, which kept its
// state of them, restores only what changed meanwhile. Every answer is the count of the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { createTopicsAndWait, eventually, Random } from '@sluice/test-kit';
import { produce } from './support.ts';
import { changelogLength, countsOf, StatefulInstance } from './stateful-instances.ts';

const PARTITIONS = 4;

test('tasks and their state move when an instance joins and leaves, and queries follow them', { timeout: 300_000 }, async (t) => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  const work = mkdtempSync(join(tmpdir(), 'sluice-scale-'));
  const instances: StatefulInstance[] = [];
  const until = (what: string, check: () => boolean | Promise<boolean>) =>
    eventually(what, check, 120_000).catch((e) => {
      throw new Error(`${e.message}\n${instances.map((i) => i.describe()).join('\n')}`);
    });
  /** Asks `via` where each key lives, then that owner for its count: every answer must be the input's count. */
  async function queryAll(via: StatefulInstance, expected: Record<string, number>): Promise<Set<string>> {
    const owners = new Set<string>();
    for (const [key, count] of Object.entries(expected)) {
      const { owner } = await via.query(key);
      const holder = instances.find((i) => i.name === owner && i.running);
      assert.ok(holder, `${via.name} says ${key} is on '${owner}', which is not running`);
      assert.equal((await holder.query(key)).local, count, `${owner}'s count of ${key}`);
      owners.add(owner);
    }
    return owners;
  }
  try {
    const topic = 'scale-in';
    await createTopicsAndWait(broker.bootstrap, [{ name: topic, partitions: PARTITIONS }]);
    const random = new Random(23);
    const keys = Array.from({ length: 2000 }, () => `k${random.int(0, 39)}`);
    await produce(broker.bootstrap, topic, keys.map((key, i) => ({ key, value: `v${i}` })));

    const a = new StatefulInstance('a', broker.bootstrap, 'scale-app', topic, join(work, 'a'));
    instances.push(a);
    await until('a to count every record in its four tasks', async () => a.state === 'RUNNING' && a.tasks.length === PARTITIONS && Object.values(await a.dump()).reduce((n, c) => n + c, 0) === keys.length);
    assert.deepEqual([...(await queryAll(a, countsOf(keys)))], ['a']);

    const b = new StatefulInstance('b', broker.bootstrap, 'scale-app', topic, join(work, 'b'));
    instances.push(b);
    await until('a and b to run two tasks each', () => [a, b].every((i) => i.state === 'RUNNING' && i.tasks.length === 2));
    const moved = b.tasks.map((task) => Number(task.split('_')[1]));
    // Restoration may go on after RUNNING (as with Java's state updater); the listener tells its end.
    await until(`b to restore the state of the tasks it took (${b.tasks})`, () => moved.every((p) => b.restorations.some((r) => r.partition === p)));
    assert.ok(b.restoredIn(moved) > 0);
    t.diagnostic(`b took tasks ${b.tasks} and restored ${b.restoredIn(moved)} records of their changelog`);
    assert.deepEqual([...(await queryAll(b, countsOf(keys)))].sort(), ['a', 'b'], 'asked through b, the keys are on both');

    // More records while both run; the answers follow.
    const more = Array.from({ length: 1000 }, () => `k${random.int(0, 39)}`);
    await produce(broker.bootstrap, topic, more.map((key, i) => ({ key, value: `w${i}` })));
    const all = [...keys, ...more];
    await until('a and b to count the new records', async () => Object.values({ ...(await a.dump()), ...(await b.dump()) }).reduce((n, c) => n + c, 0) === all.length);
    await queryAll(a, countsOf(all));

    // b leaves cleanly: a takes its tasks back and, holding their old state, restores only what b added.
    const restoredBefore = a.restoredIn(moved);
    await b.stop();
    await until('a to run all four tasks again', () => a.state === 'RUNNING' && a.tasks.length === PARTITIONS);
    await until('a to restore what b added to the tasks it gave back', () => moved.every((p) => a.restorations.filter((r) => r.partition === p).length > 0));
    const restoredBack = a.restoredIn(moved) - restoredBefore;
    const changelog = await changelogLength(broker.bootstrap, 'scale-app', moved);
    t.diagnostic(`a took them back restoring ${restoredBack} of their ${changelog} changelog records`);
    assert.ok(restoredBack < changelog, `a restored ${restoredBack} of the ${changelog} changelog records of partitions ${moved}: only what b added, not all of it`);
    assert.deepEqual([...(await queryAll(a, countsOf(all)))], ['a']);
  } finally {
    await Promise.all(instances.filter((i) => i.running).map((i) => i.kill()));
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  }
});
