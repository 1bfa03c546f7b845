// The broker's diagnostics_channel events for a produce, a fetch and a group's join, as a
// subscriber sees them; and that without a subscriber nothing is published at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { BrokerChannels, startBroker, type BrokerFetchMessage, type BrokerGroupStateMessage, type BrokerProduceMessage, type BrokerRequestMessage } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

/** Produces three records, fetches them, and joins and syncs a group of one member. */
async function roundTrip(port: number): Promise<void> {
  const c = await RawConnection.open(port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'd', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    const records = encodeUncompressedRecordBatch({ records: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
    const produced = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 'd', partitionData: [{ index: 0, records }] }] });
    assert.equal(produced.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
    const fetched = await c.request(Apis.Fetch, 12, { maxWaitMs: 0, minBytes: 1, topics: [{ topic: 'd', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] });
    assert.equal(fetched.responses[0].partitions[0].records.length, records.length);
    const joined = await c.request(Apis.JoinGroup, 3, {
      groupId: 'g',
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId: '',
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.from([0, 1]) }],
    });
    assert.equal(joined.errorCode, ErrorCode.NONE);
    const synced = await c.request(Apis.SyncGroup, 3, { groupId: 'g', generationId: joined.generationId, memberId: joined.memberId, assignments: [{ memberId: joined.memberId, assignment: Buffer.from([7]) }] });
    assert.equal(synced.errorCode, ErrorCode.NONE);
  } finally {
    c.close();
  }
}

test('a produce, a fetch and a join are published on the sluice:broker channels', async () => {
  const seen = { request: [] as BrokerRequestMessage[], produce: [] as BrokerProduceMessage[], fetch: [] as BrokerFetchMessage[], group: [] as BrokerGroupStateMessage[] };
  const subscriptions: [string, (m: unknown) => void][] = [
    [BrokerChannels.request, (m) => seen.request.push(m as BrokerRequestMessage)],
    [BrokerChannels.produce, (m) => seen.produce.push(m as BrokerProduceMessage)],
    [BrokerChannels.fetch, (m) => seen.fetch.push(m as BrokerFetchMessage)],
    [BrokerChannels.groupState, (m) => seen.group.push(m as BrokerGroupStateMessage)],
  ];
  for (const [name, fn] of subscriptions) diagnosticsChannel.subscribe(name, fn);
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  try {
    await roundTrip(broker.port);
  } finally {
    await broker.close();
    for (const [name, fn] of subscriptions) diagnosticsChannel.unsubscribe(name, fn);
  }

  assert.deepEqual(
    seen.request.map((r) => [r.apiName, r.apiKey, r.apiVersion, r.correlationId, r.clientId]),
    [
      ['CreateTopics', 19, 7, 1, 'sluice-test'],
      ['Produce', 0, 9, 2, 'sluice-test'],
      ['Fetch', 1, 12, 3, 'sluice-test'],
      ['JoinGroup', 11, 3, 4, 'sluice-test'],
      ['SyncGroup', 14, 3, 5, 'sluice-test'],
    ],
  );
  for (const r of seen.request) {
    assert.ok(r.durationMs >= 0, `${r.apiName} has a duration`);
    assert.match(r.remote, /^127\.0\.0\.1:\d+$/);
    assert.equal(r.errorCode, undefined, `${r.apiName} succeeded`);
    assert.equal(r.error, undefined);
  }

  assert.deepEqual(seen.produce, [{ topic: 'd', partition: 0, baseOffset: 0n, lastOffset: 2n, records: 3, bytes: seen.produce[0]?.bytes }]);
  assert.ok(seen.produce[0].bytes > 61, 'the batch with its header');
  assert.deepEqual(seen.fetch, [{ partitions: [{ topic: 'd', partition: 0, errorCode: ErrorCode.NONE, bytes: seen.produce[0].bytes }], bytes: seen.produce[0].bytes }]);

  const member = seen.group[0]?.members[0];
  assert.ok(member !== undefined && member.length > 0, 'the joining member is named');
  assert.deepEqual(
    seen.group.map((g) => [g.groupId, g.from, g.to, g.generationId, g.members]),
    [
      ['g', 'Empty', 'PreparingRebalance', 0, [member]],
      ['g', 'PreparingRebalance', 'CompletingRebalance', 1, [member]],
      ['g', 'CompletingRebalance', 'Stable', 1, [member]],
    ],
  );
});

test('a request answered with an error carries its code', async () => {
  const seen: BrokerRequestMessage[] = [];
  const onRequest = (m: unknown) => seen.push(m as BrokerRequestMessage);
  diagnosticsChannel.subscribe(BrokerChannels.request, onRequest);
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    const answer = await c.request(Apis.Heartbeat, 4, { groupId: 'nobody', generationId: 1, memberId: 'm', groupInstanceId: null });
    assert.notEqual(answer.errorCode, ErrorCode.NONE);
    assert.deepEqual(seen.map((r) => [r.apiName, r.errorCode]), [['Heartbeat', answer.errorCode]]);
  } finally {
    c.close();
    await broker.close();
    diagnosticsChannel.unsubscribe(BrokerChannels.request, onRequest);
  }
});

test('without subscribers nothing is published', async () => {
  // The channels are looked up by name, so these are the broker's own; a publish is counted
  // without subscribing, so hasSubscribers stays false as in production.
  const published: string[] = [];
  const channels = Object.values(BrokerChannels).map((name) => diagnosticsChannel.channel(name));
  const originals = channels.map((ch) => ch.publish);
  for (const ch of channels) {
    assert.equal(ch.hasSubscribers, false);
    ch.publish = (message: unknown) => {
      published.push(String(ch.name));
      Reflect.apply(originals[channels.indexOf(ch)], ch, [message]);
    };
  }
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  try {
    await roundTrip(broker.port);
  } finally {
    await broker.close();
    channels.forEach((ch, i) => (ch.publish = originals[i]));
  }
  assert.deepEqual(published, []);
});
