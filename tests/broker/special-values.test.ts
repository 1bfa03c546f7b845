// Long file: every API's special values share one Sluice and one Apache Kafka (a JVM start costs
// 5-15 s here), so they are checked side by side in this one file, a test per group of APIs; the
// answers to a client without permission come from a second pair with an authorizer and no ACLs.
// Special values in request fields (-1, 0, null, empty, negative, versions that predate a value),
// API by API: the same raw requests go to Apache Kafka 4.3.1 and to Sluice, with the same
// assertions, so what Sluice answers for them is what Kafka answers, not what our clients send.
//
// Differences found by the same comparison and left as they are, on purpose or for later:
// - error messages are worded differently (codes are compared, not texts), and Kafka sends ""
//   where Sluice sends null for a successful DescribeConfigs' or FindCoordinator's message;
// - Kafka fails an unknown isolation level, a negative max_bytes and an unknown config operation
//   with UNKNOWN_SERVER_ERROR; Sluice says INVALID_REQUEST (the assertions accept either error);
// - Metadata auto-creation answers the created topic at once, where Kafka answers
//   UNKNOWN_TOPIC_OR_PARTITION until its controller has made it;
// - DeleteTopics of __consumer_offsets succeeds on Kafka; Sluice refuses it;
// - DescribeConfigs of BROKER_LOGGER lists no loggers;
// - DeleteGroups: Kafka orders its answers by coordinator partition, in a hash map's order;
//   Sluice answers in the request's order (both answer a name given twice once);
// - an OffsetCommit that stores nothing leaves a group in Kafka's memory that no ListGroups or
//   DescribeGroups shows (DeleteGroups of it succeeds); Sluice makes no group at all.
// - a Produce whose records are null: Kafka closes the connection; Sluice answers INVALID_RECORD;
// - a DeleteTopics of refusals only answers them in the request's order on Sluice, the ones
//   neither named nor identified first on Kafka (compared sorted).
// - DescribeTopicPartitions naming the topic "": Kafka fails every topic named with
//   UNKNOWN_SERVER_ERROR; Sluice answers "" UNKNOWN_TOPIC_OR_PARTITION and the others;
// - CreateAcls, DescribeAcls and DeleteAcls with a resource type, pattern type, operation or
//   permission of 0 (UNKNOWN): Kafka closes the connection; Sluice answers an error;
// - AddPartitionsToTxn v4+ (the brokers' verification batch) from a client with no transaction:
//   Kafka never answers; Sluice answers an empty list.
// - AlterConfigs naming one resource twice: Kafka never answers; Sluice alters it twice;
// - AlterUserScramCredentials: Kafka answers the users in a hash map's order, Sluice in the
//   request's (compared sorted).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, ZERO_UUID, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '@sluice/broker';
import { eventually, fetchRequestV12, groupCoordinatorReady, RawConnection, rawTargets, startApacheKafka, untilAccepted } from '@sluice/test-kit';

const TOPIC = 'special';
const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';

type FetchPartition = { partitionIndex: number; errorCode: number; highWatermark: bigint; logStartOffset: bigint; records: Buffer | null };

for (const target of rawTargets) {
  describe(`special values on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: 3, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, 0);
      // Partition 0: four records, timestamps 1000, 3000, 2000, 3000 (the largest first at offset 1);
      // partition 1: one record. One partition per request, so that a retry appends nothing twice.
      const timestamps = [1000, 3000, 2000, 3000];
      const batches = [encodeUncompressedRecordBatch({ records: timestamps.map((timestamp, i) => ({ value: `v${i}`, timestamp })) }), encodeUncompressedRecordBatch({ records: [{ value: 'one' }] })];
      for (const [index, records] of batches.entries()) {
        await untilAccepted(
          'produce',
          () => c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 10_000, topicData: [{ name: TOPIC, partitionData: [{ index, records }] }] }),
          (r) => r.responses[0].partitionResponses[0].errorCode,
        );
      }
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    function fetch(fields: Record<string, unknown>, partitions: Record<string, unknown>[] = [{}]): Promise<{ errorCode: number; responses: { partitions: FetchPartition[] }[] }> {
      return c.request(Apis.Fetch, 12, fetchRequestV12(TOPIC, partitions, fields));
    }
    /** Per partition: [index, error, high watermark, log start offset, has records]. */
    async function fetched(fields: Record<string, unknown>, partitions?: Record<string, unknown>[]) {
      const r = await fetch(fields, partitions);
      assert.equal(r.errorCode, ErrorCode.NONE);
      return r.responses[0]!.partitions.map((p) => [p.partitionIndex, p.errorCode === ErrorCode.NONE ? 'ok' : 'error', p.highWatermark, p.logStartOffset, (p.records?.length ?? 0) > 0]);
    }

    test('Fetch: max_bytes and partition_max_bytes 0 still return the first batch; negative ones are refused', async () => {
      assert.deepEqual(await fetched({ maxBytes: 0 }), [[0, 'ok', 4n, 0n, true]]);
      assert.deepEqual(await fetched({ maxBytes: 0 }, [{}, { partition: 1 }]), [[0, 'ok', 4n, 0n, true], [1, 'ok', 1n, 0n, false]], 'only the first partition may go past the limit');
      assert.deepEqual(await fetched({}, [{ partitionMaxBytes: 0 }]), [[0, 'ok', 4n, 0n, true]]);
      assert.deepEqual(await fetched({}, [{ partitionMaxBytes: -1 }]), [[0, 'error', -1n, -1n, false]]);
      assert.deepEqual(await fetched({ maxBytes: -1 }, [{}, { partition: 1 }]), [[0, 'error', -1n, -1n, false], [1, 'ok', 1n, 0n, true]], 'a negative max_bytes fails the first read only');
      assert.deepEqual(await fetched({ maxWaitMs: -1, minBytes: -1 }), [[0, 'ok', 4n, 0n, true]]);
      // An isolation level that does not exist: Kafka refuses the request with UNKNOWN_SERVER_ERROR, Sluice with INVALID_REQUEST.
      const isolation = await fetch({ isolationLevel: 2 });
      assert.notEqual(isolation.errorCode, ErrorCode.NONE, 'isolation level 2');
      assert.deepEqual(isolation.responses[0]!.partitions.map((p) => [p.errorCode !== ErrorCode.NONE, p.highWatermark, p.records?.length ?? 0]), [[true, -1n, 0]]);
    });

    test('Fetch: replica ids, positions and epochs', async () => {
      const partition = async (fields: Record<string, unknown>, p: Record<string, unknown> = {}) => (await fetch(fields, [p])).responses[0]!.partitions[0]!;
      const follower = await partition({ replicaId: 5 });
      assert.deepEqual([follower.errorCode, follower.highWatermark], [ErrorCode.NOT_LEADER_OR_FOLLOWER, -1n], 'a follower fetch from a broker that is no replica');
      assert.equal((await partition({ replicaId: -2 })).errorCode, ErrorCode.NONE, 'the debugging consumer id reads like a consumer');
      const before = await partition({}, { fetchOffset: -1n });
      assert.deepEqual([before.errorCode, before.highWatermark, before.logStartOffset], [ErrorCode.OFFSET_OUT_OF_RANGE, -1n, -1n]);
      const atEnd = await partition({}, { fetchOffset: 4n });
      assert.deepEqual([atEnd.errorCode, atEnd.highWatermark, atEnd.records?.length ?? 0], [ErrorCode.NONE, 4n, 0]);
      const futureEpoch = await partition({}, { currentLeaderEpoch: 5 });
      assert.deepEqual([futureEpoch.errorCode, futureEpoch.highWatermark], [ErrorCode.UNKNOWN_LEADER_EPOCH, -1n]);
      assert.equal((await partition({}, { currentLeaderEpoch: 0 })).errorCode, ErrorCode.NONE);
      assert.equal((await partition({}, { lastFetchedEpoch: 3 })).errorCode, ErrorCode.OFFSET_OUT_OF_RANGE, 'a last fetched epoch after the leader epoch');
      assert.equal((await partition({}, { lastFetchedEpoch: 0 })).errorCode, ErrorCode.NONE);
    });

    test('ListOffsets: -1, -2, -3 (the first record with the largest timestamp), -4, -5 by version, and what no version knows', async () => {
      const listed = async (version: number, timestamp: bigint, partitionIndex = 0) => {
        const r = await c.request(Apis.ListOffsets, version, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex, currentLeaderEpoch: -1, timestamp }] }], timeoutMs: 10_000 });
        const p = r.topics[0].partitions[0];
        return [p.errorCode, p.offset, p.timestamp];
      };
      assert.deepEqual(await listed(9, -1n), [0, 4n, -1n]);
      assert.deepEqual(await listed(9, -2n), [0, 0n, -1n]);
      assert.deepEqual(await listed(7, -3n), [0, 1n, 3000n], 'MAX_TIMESTAMP is the first record with the largest timestamp');
      assert.deepEqual(await listed(9, -3n, 2), [0, -1n, -1n], 'MAX_TIMESTAMP of an empty partition');
      assert.deepEqual(await listed(6, -3n), [ErrorCode.UNSUPPORTED_VERSION, -1n, -1n], 'MAX_TIMESTAMP needs v7');
      assert.deepEqual(await listed(8, -4n), [0, 0n, -1n]);
      assert.deepEqual(await listed(7, -4n), [ErrorCode.UNSUPPORTED_VERSION, -1n, -1n], 'EARLIEST_LOCAL needs v8');
      assert.deepEqual(await listed(9, -5n), [0, -1n, -1n], 'nothing is tiered');
      assert.deepEqual(await listed(8, -5n), [ErrorCode.UNSUPPORTED_VERSION, -1n, -1n], 'LATEST_TIERED needs v9');
      for (const v of [5, 10]) assert.deepEqual(await listed(v, -6n), [ErrorCode.UNSUPPORTED_VERSION, -1n, -1n], `-6 at v${v}`);
      assert.deepEqual(await listed(9, 0n), [0, 0n, 1000n]);
      assert.deepEqual(await listed(9, 1500n), [0, 1n, 3000n]);
      assert.deepEqual(await listed(9, 99_999_999_999_999n), [0, -1n, -1n]);
      const isolation = await c.request(Apis.ListOffsets, 9, { replicaId: -1, isolationLevel: 2, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n }] }], timeoutMs: 10_000 });
      assert.notEqual(isolation.topics[0].partitions[0].errorCode, ErrorCode.NONE, 'isolation level 2 is refused');

      const unknownAndTooNew = await c.request(Apis.ListOffsets, 5, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 9, currentLeaderEpoch: -1, timestamp: -3n }] }] });
      assert.equal(unknownAndTooNew.topics[0].partitions[0].errorCode, ErrorCode.UNSUPPORTED_VERSION, 'the version is checked before the partition');

      const twice = await c.request(Apis.ListOffsets, 9, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [-1n, -2n].map((timestamp) => ({ partitionIndex: 0, currentLeaderEpoch: -1, timestamp })) }], timeoutMs: 10_000 });
      assert.deepEqual(twice.topics[0].partitions.map((p: { partitionIndex: number; errorCode: number }) => [p.partitionIndex, p.errorCode]), [[0, ErrorCode.INVALID_REQUEST]], 'a partition asked for twice');
      // A topic listed twice is answered once (Kafka orders its partitions its own way: sorted here).
      const topicTwice = await c.request(Apis.ListOffsets, 9, { replicaId: -1, isolationLevel: 0, topics: [0, 1].map((partitionIndex) => ({ name: TOPIC, partitions: [{ partitionIndex, currentLeaderEpoch: -1, timestamp: -1n }] })), timeoutMs: 10_000 });
      assert.deepEqual(
        topicTwice.topics.map((t: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode]).sort()]),
        [[TOPIC, [[0, ErrorCode.NONE], [1, ErrorCode.NONE]]]],
        'a topic listed twice',
      );
    });

    test('OffsetForLeaderEpoch: epoch 0 is ours, -1 and later epochs are unknown', async () => {
      for (const [leaderEpoch, expected] of [[0, [0, 0, 4n]], [-1, [0, -1, -1n]], [5, [0, -1, -1n]]] as const) {
        const r = await c.request(Apis.OffsetForLeaderEpoch, 4, { replicaId: -1, topics: [{ topic: TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, leaderEpoch }] }] });
        const p = r.topics[0].partitions[0];
        assert.deepEqual([p.errorCode, p.leaderEpoch, p.endOffset], expected, `epoch ${leaderEpoch}`);
      }
    });

    test('Metadata, DescribeConfigs, DeleteTopics, AlterConfigs and DescribeCluster with empty, null and unknown values', async () => {
      const none = await c.request(Apis.Metadata, 12, { topics: [], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false });
      assert.deepEqual(none.topics, [], 'an empty list asks for no topics');
      const unknown = await c.request(Apis.Metadata, 12, { topics: [{ topicId: ZERO_UUID, name: 'not-created' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      assert.deepEqual(unknown.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [['not-created', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]);
      const internal = await c.request(Apis.Metadata, 12, { topics: [{ topicId: ZERO_UUID, name: '__transaction_state' }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false });
      assert.deepEqual(
        internal.topics.map((t: { name: string; errorCode: number; isInternal: boolean; partitions: unknown[] }) => [t.name, t.errorCode, t.isInternal, t.partitions.length]),
        [['__transaction_state', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, true, 0]],
        'an internal topic is not made by auto-creation as an ordinary one',
      );

      const describe = async (resourceType: number, resourceName: string, configurationKeys: string[] | null) =>
        (await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType, resourceName, configurationKeys }], includeSynonyms: false, includeDocumentation: false })).results[0];
      assert.equal((await describe(2, '', ['retention.ms'])).errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION, 'an empty topic name');
      assert.equal((await describe(2, 'not-created', ['retention.ms'])).errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      const some = await describe(2, TOPIC, ['no.such.config', 'retention.ms']);
      assert.deepEqual(some.configs.map((e: { name: string; value: string }) => [e.name, e.value]), [['retention.ms', '604800000']]);
      assert.ok((await describe(2, TOPIC, null)).configs.length > 20, 'null asks for every config');
      assert.ok((await describe(2, TOPIC, [])).configs.length > 20, 'so does an empty list');
      // The broker "" names the cluster-wide dynamic defaults: none at first, then what was set on "".
      const nodeId: number = (await c.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })).brokers[0].brokerId;
      const brokerValue = async (name: string, key: string) => (await describe(4, name, [key])).configs.map((e: { name: string; value: string; configSource: number }) => [e.name, e.value, e.configSource]);
      assert.deepEqual(await brokerValue('', 'message.max.bytes'), [], 'no cluster-wide default is set');
      const setDefault = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 4, resourceName: '', configs: [{ name: 'message.max.bytes', configOperation: 0, value: '2000000' }] }], validateOnly: false });
      assert.equal(setDefault.responses[0].errorCode, ErrorCode.NONE);
      // Kafka applies it through its metadata log, a moment later.
      for (const deadline = Date.now() + 30_000; (await brokerValue('', 'message.max.bytes')).length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(await brokerValue('', 'message.max.bytes'), [['message.max.bytes', '2000000', 3]], 'DYNAMIC_DEFAULT_BROKER_CONFIG');
      assert.deepEqual(await brokerValue(String(nodeId), 'message.max.bytes'), [['message.max.bytes', '2000000', 3]], 'the broker sees the cluster-wide default');
      await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 4, resourceName: '', configs: [{ name: 'message.max.bytes', configOperation: 1, value: null }] }], validateOnly: false });

      const withSynonyms = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: 2, resourceName: TOPIC, configurationKeys: ['retention.ms'] }], includeSynonyms: true, includeDocumentation: false });
      assert.deepEqual(withSynonyms.results[0].configs[0].synonyms, [], 'a default value has no synonyms');

      const deleted = await c.request(Apis.DeleteTopics, 6, {
        topics: [
          { name: null, topicId: ZERO_UUID },
          { name: '', topicId: ZERO_UUID },
          { name: 'not-created', topicId: ZERO_UUID },
          { name: null, topicId: UNKNOWN_ID },
          { name: 'not-created', topicId: UNKNOWN_ID },
          { name: 'twice', topicId: ZERO_UUID },
          { name: 'twice', topicId: ZERO_UUID },
        ],
        timeoutMs: 10_000,
      });
      // Kafka answers them in an order of its own: compared by what each named.
      assert.deepEqual(
        deleted.responses.map((r: { name: string | null; topicId: string; errorCode: number }) => `${r.name}/${r.topicId}: ${r.errorCode}`).sort(),
        [
          `null/${ZERO_UUID}: ${ErrorCode.INVALID_REQUEST}`,
          `/${ZERO_UUID}: ${ErrorCode.UNKNOWN_TOPIC_OR_PARTITION}`,
          `not-created/${ZERO_UUID}: ${ErrorCode.UNKNOWN_TOPIC_OR_PARTITION}`,
          `null/${UNKNOWN_ID}: ${ErrorCode.UNKNOWN_TOPIC_ID}`,
          `not-created/${UNKNOWN_ID}: ${ErrorCode.INVALID_REQUEST}`,
          `twice/${ZERO_UUID}: ${ErrorCode.INVALID_REQUEST}`,
        ].sort(),
        'no name and no id, an empty name, unknown ones, both a name and an id, a name twice (answered once)',
      );

      const altered = await c.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: 2, resourceName: TOPIC, configs: [{ name: 'retention.ms', value: null }] }], validateOnly: true });
      assert.equal(altered.responses[0].errorCode, ErrorCode.INVALID_REQUEST, 'AlterConfigs with a null value');
      for (const [configOperation, expected] of [[0, ErrorCode.INVALID_REQUEST], [1, ErrorCode.NONE]] as const) {
        const r = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 2, resourceName: TOPIC, configs: [{ name: 'retention.ms', configOperation, value: null }] }], validateOnly: true });
        assert.equal(r.responses[0].errorCode, expected, `operation ${configOperation} with a null value`);
      }

      for (const [endpointType, expected] of [[2, ErrorCode.MISMATCHED_ENDPOINT_TYPE], [0, ErrorCode.UNSUPPORTED_ENDPOINT_TYPE]] as const) {
        const r = await c.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType });
        assert.deepEqual([r.errorCode, r.endpointType, r.brokers], [expected, 1, []], `endpoint type ${endpointType}`);
      }
      const brokers = await c.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 });
      assert.deepEqual([brokers.errorCode, brokers.brokers.length], [0, 1]);
    });

    test('IncrementalAlterConfigs and AlterConfigs: min.insync.replicas stays at the cluster level while ELR is on', async () => {
      const nodeId = String((await c.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })).brokers[0].brokerId);
      const answer = (r: { responses: { errorCode: number; errorMessage: string | null }[] }) => r.responses.map((x) => [x.errorCode, x.errorMessage]);
      const brokerLevel = 'Broker-level min.insync.replicas cannot be altered while ELR is enabled.';
      const clusterLevel = 'Cluster-level min.insync.replicas cannot be removed while ELR is enabled.';
      for (const [resourceName, configOperation, value, expected] of [
        [nodeId, 0, '2', brokerLevel],
        [nodeId, 1, null, brokerLevel],
        ['', 1, null, clusterLevel],
      ] as const) {
        const r = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 4, resourceName, configs: [{ name: 'min.insync.replicas', configOperation, value }] }], validateOnly: false });
        assert.deepEqual(answer(r), [[ErrorCode.INVALID_CONFIG, expected]], `broker "${resourceName}", operation ${configOperation}`);
      }
      // The legacy AlterConfigs replaces the whole set: on the broker "" it must keep min.insync.replicas.
      const legacy = async (resourceName: string, configs: { name: string; value: string }[]) =>
        answer(await c.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: 4, resourceName, configs }], validateOnly: false }));
      assert.deepEqual(await legacy('', []), [[ErrorCode.INVALID_CONFIG, clusterLevel]], 'a cluster-level set without min.insync.replicas');
      assert.deepEqual(await legacy(nodeId, [{ name: 'min.insync.replicas', value: '1' }]), [[ErrorCode.INVALID_CONFIG, brokerLevel]], 'a broker-level set with min.insync.replicas');
    });

    test('ApiVersions v3 needs a client software name and version Kafka accepts', async () => {
      for (const [clientSoftwareName, clientSoftwareVersion, expected] of [
        ['sluice-test', '1.0.0', ErrorCode.NONE],
        ['', '1', ErrorCode.INVALID_REQUEST],
        ['name', '', ErrorCode.INVALID_REQUEST],
        ['bad name!', '1', ErrorCode.INVALID_REQUEST],
        ['-dash', '1', ErrorCode.INVALID_REQUEST],
      ] as const) {
        const r = await c.request(Apis.ApiVersions, 3, { clientSoftwareName, clientSoftwareVersion });
        assert.deepEqual([r.errorCode, r.apiKeys.length > 0], [expected, expected === ErrorCode.NONE], `'${clientSoftwareName}' '${clientSoftwareVersion}'`);
      }
    });

    test('Produce acks, JoinGroup session timeouts, OffsetCommit and OffsetFetch special values, DeleteRecords -1', async () => {
      for (const acks of [2, -2]) {
        const r = await c.request(Apis.Produce, 9, { acks, timeoutMs: 1000, topicData: [{ name: TOPIC, partitionData: [{ index: 2, records: encodeUncompressedRecordBatch({ records: [{ value: 'x' }] }) }] }] });
        assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.INVALID_REQUIRED_ACKS, `acks ${acks}`);
      }
      for (const sessionTimeoutMs of [-1, 0, 5999, 1_800_001]) {
        const r = await untilAccepted(
          'join',
          () => c.request(Apis.JoinGroup, 7, { groupId: `special-${sessionTimeoutMs}`, sessionTimeoutMs, rebalanceTimeoutMs: 1000, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }], reason: null }),
          // Done once refused for its timeout; anything else but a retriable error fails.
          (j) => (j.errorCode === ErrorCode.INVALID_SESSION_TIMEOUT ? ErrorCode.NONE : j.errorCode === ErrorCode.NONE ? ErrorCode.UNKNOWN_SERVER_ERROR : j.errorCode),
        );
        assert.equal(r.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT, `session timeout ${sessionTimeoutMs} is outside group.min/max.session.timeout.ms`);
      }
      await groupCoordinatorReady(c, TOPIC);
      const committed = await c.request(Apis.OffsetCommit, 2, { groupId: 'special', generationIdOrMemberEpoch: -1, memberId: '', retentionTimeMs: -1n, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 3n, committedMetadata: null }] }] });
      assert.equal(committed.topics[0].partitions[0].errorCode, ErrorCode.NONE, 'OffsetCommit v2 with retention -1, generation -1 and no member');
      const all = await c.request(Apis.OffsetFetch, 8, { groups: [{ groupId: 'special', topics: null }], requireStable: false });
      assert.deepEqual(
        all.groups[0].topics.map((t: { name: string; partitions: { partitionIndex: number; committedOffset: bigint }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset])]),
        [[TOPIC, [[0, 3n]]]],
        'null topics: every committed offset',
      );

      // OffsetDelete: partitions that do not exist are refused first, before the group's answers.
      const offsetDelete = await c.request(Apis.OffsetDelete, 0, { groupId: 'special', topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0 }, { partitionIndex: 9 }] }, { name: 'not-created', partitions: [{ partitionIndex: 0 }] }] });
      assert.deepEqual(
        [offsetDelete.errorCode, offsetDelete.topics.map((t: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])])],
        [0, [[TOPIC, [[9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [0, 0]]], ['not-created', [[0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]]]],
      );
      const noGroup = await c.request(Apis.OffsetDelete, 0, { groupId: 'no-such-group', topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0 }] }] });
      assert.deepEqual([noGroup.errorCode, noGroup.topics], [ErrorCode.GROUP_ID_NOT_FOUND, []]);

      const deleteRecords = async (partitionIndex: number, offset: bigint) => {
        const r = await c.request(Apis.DeleteRecords, 2, { topics: [{ name: TOPIC, partitions: [{ partitionIndex, offset }] }], timeoutMs: 10_000 });
        const p = r.topics[0].partitions[0];
        return [p.errorCode, p.lowWatermark];
      };
      assert.deepEqual(await deleteRecords(1, -2n), [ErrorCode.OFFSET_OUT_OF_RANGE, -1n]);
      assert.deepEqual(await deleteRecords(1, 99n), [ErrorCode.OFFSET_OUT_OF_RANGE, -1n]);
      assert.deepEqual(await deleteRecords(1, -1n), [0, 1n], '-1 deletes up to the high watermark');
      const offsetsTopic = await c.request(Apis.DeleteRecords, 2, { topics: [{ name: '__consumer_offsets', partitions: [{ partitionIndex: 0, offset: -1n }] }], timeoutMs: 10_000 });
      assert.deepEqual(
        offsetsTopic.topics[0].partitions.map((p: { errorCode: number; lowWatermark: bigint }) => [p.errorCode, p.lowWatermark]),
        [[ErrorCode.INVALID_TOPIC_EXCEPTION, -1n]],
        'committed offsets cannot be deleted as records',
      );
    });

    test('groups: an empty group id, SyncGroup v5 without protocol type or name, commits that store nothing, DeleteGroups naming a group twice', async () => {
      await groupCoordinatorReady(c, TOPIC);
      const heartbeat = async (version: number) => (await c.request(Apis.Heartbeat, version, { groupId: '', generationId: -1, memberId: 'm', groupInstanceId: null })).errorCode;
      for (const version of [0, 4]) assert.equal(await heartbeat(version), ErrorCode.INVALID_GROUP_ID, `Heartbeat v${version}`);
      const leaveOne = await c.request(Apis.LeaveGroup, 0, { groupId: '', memberId: 'm', members: [] });
      assert.equal(leaveOne.errorCode, ErrorCode.INVALID_GROUP_ID, 'LeaveGroup v0');
      const leaveBatch = await c.request(Apis.LeaveGroup, 5, { groupId: '', memberId: '', members: [{ memberId: 'm', groupInstanceId: null, reason: null }] });
      assert.deepEqual([leaveBatch.errorCode, leaveBatch.members], [ErrorCode.INVALID_GROUP_ID, []], 'LeaveGroup v5: the group fails, no member is answered');

      const sync = async (version: number, groupId: string, protocolType: string | null, protocolName: string | null) =>
        (await c.request(Apis.SyncGroup, version, { groupId, generationId: 1, memberId: 'm', groupInstanceId: null, protocolType, protocolName, assignments: [] })).errorCode;
      for (const version of [3, 5]) assert.equal(await sync(version, '', 'consumer', 'range'), ErrorCode.INVALID_GROUP_ID, `SyncGroup v${version} of ""`);
      assert.equal(await sync(5, 'no-such-group', null, null), ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'v5 needs a protocol type and name');
      assert.equal(await sync(5, 'no-such-group', 'consumer', null), ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'v5 needs a protocol name');
      assert.equal(await sync(5, 'no-such-group', null, 'range'), ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'v5 needs a protocol type');
      assert.equal(await sync(4, 'no-such-group', null, null), ErrorCode.UNKNOWN_MEMBER_ID, 'before v5 both are optional');
      assert.equal(await sync(5, 'no-such-group', 'consumer', 'range'), ErrorCode.UNKNOWN_MEMBER_ID);

      // Commits that store nothing (every metadata too large, every topic unknown) make no group.
      const commit = async (groupId: string, name: string, committedMetadata: string | null) =>
        (await c.request(Apis.OffsetCommit, 9, { groupId, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata }] }] })).topics[0].partitions[0].errorCode;
      assert.equal(await commit('special-metadata', TOPIC, 'm'.repeat(4097)), ErrorCode.OFFSET_METADATA_TOO_LARGE, 'above offset.metadata.max.bytes');
      assert.equal(await commit('special-unknown-topic', 'not-created', null), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      assert.equal(await commit('', TOPIC, null), ErrorCode.NONE, 'OffsetCommit takes the empty group id');
      const listed = await c.request(Apis.ListGroups, 5, { statesFilter: [], typesFilter: [] });
      const names = listed.groups.map((g: { groupId: string }) => g.groupId);
      assert.deepEqual([names.includes('special-metadata'), names.includes('special-unknown-topic'), names.includes('')], [false, false, true], `groups listed: ${names.join(', ')}`);
      const described = await c.request(Apis.DescribeGroups, 5, { groups: ['special-metadata', 'special-unknown-topic'], includeAuthorizedOperations: false });
      assert.deepEqual(described.groups.map((g: { groupState: string }) => g.groupState), ['Dead', 'Dead']);

      // A name given twice is answered once. Kafka orders the answers by coordinator partition
      // (a hash map's order): compared by what each named.
      const deleted = await c.request(Apis.DeleteGroups, 2, { groupsNames: ['', 'no-such-group', ''] });
      assert.deepEqual(
        deleted.results.map((r: { groupId: string; errorCode: number }) => `${r.groupId}: ${r.errorCode}`).sort(),
        [`: ${ErrorCode.NONE}`, `no-such-group: ${ErrorCode.GROUP_ID_NOT_FOUND}`].sort(),
      );
    });

    test('groups: generations -1, 0 and later, unknown and empty members, an instance id on a dynamic member and repeats, on a member of a Stable group', async () => {
      await groupCoordinatorReady(c, TOPIC);
      const groupId = 'special-member';
      const join = { groupId, sessionTimeoutMs: 30_000, rebalanceTimeoutMs: 30_000, groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from('m') }], reason: null };
      const first = await c.request(Apis.JoinGroup, 7, { ...join, memberId: '' });
      assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
      const member: string = first.memberId;
      const joined = await c.request(Apis.JoinGroup, 7, { ...join, memberId: member });
      assert.deepEqual([joined.errorCode, joined.generationId, joined.leader], [ErrorCode.NONE, 1, member]);

      const sync = async (generationId: number, protocolType: string, protocolName: string, assignments: { memberId: string; assignment: Buffer }[] = []) =>
        c.request(Apis.SyncGroup, 5, { groupId, generationId, memberId: member, groupInstanceId: null, protocolType, protocolName, assignments });
      assert.equal((await sync(-1, 'consumer', 'range')).errorCode, ErrorCode.ILLEGAL_GENERATION);
      assert.equal((await sync(1, 'consumer', 'roundrobin')).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
      assert.equal((await sync(1, 'connect', 'range')).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
      // An assignment for a member not in the group is left out; the group becomes Stable.
      const synced = await sync(1, 'consumer', 'range', [{ memberId: 'nobody', assignment: Buffer.from('x') }, { memberId: member, assignment: Buffer.from('a') }]);
      assert.deepEqual([synced.errorCode, String(synced.assignment)], [ErrorCode.NONE, 'a']);

      const heartbeat = async (generationId: number, memberId = member, groupInstanceId: string | null = null) => (await c.request(Apis.Heartbeat, 4, { groupId, generationId, memberId, groupInstanceId })).errorCode;
      assert.deepEqual(
        [await heartbeat(-1), await heartbeat(0), await heartbeat(2), await heartbeat(1, 'nobody'), await heartbeat(1, ''), await heartbeat(1, member, 'an-instance')],
        [ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID],
      );
      const commit = async (generation: number, memberId: string, groupInstanceId: string | null = null) =>
        (await c.request(Apis.OffsetCommit, 9, { groupId, generationIdOrMemberEpoch: generation, memberId, groupInstanceId, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] })).topics[0].partitions[0].errorCode;
      assert.deepEqual(
        [await commit(-1, member), await commit(-1, ''), await commit(1, member), await commit(2, member), await commit(0, member), await commit(1, 'nobody'), await commit(1, member, 'an-instance')],
        [ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.NONE, ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID],
        'OffsetCommit: generation -1 is only for a group without members',
      );
      const described = await c.request(Apis.DescribeGroups, 5, { groups: [groupId, groupId], includeAuthorizedOperations: false });
      assert.deepEqual(
        described.groups.map((g: { errorCode: number; groupState: string; protocolData: string; members: unknown[] }) => [g.errorCode, g.groupState, g.protocolData, g.members.length]),
        [[ErrorCode.NONE, 'Stable', 'range', 1], [ErrorCode.NONE, 'Stable', 'range', 1]],
        'a group named twice is described twice',
      );

      const leave = async (version: number, members: { memberId: string; groupInstanceId: string | null; reason?: string | null }[]) => {
        const r = await c.request(Apis.LeaveGroup, version, { groupId, members });
        return [r.errorCode, r.members.map((x: { memberId: string; groupInstanceId: string | null; errorCode: number }) => [x.memberId, x.groupInstanceId, x.errorCode])];
      };
      assert.deepEqual(await leave(4, [{ memberId: 'nobody', groupInstanceId: null }, { memberId: '', groupInstanceId: 'nobody-instance' }]), [
        ErrorCode.NONE,
        [['nobody', null, ErrorCode.UNKNOWN_MEMBER_ID], ['', 'nobody-instance', ErrorCode.UNKNOWN_MEMBER_ID]],
      ]);
      assert.deepEqual(await leave(5, [{ memberId: member, groupInstanceId: null, reason: null }, { memberId: member, groupInstanceId: null, reason: '' }]), [
        ErrorCode.NONE,
        [[member, null, ErrorCode.NONE], [member, null, ErrorCode.UNKNOWN_MEMBER_ID]],
      ]);
      const after = await c.request(Apis.ListGroups, 5, { statesFilter: ['empty'], typesFilter: ['classic'] });
      assert.deepEqual(after.groups.filter((g: { groupId: string }) => g.groupId === groupId).map((g: { groupState: string; groupType: string }) => [g.groupState, g.groupType]), [['Empty', 'classic']], 'state and type filters ignore case');
    });

    test('CreateTopics, CreatePartitions and DeleteTopics with timeout_ms 0 or below time out for every entry and change nothing', async () => {
      const topic = (name: string, numPartitions = 1) => ({ name, numPartitions, replicationFactor: 1, assignments: [], configs: [] });
      for (const [version, timeoutMs, validateOnly] of [[7, 0, false], [7, -1, false], [7, 0, true], [4, 0, false]] as const) {
        const r = await c.request(Apis.CreateTopics, version, { topics: [topic('timed-out'), topic('timed-out-invalid', 0), topic(TOPIC)], timeoutMs, validateOnly });
        assert.deepEqual(
          r.topics.map((t: { name: string; errorCode: number; numPartitions: number; replicationFactor: number; configs: unknown[] | null }) => [t.name, t.errorCode, t.numPartitions, t.replicationFactor, t.configs]),
          ['timed-out', 'timed-out-invalid', TOPIC].map((name) => [name, ErrorCode.REQUEST_TIMED_OUT, -1, -1, []]),
          `v${version}, timeout ${timeoutMs}, validate only ${validateOnly}`,
        );
      }
      const refused = await c.request(Apis.CreateTopics, 7, { topics: [topic('refused', 0), topic(TOPIC)], timeoutMs: 10_000 });
      assert.deepEqual(
        refused.topics.map((t: { name: string; errorCode: number; configs: unknown[] | null }) => [t.name, t.errorCode, t.configs]),
        [['refused', ErrorCode.INVALID_PARTITIONS, []], [TOPIC, ErrorCode.TOPIC_ALREADY_EXISTS, []]],
        'a topic that failed carries no configs, as an empty list',
      );
      for (const [timeoutMs, validateOnly] of [[0, false], [-1, true]] as const) {
        const r = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: TOPIC, count: 4, assignments: null }, { name: 'not-created', count: 2, assignments: null }], timeoutMs, validateOnly });
        assert.deepEqual(
          r.results.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]),
          [[TOPIC, ErrorCode.REQUEST_TIMED_OUT], ['not-created', ErrorCode.REQUEST_TIMED_OUT]],
          `CreatePartitions, timeout ${timeoutMs}, validate only ${validateOnly}`,
        );
      }
      // DeleteTopics alike once one name or id is to be looked up: every entry, a repeated or
      // unknown one too; with nothing to look up, the refusals are answered as such.
      const kept = await c.request(Apis.CreateTopics, 7, { topics: [topic('kept-on-timeout')], timeoutMs: 30_000 });
      assert.equal(kept.topics[0].errorCode, ErrorCode.NONE);
      for (const [version, timeoutMs, body] of [
        [5, 0, { topicNames: ['kept-on-timeout', 'not-created', 'kept-on-timeout'] }],
        [5, -1, { topicNames: ['kept-on-timeout'] }],
        [6, 0, { topics: [{ name: 'kept-on-timeout', topicId: ZERO_UUID }, { name: null, topicId: UNKNOWN_ID }, { name: null, topicId: ZERO_UUID }] }],
      ] as const) {
        const r = await c.request(Apis.DeleteTopics, version, { ...body, timeoutMs });
        const named = 'topicNames' in body ? body.topicNames.map((name) => [name, ErrorCode.REQUEST_TIMED_OUT]) : body.topics.map((t) => [t.name, ErrorCode.REQUEST_TIMED_OUT]);
        assert.deepEqual(r.responses.map((t: { name: string | null; errorCode: number }) => [t.name, t.errorCode]), named, `DeleteTopics v${version}, timeout ${timeoutMs}`);
      }
      const onlyRefusals = await c.request(Apis.DeleteTopics, 6, { topics: [{ name: 'kept-on-timeout', topicId: UNKNOWN_ID }, { name: null, topicId: ZERO_UUID }], timeoutMs: 0 });
      assert.deepEqual(onlyRefusals.responses.map((t: { name: string | null; errorCode: number }) => `${t.name}: ${t.errorCode}`).sort(), [`kept-on-timeout: ${ErrorCode.INVALID_REQUEST}`, `null: ${ErrorCode.INVALID_REQUEST}`]);

      // Nothing was made or deleted meanwhile; Kafka would show either a moment later, so give it time.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await eventually('kept-on-timeout in the metadata', async () => {
        const r = await c.request(Apis.Metadata, 12, { topics: [{ topicId: ZERO_UUID, name: 'kept-on-timeout' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
        return r.topics[0].errorCode === ErrorCode.NONE;
      });
      const metadata = await c.request(Apis.Metadata, 12, { topics: ['timed-out', TOPIC].map((name) => ({ topicId: ZERO_UUID, name })), allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      assert.deepEqual(
        metadata.topics.map((t: { name: string; errorCode: number; partitions: unknown[] }) => [t.name, t.errorCode, t.partitions.length]).sort(),
        [['timed-out', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 0], [TOPIC, ErrorCode.NONE, 3]].sort(),
      );
    });

    test('CreateTopics and CreatePartitions: -1 for the defaults, non-positive counts, replica assignments and names', async () => {
      const nodeId: number = (await c.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })).brokers[0].brokerId;
      const topic = (name: string, numPartitions: number, replicationFactor: number, assignments: number[][] = []) => ({
        name,
        numPartitions,
        replicationFactor,
        assignments: assignments.map((brokerIds, partitionIndex) => ({ partitionIndex, brokerIds })),
        configs: [],
      });
      const cases: [ReturnType<typeof topic>, number, number, number][] = [
        [topic('defaults', -1, -1), ErrorCode.NONE, 1, 1],
        [topic('partitions-minus-2', -2, 1), ErrorCode.INVALID_PARTITIONS, -1, -1],
        [topic('partitions-0', 0, -1), ErrorCode.INVALID_PARTITIONS, -1, -1],
        [topic('replication-0', 1, 0), ErrorCode.INVALID_REPLICATION_FACTOR, -1, -1],
        [topic('replication-minus-2', 1, -2), ErrorCode.INVALID_REPLICATION_FACTOR, -1, -1],
        [topic('replication-2', 1, 2), ErrorCode.INVALID_REPLICATION_FACTOR, -1, -1],
        [topic('assigned', -1, -1, [[nodeId], [nodeId]]), ErrorCode.NONE, 2, 1],
        [topic('assigned-and-counted', 2, 1, [[nodeId]]), ErrorCode.INVALID_REQUEST, -1, -1],
        [{ ...topic('assigned-gap', -1, -1), assignments: [{ partitionIndex: 1, brokerIds: [nodeId] }] }, ErrorCode.INVALID_REPLICA_ASSIGNMENT, -1, -1],
        [topic('assigned-nowhere', -1, -1, [[]]), ErrorCode.INVALID_REPLICA_ASSIGNMENT, -1, -1],
        [topic('assigned-unknown', -1, -1, [[nodeId + 7]]), ErrorCode.INVALID_REPLICA_ASSIGNMENT, -1, -1],
        [topic('assigned-twice', -1, -1, [[nodeId, nodeId]]), ErrorCode.INVALID_REPLICA_ASSIGNMENT, -1, -1],
        [topic('', 1, 1), ErrorCode.INVALID_TOPIC_EXCEPTION, -1, -1],
        [topic('.', 1, 1), ErrorCode.INVALID_TOPIC_EXCEPTION, -1, -1],
        [topic('..', 1, 1), ErrorCode.INVALID_TOPIC_EXCEPTION, -1, -1],
        [topic('n'.repeat(250), 1, 1), ErrorCode.INVALID_TOPIC_EXCEPTION, -1, -1],
        [topic('n'.repeat(249), 1, 1), ErrorCode.NONE, 1, 1],
        [topic('with space', 1, 1), ErrorCode.INVALID_TOPIC_EXCEPTION, -1, -1],
      ];
      const checked = await c.request(Apis.CreateTopics, 7, { topics: cases.map(([t]) => t), timeoutMs: 30_000, validateOnly: true });
      assert.deepEqual(
        checked.topics.map((t: { name: string; errorCode: number; numPartitions: number; replicationFactor: number }) => [t.name, t.errorCode, t.numPartitions, t.replicationFactor]),
        cases.map(([t, errorCode, numPartitions, replicationFactor]) => [t.name, errorCode, numPartitions, replicationFactor]),
      );
      // -1 and -1: num.partitions (1) and default.replication.factor (1), with the topic's configs.
      const made = await c.request(Apis.CreateTopics, 7, { topics: [topic('special-defaults', -1, -1)], timeoutMs: 30_000 });
      assert.deepEqual(
        made.topics.map((t: { errorCode: number; numPartitions: number; replicationFactor: number; configs: unknown[] }) => [t.errorCode, t.numPartitions, t.replicationFactor, t.configs.length > 0]),
        [[ErrorCode.NONE, 1, 1, true]],
      );

      // TOPIC has 3 partitions: a count that does not grow it is refused, an empty assignment list too.
      for (const count of [3, 2, 0, -1]) {
        const r = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: TOPIC, count, assignments: null }], timeoutMs: 30_000, validateOnly: true });
        assert.deepEqual(r.results.map((t: { errorCode: number }) => t.errorCode), [ErrorCode.INVALID_PARTITIONS], `count ${count}`);
      }
      const emptyAssignments = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: TOPIC, count: 4, assignments: [] }], timeoutMs: 30_000, validateOnly: true });
      assert.deepEqual(emptyAssignments.results.map((t: { errorCode: number }) => t.errorCode), [ErrorCode.INVALID_REPLICA_ASSIGNMENT]);
    });

    test('FindCoordinator, InitProducerId, ElectLeaders, reassignments and the list-or-describe APIs with empty, null and unknown values', async () => {
      for (const version of [0, 3]) {
        const r = await c.request(Apis.FindCoordinator, version, { key: '', keyType: 0 });
        assert.deepEqual([r.errorCode, r.nodeId >= 0], [ErrorCode.NONE, true], `FindCoordinator v${version} of the empty group id`);
      }
      for (const [keyType, expected] of [[0, ErrorCode.NONE], [1, ErrorCode.NONE], [2, ErrorCode.INVALID_REQUEST], [3, ErrorCode.INVALID_REQUEST]] as const) {
        const key = keyType < 2 ? '' : 'x';
        const r = await untilAccepted(
          `FindCoordinator key type ${keyType}`,
          () => c.request(Apis.FindCoordinator, 4, { keyType, coordinatorKeys: [key] }),
          // Done once answered with what is expected; a retriable error (loading) is tried again.
          (f) => (f.coordinators[0].errorCode === expected ? ErrorCode.NONE : f.coordinators[0].errorCode),
        );
        assert.deepEqual(r.coordinators.map((x: { key: string; errorCode: number; nodeId: number }) => [x.key, x.errorCode, x.nodeId >= 0]), [[key, expected, expected === ErrorCode.NONE]], `key type ${keyType}`);
      }
      assert.deepEqual((await c.request(Apis.FindCoordinator, 4, { keyType: 0, coordinatorKeys: [] })).coordinators, []);

      // An idempotent producer (no transactional id) is not refused for its transaction timeout.
      for (const transactionTimeoutMs of [-1, 0, 2 ** 31 - 1]) {
        const r = await untilAccepted(`InitProducerId, timeout ${transactionTimeoutMs}`, () => c.request(Apis.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs, producerId: -1n, producerEpoch: -1 }), (i) => i.errorCode);
        assert.deepEqual([r.producerId >= 0n, r.producerEpoch], [true, 0], `timeout ${transactionTimeoutMs}`);
      }

      // ElectLeaders of every partition (null): each topic is listed, with no partition (none needed
      // an election), internal topics too; an empty list asks for nothing.
      for (const [version, electionType] of [[0, 0], [1, 1], [2, 0]] as const) {
        const r = await c.request(Apis.ElectLeaders, version, { electionType, topicPartitions: null, timeoutMs: 10_000 });
        const listed = r.replicaElectionResults.map((t: { topic: string; partitionResult: unknown[] }) => [t.topic, t.partitionResult.length]);
        const names = listed.map(([name]: [string]) => name);
        assert.equal(new Set(names).size, names.length, `v${version}: a topic listed twice: ${names}`);
        assert.ok(names.includes(TOPIC) && names.includes('__consumer_offsets'), `v${version}: ${names}`);
        assert.deepEqual(listed.filter(([, n]: [string, number]) => n > 0), [], `v${version}: no partition needed an election`);
      }
      const none = await c.request(Apis.ElectLeaders, 2, { electionType: 0, topicPartitions: [], timeoutMs: 10_000 });
      assert.deepEqual([none.errorCode, none.replicaElectionResults], [ErrorCode.NONE, []]);

      const partitionErrors = (r: { topics: { partitions: { partitionIndex: number; errorCode: number }[] }[] }) => r.topics.flatMap((t) => t.partitions.map((p) => [p.partitionIndex, p.errorCode]));
      const listOffsets = await c.request(Apis.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex: -1, currentLeaderEpoch: -1, timestamp: -1n }] }] });
      assert.deepEqual(partitionErrors(listOffsets), [[-1, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]);
      const producers = await c.request(Apis.DescribeProducers, 0, { topics: [{ name: TOPIC, partitionIndexes: [-1, 0, 9] }] });
      assert.deepEqual(partitionErrors(producers), [[-1, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [0, ErrorCode.NONE], [9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]);
      assert.deepEqual((await c.request(Apis.DescribeGroups, 5, { groups: [], includeAuthorizedOperations: false })).groups, []);
      assert.deepEqual((await c.request(Apis.DescribeTransactions, 0, { transactionalIds: [] })).transactionStates, []);
      assert.deepEqual((await c.request(Apis.DeleteTopics, 6, { topics: [], timeoutMs: 1000 })).responses, []);
      const listGroups = await c.request(Apis.ListGroups, 5, { statesFilter: ['NoSuchState'], typesFilter: ['nosuchtype'] });
      assert.deepEqual([listGroups.errorCode, listGroups.groups], [ErrorCode.NONE, []], 'unknown filters match no group');
      const offsetFetch = await c.request(Apis.OffsetFetch, 8, { groups: [], requireStable: false });
      assert.deepEqual([offsetFetch.errorCode, offsetFetch.groups], [ErrorCode.NONE, []]);

      // DescribeTopicPartitions: a cursor with a negative partition, or on a topic not named, refuses
      // every topic named (none when none is named); one within the names pages from there.
      const pages = async (topics: string[], cursor: { topicName: string; partitionIndex: number } | null) => {
        const r = await c.request(Apis.DescribeTopicPartitions, 0, { topics: topics.map((name) => ({ name })), responsePartitionLimit: 2000, cursor });
        return r.topics.filter((t: { name: string }) => !t.name.startsWith('__')).map((t: { name: string; errorCode: number; partitions: { partitionIndex: number }[] }) => [t.name, t.errorCode, t.partitions.map((p) => p.partitionIndex)]);
      };
      assert.deepEqual(await pages([TOPIC], { topicName: TOPIC, partitionIndex: -1 }), [[TOPIC, ErrorCode.INVALID_REQUEST, []]]);
      assert.deepEqual(await pages([TOPIC], { topicName: 'zzz', partitionIndex: 0 }), [[TOPIC, ErrorCode.INVALID_REQUEST, []]]);
      assert.deepEqual(await pages([TOPIC], { topicName: TOPIC, partitionIndex: 1 }), [[TOPIC, ErrorCode.NONE, [1, 2]]]);
      assert.deepEqual(await pages([], { topicName: TOPIC, partitionIndex: -1 }), []);

      // AlterPartitionReassignments with timeout_ms 0 or below: refused whole once a partition is named.
      for (const timeoutMs of [0, -1]) {
        const r = await c.request(Apis.AlterPartitionReassignments, 0, { timeoutMs, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, replicas: null }] }, { name: 'not-created', partitions: [{ partitionIndex: 0, replicas: [0] }] }] });
        assert.deepEqual(
          [r.errorCode, r.responses.map((t: { name: string; partitions: { errorCode: number }[] }) => [t.name, t.partitions.map((p) => p.errorCode)])],
          [ErrorCode.REQUEST_TIMED_OUT, [[TOPIC, [ErrorCode.REQUEST_TIMED_OUT]], ['not-created', [ErrorCode.REQUEST_TIMED_OUT]]]],
          `timeout ${timeoutMs}`,
        );
      }
      const noPartitions = await c.request(Apis.AlterPartitionReassignments, 0, { timeoutMs: 0, topics: [] });
      assert.deepEqual([noPartitions.errorCode, noPartitions.responses], [ErrorCode.NONE, []]);

      // ListConfigResources of a resource type this version does not know: UNSUPPORTED_VERSION.
      for (const resourceTypes of [[99], [2, 99], [-1]]) {
        const r = await c.request(Apis.ListConfigResources, 1, { resourceTypes });
        assert.deepEqual([r.errorCode, r.configResources], [ErrorCode.UNSUPPORTED_VERSION, []], `types ${resourceTypes}`);
      }

      // A partition listed twice in one Fetch is answered once, with what its last listing asks
      // (partition 1 starts at offset 1 since DeleteRecords: its first listing would be out of range).
      assert.deepEqual(await fetched({}, [{ partition: 1, fetchOffset: 0n }, { partition: 1, fetchOffset: 1n }]), [[1, 'ok', 1n, 1n, false]]);

      // OffsetDelete of the empty group id: INVALID_GROUP_ID before anything is looked up.
      const offsetDelete = await c.request(Apis.OffsetDelete, 0, { groupId: '', topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0 }] }] });
      assert.deepEqual([offsetDelete.errorCode, offsetDelete.topics], [ErrorCode.INVALID_GROUP_ID, []]);

      // Group configs: any group name has them but the empty one, which is no default group either.
      const groupConfigs = await c.request(Apis.DescribeConfigs, 4, { resources: ['', 'no-such-group'].map((resourceName) => ({ resourceType: 32, resourceName, configurationKeys: null })), includeSynonyms: false, includeDocumentation: false });
      assert.deepEqual(groupConfigs.results.map((r: { errorCode: number; configs: unknown[] }) => [r.errorCode, r.configs.length > 0]), [[ErrorCode.INVALID_REQUEST, false], [ErrorCode.NONE, true]]);
      for (const validateOnly of [true, false]) {
        const r = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 32, resourceName: '', configs: [{ name: 'consumer.session.timeout.ms', configOperation: 0, value: '50000' }] }], validateOnly });
        assert.equal(r.responses[0].errorCode, ErrorCode.INVALID_REQUEST, `IncrementalAlterConfigs of the group "", validate only ${validateOnly}`);
      }
      const altered = await c.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: 32, resourceName: '', configs: [{ name: 'consumer.session.timeout.ms', value: '50000' }] }], validateOnly: false });
      assert.equal(altered.responses[0].errorCode, ErrorCode.INVALID_REQUEST, 'AlterConfigs of the group ""');
    });

    test('ElectLeaders, AlterPartitionReassignments, DeleteTopics, CreateTopics, CreatePartitions, DeleteRecords and IncrementalAlterConfigs: timeout_ms 0 or below and entries given twice', async () => {
      // ElectLeaders at timeout_ms 0 or below: REQUEST_TIMED_OUT, whole (from v1) and for each
      // partition named, known or not; none listed when all (null) are asked for; [] asks nothing.
      for (const [version, timeoutMs] of [[0, 0], [1, -1], [2, 0]] as const) {
        const elect = async (topicPartitions: { topic: string; partitions: number[] }[] | null) => {
          const r = await c.request(Apis.ElectLeaders, version, { electionType: 0, topicPartitions, timeoutMs });
          return [version === 0 ? 'no top-level error' : r.errorCode, r.replicaElectionResults.map((t: { topic: string; partitionResult: { partitionId: number; errorCode: number }[] }) => [t.topic, t.partitionResult.map((p) => [p.partitionId, p.errorCode])])];
        };
        const timedOut = version === 0 ? 'no top-level error' : ErrorCode.REQUEST_TIMED_OUT;
        const at = `v${version}, timeout ${timeoutMs}`;
        assert.deepEqual(await elect([{ topic: TOPIC, partitions: [0, 9] }, { topic: 'not-created', partitions: [0] }]), [timedOut, [[TOPIC, [[0, ErrorCode.REQUEST_TIMED_OUT], [9, ErrorCode.REQUEST_TIMED_OUT]]], ['not-created', [[0, ErrorCode.REQUEST_TIMED_OUT]]]]], at);
        assert.deepEqual(await elect(null), [timedOut, []], `${at}, every partition`);
        assert.deepEqual(await elect([]), [version === 0 ? 'no top-level error' : ErrorCode.NONE, []], `${at}, no partition`);
      }
      const unknownType = await c.request(Apis.ElectLeaders, 2, { electionType: 2, topicPartitions: [{ topic: TOPIC, partitions: [0] }], timeoutMs: 10_000 });
      assert.deepEqual([unknownType.errorCode, unknownType.replicaElectionResults[0].partitionResult.map((p: { errorCode: number }) => p.errorCode)], [ErrorCode.INVALID_REQUEST, [ErrorCode.INVALID_REQUEST]], 'election type 2');

      // AlterPartitionReassignments: a topic listing no partitions still times out the request.
      const noPartitions = await c.request(Apis.AlterPartitionReassignments, 0, { timeoutMs: 0, topics: [{ name: TOPIC, partitions: [] }] });
      assert.deepEqual([noPartitions.errorCode, noPartitions.responses], [ErrorCode.REQUEST_TIMED_OUT, [{ name: TOPIC, partitions: [] }]]);

      // DeleteTopics of one id twice: answered once, INVALID_REQUEST, at any timeout; nothing deleted.
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'id-twice', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
      const topicId: string = created.topics[0].topicId;
      for (const timeoutMs of [0, 10_000]) {
        const r = await c.request(Apis.DeleteTopics, 6, { topics: [{ name: null, topicId }, { name: null, topicId }], timeoutMs });
        assert.deepEqual(r.responses.map((t: { name: string | null; topicId: string; errorCode: number }) => [t.name, t.topicId, t.errorCode]), [[null, topicId, ErrorCode.INVALID_REQUEST]], `an id twice, timeout ${timeoutMs}`);
      }
      await eventually('id-twice in the metadata', async () => {
        const r = await c.request(Apis.Metadata, 12, { topics: [{ topicId: ZERO_UUID, name: 'id-twice' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
        return r.topics[0].errorCode === ErrorCode.NONE;
      });

      // CreateTopics and CreatePartitions at timeout 0 naming only a topic given twice: that refusal
      // is all, as nothing is left to time out.
      const topic = (name: string) => ({ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] });
      const createTopics = await c.request(Apis.CreateTopics, 7, { topics: [topic('named-twice'), topic('named-twice')], timeoutMs: 0 });
      assert.deepEqual(createTopics.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [['named-twice', ErrorCode.INVALID_REQUEST]]);
      // With another topic beside it, the controller is asked and every entry times out.
      const withOther = await c.request(Apis.CreateTopics, 7, { topics: [topic('named-twice'), topic('named-twice'), topic('named-once')], timeoutMs: 0 });
      assert.deepEqual(withOther.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), ['named-twice', 'named-twice', 'named-once'].map((name) => [name, ErrorCode.REQUEST_TIMED_OUT]));
      const idTwiceAndName = await c.request(Apis.DeleteTopics, 6, { topics: [{ name: null, topicId: UNKNOWN_ID }, { name: null, topicId: UNKNOWN_ID }, { name: 'not-created', topicId: ZERO_UUID }], timeoutMs: 0 });
      assert.deepEqual(idTwiceAndName.responses.map((t: { errorCode: number }) => t.errorCode), [ErrorCode.REQUEST_TIMED_OUT, ErrorCode.REQUEST_TIMED_OUT, ErrorCode.REQUEST_TIMED_OUT]);
      const createPartitions = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: TOPIC, count: 4, assignments: null }, { name: TOPIC, count: 5, assignments: null }], timeoutMs: 0, validateOnly: true });
      assert.deepEqual(createPartitions.results.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [[TOPIC, ErrorCode.INVALID_REQUEST]]);

      // DeleteRecords: a partition listed twice is answered once, with its last listing's offset
      // (partition 2 is empty: 99 is out of range, 0 is not); a topic listed twice, once.
      const deleteRecords = async (topics: { name: string; partitions: { partitionIndex: number; offset: bigint }[] }[]) =>
        (await c.request(Apis.DeleteRecords, 2, { topics, timeoutMs: 10_000 })).topics.map((t: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]);
      assert.deepEqual(await deleteRecords([{ name: TOPIC, partitions: [{ partitionIndex: 2, offset: 99n }, { partitionIndex: 2, offset: 0n }] }]), [[TOPIC, [[2, ErrorCode.NONE]]]]);
      assert.deepEqual(await deleteRecords([{ name: TOPIC, partitions: [{ partitionIndex: 2, offset: 0n }] }, { name: TOPIC, partitions: [{ partitionIndex: 2, offset: 0n }] }]), [[TOPIC, [[2, ErrorCode.NONE]]]]);

      // IncrementalAlterConfigs: a resource named twice is refused in both its entries, a config
      // named twice refuses its resource.
      const alter = async (resources: { resourceType: number; resourceName: string; configs: { name: string; configOperation: number; value: string | null }[] }[]) =>
        (await c.request(Apis.IncrementalAlterConfigs, 1, { resources, validateOnly: true })).responses.map((r: { resourceName: string; errorCode: number }) => [r.resourceName, r.errorCode]);
      const retention = (value: string) => ({ name: 'retention.ms', configOperation: 0, value });
      assert.deepEqual(await alter([{ resourceType: 2, resourceName: TOPIC, configs: [retention('1000')] }, { resourceType: 2, resourceName: TOPIC, configs: [] }]), [[TOPIC, ErrorCode.INVALID_REQUEST], [TOPIC, ErrorCode.INVALID_REQUEST]]);
      assert.deepEqual(await alter([{ resourceType: 2, resourceName: TOPIC, configs: [retention('1000'), retention('2000')] }]), [[TOPIC, ErrorCode.INVALID_REQUEST]]);
      // OffsetDelete answers each topic entry of the request (a topic listed twice, twice) that
      // lists partitions.
      await groupCoordinatorReady(c, TOPIC);
      const offsetDelete = await c.request(Apis.OffsetDelete, 0, { groupId: 'warm-up', topics: [{ name: TOPIC, partitions: [{ partitionIndex: 1 }, { partitionIndex: 1 }] }, { name: TOPIC, partitions: [{ partitionIndex: 2 }] }, { name: TOPIC, partitions: [] }] });
      assert.deepEqual(
        [offsetDelete.errorCode, offsetDelete.topics.map((t: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])])],
        [ErrorCode.NONE, [[TOPIC, [[1, 0], [1, 0]]], [TOPIC, [[2, 0]]]]],
        'an entry without partitions is not answered',
      );
      // With a refusal (an unknown topic or partition), Kafka answers one entry per topic name:
      // the refusals first, then the coordinator's answers folded into them.
      const deleteOffsets = async (topics: { name: string; partitions: { partitionIndex: number }[] }[]) =>
        (await c.request(Apis.OffsetDelete, 0, { groupId: 'warm-up', topics })).topics.map((t: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]);
      const at = (...indexes: number[]) => indexes.map((partitionIndex) => ({ partitionIndex }));
      assert.deepEqual(await deleteOffsets([{ name: 'nope', partitions: at(0) }, { name: 'nope', partitions: at(1) }]), [['nope', [[0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [1, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]]], 'an unknown topic listed twice');
      assert.deepEqual(await deleteOffsets([{ name: 'nope', partitions: [] }]), [['nope', []]], 'an unknown topic listing no partitions');
      assert.deepEqual(
        await deleteOffsets([{ name: TOPIC, partitions: at(1) }, { name: TOPIC, partitions: at(9) }, { name: TOPIC, partitions: at(2) }]),
        [[TOPIC, [[9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION], [1, ErrorCode.NONE], [2, ErrorCode.NONE]]]],
        'a partition that does not exist between two that do',
      );
      const legacy = await c.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: 2, resourceName: TOPIC, configs: [{ name: 'retention.ms', value: '1000' }, { name: 'retention.ms', value: '2000' }] }], validateOnly: true });
      assert.deepEqual(legacy.responses.map((r: { resourceName: string; errorCode: number }) => [r.resourceName, r.errorCode]), [[TOPIC, ErrorCode.INVALID_REQUEST]], 'AlterConfigs naming a config twice');
    });

    test('AlterUserScramCredentials: one change per user and request, whatever its mechanism', async () => {
      const upsertion = (name: string, mechanism = 1, iterations = 4096) => ({ name, mechanism, iterations, salt: Buffer.from('salt'), saltedPassword: Buffer.from('salted') });
      // Kafka answers in a hash map's order: compared sorted by user.
      const alter = async (deletions: { name: string; mechanism: number }[], upsertions: ReturnType<typeof upsertion>[]) =>
        (await c.request(Apis.AlterUserScramCredentials, 0, { deletions, upsertions })).results.map((r: { user: string; errorCode: number }) => `${r.user}: ${r.errorCode}`).sort();
      assert.deepEqual(await alter([], [upsertion('scram-both', 1), upsertion('scram-both', 2), upsertion('scram-one'), upsertion('scram-other')]), [`scram-both: ${ErrorCode.DUPLICATE_RESOURCE}`, `scram-one: ${ErrorCode.NONE}`, `scram-other: ${ErrorCode.NONE}`], 'two mechanisms of one user');
      assert.deepEqual(await alter([{ name: 'scram-one', mechanism: 1 }], [upsertion('scram-one', 2)]), [`scram-one: ${ErrorCode.DUPLICATE_RESOURCE}`], 'a deletion and an upsertion of one user');
      assert.deepEqual(await alter([{ name: 'scram-other', mechanism: 1 }, { name: 'scram-other', mechanism: 1 }, { name: 'scram-ghost', mechanism: 1 }, { name: 'scram-ghost', mechanism: 1 }], []), [`scram-ghost: ${ErrorCode.RESOURCE_NOT_FOUND}`, `scram-other: ${ErrorCode.DUPLICATE_RESOURCE}`], 'deletions twice: the first refusal is the answer');
      assert.deepEqual(await alter([], [upsertion('scram-weak', 1, 100), upsertion('scram-weak'), upsertion('scram-late'), upsertion('scram-late', 1, 100)]), [`scram-late: ${ErrorCode.DUPLICATE_RESOURCE}`, `scram-weak: ${ErrorCode.UNACCEPTABLE_CREDENTIAL}`]);
      // Kafka applies its changes through the metadata log, a moment later: nothing else changed.
      await eventually('the credentials described', async () => {
        const r = await c.request(Apis.DescribeUserScramCredentials, 0, { users: null });
        const described = r.results.map((u: { user: string; credentialInfos: { mechanism: number }[] }) => `${u.user}: ${u.credentialInfos.map((i) => i.mechanism)}`).sort();
        return JSON.stringify(described) === JSON.stringify(['scram-one: 1', 'scram-other: 1']);
      });
    });
  });
}

// The same special values from a client the authorizer allows nothing: alice, a PLAIN user with no
// ACL, on a SASL listener of a broker running Kafka's StandardAuthorizer.
const ALICE_JAAS = 'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";';
const AUTHORIZING = { 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'super.users': 'User:ANONYMOUS', 'sasl.enabled.mechanisms': 'PLAIN' };
const authorizingTargets: readonly { name: string; start(): Promise<{ saslPort: number; stop(): Promise<void> }> }[] = [
  {
    name: 'Sluice',
    async start() {
      const b = await startBroker({ port: 0, config: { listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0', 'listener.name.sasl_plaintext.plain.sasl.jaas.config': ALICE_JAAS, ...AUTHORIZING } });
      return { saslPort: b.listeners.SASL_PLAINTEXT!.port, stop: () => b.close() };
    },
  },
  {
    name: 'Apache Kafka',
    async start() {
      const k = await startApacheKafka({ extraListeners: { SASL: 'SASL_PLAINTEXT' }, config: { 'listener.name.sasl.plain.sasl.jaas.config': ALICE_JAAS, ...AUTHORIZING } });
      return { saslPort: Number(k.listeners.SASL!.split(':')[1]), stop: () => k.stop() };
    },
  },
];

for (const target of authorizingTargets) {
  describe(`special values without permission on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { saslPort: number; stop(): Promise<void> };
    let c: RawConnection;

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.saslPort);
      assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, ErrorCode.NONE);
      assert.equal((await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from('\u0000alice\u0000alice-secret') })).errorCode, ErrorCode.NONE);
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    test('CreateTopics and CreatePartitions at timeout_ms 0 refuse what may not be touched instead of timing out', async () => {
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'y', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 0, validateOnly: false });
      assert.deepEqual(created.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [['y', ErrorCode.TOPIC_AUTHORIZATION_FAILED]]);
      const grown = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: 'y', count: 2, assignments: null }], timeoutMs: 0, validateOnly: false });
      assert.deepEqual(grown.results.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [['y', ErrorCode.TOPIC_AUTHORIZATION_FAILED]]);
    });

    test('ListOffsets of a topic listed twice without DESCRIBE: each entry answered as given', async () => {
      const partition = (partitionIndex: number) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp: -1n });
      const r = await c.request(Apis.ListOffsets, 9, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'x', partitions: [partition(0)] }, { name: 'x', partitions: [partition(1), partition(0)] }], timeoutMs: 10_000 });
      assert.deepEqual(
        r.topics.map((t: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]),
        [['x', [[0, ErrorCode.TOPIC_AUTHORIZATION_FAILED]]], ['x', [[1, ErrorCode.TOPIC_AUTHORIZATION_FAILED], [0, ErrorCode.TOPIC_AUTHORIZATION_FAILED]]]],
      );
    });

    test('IncrementalAlterConfigs and AlterConfigs: a config named twice is refused before authorization', async () => {
      const incremental = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 2, resourceName: 'y', configs: [{ name: 'retention.ms', configOperation: 0, value: '1' }, { name: 'retention.ms', configOperation: 0, value: '2' }] }], validateOnly: true });
      assert.deepEqual(incremental.responses.map((r: { errorCode: number; errorMessage: string | null }) => [r.errorCode, r.errorMessage]), [[ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys']]);
      const legacy = await c.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: 2, resourceName: 'y', configs: [{ name: 'retention.ms', value: '1' }, { name: 'retention.ms', value: '2' }] }], validateOnly: true });
      assert.deepEqual(legacy.responses.map((r: { errorCode: number; errorMessage: string | null }) => [r.errorCode, r.errorMessage]), [[ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys']]);
    });
  });
}
