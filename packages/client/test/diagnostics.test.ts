// The client's diagnostics_channel events for a produce, a group consumer's join and fetch, as a
// subscriber sees them; and that without a subscriber nothing is published at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { startBroker, type Broker } from '@sluice/broker';
import { ClientChannels, Consumer, Producer, type ClientBatchMessage, type ClientMemberStateMessage, type ClientRecordsMessage, type ClientRequestMessage } from '../src/index.ts';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
});
after(() => broker.close());

/** Sends three records to `topic`, then reads them back as the only member of `group`. */
async function roundTrip(topic: string, group: string): Promise<void> {
  const producer = new Producer({ bootstrapServers: broker.bootstrap, clientId: 'diag-producer' });
  try {
    await producer.sendBatch(['a', 'b', 'c'].map((value) => ({ topic, partition: 0, value })));
  } finally {
    await producer.close();
  }
  const consumer = new Consumer({ bootstrapServers: broker.bootstrap, clientId: 'diag-consumer', groupId: group, autoOffsetReset: 'earliest' });
  try {
    consumer.subscribe([topic]);
    const values: string[] = [];
    while (values.length < 3) for (const r of await consumer.poll({ timeoutMs: 1000 })) values.push(r.value!.toString());
    assert.deepEqual(values, ['a', 'b', 'c']);
  } finally {
    await consumer.close();
  }
}

test('a produce, a join and a fetch are published on the sluice:client channels', async () => {
  const seen = { request: [] as ClientRequestMessage[], batch: [] as ClientBatchMessage[], records: [] as ClientRecordsMessage[], member: [] as ClientMemberStateMessage[] };
  const subscriptions: [string, (m: unknown) => void][] = [
    [ClientChannels.request, (m) => seen.request.push(m as ClientRequestMessage)],
    [ClientChannels.batch, (m) => seen.batch.push(m as ClientBatchMessage)],
    [ClientChannels.records, (m) => seen.records.push(m as ClientRecordsMessage)],
    [ClientChannels.memberState, (m) => seen.member.push(m as ClientMemberStateMessage)],
  ];
  for (const [name, fn] of subscriptions) diagnosticsChannel.subscribe(name, fn);
  try {
    await roundTrip('diag', 'diag-group');
  } finally {
    for (const [name, fn] of subscriptions) diagnosticsChannel.unsubscribe(name, fn);
  }

  // Requests: each names its API, version, broker and client, and the ones we expect are there.
  const apis = (clientId: string) => new Set(seen.request.filter((r) => r.clientId === clientId).map((r) => r.apiName));
  for (const api of ['ApiVersions', 'Metadata', 'Produce']) assert.ok(apis('diag-producer').has(api), `the producer's ${api}`);
  for (const api of ['FindCoordinator', 'JoinGroup', 'SyncGroup', 'Fetch', 'OffsetCommit', 'LeaveGroup']) assert.ok(apis('diag-consumer').has(api), `the consumer's ${api}`);
  for (const r of seen.request) {
    assert.equal(r.broker.host, '127.0.0.1');
    assert.equal(r.broker.port, broker.port);
    assert.ok(r.durationMs >= 0 && r.apiVersion >= 0 && r.correlationId > 0);
    // Only a long-polling fetch (or a heartbeat, on a slow machine) may be cut short, by the
    // consumer's close.
    if (r.error !== undefined) {
      assert.ok(r.apiName === 'Fetch' || r.apiName === 'Heartbeat', `${r.apiName} got an answer`);
      assert.equal((r.error as { code?: string }).code, 'CONNECTION_CLOSED');
    }
  }
  assert.ok(seen.request.some((r) => r.apiName === 'Fetch' && r.error === undefined), 'a fetch was answered');
  const produce = seen.request.find((r) => r.apiName === 'Produce')!;
  assert.equal(produce.broker.nodeId, 0, "a produce goes to the leader, known by its node id (the broker's node.id)");
  assert.equal(produce.errorCode, undefined);
  // A JoinGroup with no member id is answered MEMBER_ID_REQUIRED (79) first, from v4 on.
  const joins = seen.request.filter((r) => r.apiName === 'JoinGroup');
  assert.equal(joins.at(-1)!.errorCode, undefined, 'the last join succeeded');
  if (joins[0]!.apiVersion >= 4) assert.equal(joins[0]!.errorCode, 79);

  // Batches: the three records, acknowledged at offsets 0-2.
  assert.equal(seen.batch.reduce((n, b) => n + b.records, 0), 3);
  let next = 0n;
  for (const b of seen.batch) {
    assert.deepEqual([b.clientId, b.topic, b.partition, b.error, b.baseOffset], ['diag-producer', 'diag', 0, undefined, next]);
    assert.ok(b.bytes > 61, 'header and records');
    next += BigInt(b.records);
  }

  // Records handed to the application, in order.
  assert.ok(seen.records.length > 0);
  let expected = 0n;
  for (const r of seen.records) {
    assert.deepEqual([r.clientId, r.groupId, r.topic, r.partition, r.firstOffset], ['diag-consumer', 'diag-group', 'diag', 0, expected]);
    assert.equal(r.lastOffset - r.firstOffset + 1n, BigInt(r.records));
    expected = r.lastOffset + 1n;
  }
  assert.equal(expected, 3n);

  // The member: joins, becomes stable in a generation, and closes.
  assert.ok(seen.member.every((m) => m.groupId === 'diag-group'));
  const stable = seen.member.find((m) => m.to === 'stable');
  assert.ok(stable, 'the member became stable');
  assert.equal(stable.from, 'joining');
  assert.ok(stable.generationId >= 1 && stable.memberId.length > 0, 'in a generation, with the id the coordinator gave');
  assert.equal(seen.member.at(-1)!.to, 'closed');
  for (let i = 1; i < seen.member.length; i++) assert.equal(seen.member[i]!.from, seen.member[i - 1]!.to, 'transitions chain');
});

test('without subscribers nothing is published', async () => {
  // The channels are looked up by name, so these are the client's own; a publish is counted
  // without subscribing, so hasSubscribers stays false as in production.
  const published: string[] = [];
  const channels = Object.values(ClientChannels).map((name) => diagnosticsChannel.channel(name));
  const originals = channels.map((ch) => ch.publish);
  channels.forEach((ch, i) => {
    assert.equal(ch.hasSubscribers, false);
    ch.publish = (message: unknown) => {
      published.push(String(ch.name));
      Reflect.apply(originals[i]!, ch, [message]);
    };
  });
  try {
    await roundTrip('quiet', 'quiet-group');
  } finally {
    channels.forEach((ch, i) => (ch.publish = originals[i]!));
  }
  assert.deepEqual(published, []);
});
