// The producer's queue of sends waiting behind an append that waits (for a topic's metadata or
// for buffer memory): a FIFO queue with O(1) shift, which must keep the order sends were made in
// and leave backpressure as it was (bufferMemory is never exceeded, every send completes).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Random } from '@sluice/test-kit/random';
import { Consumer, Producer } from '../src/index.ts';
import { FifoQueue } from '../src/fifo-queue.ts';

test('FifoQueue gives items back in the order pushed, across its compactions (seeded model run)', () => {
  for (const seed of [1, 2, 3]) {
    const random = new Random(seed);
    const queue = new FifoQueue<number>();
    const model: number[] = [];
    let next = 0;
    for (let step = 0; step < 50_000; step++) {
      // Phases that grow the queue past the compaction threshold and drain it again.
      const pushing = Math.floor(step / 5_000) % 2 === 0 ? random.chance(0.8) : random.chance(0.2);
      if (pushing) {
        queue.push(next);
        model.push(next++);
      } else {
        assert.equal(queue.shift(), model.shift(), `seed ${seed}, step ${step}`);
      }
      assert.equal(queue.length, model.length);
    }
    while (model.length > 0) assert.equal(queue.shift(), model.shift());
    assert.equal(queue.shift(), undefined);
    assert.equal(queue.length, 0);
  }
});

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

test('sends queued behind a metadata wait and then behind buffer memory keep their order per partition and never exceed bufferMemory', async () => {
  const topic = 'append-queue-order';
  const bufferMemory = 64 * 1024;
  const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5, batchSize: 16 * 1024, bufferMemory });
  const accumulator = (producer as unknown as { accumulator: { memoryUsed: number; exhausted: boolean } }).accumulator;
  const appendQueue = (producer as unknown as { appendQueue: FifoQueue<unknown> }).appendQueue;
  const N = 3_000;
  const value = 'x'.repeat(1000);
  let maxUsed = 0;
  let waitedForMemory = false;
  const offsets = new Map<string, bigint[]>();
  const sends: Promise<void>[] = [];
  // All in one tick: the first waits for the new topic's metadata, the rest queue behind it; once
  // metadata is there, ~3 MB of records meet 64 KiB of buffer memory and wait for it in turn.
  for (let i = 0; i < N; i++) {
    const key = `k${i % 3}`;
    sends.push(
      producer.send({ topic, key, value: `${i}:${value}` }).then((m) => {
        maxUsed = Math.max(maxUsed, accumulator.memoryUsed);
        waitedForMemory ||= accumulator.exhausted;
        const list = offsets.get(`${m.partition}`) ?? [];
        list.push(m.offset);
        offsets.set(`${m.partition}`, list);
      }),
    );
  }
  assert.equal(appendQueue.length, N - 1, 'every later send queued behind the one waiting for metadata');
  await producer.flush();
  await Promise.all(sends);
  assert.equal(appendQueue.length, 0);
  assert.ok(waitedForMemory, 'appends waited for buffer memory (the backpressure this test is about)');
  assert.ok(maxUsed <= bufferMemory, `buffer memory used ${maxUsed} stayed within ${bufferMemory}`);
  for (const [partition, list] of offsets) {
    for (let i = 1; i < list.length; i++) assert.ok(list[i]! > list[i - 1]!, `partition ${partition}: acknowledgements in offset order`);
  }
  await producer.close();

  // Read back: per key, the values come in the order they were sent.
  const consumer = new Consumer({ bootstrapServers: broker.bootstrap, groupId: 'append-queue-reader', autoOffsetReset: 'earliest' });
  consumer.subscribe([topic]);
  const seen = new Map<string, number[]>();
  let total = 0;
  while (total < N) {
    const batch = await consumer.nextBatch({ timeoutMs: 30_000 });
    if (!batch) continue;
    for (const r of batch.records) {
      const key = r.key!.toString();
      const list = seen.get(key) ?? [];
      list.push(Number(r.value!.toString().split(':')[0]));
      seen.set(key, list);
      total++;
    }
  }
  await consumer.close();
  for (let k = 0; k < 3; k++) {
    const expected = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === k);
    assert.deepEqual(seen.get(`k${k}`), expected, `key k${k} in send order`);
  }
});
