// Authorized operations in Metadata v8-10, DescribeCluster and DescribeGroups v3+: when a client asks, the answer is
// what Apache Kafka 4.3.1 without an authorizer sends (every operation the resource supports),
// not the "not requested" value. kafka-python 2.3's admin describe_topics asks, and failed on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const NOT_REQUESTED = -2147483648;

test('Metadata, DescribeCluster and DescribeGroups report authorized operations when asked, as Kafka does', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const c = await RawConnection.open(broker.port);
    await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'ops', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    for (const version of [8, 10]) {
      const asked = await c.request(Apis.Metadata, version, { topics: [{ name: 'ops', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: true, includeTopicAuthorizedOperations: true });
      assert.equal(asked.topics[0].topicAuthorizedOperations, 3576, `v${version} topic`);
      assert.equal(asked.clusterAuthorizedOperations, 8096, `v${version} cluster`);
      const unknown = await c.request(Apis.Metadata, version, { topics: [{ name: 'nope', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: true });
      assert.equal(unknown.topics[0].errorCode, 3);
      assert.equal(unknown.topics[0].topicAuthorizedOperations, 3576, `v${version} unknown topic`);
      const all = await c.request(Apis.Metadata, version, { topics: null, allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: true });
      assert.equal(all.topics.find((t: { name: string }) => t.name === 'ops').topicAuthorizedOperations, 3576, `v${version} all topics`);
      const plain = await c.request(Apis.Metadata, version, { topics: [{ name: 'ops', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
      assert.equal(plain.topics[0].topicAuthorizedOperations, NOT_REQUESTED);
      assert.equal(plain.clusterAuthorizedOperations, NOT_REQUESTED);
    }
    const cluster = await c.request(Apis.DescribeCluster, 0, { includeClusterAuthorizedOperations: true });
    assert.equal(cluster.clusterAuthorizedOperations, 8096);
    const unasked = await c.request(Apis.DescribeCluster, 0, { includeClusterAuthorizedOperations: false });
    assert.equal(unasked.clusterAuthorizedOperations, NOT_REQUESTED);
    await c.request(Apis.OffsetCommit, 2, { groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', retentionTimeMs: -1n, topics: [{ name: 'ops', partitions: [{ partitionIndex: 0, committedOffset: 0n, committedMetadata: '' }] }] });
    for (const version of [3, 5]) {
      const groups = await c.request(Apis.DescribeGroups, version, { groups: ['g', 'none'], includeAuthorizedOperations: true });
      assert.deepEqual(groups.groups.map((g: { groupState: string; authorizedOperations: number }) => [g.groupState, g.authorizedOperations]), [['Empty', 3400], ['Dead', 3400]], `DescribeGroups v${version}`);
      const unaskedGroups = await c.request(Apis.DescribeGroups, version, { groups: ['g'], includeAuthorizedOperations: false });
      assert.equal(unaskedGroups.groups[0].authorizedOperations, NOT_REQUESTED);
    }
    c.close();
  } finally {
    await broker.close();
  }
});
