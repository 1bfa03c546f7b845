// The one record batch writer (batch-builder.ts, under encodeRecordBatch and the client's
// producer) against batches written by real peers: Java, librdkafka (confluent-kafka, kcat),
// kafka-python, KafkaJS and @platformatic/kafka, as a real Apache Kafka 4.3 broker stored them
// (fixtures/kafka-log; the broker rewrote only baseOffset and partitionLeaderEpoch, which sit
// outside the CRC). Given each batch's records and header fields, the writer must reproduce it.
//
// Uncompressed batches are compared byte for byte: record layout (headers, null keys and values,
// timestamp deltas), idempotent producer id / epoch / base sequence, the transactional bit, and
// the COMMIT control batch the broker wrote (control bit, EndTransactionMarker value with its
// coordinator epoch). Compressed batches are compared on their header fields and their
// decompressed records, byte for byte, but not on the compressed bytes: each peer's gzip,
// snappy, lz4 and zstd implementation and level choose their own encoding of the same input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  BATCH_HEADER_SIZE,
  LOG_OVERHEAD,
  Offsets,
  RecordBatchBuilder,
  type RecordBatch,
  compressionOf,
  decodeControlKey,
  decodeEndTxnMarkerValue,
  decodeRecordBatch,
  decompress,
  encodeRecordBatch,
  encodeTransactionMarkerBatch,
  fieldLength,
  isControl,
  isTransactional,
  readBatchHeader,
  recordSizeInBatch,
  stampProducer,
  timestampTypeOf,
  type CompressionType,
} from '../src/index.ts';

const dir = fileURLToPath(new URL('./fixtures/kafka-log', import.meta.url));
const logs = readdirSync(dir).filter((f) => f.endsWith('.log'));

/** Every batch of a stored segment, with its bytes. */
async function storedBatches(file: string): Promise<{ bytes: Buffer; batch: RecordBatch }[]> {
  const segment = readFileSync(join(dir, file));
  const out: { bytes: Buffer; batch: RecordBatch }[] = [];
  for (let pos = 0; pos < segment.length; ) {
    const size = segment.readInt32BE(pos + Offsets.batchLength) + LOG_OVERHEAD;
    const bytes = segment.subarray(pos, pos + size);
    out.push({ bytes, batch: await decodeRecordBatch(bytes) });
    pos += size;
  }
  return out;
}

/** The writer's input that describes a decoded batch. */
function rewriteOf({ header: h, records }: RecordBatch) {
  return {
    records: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, offsetDelta: Number(r.offset - h.baseOffset) })),
    baseOffset: h.baseOffset,
    partitionLeaderEpoch: h.partitionLeaderEpoch,
    compression: compressionOf(h.attributes) as CompressionType,
    timestampType: timestampTypeOf(h.attributes),
    transactional: isTransactional(h.attributes),
    control: isControl(h.attributes),
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    lastOffsetDelta: h.lastOffsetDelta,
  };
}

test('the peers cover what the writer must reproduce', async () => {
  const all = (await Promise.all(logs.map(storedBatches))).flat().map((b) => b.batch);
  const records = all.flatMap((b) => b.records);
  assert.ok(records.some((r) => r.key === null), 'a null key');
  assert.ok(records.some((r) => r.value === null), 'a null value');
  assert.ok(records.some((r) => r.headers.length > 1), 'several headers');
  assert.ok(all.some((b) => b.records.some((r) => r.timestamp !== b.header.baseTimestamp)), 'timestamp deltas');
  assert.ok(all.some((b) => b.header.producerId >= 0n && b.header.baseSequence >= 0), 'an idempotent producer');
  assert.ok(all.some((b) => isTransactional(b.header.attributes) && !isControl(b.header.attributes)), 'a transactional batch');
  assert.ok(all.some((b) => isControl(b.header.attributes)), 'a control batch');
  for (const codec of [0, 1, 2, 3, 4]) assert.ok(all.some((b) => compressionOf(b.header.attributes) === codec), `codec ${codec}`);
});

for (const file of logs) {
  test(`${file}: the writer reproduces each batch`, async () => {
    for (const { bytes, batch } of await storedBatches(file)) {
      const written = await encodeRecordBatch(rewriteOf(batch));
      if (compressionOf(batch.header.attributes) === 0) {
        assert.deepEqual(written, bytes);
        continue;
      }
      const mine = readBatchHeader(written);
      const theirs = batch.header;
      assert.deepEqual({ ...mine, batchLength: 0, crc: 0 }, { ...theirs, batchLength: 0, crc: 0 });
      const type = compressionOf(theirs.attributes) as CompressionType;
      assert.deepEqual(await decompress(type, written.subarray(BATCH_HEADER_SIZE)), await decompress(type, bytes.subarray(BATCH_HEADER_SIZE)));
    }
  });
}

test('records appended one by one with their sizes known first, then stamped, as the producer does, give the Java batches', async () => {
  for (const file of ['java-none.log', 'java-transactional.log']) {
    const { bytes, batch } = (await storedBatches(file))[0];
    const h = batch.header;
    const capacity = BATCH_HEADER_SIZE + 64 * 1024;
    const builder = new RecordBatchBuilder(capacity);
    for (const r of batch.records) {
      const timestamp = Number(r.timestamp);
      const delta = builder.count === 0 ? 0 : timestamp - builder.baseTimestamp;
      const size = recordSizeInBatch(builder.count, delta, fieldLength(r.key), fieldLength(r.value), r.headers);
      assert.ok(builder.hasRoomFor(size));
      builder.append(timestamp, r.key, r.value, r.headers, size);
    }
    assert.equal(builder.sizeInBytes, bytes.length, 'the sizes known before appending add up to the batch');
    const sealed = builder.sealUncompressed({ baseOffset: h.baseOffset, partitionLeaderEpoch: h.partitionLeaderEpoch });
    // The producer learns its id, epoch and sequence after the batch is sealed.
    stampProducer(sealed, h.producerId, h.producerEpoch, h.baseSequence, isTransactional(h.attributes));
    assert.deepEqual(sealed, bytes, file);
  }
});

test("the broker's COMMIT marker batch is written as Kafka 4.3 wrote it", async () => {
  const { bytes, batch } = (await storedBatches('java-transactional.log')).find((b) => isControl(b.batch.header.attributes))!;
  const marker = batch.records[0];
  assert.deepEqual(decodeControlKey(marker.key), { version: 0, type: 1 });
  const value = decodeEndTxnMarkerValue(marker.value);
  assert.equal(value.version, 0);
  const written = encodeTransactionMarkerBatch({
    producerId: batch.header.producerId,
    producerEpoch: batch.header.producerEpoch,
    commit: true,
    coordinatorEpoch: value.coordinatorEpoch,
    baseOffset: batch.header.baseOffset,
    partitionLeaderEpoch: batch.header.partitionLeaderEpoch,
    timestamp: marker.timestamp,
  });
  assert.deepEqual(written, bytes);
});

test('the writer refuses appends it cannot honour, with clear errors', () => {
  const builder = new RecordBatchBuilder(BATCH_HEADER_SIZE + 16);
  const size = recordSizeInBatch(0, 0, -1, 1, null);
  assert.throws(() => builder.append(0, null, 'v', null, size + 1), /record encoding took 8 bytes, not the 9 given/);
  const fresh = new RecordBatchBuilder(BATCH_HEADER_SIZE + 16);
  assert.throws(() => fresh.append(0, null, 'x'.repeat(20), null, recordSizeInBatch(0, 0, -1, 20, null)), /does not fit/);
  assert.throws(() => fresh.sealUncompressed(), /at least one record/);
  fresh.append(0, null, 'v', null, size);
  assert.throws(() => fresh.append(1, null, 'v', null, recordSizeInBatch(0, 1, -1, 1, null), 0), /offset deltas must increase/);
  fresh.sealUncompressed();
  assert.throws(() => fresh.append(1, null, 'v', null, size), /sealed/);
  assert.throws(() => new RecordBatchBuilder(10), /at least 61 bytes/);
});
