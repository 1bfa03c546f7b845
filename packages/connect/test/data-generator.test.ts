// The data generator source: every kind of event is a valid Struct of its schema, made from the
// seed and its number alone; and the task writes at the chosen rate, on a manual clock (node:test's
// mocked Date and setTimeout): as many records as rate × time since it started, in batches of at
// most batch.size, going on from a stored count after a restart.
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { Struct, type OffsetStorageReader, type SourceOffset, type SourceRecord } from '@sluice/connect-api';
import { DATA_GENERATOR_KINDS, DataGeneratorTask, generateEvent } from '@sluice/connect';

test('every kind gives valid structs of its own schema, the same for the same seed and number', () => {
  const schemaNames = new Set<string>();
  for (const kind of DATA_GENERATOR_KINDS) {
    const events = Array.from({ length: 50 }, (_, n) => generateEvent(kind, 11, n, 1_700_000_000_000));
    for (const { key, value } of events) {
      assert.ok(value instanceof Struct);
      value.validate();
      assert.ok(key.length > 0, kind);
      assert.equal(value.get('ts'), 1_700_000_000_000n);
    }
    schemaNames.add(events[0]!.value.schema.name()!);
    // The same seed and number make the same event; other numbers and seeds make others.
    assert.deepEqual(generateEvent(kind, 11, 7, 1_700_000_000_000), events[7]);
    const text = (e: { key: string; value: Struct }) => `${e.key} ${e.value.toString()}`;
    assert.ok(new Set(events.map(text)).size > 40, `${kind}: the events vary`);
    assert.notEqual(text(generateEvent(kind, 12, 7, 1_700_000_000_000)), text(events[7]!), `${kind}: the seed matters`);
  }
  assert.equal(schemaNames.size, DATA_GENERATOR_KINDS.length);
});

/** A task started on the manual clock, its stored offset `stored`. */
async function startTask(props: Record<string, string>, stored: SourceOffset | null = null): Promise<DataGeneratorTask> {
  const reader: OffsetStorageReader = {
    offset: async () => stored,
    offsets: async (partitions) => new Map(partitions.map((p) => [p, stored])),
  };
  const task = new DataGeneratorTask();
  task.initialize({ configs: () => props, offsetStorageReader: () => reader, transactionContext: () => null });
  await task.start(props);
  return task;
}

/** One poll; a poll that sleeps is woken by moving the clock on by `sleepMs`. */
async function poll(task: DataGeneratorTask, sleepMs = 0): Promise<SourceRecord[] | null> {
  const polled = task.poll();
  if (sleepMs > 0) mock.timers.tick(sleepMs);
  return polled;
}

const ids = (records: SourceRecord[] | null) => (records ?? []).map((r) => (r.value as Struct).get('payment_id'));

beforeEach(() => mock.timers.enable({ apis: ['Date', 'setTimeout'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

test('rate: records follow the clock, at most batch.size a poll, and a poll with none due sleeps a record\'s interval', async () => {
  const task = await startTask({ topic: 'payments', kind: 'payments', rate: '100', seed: '3', 'batch.size': '500' });
  // Nothing is due at the start: the poll sleeps 1000/rate ms and returns nothing.
  assert.equal(await poll(task, 10), null);
  // 10 ms on at 100/s: one record.
  assert.deepEqual(ids(await poll(task)), ['pay-3-0']);
  mock.timers.tick(1000);
  const second = await poll(task);
  assert.equal(second?.length, 100);
  assert.deepEqual(ids(second).slice(0, 2), ['pay-3-1', 'pay-3-2']);
  // Ten seconds later 1000 are due: two polls of batch.size, then none until the clock moves on.
  mock.timers.tick(10_000);
  assert.equal((await poll(task))?.length, 500);
  const fourth = await poll(task);
  assert.equal(fourth?.length, 500);
  assert.equal(ids(fourth).at(-1), 'pay-3-1100');
  assert.equal(await poll(task, 10), null);
  // Each record's offset is the count written so far, keyed by kind and seed.
  assert.deepEqual(fourth!.at(-1)!.sourcePartition, { kind: 'payments', seed: 3 });
  assert.deepEqual(fourth!.at(-1)!.sourceOffset, { count: 1101 });
  task.stop();
});

test('max.records ends the sequence; a restarted task goes on from its stored count at the rate from its own start', async () => {
  const task = await startTask({ topic: 'payments', kind: 'payments', rate: '10', seed: '5', 'max.records': '25' }, { count: 20 });
  mock.timers.tick(10_000);
  const records = await poll(task);
  assert.deepEqual(ids(records), ['pay-5-20', 'pay-5-21', 'pay-5-22', 'pay-5-23', 'pay-5-24']);
  // At the end: the poll sleeps (at most a second) and writes nothing more.
  mock.timers.tick(60_000);
  assert.equal(await poll(task, 1000), null);
  task.stop();

  const restarted = await startTask({ topic: 'payments', kind: 'payments', rate: '10', seed: '5' }, { count: 25 });
  mock.timers.tick(300);
  assert.deepEqual(ids(await poll(restarted)), ['pay-5-25', 'pay-5-26', 'pay-5-27']);
  restarted.stop();
});

test('rate 0 writes batch.size at once; stop() wakes a sleeping poll', async () => {
  const fast = await startTask({ topic: 'payments', kind: 'payments', rate: '0', seed: '1', 'batch.size': '64' });
  assert.equal((await poll(fast))?.length, 64);
  fast.stop();

  const slow = await startTask({ topic: 'payments', kind: 'payments', rate: '0.5', seed: '1' });
  const sleeping = slow.poll();
  slow.stop();
  // No clock tick: the stop alone ends the sleep.
  assert.equal(await sleeping, null);
});
