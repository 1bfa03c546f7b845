// Metadata for a topic that does not exist: created with num.partitions partitions when
// auto.create.topics.enable is true (the default) and the client allows it, else
// UNKNOWN_TOPIC_OR_PARTITION and nothing is created.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const metadata = (c: RawConnection, version: number, names: string[] | null, allowAutoTopicCreation = true) =>
  c.request(Apis.Metadata, version, {
    topics: names === null ? null : names.map((name) => ({ name, topicId: ZERO_UUID })),
    allowAutoTopicCreation,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  });

const topicNames = (response: { topics: { name: string }[] }) => response.topics.map((t) => t.name).sort();

test('auto.create.topics.enable=false: an unknown topic is UNKNOWN_TOPIC_OR_PARTITION and nothing is created', async () => {
  const broker = await startBroker({ port: 0, config: { 'auto.create.topics.enable': 'false', 'num.partitions': '3' } });
  try {
    const c = await RawConnection.open(broker.port);
    for (const version of [0, 1, 4, 9, 12]) {
      const answer = await metadata(c, version, [`ghost`]);
      assert.equal(answer.topics.length, 1);
      assert.equal(answer.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `v${version}`);
      assert.deepEqual(answer.topics[0].partitions, [], `v${version}`);
    }
    assert.deepEqual(topicNames(await metadata(c, 12, null)), []);
    assert.deepEqual(readdirSync(broker.dataDir).filter((f) => f.startsWith('ghost')), [], 'no partition folder');
    c.close();
  } finally {
    await broker.close();
  }
});

test('by default an unknown topic is created with num.partitions partitions, unless the client says not to', async () => {
  const broker = await startBroker({ port: 0, config: { 'num.partitions': '3' } });
  try {
    const c = await RawConnection.open(broker.port);
    // From v4 the client chooses; it declines here.
    const declined = await metadata(c, 12, ['declined'], false);
    assert.equal(declined.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);

    const answer = await metadata(c, 12, ['born']);
    assert.equal(answer.topics[0].errorCode, ErrorCode.NONE);
    assert.equal(answer.topics[0].name, 'born');
    assert.notEqual(answer.topics[0].topicId, ZERO_UUID);
    assert.deepEqual(
      answer.topics[0].partitions.map((p: { partitionIndex: number; leaderId: number; errorCode: number }) => [p.partitionIndex, p.leaderId, p.errorCode]),
      [0, 1, 2].map((i) => [i, broker.nodeId, ErrorCode.NONE]),
    );
    // Before v4 there is no choice: the broker's setting decides.
    assert.equal((await metadata(c, 1, ['old-client'])).topics[0].partitions.length, 3);

    const all = await metadata(c, 12, null);
    assert.deepEqual(topicNames(all), ['born', 'old-client']);
    assert.equal(all.topics.find((t: { name: string }) => t.name === 'born').topicId, answer.topics[0].topicId, 'the same topic, created once');
    assert.deepEqual(readdirSync(broker.dataDir).filter((f) => f.startsWith('born')).sort(), ['born-0', 'born-1', 'born-2']);
    c.close();
  } finally {
    await broker.close();
  }
});

test('Metadata never creates an internal topic: the offsets topic is the group coordinator\'s, with its settings', async () => {
  const broker = await startBroker({ port: 0, config: { 'num.partitions': '1', 'offsets.topic.num.partitions': '5' } });
  try {
    const c = await RawConnection.open(broker.port);
    for (const name of ['__consumer_offsets', '__transaction_state']) {
      const answer = await metadata(c, 12, [name]);
      assert.deepEqual(answer.topics.map((t: { name: string; errorCode: number; isInternal: boolean }) => [t.name, t.errorCode, t.isInternal]), [[name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, true]]);
    }
    assert.deepEqual(topicNames(await metadata(c, 12, null)), [], 'nothing was created');
    const commit = await c.request(Apis.OffsetCommit, 9, { groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [] });
    assert.deepEqual(commit.topics, []);
    await c.request(Apis.FindCoordinator, 4, { keyType: 0, coordinatorKeys: ['g'] });
    await metadata(c, 12, ['t']);
    const committed = await c.request(Apis.OffsetCommit, 9, { groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
    assert.equal(committed.topics[0].partitions[0].errorCode, ErrorCode.NONE);
    const offsets = (await metadata(c, 12, ['__consumer_offsets'])).topics[0];
    assert.deepEqual([offsets.errorCode, offsets.partitions.length, offsets.isInternal], [ErrorCode.NONE, 5, true], 'made by the coordinator with offsets.topic.num.partitions');
    c.close();
  } finally {
    await broker.close();
  }
});
