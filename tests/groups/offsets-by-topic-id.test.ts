// OffsetCommit v10 and OffsetFetch v10 name topics by id (Kafka 4.2+). The same raw requests go
// to Apache Kafka 4.3.1 and to Sluice, with the same assertions, so what Sluice answers is what
// Kafka answers: ids echoed, offsets shared with the name-based versions, unknown ids refused,
// refused partitions listed first, and empty metadata where nothing was committed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { groupCoordinatorReady, RawConnection, rawTargets } from '@sluice/test-kit';

const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';
type TopicResult = { name: string; topicId: string; partitions: { partitionIndex: number; errorCode: number; committedOffset?: bigint; metadata?: string | null }[] };

for (const target of rawTargets) {
  describe(`offsets by topic id on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;
    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    test('OffsetCommit v10 and OffsetFetch v10 by id, and v9 by name, see the same offsets', async () => {
      const versions = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'sluice-test', clientSoftwareVersion: '0' });
      for (const key of [8, 9]) assert.equal(versions.apiKeys.find((k: { apiKey: number }) => k.apiKey === key).maxVersion, 10, `API ${key} up to v10`);

      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'by-id', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 10_000 });
      assert.equal(created.topics[0].errorCode, 0);
      const topicId: string = created.topics[0].topicId;
      await groupCoordinatorReady(c, 'by-id');

      const commit = await c.request(Apis.OffsetCommit, 10, {
        groupId: 'g-ids',
        generationIdOrMemberEpoch: -1,
        memberId: '',
        groupInstanceId: null,
        topics: [
          { topicId, partitions: [{ partitionIndex: 0, committedOffset: 42n, committedLeaderEpoch: -1, committedMetadata: 'by id' }] },
          { topicId: UNKNOWN_ID, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] },
        ],
      });
      // Refused first, as Kafka's response builder puts them.
      assert.deepEqual(
        commit.topics.map((t: TopicResult) => [t.topicId, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]),
        [
          [UNKNOWN_ID, [[0, ErrorCode.UNKNOWN_TOPIC_ID]]],
          [topicId, [[0, ErrorCode.NONE]]],
        ],
      );
      const unknownPartition = await c.request(Apis.OffsetCommit, 10, {
        groupId: 'g-ids',
        generationIdOrMemberEpoch: -1,
        memberId: '',
        groupInstanceId: null,
        topics: [{ topicId, partitions: [1, 7].map((partitionIndex) => ({ partitionIndex, committedOffset: 5n, committedLeaderEpoch: -1, committedMetadata: null })) }],
      });
      assert.deepEqual(
        unknownPartition.topics.map((t: TopicResult) => [t.topicId, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]),
        [[topicId, [[7, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [1, ErrorCode.NONE]]]],
      );
      const byNameCommit = await c.request(Apis.OffsetCommit, 9, {
        groupId: 'g-names',
        generationIdOrMemberEpoch: -1,
        memberId: '',
        groupInstanceId: null,
        topics: ['by-id', 'no-such-topic'].map((name) => ({ name, partitions: [{ partitionIndex: 0, committedOffset: 3n, committedLeaderEpoch: -1, committedMetadata: null }] })),
      });
      assert.deepEqual(
        byNameCommit.topics.map((t: TopicResult) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]),
        [
          ['no-such-topic', [[0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]],
          ['by-id', [[0, ErrorCode.NONE]]],
        ],
      );

      const fetched = await c.request(Apis.OffsetFetch, 10, {
        groups: [{ groupId: 'g-ids', memberId: null, memberEpoch: -1, topics: [{ topicId, partitionIndexes: [0, 1] }] }],
        requireStable: false,
      });
      const group = fetched.groups[0];
      assert.equal(group.topics.length, 1);
      assert.equal(group.errorCode, 0);
      assert.equal(group.topics[0].topicId, topicId);
      assert.deepEqual(
        group.topics[0].partitions.map((p: { partitionIndex: number; committedOffset: bigint; metadata: string | null; errorCode: number }) => [p.partitionIndex, p.committedOffset, p.metadata, p.errorCode]),
        [
          [0, 42n, 'by id', 0],
          [1, 5n, '', 0],
        ],
      );

      const byName = await c.request(Apis.OffsetFetch, 9, {
        groups: [{ groupId: 'g-ids', memberId: null, memberEpoch: -1, topics: [{ name: 'by-id', partitionIndexes: [0] }] }],
        requireStable: false,
      });
      assert.equal(byName.groups[0].topics[0].partitions[0].committedOffset, 42n, 'v9 by name reads what v10 committed by id');

      const all = await c.request(Apis.OffsetFetch, 10, { groups: [{ groupId: 'g-ids', memberId: null, memberEpoch: -1, topics: null }], requireStable: false });
      assert.deepEqual(
        all.groups[0].topics.map((t: { topicId: string; partitions: { partitionIndex: number; committedOffset: bigint }[] }) => [t.topicId, t.partitions.map((p) => [p.partitionIndex, p.committedOffset])]),
        [[topicId, [[0, 42n], [1, 5n]]]],
      );
    });

    test('OffsetFetch: an unknown topic id, an unknown name, a group without commits', async () => {
      const fetched = await c.request(Apis.OffsetFetch, 10, {
        groups: [
          { groupId: 'g-ids', memberId: null, memberEpoch: -1, topics: [{ topicId: UNKNOWN_ID, partitionIndexes: [0] }] },
          { groupId: 'no-commits', memberId: null, memberEpoch: -1, topics: [{ topicId: UNKNOWN_ID, partitionIndexes: [0] }] },
        ],
        requireStable: false,
      });
      for (const g of fetched.groups) {
        assert.deepEqual(
          [g.errorCode, g.topics.map((t: TopicResult) => [t.topicId, t.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata, p.errorCode])])],
          [0, [[UNKNOWN_ID, [[0, -1n, '', ErrorCode.UNKNOWN_TOPIC_ID]]]]],
          g.groupId,
        );
      }
      const byName = await c.request(Apis.OffsetFetch, 9, { groups: [{ groupId: 'g-ids', memberId: null, memberEpoch: -1, topics: [{ name: 'no-such-topic', partitionIndexes: [0] }] }], requireStable: false });
      assert.deepEqual(
        byName.groups[0].topics.map((t: TopicResult) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata, p.errorCode])]),
        [['no-such-topic', [[0, -1n, '', ErrorCode.NONE]]]],
      );
    });
  });
}
