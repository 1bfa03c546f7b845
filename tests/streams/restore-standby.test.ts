// Standby replicas, with the counting application of fixtures/stateful-instance.ts (a persistent
// store `counts` with its changelog) as OS processes on one Sluice broker: with
// num.standby.replicas=1, an instance killed with SIGKILL hands its tasks to the other one, whose
// standby copies were kept warm: the takeover restores only the changelog's tail, not the whole
// partition, and the answers are complete. (A state directory deleted and rebuilt from the
// changelog, and a restart that restores only the tail after its checkpoint, are in
// state-runtime.test.ts.)
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { createTopicsAndWait, eventually, Random } from '@sluice/test-kit';
import { produce } from './support.ts';
import { changelogLength, committedInput, countsOf, StatefulInstance } from './stateful-instances.ts';

const PARTITIONS = 4;
const ALL_TASKS = ['0_0', '0_1', '0_2', '0_3'];

describe('standby replicas', () => {
  let broker: Broker;
  let work: string;
  const instances: StatefulInstance[] = [];
  const start = (...args: ConstructorParameters<typeof StatefulInstance>) => {
    const i = new StatefulInstance(...args);
    instances.push(i);
    return i;
  };
  const describeAll = () => instances.map((i) => i.describe()).join('\n');
  const until = (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000) =>
    eventually(what, check, timeoutMs).catch((e) => {
      throw new Error(`${e.message}\n${describeAll()}`);
    });

  before(async () => {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
    work = mkdtempSync(join(tmpdir(), 'sluice-restore-'));
  });
  after(async () => {
    await Promise.all(instances.filter((i) => i.running).map((i) => i.kill()));
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** `n` seeded records of 40 keys into a new input topic; returns the topic and the keys in order. */
  async function input(name: string, n: number, seed: number): Promise<{ topic: string; keys: string[] }> {
    await createTopicsAndWait(broker.bootstrap, [{ name, partitions: PARTITIONS }]);
    const random = new Random(seed);
    const keys = Array.from({ length: n }, () => `k${random.int(0, 39)}`);
    await produce(broker.bootstrap, name, keys.map((key, i) => ({ key, value: `v${i}` })));
    return { topic: name, keys };
  }

  test('a standby takes over a killed instance\'s tasks restoring only the tail', { timeout: 300_000 }, async (t) => {
    const { topic, keys } = await input('standby-in', 3000, 22);
    const expected = countsOf(keys);
    const a = start('a', broker.bootstrap, 'standby-app', topic, join(work, 'standby-a'), 1);
    const b = start('b', broker.bootstrap, 'standby-app', topic, join(work, 'standby-b'), 1);
    await until('a and b to run two tasks each with the other two as standbys', () =>
      [a, b].every((i) => i.state === 'RUNNING' && i.tasks.length === 2 && i.standbys.length === 2 && [...i.tasks, ...i.standbys].sort().join() === ALL_TASKS.join()),
    );
    await until('every record to be counted', async () => JSON.stringify(sorted({ ...(await a.dump()), ...(await b.dump()) })) === JSON.stringify(sorted(expected)));
    // Killed only once every input record is committed: their counts are then in the changelog,
    // and no record is processed twice (at-least-once would count again what a had not committed).
    await until('every input record to be committed', async () => (await committedInput(broker.bootstrap, 'standby-app', topic, PARTITIONS)) === keys.length);
    // How far b's standbys have read a's changelog is not observable; the assertion below only
    // needs them to be past half of it.
    const aPartitions = a.tasks.map((task) => Number(task.split('_')[1]));
    const restoredBefore = b.restoredIn(aPartitions);

    await a.kill();
    await until('b to take over all four tasks', () => b.state === 'RUNNING' && b.tasks.length === PARTITIONS);
    const changelog = await changelogLength(broker.bootstrap, 'standby-app', aPartitions);
    const restored = b.restoredIn(aPartitions) - restoredBefore;
    t.diagnostic(`b restored ${restored} of the ${changelog} changelog records of a's partitions ${aPartitions} when it took them over`);
    assert.ok(restored < changelog / 2, `b restored ${restored} of the ${changelog} changelog records of a's partitions ${aPartitions}: its standbys should have had most of them`);
    for (const key of Object.keys(expected)) {
      const answer = await b.query(key);
      assert.deepEqual(answer, { owner: 'b', local: expected[key] }, `key ${key}`);
    }
  });
});

function sorted(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
