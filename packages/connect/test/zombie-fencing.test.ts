// Zombie fencing of exactly-once source tasks: the task-count record as Kafka writes and reads it,
// and Kafka's decision (DistributedHerder.doFenceZombieSourceTasks) of what a round must fence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fencingPlan, parseTaskCount, taskCountKey, taskCountValue } from '../src/distributed/zombie-fencing.js';
import { taskTransactionalId } from '../src/runtime/worker.js';

test('the task-count record and the transactional ids have Kafka\'s form', () => {
  assert.equal(taskCountKey('orders-in'), 'tasks-fencing-orders-in');
  assert.equal(taskCountValue(3).toString(), '{"task-count":3}');
  assert.equal(parseTaskCount(Buffer.from('{"task-count":3}')), 3);
  for (const bad of [null, Buffer.from('{}'), Buffer.from('{"task-count":"3"}'), Buffer.from('{"task-count":-1}'), Buffer.from('not json')]) assert.equal(parseTaskCount(bad), null);
  assert.equal(taskTransactionalId('connect-cluster', 'orders-in', 2), 'connect-cluster-orders-in-2');
});

test('what a round of fencing does', () => {
  // Nothing pending: the task-count record is newer than the task configs.
  assert.equal(fencingPlan({ pendingFencing: false, taskCountRecord: 4, taskCount: 2 }), null);
  // First generation with exactly-once: nothing ran transactionally, only the count is recorded.
  assert.deepEqual(fencingPlan({ pendingFencing: true, taskCountRecord: null, taskCount: 3 }), { fence: 0, recordTaskCount: 3 });
  // One task before and after: the new task's initTransactions fences the old one.
  assert.deepEqual(fencingPlan({ pendingFencing: true, taskCountRecord: 1, taskCount: 1 }), { fence: 0, recordTaskCount: 1 });
  // Otherwise every task of the previous generation is fenced.
  assert.deepEqual(fencingPlan({ pendingFencing: true, taskCountRecord: 4, taskCount: 2 }), { fence: 4, recordTaskCount: 2 });
  assert.deepEqual(fencingPlan({ pendingFencing: true, taskCountRecord: 1, taskCount: 3 }), { fence: 1, recordTaskCount: 3 });
});
