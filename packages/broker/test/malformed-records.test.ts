// Produce requests whose batches have a valid CRC but malformed records (issue 13, item 3): each is
// refused with Kafka's error code and nothing is stored, so no reader can be wedged on it; and
// every Produce request that real clients sent to Apache Kafka (the golden captures) is still
// accepted. Malformed batches are real batches (librdkafka's, stored by Kafka) whose records
// section is replaced or mutated here, with the length and CRC recomputed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Apis, BATCH_HEADER_SIZE, ErrorCode, Offsets, decodeRecordBatches, decodeRequest } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { fetchRequestV12, RawConnection, realBatch, rebuilt, zz } from '@sluice/test-kit';

const fixtures = fileURLToPath(new URL('../../protocol/test/fixtures', import.meta.url));

function simpleRecord(offsetDelta: number, key: string | null): Buffer {
  const keyField = key === null ? zz(-1) : Buffer.concat([zz(key.length), Buffer.from(key)]);
  const body = Buffer.concat([Buffer.from([0]), zz(0), zz(offsetDelta), keyField, zz(1), Buffer.from('v'), zz(0)]);
  return Buffer.concat([zz(body.length), body]);
}

function produceBody(topic: string, records: Buffer) {
  return { acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] };
}

async function createTopic(c: RawConnection, name: string, configs: { name: string; value: string }[] = []): Promise<void> {
  const r = await c.request(Apis.CreateTopics, 7, { topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs }], timeoutMs: 5000 });
  assert.equal(r.topics[0].errorCode, ErrorCode.NONE);
}

async function fetchAll(c: RawConnection, topic: string) {
  const r = await c.request(Apis.Fetch, 12, fetchRequestV12(topic));
  const p = r.responses[0].partitions[0];
  return { highWatermark: p.highWatermark as bigint, batches: await decodeRecordBatches(p.records ?? Buffer.alloc(0)) };
}

test('batches with a valid CRC but malformed records are refused, and nothing is stored', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    await createTopic(c, 'wedge');
    const none = realBatch('none');
    const records = none.subarray(BATCH_HEADER_SIZE);
    const gz = realBatch('gzip');
    const cases: [string, Buffer, number, RegExp][] = [
      ['a record count above the records', rebuilt(none, records, { recordCount: 5, lastOffsetDelta: 4 }), ErrorCode.INVALID_RECORD, /record 4 of 5/],
      ['a record count below the records', rebuilt(none, records, { recordCount: 3, lastOffsetDelta: 2 }), ErrorCode.INVALID_RECORD, /follow the last of the 3 records/],
      ['a bad record-length varint', rebuilt(none, Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), records.subarray(2)])), ErrorCode.INVALID_RECORD, /length is not a valid varint/],
      ['random record bytes', rebuilt(none, Buffer.from(records.map((b, i) => (b * 31 + i * 7) & 0xff))), ErrorCode.INVALID_RECORD, /record 0 of 4/],
      ['a gzip attribute over bytes that do not decompress', rebuilt(none, records, { attributes: 1 }), ErrorCode.INVALID_RECORD, /gzip records do not decompress/],
      ['a zstd attribute over bytes that do not decompress', rebuilt(none, records, { attributes: 4 }), ErrorCode.INVALID_RECORD, /zstd records do not decompress/],
      ['gzip records cut short inside', rebuilt(gz, gzipSync(gunzipSync(gz.subarray(BATCH_HEADER_SIZE)).subarray(0, -3))), ErrorCode.INVALID_RECORD, /record 3 of 4/],
      ['offset deltas out of order', rebuilt(none, Buffer.concat([simpleRecord(0, 'a'), simpleRecord(2, 'b'), simpleRecord(1, 'c'), simpleRecord(3, 'd')])), ErrorCode.INVALID_RECORD, /offset delta 2/],
      ['two batches in one partition', Buffer.concat([none, none]), ErrorCode.INVALID_RECORD, /exactly one record batch/],
    ];
    for (const version of [3, 7, 8, 12]) {
      for (const [what, batch, code, message] of cases) {
        const r = await c.request(Apis.Produce, version, produceBody('wedge', batch));
        const p = r.responses[0].partitionResponses[0];
        // Kafka refuses zstd below v7 before looking at the records.
        const expected = version < 7 && what.includes('zstd') ? ErrorCode.UNSUPPORTED_COMPRESSION_TYPE : code;
        assert.equal(p.errorCode, expected, `v${version} ${what}`);
        if (expected !== code) continue;
        assert.equal(p.baseOffset, -1n, what);
        if (version >= 8) {
          assert.match(p.errorMessage ?? '', message, `v${version} ${what}`);
          // The record at fault is named when there is one (KIP-467).
          if (/record \d+ of/.test(p.errorMessage ?? '')) assert.equal(p.recordErrors.length, 1, what);
        }
      }
    }
    // Nothing was stored: the first good batch gets offset 0 and is all a reader sees.
    const good = await c.request(Apis.Produce, 9, produceBody('wedge', none));
    assert.equal(good.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
    assert.equal(good.responses[0].partitionResponses[0].baseOffset, 0n);
    const fetched = await fetchAll(c, 'wedge');
    assert.equal(fetched.highWatermark, 4n);
    assert.deepEqual(
      fetched.batches.flatMap((b) => b.records.map((r) => r.offset)),
      [0n, 1n, 2n, 3n],
    );
  } finally {
    c.close();
    await broker.close();
  }
});

test('compacted topics refuse records without a key, naming the record; zstd needs Produce v7', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    await createTopic(c, 'table', [{ name: 'cleanup.policy', value: 'compact' }]);
    await createTopic(c, 'plain');
    const none = realBatch('none');
    const nullKey = rebuilt(none, Buffer.concat([simpleRecord(0, 'a'), simpleRecord(1, null)]), { recordCount: 2, lastOffsetDelta: 1 });
    const r = await c.request(Apis.Produce, 9, produceBody('table', nullKey));
    const p = r.responses[0].partitionResponses[0];
    assert.equal(p.errorCode, ErrorCode.INVALID_RECORD);
    assert.deepEqual(p.recordErrors.map((e: { batchIndex: number }) => e.batchIndex), [1]);
    assert.match(p.errorMessage, /compacted topics only accept records with a key/);
    assert.equal((await c.request(Apis.Produce, 9, produceBody('plain', nullKey))).responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);

    const zstd = realBatch('zstd');
    assert.equal((await c.request(Apis.Produce, 6, produceBody('plain', zstd))).responses[0].partitionResponses[0].errorCode, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
    assert.equal((await c.request(Apis.Produce, 7, produceBody('plain', zstd))).responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
  } finally {
    c.close();
    await broker.close();
  }
});

test('record timestamps outside message.timestamp.after.max.ms / before.max.ms are refused with INVALID_TIMESTAMP (CreateTime only)', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    await createTopic(c, 'create-time');
    await createTopic(c, 'recent-only', [{ name: 'message.timestamp.before.max.ms', value: String(3_600_000) }]);
    await createTopic(c, 'append-time', [{ name: 'message.timestamp.type', value: 'LogAppendTime' }]);
    const none = realBatch('none');
    const HOUR = 3_600_000n;
    const records = Buffer.concat([simpleRecord(0, 'a'), simpleRecord(1, 'b')]);
    // Kafka 4's default message.timestamp.after.max.ms is one hour: two hours ahead is refused.
    const future = rebuilt(none, records, { recordCount: 2, lastOffsetDelta: 1, baseTimestamp: BigInt(Date.now()) + 2n * HOUR });
    const r = (await c.request(Apis.Produce, 9, produceBody('create-time', future))).responses[0].partitionResponses[0];
    assert.equal(r.errorCode, ErrorCode.INVALID_TIMESTAMP);
    assert.equal(r.recordErrors[0].batchIndex, 0);
    assert.match(r.errorMessage, /timestamp \d+ is out of range/);
    assert.equal((await c.request(Apis.Produce, 9, produceBody('append-time', future))).responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
    // A day old: fine by default (before.max.ms is unlimited), refused where it is one hour.
    const old = rebuilt(none, records, { recordCount: 2, lastOffsetDelta: 1, baseTimestamp: BigInt(Date.now()) - 24n * HOUR });
    assert.equal((await c.request(Apis.Produce, 9, produceBody('create-time', old))).responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
    assert.equal((await c.request(Apis.Produce, 9, produceBody('recent-only', old))).responses[0].partitionResponses[0].errorCode, ErrorCode.INVALID_TIMESTAMP);
  } finally {
    c.close();
    await broker.close();
  }
});

test('pipelined requests are appended in order when a compressed one is checked first', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    await createTopic(c, 'order');
    const sent = ['gzip', 'none', 'zstd', 'none', 'lz4', 'snappy', 'none'];
    const answers = await Promise.all(sent.map((codec) => c.request(Apis.Produce, 9, produceBody('order', realBatch(codec)))));
    assert.deepEqual(
      answers.map((a) => a.responses[0].partitionResponses[0].baseOffset),
      sent.map((_, i) => BigInt(i * 4)),
    );
    const fetched = await fetchAll(c, 'order');
    assert.deepEqual(
      fetched.batches.map((b) => b.header.attributes & 7),
      [1, 0, 4, 0, 3, 2, 0],
    );
  } finally {
    c.close();
    await broker.close();
  }
});

test("every Produce request real clients sent to Apache Kafka is accepted", async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    const captures = join(fixtures, 'captures');
    let produced = 0;
    for (const client of readdirSync(captures).filter((d) => !d.includes('.'))) {
      for (const file of readdirSync(join(captures, client)).filter((f) => f.startsWith('produce') && f !== 'produce-transactional.jsonl')) {
        const lines = readFileSync(join(captures, client, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
        for (const line of lines.filter((l) => l.dir === 'request' && l.apiKey === 0)) {
          const { body, header } = decodeRequest(Buffer.from(line.frame, 'hex')) as { header: { apiVersion: number }; body: { topicData: { name: string; partitionData: { index: number; records: Buffer }[] }[] } };
          for (const t of body.topicData) {
            for (const p of t.partitionData) {
              // Each to a partition of its own: producer ids and sequences from Kafka's run start fresh here.
              const topic = `golden-${produced++}`;
              await createTopic(c, topic);
              // The Java client 4.3 speaks v13 (topic ids), above Sluice's range: its batch goes as v12.
              const r = await c.request(Apis.Produce, Math.min(header.apiVersion, 12), produceBody(topic, p.records));
              assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE, `${client}/${file}: ${r.responses[0].partitionResponses[0].errorMessage}`);
            }
          }
        }
      }
    }
    assert.ok(produced >= 30, `${produced} captured batches produced`);
  } finally {
    c.close();
    await broker.close();
  }
});
