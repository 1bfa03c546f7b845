// A topic default set at the broker while it runs (IncrementalAlterConfigs on the BROKER resource,
// e.g. message.max.bytes) reaches the logs themselves, not only DescribeConfigs: produce checks
// the partition's parsed settings, which storage holds, so both must move together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const BROKER = 4;
const SET = 0;
const DELETE = 1;

test('message.max.bytes changed at the broker while running applies to produce at once, and back', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'limits', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    const batch = encodeUncompressedRecordBatch({ records: [{ value: 'x'.repeat(2000) }] });
    const produce = async () => {
      const r = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 'limits', partitionData: [{ index: 0, records: batch }] }] });
      return r.responses[0].partitionResponses[0].errorCode as number;
    };
    const alter = async (configOperation: number, value: string | null) => {
      const r = await c.request(Apis.IncrementalAlterConfigs, 1, {
        resources: [{ resourceType: BROKER, resourceName: String(broker.nodeId), configs: [{ name: 'message.max.bytes', configOperation, value }] }],
        validateOnly: false,
      });
      assert.equal(r.responses[0].errorCode, ErrorCode.NONE, r.responses[0].errorMessage);
    };
    assert.equal(await produce(), ErrorCode.NONE);
    await alter(SET, '1000');
    assert.equal(await produce(), ErrorCode.MESSAGE_TOO_LARGE);
    await alter(DELETE, null);
    assert.equal(await produce(), ErrorCode.NONE);
  } finally {
    c.close();
    await broker.close();
  }
});
