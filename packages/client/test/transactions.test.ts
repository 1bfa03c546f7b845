// The transactional producer's handling of coordinator answers it rarely sees from a healthy
// broker, on a real Sluice broker (transaction.version 1, so that AddPartitionsToTxn is used)
// whose answers to chosen requests are scripted through startBroker's interceptRequest:
// retriable answers are retried (and NOT_COORDINATOR sends FindCoordinator again), a refused
// AddPartitionsToTxn makes the transaction abortable without sending its records, and an
// authorization failure of InitProducerId ends the producer. Everything not scripted is the
// broker's own answer, so the transactions really commit and abort.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { KafkaError } from '../src/errors.ts';
import { Admin, Consumer, Producer } from '../src/index.ts';

type Script = (body: any) => unknown;

/** Scripted answers, used in order, per API name; a request with no script left gets the broker's answer. */
let scripts: Map<string, Script[]>;
let seen: string[];
let broker: Broker;
let topic: string;
let topics = 0;

before(async () => {
  broker = await startBroker({
    port: 0,
    config: { 'transaction.version': '1', 'group.initial.rebalance.delay.ms': '0' },
    interceptRequest(request) {
      seen.push(request.apiName);
      return scripts.get(request.apiName)?.shift()?.(request.body);
    },
  });
});
after(() => broker.close());
beforeEach(async () => {
  scripts = new Map();
  seen = [];
  topic = `txn-script-${topics++}`;
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  try {
    await admin.createTopics([{ name: topic, numPartitions: 1 }]);
  } finally {
    await admin.close();
  }
});

const coordinatorAnswer = (errorCode: number) => () => ({ throttleTimeMs: 0, errorCode, producerId: -1n, producerEpoch: -1 });
const addPartitionsAnswer = (errorCode: number) => (body: any) => ({
  throttleTimeMs: 0,
  resultsByTopicV3AndBelow: body.v3AndBelowTopics.map((t: { name: string; partitions: number[] }) => ({
    name: t.name,
    resultsByPartition: t.partitions.map((p) => ({ partitionIndex: p, partitionErrorCode: errorCode })),
  })),
});

function producer(): Producer {
  return new Producer({ bootstrapServers: broker.bootstrap, transactionalId: `${topic}-id`, lingerMs: 0, retryBackoffMs: 10, retryBackoffMaxMs: 50 });
}

async function committedValues(): Promise<string[]> {
  const consumer = new Consumer({ bootstrapServers: broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
  try {
    consumer.assign([{ topic, partition: 0 }]);
    const end = await consumer.endOffsets([{ topic, partition: 0 }]);
    const out: string[] = [];
    while ((await consumer.position({ topic, partition: 0 })) < end[0]!.offset) out.push(...(await consumer.poll({ timeoutMs: 200 })).map((r) => r.value!.toString()));
    return out;
  } finally {
    await consumer.close();
  }
}

test('CONCURRENT_TRANSACTIONS and NOT_COORDINATOR from EndTxn are retried, the latter after a new FindCoordinator; the commit lands once', async () => {
  const p = producer();
  try {
    await p.initTransactions();
    p.beginTransaction();
    await p.send({ topic, value: 'committed' });
    scripts.set('EndTxn', [coordinatorAnswer(ErrorCode.CONCURRENT_TRANSACTIONS), coordinatorAnswer(ErrorCode.NOT_COORDINATOR)]);
    const before = seen.length;
    await p.commitTransaction();
    const after = seen.slice(before);
    assert.deepEqual(after.filter((n) => n === 'EndTxn').length, 3, after.join(', '));
    assert.ok(after.indexOf('FindCoordinator') > after.indexOf('EndTxn'), `FindCoordinator again after NOT_COORDINATOR: ${after.join(', ')}`);
    assert.deepEqual(await committedValues(), ['committed']);
  } finally {
    await p.close();
  }
});

test('a refused AddPartitionsToTxn makes the transaction abortable: its records are never sent, and after abortTransaction the next one commits', async () => {
  const p = producer();
  try {
    await p.initTransactions();
    p.beginTransaction();
    scripts.set('AddPartitionsToTxn', [addPartitionsAnswer(ErrorCode.TOPIC_AUTHORIZATION_FAILED)]);
    const before = seen.length;
    await assert.rejects(p.send({ topic, value: 'never-sent' }), (e: unknown) => e instanceof KafkaError && e.code === 'TOPIC_AUTHORIZATION_FAILED' && e.category === 'abortable');
    await assert.rejects(p.commitTransaction(), (e: unknown) => e instanceof KafkaError && e.category === 'abortable' && /abortTransaction/.test(e.message));
    assert.ok(!seen.slice(before).includes('Produce'), `no Produce for a partition the coordinator did not add: ${seen.slice(before).join(', ')}`);
    await p.abortTransaction();
    await p.transaction(async (tx) => {
      await tx.send({ topic, value: 'next' });
    });
    assert.deepEqual(await committedValues(), ['next']);
  } finally {
    await p.close();
  }
});

test('COORDINATOR_LOAD_IN_PROGRESS from InitProducerId is retried; TRANSACTIONAL_ID_AUTHORIZATION_FAILED ends the producer, and every later call says so', async () => {
  const p = producer();
  try {
    scripts.set('InitProducerId', [coordinatorAnswer(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS), coordinatorAnswer(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED)]);
    const fatal = (e: unknown) => e instanceof KafkaError && e.code === 'PRODUCER_FATAL' && e.category === 'invalid-configuration' && /TRANSACTIONAL_ID_AUTHORIZATION_FAILED/.test(e.message);
    await assert.rejects(p.initTransactions(), fatal);
    assert.equal(seen.filter((n) => n === 'InitProducerId').length, 2);
    assert.throws(() => p.beginTransaction(), fatal);
    await assert.rejects(p.send({ topic, value: 'x' }), fatal);
    await assert.rejects(p.initTransactions(), fatal);
  } finally {
    await p.close();
  }
});

test('INVALID_TXN_STATE from EndTxn is fatal; a second producer with the same id takes over and aborts what was left open', async () => {
  const p = producer();
  const successor = producer();
  try {
    await p.initTransactions();
    p.beginTransaction();
    await p.send({ topic, value: 'left-open' });
    scripts.set('EndTxn', [coordinatorAnswer(ErrorCode.INVALID_TXN_STATE)]);
    await assert.rejects(p.commitTransaction(), (e: unknown) => e instanceof KafkaError && e.code === 'PRODUCER_FATAL' && e.category === 'unclassified' && /INVALID_TXN_STATE/.test(e.message));
    await assert.rejects(p.abortTransaction(), (e: unknown) => e instanceof KafkaError && e.code === 'PRODUCER_FATAL');
    await successor.initTransactions();
    await successor.transaction(async (tx) => {
      await tx.send({ topic, value: 'successor' });
    });
    assert.deepEqual(await committedValues(), ['successor']);
  } finally {
    await p.close();
    await successor.close();
  }
});

test('commitTransaction waits for a sendOffsetsToTransaction still in flight, so the offsets commit with it; no offsets send nothing', async () => {
  const p = producer();
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  const group = `${topic}-group`;
  try {
    await p.initTransactions();
    p.beginTransaction();
    const before = seen.length;
    await p.sendOffsetsToTransaction([], { groupId: group });
    assert.deepEqual(seen.slice(before), [], 'no request for no offsets');
    await p.send({ topic, value: 'with-offsets' });
    const offsets = p.sendOffsetsToTransaction([{ topic, partition: 0, offset: 42n }], { groupId: group });
    await p.commitTransaction();
    await offsets;
    const [committed] = await admin.listGroupOffsets(group, [{ topic, partition: 0 }]);
    assert.equal(committed?.offset, 42n);
  } finally {
    await admin.close();
    await p.close();
  }
});

test('a record refused before it reaches a batch (larger than maxRequestSize) makes the transaction abortable, so it cannot commit without it', async () => {
  const p = new Producer({ bootstrapServers: broker.bootstrap, transactionalId: `${topic}-id`, lingerMs: 0, maxRequestSize: 1024 });
  try {
    await p.initTransactions();
    p.beginTransaction();
    await p.send({ topic, value: 'sent' });
    await assert.rejects(p.send({ topic, value: 'x'.repeat(4096) }), (e: unknown) => e instanceof KafkaError && e.code === 'RECORD_TOO_LARGE');
    await assert.rejects(p.commitTransaction(), (e: unknown) => e instanceof KafkaError && e.code === 'RECORD_TOO_LARGE' && e.category === 'abortable');
    await p.abortTransaction();
    await p.transaction(async (tx) => {
      await tx.send({ topic, value: 'next' });
    });
    assert.deepEqual(await committedValues(), ['next']);
  } finally {
    await p.close();
  }
});

test('Admin.fenceProducers bumps the epoch: the fenced producer can neither commit nor send, its open transaction is aborted, and a successor commits', async () => {
  const zombie = producer();
  const admin = new Admin({ bootstrapServers: broker.bootstrap, retryBackoffMs: 10, retryBackoffMaxMs: 50 });
  const successor = producer();
  try {
    await zombie.initTransactions();
    zombie.beginTransaction();
    await zombie.send({ topic, value: 'from the zombie' });
    // A retriable answer and a moved coordinator are tried again (after a new FindCoordinator).
    scripts.set('InitProducerId', [coordinatorAnswer(ErrorCode.CONCURRENT_TRANSACTIONS), coordinatorAnswer(ErrorCode.NOT_COORDINATOR)]);
    const fenced = await admin.fenceProducers([`${topic}-id`, `${topic}-id`]);
    assert.equal(fenced.length, 1, 'one call per distinct id');
    assert.equal(fenced[0].transactionalId, `${topic}-id`);
    assert.ok(fenced[0].producerEpoch >= 1, `epoch ${fenced[0].producerEpoch}`);
    // The zombie's, the two refused, then the fence (which, with the zombie's transaction open, the coordinator may answer CONCURRENT_TRANSACTIONS once more while it aborts it).
    assert.ok(seen.filter((n) => n === 'InitProducerId').length >= 4, seen.join());
    assert.ok(seen.filter((n) => n === 'FindCoordinator').length >= 2);
    await assert.rejects(zombie.commitTransaction(), (e: unknown) => e instanceof KafkaError && /PRODUCER_FENCED|INVALID_PRODUCER_EPOCH/.test(`${e.code} ${e.message}`));
    await successor.initTransactions();
    successor.beginTransaction();
    await successor.send({ topic, value: 'from the successor' });
    await successor.commitTransaction();
    assert.deepEqual(await committedValues(), ['from the successor']);
  } finally {
    await zombie.close();
    await successor.close();
    await admin.close();
  }
});

test('Admin.fenceProducers: an authorization failure is its error, not retried; an empty id is refused before any request', async () => {
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  try {
    scripts.set('InitProducerId', [coordinatorAnswer(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED)]);
    await assert.rejects(admin.fenceProducers(['not-mine']), (e: unknown) => e instanceof KafkaError && e.code === 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED' && /not-mine/.test(e.message));
    assert.equal(seen.filter((n) => n === 'InitProducerId').length, 1);
    assert.throws(() => admin.fenceProducers(['ok', '']), (e: unknown) => e instanceof KafkaError && e.code === 'INVALID_ARGUMENT');
  } finally {
    await admin.close();
  }
});
