import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inParallel } from '../src/in-parallel.ts';

/** A call that finishes only when the test says so, to control the order of completions. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

test('results come back in the order of the items, whatever order the calls finish in', async () => {
  const gates = Array.from({ length: 6 }, gate);
  const running = inParallel([0, 1, 2, 3, 4, 5], 3, async (item, index) => {
    assert.equal(item, index);
    await gates[item].promise;
    return `r${item}`;
  });
  for (const i of [2, 0, 1, 5, 4, 3]) {
    gates[i].open();
    await turns();
  }
  assert.deepEqual(await running, ['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
});

test('never more than the limit in flight, and the limit is used', async () => {
  const gates = Array.from({ length: 10 }, gate);
  const started: number[] = [];
  let inFlight = 0;
  let most = 0;
  const running = inParallel([...gates.keys()], 4, async (i) => {
    started.push(i);
    most = Math.max(most, ++inFlight);
    await gates[i].promise;
    inFlight--;
  });
  await turns();
  assert.deepEqual(started, [0, 1, 2, 3], 'four start at once');
  gates[1].open();
  await turns();
  assert.deepEqual(started, [0, 1, 2, 3, 4], 'a finished call makes room for exactly one more');
  for (const g of gates) g.open();
  await running;
  assert.equal(most, 4);
  assert.equal(started.length, 10);
});

test('after a failure nothing new starts; the calls in flight finish before the first failure is thrown', async () => {
  const gates = Array.from({ length: 8 }, gate);
  const started: number[] = [];
  const finished: number[] = [];
  let settled = false;
  const running = inParallel([...gates.keys()], 3, async (i) => {
    started.push(i);
    await gates[i].promise;
    if (i === 1) throw new Error('partition 1 is damaged');
    if (i === 2) throw new Error('a later failure');
    finished.push(i);
  });
  void running.catch(() => {}).finally(() => (settled = true));
  await turns();
  gates[1].open();
  await turns();
  assert.deepEqual(started, [0, 1, 2], 'nothing started after the failure');
  assert.equal(settled, false, 'calls 0 and 2 are still running');
  gates[2].open();
  await turns();
  assert.equal(settled, false, 'call 0 is still running');
  gates[0].open();
  await assert.rejects(running, /partition 1 is damaged/);
  assert.deepEqual(finished, [0]);
  assert.deepEqual(started, [0, 1, 2]);
});

test('an empty list, and a limit above the list length or below 1', async () => {
  assert.deepEqual(await inParallel([], 16, async () => 1), []);
  assert.deepEqual(await inParallel([1, 2], 16, async (x) => x * 2), [2, 4]);
  assert.deepEqual(await inParallel([1, 2, 3], 0, async (x) => x + 1), [2, 3, 4]);
});
