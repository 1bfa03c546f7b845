// Every API the broker advertises answers at every version it advertises (flexible or not),
// with a response that decodes, on one connection that stays open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as protocol from '@sluice/protocol';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const defaults = protocol as unknown as Record<string, () => Record<string, unknown>>;

function requestFor(name: string, version: number, n: number): Record<string, unknown> {
  const topic = `t${n}`;
  const body = defaults[`default${name}Request`]();
  const batch = () => encodeUncompressedRecordBatch({ records: [{ key: 'k', value: `v${n}` }] });
  switch (name) {
    case 'Produce':
      return { ...body, acks: -1, timeoutMs: 5000, topicData: [{ name: 'shared', partitionData: [{ index: 0, records: batch() }] }] };
    case 'Fetch':
      return { ...body, maxWaitMs: 0, minBytes: 1, topics: [{ topic: 'shared', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] };
    case 'ListOffsets':
      return { ...body, replicaId: -1, topics: [{ name: 'shared', partitions: [{ partitionIndex: 0, timestamp: -1n }] }] };
    case 'Metadata':
      return { ...body, topics: version === 0 ? [] : null };
    case 'CreateTopics':
      return { ...body, topics: [{ name: topic, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }] }], timeoutMs: 5000 };
    case 'DeleteTopics':
      return version >= 6 ? { ...body, topics: [{ name: 'to-delete', topicId: protocol.ZERO_UUID }], timeoutMs: 5000 } : { ...body, topicNames: ['to-delete'], timeoutMs: 5000 };
    case 'DescribeConfigs':
      return { ...body, resources: [{ resourceType: 2, resourceName: 'shared', configurationKeys: null }, { resourceType: 4, resourceName: '0', configurationKeys: ['num.partitions'] }] };
    case 'AlterConfigs':
      return { ...body, resources: [{ resourceType: 2, resourceName: 'shared', configs: [{ name: 'retention.ms', value: '86400000' }] }] };
    case 'IncrementalAlterConfigs':
      return { ...body, resources: [{ resourceType: 2, resourceName: 'shared', configs: [{ name: 'retention.ms', configOperation: 0, value: '3600000' }] }] };
    case 'CreatePartitions':
      return { ...body, topics: [{ name: 'grow', count: 2 + n, assignments: null }], timeoutMs: 5000 };
    case 'DeleteRecords':
      return { ...body, topics: [{ name: 'shared', partitions: [{ partitionIndex: 0, offset: 0n }] }], timeoutMs: 5000 };
    case 'OffsetForLeaderEpoch':
      return { ...body, topics: [{ topic: 'shared', partitions: [{ partition: 0, leaderEpoch: 0 }] }] };
    case 'InitProducerId':
      return { ...body, transactionalId: null, transactionTimeoutMs: 60000 };
    case 'DescribeQuorum':
      // The one partition answered in full: its voters and nodes must encode at every version.
      return { ...body, topics: [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }] };
    default:
      return body;
  }
}

test('every advertised API answers at every advertised version', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const c = await RawConnection.open(broker.port);
    const versions = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'sluice-test', clientSoftwareVersion: '1' });
    assert.equal(versions.errorCode, ErrorCode.NONE);
    const admin = await RawConnection.open(broker.port);
    await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 'shared', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }, { name: 'grow', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    let n = 0;
    const checked: string[] = [];
    for (const { apiKey, minVersion, maxVersion } of versions.apiKeys) {
      const api = protocol.apiByKey.get(apiKey)!;
      const from = Math.max(minVersion, api.minVersion); // Produce is advertised from 0 but decodable from 3
      for (let v = from; v <= maxVersion; v++) {
        n++;
        if (api.name === 'DeleteTopics') await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 'to-delete', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
        const response = await c.request(api, v, requestFor(api.name, v, n)).catch((e: Error) => assert.fail(`${api.name} v${v}: ${e.message}`));
        assert.ok(response, `${api.name} v${v}`);
        checked.push(`${api.name} v${v}`);
      }
    }
    assert.ok(checked.length > 80, `${checked.length} API versions checked`);
    assert.equal(c.closed, false);
    c.close();
    admin.close();
  } finally {
    await broker.close();
  }
});
