// Requests a broker must refuse, sent as the same raw requests to Apache Kafka 4.3.1 and to Sluice
// with the same assertions (issue 13):
// - batches with a valid CRC but malformed records (item 3): each is refused with the code Kafka
//   answers and nothing of it is stored, so no reader can be wedged on it. The batches are a real
//   one (librdkafka's, stored by Kafka) whose records section is replaced or mutated, with the
//   length and CRC recomputed (test-kit's malformed-batches);
// - CreateTopics of 2^31-1 and of 10,001 partitions (item 5), refused with POLICY_VIOLATION and
//   nothing made: Kafka refuses more than 10,000 partitions in one request, Sluice more than
//   max.partitions (10,000 by default) on the broker.
//
// Differences found by the comparison and kept on purpose:
// - CreatePartitions to 2^31-1 partitions: Kafka fails with UNKNOWN_SERVER_ERROR, Sluice answers
//   POLICY_VIOLATION naming max.partitions (tests/broker/partition-limits), so it is not compared;
// - where the records cannot be read at all (a record length that is not a varint, compressed
//   bytes that do not decompress) Kafka's LogValidator fails with UNKNOWN_SERVER_ERROR; Sluice
//   answers INVALID_RECORD with a message naming the record and what is wrong, as Kafka does for
//   the other malformed records (the assertions accept either: both refuse, both are final for
//   the producer);
// - an uncompressed batch whose offset deltas are out of order (0, 2, 1, 3) is stored by Kafka,
//   whose readers then see offsets go back inside the batch; Sluice refuses it with
//   INVALID_RECORD (packages/broker/test/malformed-records), so it is not compared here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Apis, BATCH_HEADER_SIZE, ErrorCode, decodeRecordBatches, errorName } from '@sluice/protocol';
import { fetchRequestV12, RawConnection, rawTargets, realBatch, rebuilt, untilAccepted, zz } from '@sluice/test-kit';

const TOPIC = 'malformed';
const INT32_MAX = 2 ** 31 - 1;

/** One record with `offsetDelta`, `key` (its length said to be `keyLength`) and value 'v', as the v2 format lays it out. */
function simpleRecord(offsetDelta: number, key: string, keyLength = key.length): Buffer {
  const body = Buffer.concat([Buffer.from([0]), zz(0), zz(offsetDelta), zz(keyLength), Buffer.from(key), zz(1), Buffer.from('v'), zz(0)]);
  return Buffer.concat([zz(body.length), body]);
}

/** [what, the batch, the code Kafka answers]. */
function cases(): [string, Buffer, number][] {
  const none = realBatch('none');
  const records = none.subarray(BATCH_HEADER_SIZE);
  const gz = realBatch('gzip');
  return [
    ['a record count above the records', rebuilt(none, records, { recordCount: 5, lastOffsetDelta: 4 }), ErrorCode.INVALID_RECORD],
    ['a record count below the records', rebuilt(none, records, { recordCount: 3, lastOffsetDelta: 2 }), ErrorCode.INVALID_RECORD],
    ['a bad record-length varint', rebuilt(none, Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), records.subarray(2)])), ErrorCode.UNKNOWN_SERVER_ERROR],
    ['random record bytes', rebuilt(none, Buffer.from(records.map((b, i) => (b * 31 + i * 7) & 0xff))), ErrorCode.INVALID_RECORD],
    ['a gzip attribute over bytes that do not decompress', rebuilt(none, records, { attributes: 1 }), ErrorCode.UNKNOWN_SERVER_ERROR],
    ['a zstd attribute over bytes that do not decompress', rebuilt(none, records, { attributes: 4 }), ErrorCode.UNKNOWN_SERVER_ERROR],
    ['gzip records cut short inside', rebuilt(gz, gzipSync(gunzipSync(gz.subarray(BATCH_HEADER_SIZE)).subarray(0, -3))), ErrorCode.INVALID_RECORD],
    ['a key length past the record', rebuilt(none, simpleRecord(0, 'a', 50), { recordCount: 1, lastOffsetDelta: 0 }), ErrorCode.INVALID_RECORD],
    ['two batches in one partition', Buffer.concat([none, none]), ErrorCode.INVALID_RECORD],
  ];
}

/** The codes a refusal may carry: Kafka's, and INVALID_RECORD where Kafka's is UNKNOWN_SERVER_ERROR (see above). */
const refusedWith = (kafkaCode: number) => (kafkaCode === ErrorCode.UNKNOWN_SERVER_ERROR ? [kafkaCode, ErrorCode.INVALID_RECORD] : [kafkaCode]);

const produce = (records: Buffer) => ({ acks: -1, timeoutMs: 10_000, topicData: [{ name: TOPIC, partitionData: [{ index: 0, records }] }] });

for (const target of rawTargets) {
  describe(`refused requests on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    test('malformed batches are each refused with the same code, and only the good batch after them is stored', async () => {
      // A good batch first, retried while Kafka's partition gets its leader: the malformed ones
      // below are then answered by the partition's validation, not by a broker still starting.
      const good = realBatch('none');
      await untilAccepted('the first good batch', () => c.request(Apis.Produce, 9, produce(good)), (r) => r.responses[0].partitionResponses[0].errorCode);
      const answers: string[] = [];
      for (const [what, batch, code] of cases()) {
        const p = (await c.request(Apis.Produce, 9, produce(batch))).responses[0].partitionResponses[0];
        const allowed = refusedWith(code);
        answers.push(`${what}: ${allowed.includes(p.errorCode) ? allowed.map(errorName).join(' or ') : `${errorName(p.errorCode)}, not ${allowed.map(errorName).join(' or ')}`}`);
      }
      assert.deepEqual(answers, cases().map(([what, , code]) => `${what}: ${refusedWith(code).map(errorName).join(' or ')}`));
      const last = (await c.request(Apis.Produce, 9, produce(good))).responses[0].partitionResponses[0];
      assert.deepEqual([last.errorCode, last.baseOffset], [ErrorCode.NONE, 4n], 'nothing was stored between the two good batches');
      const fetched = await c.request(Apis.Fetch, 12, fetchRequestV12(TOPIC));
      const p = fetched.responses[0].partitions[0];
      assert.equal(p.highWatermark, 8n);
      const offsets = (await decodeRecordBatches(p.records ?? Buffer.alloc(0))).flatMap((b) => b.records.map((r) => r.offset));
      assert.deepEqual(offsets, [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    });

    test('CreateTopics of 2^31-1 or 10,001 partitions is refused with POLICY_VIOLATION, validated only or not, and makes nothing', async () => {
      const huge = (name: string, numPartitions: number) => ({ name, numPartitions, replicationFactor: 1, assignments: [], configs: [] });
      // One topic a request: Kafka's limit counts the whole request (two such topics together get
      // UNKNOWN_SERVER_ERROR from it).
      const answers: string[] = [];
      for (const validateOnly of [true, false]) {
        for (const [name, count] of [['huge', INT32_MAX], ['big', 10_001]] as const) {
          const r = await c.request(Apis.CreateTopics, 7, { topics: [huge(name, count)], timeoutMs: 30_000, validateOnly });
          answers.push(`${name}${validateOnly ? ' (validate only)' : ''}: ${errorName(r.topics[0].errorCode)}`);
        }
      }
      assert.deepEqual(answers, ['huge (validate only)', 'big (validate only)', 'huge', 'big'].map((what) => `${what}: POLICY_VIOLATION`));
      const metadata = await c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      assert.deepEqual(metadata.topics.map((t: { name: string }) => t.name).filter((n: string) => n === 'huge' || n === 'big'), []);
    });
  });
}
