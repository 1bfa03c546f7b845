// Zombie fencing of exactly-once source tasks: the task-count record as Kafka writes and reads it
// (tests/compat/connect/connect-eos checks a Java worker writes this text), Kafka's decision
// (DistributedHerder.doFenceZombieSourceTasks) of what a round must fence, and the config store's
// view of which connectors have a round pending.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fencingPlan, parseTaskCount, taskCountKey, taskCountValue } from '../src/distributed/zombie-fencing.ts';
import { taskTransactionalId } from '../src/runtime/worker.ts';
import { KafkaConfigBackingStore } from '../src/distributed/config-store.ts';
import { commitKey, commitValue, configValue, connectorKey, taskKey } from '../src/distributed/storage-records.ts';

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

test('the config store: task configs committed after the last task-count record leave a fencing pending until the next one', () => {
  const store = new KafkaConfigBackingStore(() => undefined);
  let offset = 0n;
  const read = (key: string, value: Buffer | null) => store.apply(key, value, offset++, () => undefined);
  read(connectorKey('src'), configValue({ name: 'src' }));
  assert.equal(store.snapshot().pendingFencing('src'), false);
  read(taskKey({ connector: 'src', task: 0 }), configValue({ a: '1' }));
  read(commitKey('src'), commitValue(1));
  assert.equal(store.snapshot().pendingFencing('src'), true);
  assert.equal(store.snapshot().taskCountRecord('src'), null);
  read(taskCountKey('src'), taskCountValue(1));
  assert.equal(store.snapshot().pendingFencing('src'), false);
  assert.equal(store.snapshot().taskCountRecord('src'), 1);
  read(taskKey({ connector: 'src', task: 0 }), configValue({ a: '2' }));
  read(taskKey({ connector: 'src', task: 1 }), configValue({ a: '3' }));
  read(commitKey('src'), commitValue(2));
  assert.deepEqual([store.snapshot().pendingFencing('src'), store.snapshot().taskCountRecord('src'), store.snapshot().taskCount('src')], [true, 1, 2]);
  // A record Kafka would not read changes nothing; deleting the connector forgets both.
  read(taskCountKey('src'), Buffer.from('{"tasks":2}'));
  assert.equal(store.snapshot().pendingFencing('src'), true);
  read(connectorKey('src'), null);
  assert.deepEqual([store.snapshot().pendingFencing('src'), store.snapshot().taskCountRecord('src')], [false, null]);
});
