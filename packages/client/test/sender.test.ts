// The producer's sender (producer/sender.ts) on a real broker whose answers to chosen Produce
// requests are scripted through startBroker's interceptRequest: retriable errors are retried
// with the batch's producer id, epoch and sequence unchanged and the records' order kept,
// NOT_LEADER_OR_FOLLOWER refreshes metadata, MESSAGE_TOO_LARGE splits the batch, an error that
// cannot be retried fails only its batch's sends, and delivery.timeout.ms ends the retries.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { ClientErrorCode, type KafkaError } from '../src/errors.ts';
import { Admin, Producer } from '../src/index.ts';

/** The producer fields of a v2 record batch (their offsets in its 61-byte header). */
interface SentBatch {
  topic: string;
  partition: number;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  count: number;
}

type ProduceScript = (batches: SentBatch[]) => Map<number, number> | undefined;

let seen: { apiName: string; batches: SentBatch[] }[];
/** Decides the error code of each partition of a Produce request, or undefined: the broker answers. */
let scriptProduce: ProduceScript;
let broker: Broker;

function batchesOf(body: any): SentBatch[] {
  const out: SentBatch[] = [];
  for (const t of body.topicData) {
    for (const p of t.partitionData) {
      const r: Buffer = p.records;
      out.push({
        topic: t.name,
        partition: p.index,
        producerId: r.readBigInt64BE(43),
        producerEpoch: r.readInt16BE(51),
        baseSequence: r.readInt32BE(53),
        count: r.readInt32BE(57),
      });
    }
  }
  return out;
}

before(async () => {
  broker = await startBroker({
    port: 0,
    interceptRequest(request) {
      if (request.apiName !== 'Produce') {
        seen.push({ apiName: request.apiName, batches: [] });
        return undefined;
      }
      const batches = batchesOf(request.body);
      seen.push({ apiName: 'Produce', batches });
      const codes = scriptProduce(batches);
      if (codes === undefined) return undefined;
      const body = request.body as { topicData: { name: string; partitionData: { index: number }[] }[] };
      return {
        throttleTimeMs: 0,
        responses: body.topicData.map((t) => ({
          name: t.name,
          partitionResponses: t.partitionData.map((p) => ({
            index: p.index,
            errorCode: codes.get(p.index) ?? ErrorCode.NOT_ENOUGH_REPLICAS,
            baseOffset: -1n,
            logAppendTimeMs: -1n,
            logStartOffset: -1n,
            recordErrors: [],
            errorMessage: null,
          })),
        })),
      };
    },
  });
});
after(() => broker.close());
beforeEach(() => {
  seen = [];
  scriptProduce = () => undefined;
});

const produced = () => seen.filter((s) => s.apiName === 'Produce').flatMap((s) => s.batches);
let topicCount = 0;
const newTopic = () => `sender-test-${++topicCount}`;

function newProducer(options: Record<string, unknown> = {}) {
  return new Producer({ bootstrapServers: broker.bootstrap, retryBackoffMs: 10, retryBackoffMaxMs: 50, ...options });
}

/** Scripts the first `n` Produce requests to get `code` on every partition, then lets the broker answer. */
function failFirst(n: number, code: number): ProduceScript {
  let left = n;
  return (batches) => (left-- > 0 ? new Map(batches.map((b) => [b.partition, code])) : undefined);
}

test('NOT_LEADER_OR_FOLLOWER then NOT_ENOUGH_REPLICAS: the batch is retried unchanged after a metadata refresh, and order holds', async () => {
  const topic = newTopic();
  const producer = newProducer({ lingerMs: 0 });
  try {
    await producer.send({ topic, partition: 0, value: 'warm-up' }); // metadata and producer id in place
    seen = [];
    const codes = [ErrorCode.NOT_LEADER_OR_FOLLOWER, ErrorCode.NOT_ENOUGH_REPLICAS];
    let attempt = 0;
    scriptProduce = (batches) => (attempt < codes.length ? new Map(batches.map((b) => [b.partition, codes[attempt++]])) : undefined);
    const sends = ['a', 'b', 'c', 'd', 'e'].map((value) => producer.send({ topic, partition: 0, value }));
    const results = await Promise.all(sends);
    assert.deepEqual(results.map((r) => r.offset), [1n, 2n, 3n, 4n, 5n], 'offsets follow the order of the sends');

    const sent = produced();
    // The refused batch went three times with the same producer id, epoch and sequence.
    const [first, second, third] = sent;
    assert.deepEqual(second, first);
    assert.deepEqual(third, first);
    assert.equal(first.baseSequence, 1, 'the warm-up record took sequence 0');
    // Later batches continue the sequence without a gap.
    let next = first.baseSequence;
    for (const b of sent.slice(2)) {
      assert.equal(b.baseSequence, next);
      next += b.count;
    }
    assert.equal(next, 6);
    // NOT_LEADER_OR_FOLLOWER is stale metadata: a Metadata request came between the first two attempts.
    const order = seen.map((s) => s.apiName);
    const firstProduce = order.indexOf('Produce');
    const secondProduce = order.indexOf('Produce', firstProduce + 1);
    assert.ok(order.slice(firstProduce, secondProduce).includes('Metadata'), order.join(' '));
  } finally {
    await producer.close();
  }
});

test('MESSAGE_TOO_LARGE splits the batch into halves until the parts are taken, in order, with their sequences', async () => {
  const topic = newTopic();
  const producer = newProducer({ lingerMs: 60_000 });
  try {
    const warmUp = producer.send({ topic, partition: 0, value: 'warm-up' });
    await producer.flush();
    await warmUp;
    seen = [];
    // The "broker" takes at most two records a batch.
    scriptProduce = (batches) => (batches.some((b) => b.count > 2) ? new Map(batches.map((b) => [b.partition, b.count > 2 ? ErrorCode.MESSAGE_TOO_LARGE : ErrorCode.NOT_ENOUGH_REPLICAS])) : undefined);
    const values = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
    const sends = values.map((value) => producer.send({ topic, partition: 0, value: value.repeat(50) }));
    await producer.flush();
    const results = await Promise.all(sends);
    assert.deepEqual(results.map((r) => r.offset), [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);

    const sent = produced();
    assert.equal(sent[0].count, 8, 'the eight records went as one batch first');
    const accepted = sent.filter((b) => b.count <= 2);
    assert.deepEqual(accepted.map((b) => b.count).reduce((x, y) => x + y, 0), 8);
    // The parts keep the refused batch's producer and take its sequences in order.
    let next = sent[0].baseSequence;
    for (const b of accepted) {
      assert.equal(b.producerId, sent[0].producerId);
      assert.equal(b.producerEpoch, sent[0].producerEpoch);
      assert.equal(b.baseSequence, next);
      next += b.count;
    }
  } finally {
    await producer.close();
  }
});

test('a single record refused as MESSAGE_TOO_LARGE fails alone', async () => {
  const topic = newTopic();
  const producer = newProducer({ lingerMs: 0 });
  try {
    await producer.send({ topic, partition: 0, value: 'warm-up' });
    scriptProduce = failFirst(1, ErrorCode.MESSAGE_TOO_LARGE);
    await assert.rejects(producer.send({ topic, partition: 0, value: 'big' }), (e: KafkaError) => e.code === 'MESSAGE_TOO_LARGE');
    const after = await producer.send({ topic, partition: 0, value: 'next' });
    assert.ok(after.offset >= 1n);
  } finally {
    await producer.close();
  }
});

test('an error that cannot be retried fails only the sends of its batch; the other partition\'s batch is delivered', async () => {
  const topic = newTopic();
  const producer = newProducer({ lingerMs: 60_000 });
  try {
    const a = new Admin({ bootstrapServers: broker.bootstrap });
    await a.createTopics([{ name: topic, numPartitions: 2 }]);
    await a.close();
    let first = true;
    // Partition 1 gets INVALID_RECORD; partition 0 a retriable error, then the broker's answer.
    scriptProduce = (batches) => {
      if (!first) return undefined;
      first = false;
      return new Map(batches.map((b) => [b.partition, b.partition === 1 ? ErrorCode.INVALID_RECORD : ErrorCode.NOT_ENOUGH_REPLICAS]));
    };
    const p0 = [producer.send({ topic, partition: 0, value: 'x' }), producer.send({ topic, partition: 0, value: 'y' })];
    const p1 = [producer.send({ topic, partition: 1, value: 'u' }), producer.send({ topic, partition: 1, value: 'v' })];
    const settled = await Promise.allSettled([...p0, ...p1, producer.flush()]);
    assert.equal(settled.pop()!.status, 'fulfilled', 'flush waits for failed batches too, without failing');
    assert.deepEqual(
      settled.map((s) => (s.status === 'fulfilled' ? `offset ${(s.value as { offset: bigint }).offset}` : (s.reason as KafkaError).code)),
      ['offset 0', 'offset 1', 'INVALID_RECORD', 'INVALID_RECORD'],
    );
    // The partition is usable afterwards.
    const later = producer.send({ topic, partition: 1, value: 'w' });
    await producer.flush();
    assert.equal((await later).offset, 0n);
  } finally {
    await producer.close();
  }
});

test('a batch retried past delivery.timeout.ms fails with DELIVERY_TIMEOUT, and the producer goes on', async () => {
  const topic = newTopic();
  const producer = newProducer({ lingerMs: 0, deliveryTimeoutMs: 300, requestTimeoutMs: 200 });
  try {
    await producer.send({ topic, partition: 0, value: 'warm-up' });
    scriptProduce = (batches) => new Map(batches.map((b) => [b.partition, ErrorCode.NOT_ENOUGH_REPLICAS]));
    await assert.rejects(producer.send({ topic, partition: 0, value: 'late' }), (e: KafkaError) => e.code === ClientErrorCode.DELIVERY_TIMEOUT);
    assert.ok(produced().length >= 2, 'retried before giving up');
    scriptProduce = () => undefined;
    const next = await producer.send({ topic, partition: 0, value: 'next' });
    assert.equal(next.offset, 1n, 'the expired record was never written');
  } finally {
    await producer.close();
  }
});

test('a batch that expires while it waits out its retry backoff names why its last attempt failed', async () => {
  const topic = newTopic();
  // The backoff outlasts the delivery timeout: the refused batch expires in the queue, not on the wire.
  const producer = newProducer({ lingerMs: 0, deliveryTimeoutMs: 300, requestTimeoutMs: 200, retryBackoffMs: 2000, retryBackoffMaxMs: 2000 });
  try {
    await producer.send({ topic, partition: 0, value: 'warm-up' });
    scriptProduce = (batches) => new Map(batches.map((b) => [b.partition, ErrorCode.NOT_ENOUGH_REPLICAS]));
    await assert.rejects(producer.send({ topic, partition: 0, value: 'late' }), (e: KafkaError) => {
      assert.equal(e.code, ClientErrorCode.DELIVERY_TIMEOUT);
      assert.match(e.message, /have passed since the batch was created; its last attempt failed: .*NOT_ENOUGH_REPLICAS/);
      assert.ok(e.cause instanceof Error, 'the last failure is the cause');
      return true;
    });
    assert.equal(produced().length, 2, 'sent once, then expired during the backoff');
  } finally {
    await producer.close();
  }
});
