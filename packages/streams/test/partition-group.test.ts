// A task's partition group (Java's PartitionGroup): records of a task's partitions come out in
// timestamp order, and an empty partition holds the task back as max.task.idle.ms says, on a
// manual clock and with the lag of each partition set by hand (the consumer's currentLag).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PartitionGroup } from '../src/runtime/partition-group.ts';

interface R {
  timestamp: number;
  offset: bigint;
  item: string;
}

const rec = (timestamp: number, offset: number): R => ({ timestamp, offset: BigInt(offset), item: `t${timestamp}@${offset}` });

function drain(g: PartitionGroup<R>, now: number): string[] {
  const out: string[] = [];
  while (g.readyToProcess(now)) {
    const n = g.next()!;
    out.push(`${n.topic}:${n.record.item}`);
  }
  return out;
}

test('records of every partition come out by timestamp, whatever order they were fetched in', () => {
  const lags = new Map<string, bigint>([['left:0', 0n], ['right:0', 0n]]);
  const g = new PartitionGroup<R>(0, (t, p) => lags.get(`${t}:${p}`), (r) => r.offset);
  g.addPartition('left', 0);
  g.addPartition('right', 0);
  g.add('left', 0, [rec(10, 0), rec(30, 1), rec(50, 2)], 3n);
  g.add('right', 0, [rec(20, 0), rec(40, 1), rec(45, 2)], 3n);
  // Once a partition is drained (and caught up, lag 0, max.task.idle.ms 0) the other goes on alone.
  assert.deepEqual(drain(g, 0), ['left:t10@0', 'right:t20@0', 'left:t30@1', 'right:t40@1', 'right:t45@2', 'left:t50@2']);
  assert.equal(g.size, 0);
});

test('an empty partition whose lag is unknown or positive holds the task back; one caught up does not (max.task.idle.ms 0)', () => {
  const lags = new Map<string, bigint | undefined>([['a:1', undefined], ['b:1', undefined]]);
  const g = new PartitionGroup<R>(0, (t, p) => lags.get(`${t}:${p}`), (r) => r.offset);
  g.addPartition('a', 1);
  g.addPartition('b', 1);
  g.add('a', 1, [rec(100, 5), rec(300, 6)], 7n);
  lags.set('a:1', 0n);
  assert.equal(g.readyToProcess(0), false, 'b was never fetched: it may hold older records');
  lags.set('b:1', 3n);
  assert.equal(g.readyToProcess(0), false, 'b has records on the broker not fetched yet');
  g.add('b', 1, [rec(200, 0)], 1n);
  lags.set('b:1', 2n);
  // b's head (200) comes after a's (100); then b is empty with records still on the broker.
  assert.deepEqual(drain(g, 0), ['a:t100@5', 'b:t200@0']);
  assert.equal(g.readyToProcess(0), false);
  lags.set('b:1', 0n);
  assert.deepEqual(drain(g, 0), ['a:t300@6']);
});

test('a caught-up empty partition is waited for max.task.idle.ms from when it was first seen, and the wait restarts after it had records', () => {
  const lags = new Map<string, bigint>([['a:0', 0n], ['b:0', 0n]]);
  const g = new PartitionGroup<R>(100, (t, p) => lags.get(`${t}:${p}`), (r) => r.offset);
  g.addPartition('a', 0);
  g.addPartition('b', 0);
  g.add('a', 0, [rec(1, 0), rec(2, 1)], 2n);
  assert.equal(g.readyToProcess(1000), false);
  assert.equal(g.nextIdleDeadline(), 1100);
  assert.equal(g.readyToProcess(1099), false);
  // b's record arrives in time: it comes first, by timestamp.
  g.add('b', 0, [rec(0, 0)], 1n);
  assert.equal(g.nextIdleDeadline(), Infinity);
  assert.deepEqual(drain(g, 1099), ['b:t0@0']);
  // b is empty again: a new wait of 100 ms starts now, after which a goes on alone.
  assert.equal(g.nextIdleDeadline(), 1199);
  assert.deepEqual(drain(g, 1198), []);
  assert.deepEqual(drain(g, 1199), ['a:t1@0', 'a:t2@1']);
});

test('max.task.idle.ms -1 never waits, not even for a partition never fetched', () => {
  const g = new PartitionGroup<R>(-1, () => undefined, (r) => r.offset);
  g.addPartition('a', 0);
  g.addPartition('b', 0);
  g.add('a', 0, [rec(5, 0)], 1n);
  assert.deepEqual(drain(g, 0), ['a:t5@0']);
  assert.equal(g.readyToProcess(0), false, 'nothing buffered');
});

test('committable offsets: the head of a partition still buffered, else past the last fetched batch (control records included)', () => {
  const g = new PartitionGroup<R>(-1, () => 0n, (r) => r.offset);
  g.addPartition('a', 0);
  g.addPartition('b', 0);
  g.addPartition('c', 0);
  g.add('a', 0, [rec(1, 10), rec(9, 11)], 12n);
  // b's batch ended with a transaction marker at offset 8: the next offset to consume is 9.
  g.add('b', 0, [rec(2, 7)], 9n);
  assert.deepEqual(g.next()?.record.offset, 10n);
  assert.deepEqual(g.next()?.record.offset, 7n);
  assert.deepEqual(
    g.committableOffsets().sort((x, y) => x.topic.localeCompare(y.topic)),
    [
      { topic: 'a', partition: 0, offset: 11n },
      { topic: 'b', partition: 0, offset: 9n },
    ],
    'c was never fetched: nothing to commit for it',
  );
  g.removePartition('a', 0);
  assert.equal(g.size, 0);
});
