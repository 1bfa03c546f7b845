// Metadata's special topic values, answered as Kafka answers them and never with a response the
// version cannot encode: an empty name is an illegal name (INVALID_TOPIC_EXCEPTION); a null name
// or a topic id before v12 refuses the request (INVALID_REQUEST, the topic named ""); from v12 a
// topic id is looked up and an unknown one is UNKNOWN_TOPIC_ID with a null name. The connection
// stays open and nothing is logged as an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const SOME_ID = '8W4RyE5sTfuBrYXbM4D5uA';

function metadata(c: RawConnection, version: number, topics: { name: string | null; topicId: string }[], allowAutoTopicCreation = true) {
  return c.request(Apis.Metadata, version, { topics, allowAutoTopicCreation, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
}

test('Metadata answers empty and null names and topic ids at every version as Kafka does', async () => {
  const errors: string[] = [];
  const log = { info() {}, warn: (m: string) => errors.push(m), error: (m: string) => errors.push(m) };
  const broker = await startBroker({ port: 0, log });
  try {
    const c = await RawConnection.open(broker.port);
    await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'known', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    const known = (await metadata(c, 12, [{ name: 'known', topicId: ZERO_UUID }])).topics[0].topicId;

    for (const version of [0, 1, 4, 9, 10, 12, 13]) {
      for (const allow of version < 4 ? [true] : [true, false]) {
        const r = await metadata(c, version, [{ name: '', topicId: ZERO_UUID }], allow);
        assert.equal(r.topics[0].errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION, `v${version} allow=${allow}`);
        assert.equal(r.topics[0].name, '');
      }
    }
    for (const version of [10, 11]) {
      for (const topic of [{ name: null, topicId: ZERO_UUID }, { name: null, topicId: known }, { name: 'known', topicId: known }]) {
        const r = await metadata(c, version, [topic, { name: 'known', topicId: ZERO_UUID }]);
        assert.deepEqual(
          r.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]),
          [
            [topic.name ?? '', ErrorCode.INVALID_REQUEST],
            ['known', ErrorCode.INVALID_REQUEST],
          ],
          `v${version} ${JSON.stringify(topic)}`,
        );
      }
    }
    for (const version of [12, 13]) {
      const r = await metadata(c, version, [
        { name: null, topicId: SOME_ID },
        { name: null, topicId: known },
        { name: null, topicId: ZERO_UUID },
      ]);
      assert.deepEqual(
        r.topics.map((t: { name: string | null; topicId: string; errorCode: number; partitions: unknown[] }) => [t.name, t.topicId, t.errorCode, t.partitions.length]),
        [
          [null, SOME_ID, ErrorCode.UNKNOWN_TOPIC_ID, 0],
          ['known', known, ErrorCode.NONE, 2],
          [null, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_ID, 0],
        ],
      );
    }
    // Without auto-creation an illegal name is still told apart from a missing one.
    const r = await metadata(c, 12, [{ name: 'no/slashes', topicId: ZERO_UUID }, { name: 'missing', topicId: ZERO_UUID }], false);
    assert.deepEqual(r.topics.map((t: { errorCode: number }) => t.errorCode), [ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    assert.equal(c.closed, false);
    assert.deepEqual(errors, []);
    c.close();
  } finally {
    await broker.close();
  }
});
