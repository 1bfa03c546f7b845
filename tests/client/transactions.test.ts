// The transactional producer of @sluice/client (producer/transactions.ts) with our own
// read_committed consumer, against real brokers: Sluice's and Apache Kafka 4.3.1, each with
// transaction.version 2 (Kafka's default: no AddPartitionsToTxn, EndTxn v5 bumps the epoch every
// transaction) and 1 (Sluice's setting; Kafka formatted with --feature: AddPartitionsToTxn before
// a partition's first batch, AddOffsetsToTxn, EndTxn v4). The same assertions for each: committed records visible, aborted
// ones never, an open transaction holds read_committed readers back at the last stable offset,
// offsets sent to a transaction reach the group only when it commits, and a second producer with
// the same transactional.id fences the first. Which protocol was spoken is checked on the wire
// (the client's request channel), so a test cannot pass in the wrong mode.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { ClientChannels, Consumer, KafkaError, Producer, type ClientRequestMessage } from '@sluice/client';
import { KAFKA_VERSION, createTopicsAndWait, eventually, startApacheKafka } from '@sluice/test-kit';
import { startBroker } from '@sluice/broker';
import { apacheKafkaTarget, sluiceTarget, uniqueName, type Target } from './targets.ts';
import { brokerForSuite, readAll, values } from './support/suite-broker.ts';

interface TransactionsTarget extends Target {
  /** The transaction protocol the broker's cluster finalizes (KIP-890). */
  transactionVersion: 1 | 2;
}

const kafkaV2: TransactionsTarget = { ...apacheKafkaTarget, name: `${apacheKafkaTarget.name} (transaction.version 2)`, transactionVersion: 2 };
const kafkaV1: TransactionsTarget = {
  name: `Apache Kafka ${KAFKA_VERSION} (transaction.version 1)`,
  transactionVersion: 1,
  async start() {
    const kafka = await startApacheKafka({ formatArgs: ['--feature', 'transaction.version=1'] });
    return { bootstrap: kafka.bootstrap, stop: () => kafka.stop() };
  },
};

const sluiceV2: TransactionsTarget = { ...sluiceTarget, name: `${sluiceTarget.name} (transaction.version 2)`, transactionVersion: 2 };
const sluiceV1: TransactionsTarget = {
  name: `${sluiceTarget.name} (transaction.version 1)`,
  transactionVersion: 1,
  async start() {
    const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'transaction.version': '1' } });
    return { bootstrap: broker.bootstrap, stop: () => broker.close() };
  },
};

const TARGETS: readonly TransactionsTarget[] = [sluiceV2, sluiceV1, kafkaV2, kafkaV1];

/** Requests sent by clients whose id starts with `prefix`: `Name vN`. */
function recordRequests(prefix: string): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const listener = (m: unknown) => {
    const r = m as ClientRequestMessage;
    if (r.clientId.startsWith(prefix)) seen.push(`${r.apiName} v${r.apiVersion}`);
  };
  diagnosticsChannel.subscribe(ClientChannels.request, listener);
  return { seen, stop: () => diagnosticsChannel.unsubscribe(ClientChannels.request, listener) };
}

function assertKafkaError(e: unknown, code: string, category: string): true {
  assert.ok(e instanceof KafkaError, `a KafkaError, not ${e}`);
  assert.equal(e.code, code, e.message);
  assert.equal(e.category, category, e.message);
  return true;
}

for (const target of TARGETS) {
  describe(`the transactional producer on ${target.name}`, { timeout: 600_000 }, () => {
    const suite = brokerForSuite(target);
    const clientPrefix = uniqueName('txn-client');
    let clients = 0;
    const producerFor = (transactionalId: string, transactionTimeoutMs = 60_000) =>
      new Producer({ bootstrapServers: suite.broker.bootstrap, clientId: `${clientPrefix}-${clients++}`, transactionalId, transactionTimeoutMs, lingerMs: 0, maxBlockMs: 30_000 });
    const readCommitted = () => new Consumer({ bootstrapServers: suite.broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });

    test('committed records are visible, aborted ones never, and an open transaction holds read_committed back', async () => {
      const topic = uniqueName('txn');
      await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 2 }]);
      const wire = recordRequests(clientPrefix);
      const producer = producerFor(uniqueName('txn-id'));
      const plain = new Producer({ bootstrapServers: suite.broker.bootstrap });
      const committed = readCommitted();
      const uncommitted = new Consumer({ bootstrapServers: suite.broker.bootstrap, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
      const tp = { topic, partition: 0 };
      try {
        await producer.initTransactions();
        producer.beginTransaction();
        await producer.sendBatch([
          { topic, partition: 0, value: 'committed-1' },
          { topic, partition: 1, value: 'committed-other-partition' },
          { topic, partition: 0, value: 'committed-2' },
        ]);
        await producer.commitTransaction();

        producer.beginTransaction();
        await producer.send({ topic, partition: 0, value: 'aborted-1' });
        await producer.send({ topic, partition: 1, value: 'aborted-other-partition' });
        await producer.abortTransaction();

        await plain.send({ topic, partition: 0, value: 'plain-1' });
        producer.beginTransaction();
        await producer.send({ topic, partition: 0, value: 'open-1' });
        await plain.send({ topic, partition: 0, value: 'plain-2' });
        // Partition 0: committed 0-1, marker 2, aborted 3, marker 4, plain-1 5, open-1 6, plain-2 7.

        committed.assign([tp, { topic, partition: 1 }]);
        uncommitted.assign([tp]);
        const seen = await readAll(committed, 4);
        assert.deepEqual(values(seen.filter((r) => r.partition === 0)), ['committed-1', 'committed-2', 'plain-1']);
        assert.deepEqual(values(seen.filter((r) => r.partition === 1)), ['committed-other-partition']);
        assert.equal(await committed.position(tp), 6n, 'read_committed stops at the open transaction');
        const [lso] = await suite.admin.listOffsets([{ ...tp, spec: 'latest' }], { isolationLevel: 'read_committed' });
        const [hw] = await suite.admin.listOffsets([{ ...tp, spec: 'latest' }]);
        assert.equal(lso!.offset, 6n, 'the last stable offset is the open transaction’s first offset');
        assert.equal(hw!.offset, 8n);
        assert.deepEqual(values(await readAll(uncommitted, 6)), ['committed-1', 'committed-2', 'aborted-1', 'plain-1', 'open-1', 'plain-2'], 'read_uncommitted sees aborted and open records');

        await producer.commitTransaction();
        assert.deepEqual(values(await readAll(committed, 2)), ['open-1', 'plain-2']);
        assert.equal(await committed.position(tp), 9n, 'past the commit marker');

        const added = wire.seen.filter((r) => r.startsWith('AddPartitionsToTxn'));
        const endTxn = wire.seen.filter((r) => r.startsWith('EndTxn'));
        assert.ok(endTxn.length >= 3, wire.seen.join(', '));
        if (target.transactionVersion === 2) {
          assert.deepEqual(added, [], 'transactions v2: the partition leaders add the partitions');
          assert.ok(endTxn.every((r) => r === 'EndTxn v5'), endTxn.join(', '));
        } else {
          assert.ok(added.length >= 3, `transactions v1: partitions are added before their first batch (${wire.seen.join(', ')})`);
          assert.ok(endTxn.every((r) => r !== 'EndTxn v5'), endTxn.join(', '));
        }
      } finally {
        wire.stop();
        await committed.close();
        await uncommitted.close();
        await plain.close();
        await producer.close();
      }
    });

    test('the producer epoch: kept across v1 transactions, bumped by every v2 EndTxn', async () => {
      const topic = uniqueName('txn-epoch');
      await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 1 }]);
      const producer = producerFor(uniqueName('txn-id'));
      try {
        await producer.initTransactions();
        const first = producer.producerIdAndEpoch;
        for (let i = 0; i < 3; i++) {
          await producer.transaction(async (p) => {
            await p.send({ topic, value: `r${i}` });
          });
        }
        const last = producer.producerIdAndEpoch;
        assert.equal(last.producerId, first.producerId);
        assert.equal(last.epoch, first.epoch + (target.transactionVersion === 2 ? 3 : 0));
      } finally {
        await producer.close();
      }
    });

    test('offsets sent to a transaction reach the group only when it commits', async () => {
      const input = uniqueName('txn-in');
      const output = uniqueName('txn-out');
      const group = uniqueName('txn-group');
      await createTopicsAndWait(suite.broker.bootstrap, [
        { name: input, partitions: 1 },
        { name: output, partitions: 1 },
      ]);
      const plain = new Producer({ bootstrapServers: suite.broker.bootstrap });
      const consumer = new Consumer({ bootstrapServers: suite.broker.bootstrap, groupId: group, enableAutoCommit: false, isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
      const producer = producerFor(uniqueName('txn-id'));
      const committedOffset = async () => (await suite.admin.listGroupOffsets(group, [{ topic: input, partition: 0 }]))[0]?.offset ?? null;
      try {
        await plain.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic: input, partition: 0, value: `in-${i}` })));
        await producer.initTransactions();
        consumer.subscribe([input]);
        const batch = await readAll(consumer, 10);
        assert.equal(batch.length, 10);
        const metadata = consumer.groupMetadata();
        assert.ok(metadata && metadata.generationId >= 0, 'the consumer is a member of its group');

        // Consume-transform-produce, aborted: neither the output nor the offsets are visible.
        producer.beginTransaction();
        await producer.sendBatch(batch.slice(0, 5).map((r) => ({ topic: output, value: `out-${r.value}` })));
        await producer.sendOffsetsToTransaction([{ topic: input, partition: 0, offset: 5n }], metadata);
        await producer.abortTransaction();
        assert.equal(await committedOffset(), null, 'an aborted transaction commits no offsets');

        // Committed: the output and the offsets together.
        producer.beginTransaction();
        await producer.sendBatch(batch.map((r) => ({ topic: output, value: `out-${r.value}` })));
        await producer.sendOffsetsToTransaction([{ topic: input, partition: 0, offset: 10n }], consumer.groupMetadata()!);
        assert.equal(await committedOffset(), null, 'offsets of an open transaction are not the group’s yet');
        await producer.commitTransaction();
        await eventually('the transaction’s offsets committed to the group', async () => (await committedOffset()) === 10n, 30_000);

        const reader = readCommitted();
        try {
          reader.assign([{ topic: output, partition: 0 }]);
          assert.deepEqual(values(await readAll(reader, 10)), batch.map((r) => `out-${r.value}`));
        } finally {
          await reader.close();
        }

        // A member that is no longer in the group (a zombie) cannot commit offsets: abortable.
        producer.beginTransaction();
        await assert.rejects(
          producer.sendOffsetsToTransaction([{ topic: input, partition: 0, offset: 3n }], { ...metadata, generationId: metadata.generationId + 100 }),
          (e) => assertKafkaError(e, 'ILLEGAL_GENERATION', 'abortable'),
        );
        await assert.rejects(producer.commitTransaction(), (e) => assertKafkaError(e, 'ILLEGAL_GENERATION', 'abortable'));
        await producer.abortTransaction();
        assert.equal(await committedOffset(), 10n);
      } finally {
        await consumer.close();
        await producer.close();
        await plain.close();
      }
    });

    test('a second producer with the same transactional.id fences the first, whose open transaction is aborted', async () => {
      const topic = uniqueName('txn-fence');
      await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 1 }]);
      const transactionalId = uniqueName('txn-id');
      const zombie = producerFor(transactionalId);
      const successor = producerFor(transactionalId);
      const reader = readCommitted();
      try {
        await zombie.initTransactions();
        zombie.beginTransaction();
        await zombie.send({ topic, value: 'zombie-open' });

        await successor.initTransactions();
        await successor.transaction(async (p) => {
          await p.send({ topic, value: 'successor' });
        });

        await assert.rejects(zombie.commitTransaction(), (e) => assertKafkaError(e, 'PRODUCER_FENCED', 'application-recoverable'));
        assert.throws(() => zombie.beginTransaction(), (e) => assertKafkaError(e, 'PRODUCER_FENCED', 'application-recoverable'));
        await assert.rejects(zombie.send({ topic, value: 'zombie-late' }), (e) => assertKafkaError(e, 'PRODUCER_FENCED', 'application-recoverable'));

        reader.assign([{ topic, partition: 0 }]);
        assert.deepEqual(values(await readAll(reader, 1)), ['successor'], 'the zombie’s open transaction was aborted');
      } finally {
        await reader.close();
        await zombie.close();
        await successor.close();
      }
    });

    test('a record the broker refuses makes the transaction abortable; after abortTransaction the producer goes on', async () => {
      const topic = uniqueName('txn-abortable');
      await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 1, configs: { 'max.message.bytes': '2000' } }]);
      const producer = producerFor(uniqueName('txn-id'));
      const reader = readCommitted();
      let wire: ReturnType<typeof recordRequests> | undefined;
      try {
        await producer.initTransactions();
        wire = recordRequests(clientPrefix);
        const before = producer.producerIdAndEpoch;
        producer.beginTransaction();
        await producer.send({ topic, value: 'sent-before-the-failure' });
        await assert.rejects(producer.send({ topic, value: 'x'.repeat(5000) }), (e) => assertKafkaError(e, 'MESSAGE_TOO_LARGE', 'unclassified'));
        await assert.rejects(producer.send({ topic, value: 'after' }), (e) => assertKafkaError(e, 'MESSAGE_TOO_LARGE', 'abortable'), 'no send until the transaction is aborted');
        await assert.rejects(producer.commitTransaction(), (e) => assertKafkaError(e, 'MESSAGE_TOO_LARGE', 'abortable'));
        await producer.abortTransaction();
        // The refused record left a gap in the partition's sequences: v1 bumps the epoch with
        // InitProducerId after the abort (KIP-360), v2's EndTxn bumps it anyway.
        assert.deepEqual(producer.producerIdAndEpoch, { producerId: before.producerId, epoch: before.epoch + 1 });
        // (The coordinator may answer CONCURRENT_TRANSACTIONS while the abort markers are written: retried.)
        const inits = wire.seen.filter((r) => r.startsWith('InitProducerId'));
        if (target.transactionVersion === 1) assert.ok(inits.length >= 1, wire.seen.join(', '));
        else assert.equal(inits.length, 0, wire.seen.join(', '));

        await producer.transaction(async (p) => {
          await p.sendBatch([{ topic, value: 'next-1' }, { topic, value: 'next-2' }]);
        });
        reader.assign([{ topic, partition: 0 }]);
        assert.deepEqual(values(await readAll(reader, 2)), ['next-1', 'next-2']);
      } finally {
        wire?.stop();
        await reader.close();
        await producer.close();
      }
    });

    test('close() aborts an open transaction instead of leaving readers waiting for its timeout', async () => {
      const topic = uniqueName('txn-close');
      await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 1 }]);
      // The longest timeout the broker allows (transaction.max.timeout.ms): only an abort lets the reader on.
      const producer = producerFor(uniqueName('txn-id'), 900_000);
      const plain = new Producer({ bootstrapServers: suite.broker.bootstrap });
      const reader = readCommitted();
      try {
        await producer.initTransactions();
        producer.beginTransaction();
        await producer.send({ topic, value: 'left-open' });
        await producer.close();
        await plain.send({ topic, value: 'after-close' });
        reader.assign([{ topic, partition: 0 }]);
        assert.deepEqual(values(await readAll(reader, 1)), ['after-close']);
      } finally {
        await reader.close();
        await plain.close();
        await producer.close();
      }
    });

    test('transaction(): a thrown error aborts, and the calls refuse the wrong order', async () => {
      const topic = uniqueName('txn-helper');
      await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 1 }]);
      const producer = producerFor(uniqueName('txn-id'));
      const reader = readCommitted();
      try {
        await assert.rejects(producer.send({ topic, value: 'x' }), (e) => assertKafkaError(e, 'INVALID_TXN_STATE', 'unclassified'));
        assert.throws(() => producer.beginTransaction(), /initTransactions/);
        await producer.initTransactions();
        await assert.rejects(producer.send({ topic, value: 'x' }), /beginTransaction/);
        await assert.rejects(producer.commitTransaction(), /beginTransaction/);

        await assert.rejects(
          producer.transaction(async (p) => {
            await p.send({ topic, value: 'thrown-away' });
            throw new Error('the transform failed');
          }),
          /the transform failed/,
        );
        await producer.transaction(async (p) => {
          await p.send({ topic, value: 'kept' });
        });
        reader.assign([{ topic, partition: 0 }]);
        assert.deepEqual(values(await readAll(reader, 1)), ['kept']);
      } finally {
        await reader.close();
        await producer.close();
      }
    });
  });
}
