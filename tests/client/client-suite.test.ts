// The client suite: @sluice/client's producer, consumer and admin against the Sluice broker and
// against a real Apache Kafka 4.3.1, with the same assertions. A failure against both is the
// client's; a failure against Sluice only is the broker's.
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Admin,
  Consumer,
  type ConsumerOptions,
  type ConsumerRecord,
  KafkaError,
  Producer,
  type ProducerOptions,
  type RecordMetadata,
  type TopicPartition,
  partitionForKey,
} from '@sluice/client';
import { targets, uniqueName, type RunningTarget } from './targets.ts';
import { createTopicsAndWait, eventually } from '@sluice/test-kit';

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

function partitionsOf(topic: string, count: number): TopicPartition[] {
  return Array.from({ length: count }, (_, partition) => ({ topic, partition }));
}

async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<KafkaError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof KafkaError, `expected a KafkaError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected a rejection with ${code}`);
}

for (const target of targets) {
  describe(`client against ${target.name}`, { timeout: 600_000 }, () => {
    let broker: RunningTarget;
    let admin: Admin;

    before(async () => {
      broker = await target.start();
      admin = new Admin({ bootstrapServers: broker.bootstrap });
      await admin.connect();
    });
    after(async () => {
      await admin?.close();
      await broker?.stop();
    });

    const producer = (o: Partial<ProducerOptions> = {}) => new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 2, ...o });
    const consumer = (o: Partial<ConsumerOptions> = {}) =>
      new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100, heartbeatIntervalMs: 300, sessionTimeoutMs: 10_000, ...o });

    async function topic(partitions: number, configs?: Record<string, string>): Promise<string> {
      const name = uniqueName('client');
      await createTopicsAndWait(broker.bootstrap, [{ name, partitions, configs }]);
      return name;
    }

    /** Reads `count` records of a topic from the beginning with an assigned (group-less) consumer. */
    async function readAll(name: string, partitions: number, count: number): Promise<ConsumerRecord[]> {
      const c = consumer();
      try {
        c.assign(partitionsOf(name, partitions));
        const out: ConsumerRecord[] = [];
        const deadline = Date.now() + 60_000;
        while (out.length < count && Date.now() < deadline) out.push(...(await c.poll({ timeoutMs: 1000 })));
        // Nothing beyond what was expected turns up.
        out.push(...(await c.poll({ timeoutMs: 300 })));
        return out;
      } finally {
        await c.close();
      }
    }

    test('admin: create, describe, list, grow, configure and delete topics', async () => {
      const name = uniqueName('admin');
      const [created] = await admin.createTopics([{ name, numPartitions: 3, configs: { 'cleanup.policy': 'compact', 'retention.ms': '3600000' } }]);
      assert.equal(created.numPartitions, 3);
      assert.match(created.topicId, /^[A-Za-z0-9_-]{22}$/);
      assert.notEqual(created.topicId, 'AAAAAAAAAAAAAAAAAAAAAA');

      const again = await rejectsWithCode(admin.createTopics([{ name, numPartitions: 3 }]), 'TOPIC_ALREADY_EXISTS');
      assert.equal(again.retriable, false);
      assert.deepEqual(await admin.createTopics([{ name, numPartitions: 3 }], { ifNotExists: true }), []);
      await rejectsWithCode(admin.createTopics([{ name: uniqueName('bad'), numPartitions: 1, configs: { 'cleanup.policy': 'sideways' } }]), 'INVALID_CONFIG');

      assert.ok((await admin.listTopics()).includes(name));
      const [described] = await admin.describeTopics([name]);
      assert.equal(described.topicId, created.topicId);
      assert.equal(described.isInternal, false);
      assert.deepEqual(
        described.partitions.map((p) => p.partition),
        [0, 1, 2],
      );
      for (const p of described.partitions) {
        assert.ok(p.leader >= 0);
        assert.deepEqual(p.replicas, [p.leader]);
        assert.deepEqual(p.isr, [p.leader]);
      }

      await admin.createPartitions([{ topic: name, count: 5 }]);
      assert.equal((await eventually('5 partitions', async () => ((await admin.describeTopics([name]))[0].partitions.length === 5 ? true : undefined))), true);
      await rejectsWithCode(admin.createPartitions([{ topic: name, count: 2 }]), 'INVALID_PARTITIONS');

      const config = async () => new Map((await admin.describeConfigs([{ type: 'topic', name }]))[0].configs.map((c) => [c.name, c]));
      let entries = await config();
      assert.equal(entries.get('cleanup.policy')?.value, 'compact');
      assert.equal(entries.get('cleanup.policy')?.source, 'dynamic-topic');
      assert.equal(entries.get('retention.ms')?.value, '3600000');
      assert.equal(entries.get('max.message.bytes')?.isDefault, true);

      await admin.incrementalAlterConfigs([{ type: 'topic', name, ops: [{ name: 'retention.ms', op: 'set', value: '7200000' }, { name: 'cleanup.policy', op: 'delete' }] }]);
      entries = await config();
      assert.equal(entries.get('retention.ms')?.value, '7200000');
      assert.equal(entries.get('cleanup.policy')?.value, 'delete');
      assert.equal(entries.get('cleanup.policy')?.isDefault, true);

      // The legacy AlterConfigs replaces the topic's whole set of overrides.
      await admin.alterConfigs([{ type: 'topic', name, configs: { 'segment.ms': '600000' } }]);
      entries = await config();
      assert.equal(entries.get('segment.ms')?.value, '600000');
      assert.equal(entries.get('retention.ms')?.isDefault, true);
      await rejectsWithCode(admin.incrementalAlterConfigs([{ type: 'topic', name, ops: [{ name: 'retention.ms', op: 'set', value: 'soon' }] }]), 'INVALID_CONFIG');

      await admin.deleteTopics([name]);
      await eventually('the topic to go', async () => ((await admin.listTopics()).includes(name) ? undefined : true));
      await rejectsWithCode(admin.describeTopics([name]), 'UNKNOWN_TOPIC_OR_PARTITION');
    });

    test('admin: SCRAM credential changes are applied in the order given', async () => {
      const [alice, marker] = [uniqueName('alice'), uniqueName('marker')];
      // An upsertion then a deletion of one user's credential: the user ends with none.
      await admin.alterUserScramCredentials([
        { user: alice, mechanism: 'SCRAM-SHA-256', password: 'alice-secret' },
        { user: alice, mechanism: 'SCRAM-SHA-256', delete: true },
      ]);
      // Kafka applies changes through its metadata log, in order: once a later change shows, so do alice's.
      await admin.alterUserScramCredentials([{ user: marker, mechanism: 'SCRAM-SHA-512', password: 'marker-secret' }]);
      const users = await eventually('the later change described', async () => {
        const described = await admin.describeUserScramCredentials();
        return described.some((u) => u.user === marker) ? described : undefined;
      });
      assert.deepEqual(users.filter((u) => u.user === alice || u.user === marker).map((u) => [u.user, u.credentials.map((c) => c.mechanism)]), [[marker, ['SCRAM-SHA-512']]]);
    });

    test('admin: describe the cluster', async () => {
      const cluster = await admin.describeCluster();
      assert.equal(cluster.brokers.length, 1);
      assert.ok(cluster.clusterId && cluster.clusterId.length > 0);
      const [host, port] = broker.bootstrap.split(':');
      assert.equal(cluster.brokers[0].host, host);
      assert.equal(cluster.brokers[0].port, Number(port));
    });

    for (const codec of CODECS) {
      test(`producer and consumer: keys, values, nulls, headers and timestamps survive ${codec}`, async () => {
        const name = await topic(3);
        const p = producer({ compression: codec });
        const base = Date.now() - 60_000;
        const records = Array.from({ length: 300 }, (_, i) => ({
          topic: name,
          key: i % 50 === 7 ? null : `key-${i % 40}`,
          value: i % 60 === 3 ? null : `value-${i}-${'x'.repeat(i % 17)}`,
          headers: i % 3 === 0 ? { n: String(i), empty: null } : undefined,
          timestamp: base + i,
        }));
        const sent = await p.sendBatch(records);
        await p.close();
        const got = await readAll(name, 3, records.length);
        assert.equal(got.length, records.length);
        const byPosition = new Map(got.map((r) => [`${r.partition}:${r.offset}`, r]));
        sent.forEach((meta, i) => {
          const r = byPosition.get(`${meta.partition}:${meta.offset}`);
          assert.ok(r, `record ${i} at ${meta.partition}:${meta.offset} was read back`);
          assert.equal(r.key?.toString() ?? null, records[i].key);
          assert.equal(r.value?.toString() ?? null, records[i].value);
          assert.equal(r.timestamp, records[i].timestamp);
          assert.equal(r.timestampType, 'CreateTime');
          assert.deepEqual(
            r.headers.map((h) => [h.key, h.value?.toString() ?? null]),
            records[i].headers ? [['n', String(i)], ['empty', null]] : [],
          );
          if (records[i].key !== null) assert.equal(meta.partition, partitionForKey(Buffer.from(records[i].key!), 3));
        });
      });
    }

    test('producer: explicit partitions, per-partition order, idempotent producer id, flush', async () => {
      const name = await topic(4);
      const p = producer();
      assert.equal(p.isIdempotent, true);
      const pending = Array.from({ length: 400 }, (_, i) => p.send({ topic: name, partition: i % 4, value: String(i) }));
      await p.flush();
      const sent = await Promise.all(pending);
      assert.ok(p.producerIdAndEpoch.producerId >= 0n);
      for (let part = 0; part < 4; part++) {
        const offsets = sent.filter((m) => m.partition === part).map((m) => m.offset);
        assert.deepEqual(offsets, Array.from({ length: 100 }, (_, i) => BigInt(i)));
      }
      const infos = await p.partitionsFor(name);
      assert.deepEqual(
        infos.map((i) => i.partition),
        [0, 1, 2, 3],
      );
      await p.close();
      const got = await readAll(name, 4, 400);
      for (let part = 0; part < 4; part++) {
        assert.deepEqual(
          got.filter((r) => r.partition === part).map((r) => Number(r.value!.toString())),
          Array.from({ length: 100 }, (_, i) => i * 4 + part),
        );
      }
    });

    test('producer: many large batches in flight per partition keep their sequence order', async () => {
      // Batches are closed asynchronously; requests must still reach the broker in drain order,
      // or the broker sees sequences out of order and the producer can never deliver them.
      const name = await topic(6);
      const p = producer({ batchSize: 65_536, deliveryTimeoutMs: 30_000 });
      const value = Buffer.alloc(100, 'v');
      const first = await p.send({ topic: name, value });
      // Calls of 1,000 records, eight at a time, as an application streaming records would.
      const results: RecordMetadata[][] = [];
      let next = 0;
      const worker = async () => {
        while (next < 60) {
          const i = next++;
          results[i] = await p.sendBatch(Array.from({ length: 1000 }, () => ({ topic: name, value })));
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const sent = [first, ...results.flat()];
      await p.close();
      const perPartition = new Map<number, bigint[]>();
      for (const m of sent) perPartition.set(m.partition, [...(perPartition.get(m.partition) ?? []), m.offset]);
      for (const offsets of perPartition.values()) assert.deepEqual(offsets, offsets.map((_, i) => BigInt(i)), 'offsets in send order');
      const ends = await admin.listOffsets([0, 1, 2, 3, 4, 5].map((partition) => ({ topic: name, partition, spec: 'latest' as const })));
      assert.equal(ends.reduce((sum, e) => sum + Number(e.offset), 0), 60_001);
    });

    test('producer: unkeyed records stick to a partition per batch', async () => {
      const name = await topic(6);
      const p = producer({ lingerMs: 50 });
      const sent = await p.sendBatch(Array.from({ length: 50 }, (_, i) => ({ topic: name, value: `u${i}` })));
      await p.close();
      // One batch's worth of small records goes to one partition, as Java's sticky partitioner does.
      assert.equal(new Set(sent.map((m) => m.partition)).size, 1);
    });

    test('producer: acks 0 and 1', async () => {
      const name = await topic(1);
      const none = producer({ acks: 0 });
      assert.equal(none.isIdempotent, false);
      const fireAndForget = await none.send({ topic: name, value: 'acks0' });
      assert.equal(fireAndForget.offset, -1n);
      await none.close();
      // Nothing tells an acks=0 producer when its record lands: wait for it to be readable.
      await eventually('the acks=0 record', async () => ((await admin.listOffsets([{ topic: name, partition: 0, spec: 'latest' }]))[0].offset === 1n ? true : undefined));
      const leader = producer({ acks: 1 });
      const acked = await leader.send({ topic: name, value: 'acks1' });
      assert.equal(acked.offset, 1n);
      await leader.close();
      assert.deepEqual(
        (await readAll(name, 1, 2)).map((r) => r.value!.toString()),
        ['acks0', 'acks1'],
      );
      assert.throws(() => producer({ acks: 1, idempotent: true }), (e: unknown) => e instanceof KafkaError && e.code === 'INVALID_ARGUMENT');
    });

    test('producer: records too large for the client or for the topic', async () => {
      const name = await topic(1, { 'max.message.bytes': '2000' });
      const small = producer({ maxRequestSize: 1024 });
      await rejectsWithCode(small.send({ topic: name, value: Buffer.alloc(2000) }), 'RECORD_TOO_LARGE');
      await small.close();
      const p = producer();
      const e = await rejectsWithCode(p.send({ topic: name, value: Buffer.alloc(5000, 1) }), 'MESSAGE_TOO_LARGE');
      assert.equal(e.retriable, false);
      // The producer carries on after a rejected batch.
      assert.equal((await p.send({ topic: name, value: 'fits' })).offset, 0n);
      await p.close();
    });

    for (const [idempotent, compression] of [[true, 'none'], [false, 'gzip']] as const) {
      test(`producer: a batch too large for the topic is split, and only the oversized record fails (${idempotent ? 'idempotent' : 'acks=1'}, ${compression})`, async () => {
        const name = await topic(1, { 'max.message.bytes': '4000' });
        // One linger window gathers everything into one batch of ~8 KiB, over the topic's limit;
        // random text keeps the big record over it even when compressed.
        const p = producer({ lingerMs: 200, compression, ...(idempotent ? {} : { acks: 1, idempotent: false }) });
        const values = Array.from({ length: 41 }, (_, i) => (i === 20 ? randomBytes(4500).toString('base64') : `record-${i}-${'.'.repeat(40)}`));
        const results = await Promise.allSettled(values.map((value) => p.send({ topic: name, partition: 0, value })));
        await p.close();
        const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, (r.reason as KafkaError).code]] : []));
        assert.deepEqual(failed, [[20, 'MESSAGE_TOO_LARGE']]);
        const offsets = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.offset] : []));
        assert.deepEqual(offsets, Array.from({ length: 40 }, (_, i) => BigInt(i)), 'the others in order, each once');
        const read = await readAll(name, 1, 40);
        assert.deepEqual(read.map((r) => r.value!.toString()), values.filter((_, i) => i !== 20));
      });
    }

    test('consumer: seek, position, pause and resume, offsets by time', async () => {
      const name = await topic(2);
      const p = producer();
      const base = Date.now() - 100_000;
      await p.sendBatch(Array.from({ length: 100 }, (_, i) => ({ topic: name, partition: i % 2, value: String(i), timestamp: base + i * 1000 })));
      await p.close();
      const tp0 = { topic: name, partition: 0 };
      const tp1 = { topic: name, partition: 1 };
      const c = consumer({ maxPollRecords: 10 });
      c.assign([tp0, tp1]);
      assert.deepEqual(
        (await c.beginningOffsets([tp0, tp1])).map((o) => o.offset),
        [0n, 0n],
      );
      assert.deepEqual(
        (await c.endOffsets([tp0, tp1])).map((o) => o.offset),
        [50n, 50n],
      );
      // Record 41 (partition 1, offset 20) is the first at or after base + 40_500.
      const [byTime] = await c.offsetsForTimes([{ ...tp1, timestamp: base + 40_500 }]);
      assert.equal(byTime.offset, 20n);
      assert.equal((await c.offsetsForTimes([{ ...tp1, timestamp: base + 1_000_000 }]))[0].offset, -1n);

      assert.equal(await c.position(tp0), 0n);
      c.pause([tp0]);
      assert.deepEqual(c.paused(), [tp0]);
      c.seek(tp1, 45);
      const fromOne: ConsumerRecord[] = [];
      while (fromOne.length < 5) fromOne.push(...(await c.poll({ timeoutMs: 5000 })));
      assert.deepEqual(
        fromOne.map((r) => [r.partition, r.offset]),
        [45n, 46n, 47n, 48n, 49n].map((o) => [1, o]),
      );
      assert.equal(await c.position(tp1), 50n);
      assert.deepEqual(await c.poll({ timeoutMs: 300 }), []);
      c.resume([tp0]);
      c.seekToEnd([tp0]);
      assert.equal(await c.position(tp0), 50n);
      c.seek(tp0, 48);
      const fromZero: ConsumerRecord[] = [];
      while (fromZero.length < 2) fromZero.push(...(await c.poll({ timeoutMs: 5000 })));
      assert.deepEqual(
        fromZero.map((r) => r.value!.toString()),
        ['96', '98'],
      );
      c.seekToBeginning([tp1]);
      assert.equal(await c.position(tp1), 0n);
      assert.throws(() => c.seek({ topic: name, partition: 7 }, 0), (e: unknown) => e instanceof KafkaError && e.code === 'INVALID_ARGUMENT');
      await c.close();
    });

    test('consumer: auto offset reset latest and none', async () => {
      const name = await topic(1);
      const p = producer();
      await p.sendBatch([{ topic: name, value: 'old' }]);
      const latest = consumer({ autoOffsetReset: 'latest', groupId: uniqueName('latest') });
      latest.assign([{ topic: name, partition: 0 }]);
      assert.equal(await latest.position({ topic: name, partition: 0 }), 1n);
      await p.send({ topic: name, value: 'new' });
      const got = await latest.poll({ timeoutMs: 10_000 });
      assert.deepEqual(
        got.map((r) => r.value!.toString()),
        ['new'],
      );
      await latest.close();
      await p.close();
      const none = consumer({ autoOffsetReset: 'none', groupId: uniqueName('none') });
      none.assign([{ topic: name, partition: 0 }]);
      await rejectsWithCode(none.poll({ timeoutMs: 10_000 }), 'NO_OFFSET_FOR_PARTITION');
      await none.close();
    });

    test('consumer: an async iterator over batches, and an aborted poll', async () => {
      const name = await topic(3);
      const p = producer();
      await p.sendBatch(Array.from({ length: 90 }, (_, i) => ({ topic: name, key: String(i), value: String(i) })));
      await p.close();
      const c = consumer({ maxPollRecords: 7 });
      c.assign(partitionsOf(name, 3));
      const values = new Set<string>();
      for await (const batch of c) {
        assert.ok(batch.records.length <= 7);
        assert.ok(batch.records.every((r) => r.partition === batch.partition));
        assert.equal(batch.nextOffset, batch.records.at(-1)!.offset + 1n);
        for (const r of batch.records) values.add(r.value!.toString());
        if (values.size === 90) break;
      }
      assert.equal(values.size, 90);
      const aborted = AbortSignal.abort();
      await rejectsWithCode(c.poll({ signal: aborted }), 'ABORTED');
      await c.close();
      await rejectsWithCode(c.poll(), 'CLIENT_CLOSED');
    });

    for (const assignor of ['range', 'cooperative-sticky'] as const) {
      test(`consumer group (${assignor}): members share partitions, commit, and hand over on leave`, async () => {
        const name = await topic(4);
        const group = uniqueName(`group-${assignor}`);
        const events: string[] = [];
        const listener = (who: string) => ({
          onPartitionsAssigned: (ps: TopicPartition[]) => void events.push(`${who} +${ps.map((x) => x.partition).join(',')}`),
          onPartitionsRevoked: (ps: TopicPartition[]) => void events.push(`${who} -${ps.map((x) => x.partition).join(',')}`),
        });
        const a = consumer({ groupId: group, partitionAssigners: [assignor], enableAutoCommit: false });
        const b = consumer({ groupId: group, partitionAssigners: [assignor], enableAutoCommit: false });
        a.subscribe(name, listener('a'));
        b.subscribe([name], listener('b'));
        const received = new Map<string, number>();
        const drain = async (c: Consumer) => {
          for (const r of await c.poll({ timeoutMs: 200 })) received.set(r.value!.toString(), (received.get(r.value!.toString()) ?? 0) + 1);
        };
        await eventually('both members to own partitions', async () => {
          await Promise.all([drain(a), drain(b)]);
          return a.assignment().length > 0 && b.assignment().length > 0 && a.assignment().length + b.assignment().length === 4 ? true : undefined;
        });
        const owners = [...a.assignment(), ...b.assignment()].map((x) => x.partition).sort();
        assert.deepEqual(owners, [0, 1, 2, 3]);
        const [described] = await admin.describeGroups([group]);
        assert.equal(described.state, 'Stable');
        assert.equal(described.protocolType, 'consumer');
        assert.equal(described.protocol, assignor);
        assert.equal(described.members.length, 2);
        assert.deepEqual(
          described.members.flatMap((m) => m.assignment!.map((x) => x.partition)).sort(),
          [0, 1, 2, 3],
        );
        assert.ok((await admin.listGroups()).some((g) => g.groupId === group && g.protocolType === 'consumer'));

        const p = producer();
        await p.sendBatch(Array.from({ length: 200 }, (_, i) => ({ topic: name, key: `k${i}`, value: String(i) })));
        await eventually('200 records', async () => {
          await Promise.all([drain(a), drain(b)]);
          return received.size === 200 ? true : undefined;
        });
        assert.ok([...received.values()].every((n) => n === 1), 'every record once while the group is stable');
        await a.commit();
        await b.commit();
        const committed = await a.committed(a.assignment());
        for (const c of committed) assert.equal(c.offset, await a.position(c));

        // b leaves: a takes over b's partitions, from b's commits.
        await b.close();
        await eventually('a to own every partition', async () => {
          await drain(a);
          return a.assignment().length === 4 ? true : undefined;
        });
        await p.sendBatch(Array.from({ length: 100 }, (_, i) => ({ topic: name, key: `k${i}`, value: String(200 + i) })));
        await eventually('300 records', async () => {
          await drain(a);
          return received.size === 300 ? true : undefined;
        });
        assert.ok([...received.values()].every((n) => n === 1), 'nothing committed was read again');
        await p.close();
        await new Promise<void>((resolve, reject) => a.commitAsync({}, (e) => (e ? reject(e) : resolve())));
        await a.close();
        assert.ok(events.some((e) => e.startsWith('a +')) && events.some((e) => e.startsWith('b +')));
        assert.ok(events.some((e) => e.startsWith('b -')), 'b saw its partitions revoked on close');

        const offsets = await admin.listGroupOffsets(group);
        assert.equal(offsets.reduce((sum, o) => sum + Number(o.offset ?? 0n), 0), 300);
        assert.equal((await admin.describeGroups([group]))[0].state, 'Empty');
      });
    }

    test('admin: group offsets, delete group offsets, delete groups', async () => {
      const name = await topic(2);
      const group = uniqueName('admin-group');
      await admin.alterGroupOffsets(group, [
        { topic: name, partition: 0, offset: 5n, metadata: 'five' },
        { topic: name, partition: 1, offset: 7n },
      ]);
      const offsets = await admin.listGroupOffsets(group);
      assert.deepEqual(
        offsets.map((o) => [o.partition, o.offset, o.metadata]).sort(),
        [
          [0, 5n, 'five'],
          [1, 7n, ''],
        ],
      );
      // A consumer of the group starts at the committed offsets.
      const c = consumer({ groupId: group });
      c.assign(partitionsOf(name, 2));
      assert.equal(await c.position({ topic: name, partition: 0 }), 5n);
      assert.deepEqual(
        (await c.committed([{ topic: name, partition: 1 }])).map((o) => o.offset),
        [7n],
      );
      await c.close();
      await admin.deleteGroupOffsets(group, [{ topic: name, partition: 0 }]);
      assert.deepEqual(
        (await admin.listGroupOffsets(group)).map((o) => o.partition),
        [1],
      );
      await admin.deleteGroups([group]);
      assert.deepEqual(await admin.listGroupOffsets(group), []);
      // DescribeGroups v6 (Kafka 4.x) reports a group that is gone as not found, not as Dead.
      await rejectsWithCode(admin.describeGroups([group]), 'GROUP_ID_NOT_FOUND');
      await rejectsWithCode(admin.deleteGroups([group]), 'GROUP_ID_NOT_FOUND');
    });

    test('admin: delete records and list offsets', async () => {
      const name = await topic(1);
      const p = producer();
      const base = Date.now() - 10_000;
      await p.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: name, value: String(i), timestamp: base + i * 100 })));
      await p.close();
      const [deleted] = await admin.deleteRecords([{ topic: name, partition: 0, offset: 5n }]);
      assert.equal(deleted.lowWatermark, 5n);
      const listed = await admin.listOffsets([
        { topic: name, partition: 0, spec: 'earliest' },
        { topic: name, partition: 0, spec: 'latest' },
        { topic: name, partition: 0, spec: 'max-timestamp' },
        { topic: name, partition: 0, spec: { timestamp: base + 1050 } },
      ]);
      assert.deepEqual(
        listed.map((o) => o.offset),
        [5n, 20n, 19n, 11n],
      );
      assert.equal(listed[2].timestamp, BigInt(base + 1900));
      const got = await readAll(name, 1, 15);
      assert.deepEqual(
        got.map((r) => Number(r.offset)),
        Array.from({ length: 15 }, (_, i) => i + 5),
      );
      await rejectsWithCode(admin.deleteRecords([{ topic: name, partition: 0, offset: 50n }]), 'OFFSET_OUT_OF_RANGE');
    });

    test('options: unknown names and bad values are refused with what is wrong', () => {
      assert.throws(
        () => new Producer({ bootstrapServers: broker.bootstrap, lingerMS: 5 } as never),
        (e: unknown) => e instanceof KafkaError && e.code === 'INVALID_ARGUMENT' && /unknown option 'lingerMS'/.test(e.message),
      );
      assert.throws(
        () => new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'smallest' as never }),
        (e: unknown) => e instanceof KafkaError && /autoOffsetReset' must be one of/.test(e.message),
      );
    });
  });
}
