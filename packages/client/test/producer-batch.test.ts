// The producer's batch on protocol's one writer, against batches the Java producer wrote and a real
// Apache Kafka 4.3 broker stored (protocol's fixtures/kafka-log): appended record by record with
// sizes known first, as `send` does, stamped with the producer id, epoch and sequence as the
// sender does, and closed, it gives Java's bytes (uncompressed) or Java's header and decompressed
// records (compressed: each codec implementation chooses its own compressed bytes). Splitting and
// re-stamping keep records, timestamps and sequences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BATCH_HEADER_SIZE,
  type CompressionType,
  type RecordBatch,
  compressionOf,
  decodeRecordBatch,
  decompress,
  fieldLength,
  isTransactional,
  readBatchHeader,
  recordSizeInBatch,
  setBaseOffset,
  setPartitionLeaderEpoch,
  validateBatch,
} from '@sluice/protocol';
import { KAFKA_LOG_FIXTURES, batchesOf } from '@sluice/test-kit';
import { ProducerBatch, SendGroup } from '../src/producer/batch.ts';

async function firstJavaBatch(codec: string): Promise<{ bytes: Buffer; batch: RecordBatch }> {
  const bytes = batchesOf(readFileSync(join(KAFKA_LOG_FIXTURES, `java-${codec}.log`)))[0];
  return { bytes, batch: await decodeRecordBatch(bytes) };
}

/** The batch's records appended as Producer.send appends them, each with its own send group. */
function accumulate(batch: RecordBatch, capacity = 16 * 1024): ProducerBatch {
  const b = new ProducerBatch('t', 0, capacity, 0);
  for (const r of batch.records) {
    const timestamp = Number(r.timestamp);
    const size = b.count === 0 ? recordSizeInBatch(0, 0, fieldLength(r.key), fieldLength(r.value), r.headers) : recordSizeInBatch(b.count, timestamp - b.baseTimestamp, fieldLength(r.key), fieldLength(r.value), r.headers);
    assert.ok(b.hasRoomFor(size));
    const delta = b.append(timestamp, r.key, r.value, r.headers, size);
    b.addRecord(new SendGroup(1, () => {}, () => {}), 0, delta, timestamp);
  }
  return b;
}

/** The broker's writes outside the CRC (base offset, leader epoch), on a copy. */
function asStored(encoded: Buffer, stored: RecordBatch): Buffer {
  const copy = Buffer.from(encoded);
  setBaseOffset(copy, stored.header.baseOffset);
  setPartitionLeaderEpoch(copy, stored.header.partitionLeaderEpoch);
  return copy;
}

test("an idempotent producer's batch is Java's, byte for byte", async () => {
  const { bytes, batch } = await firstJavaBatch('none');
  const b = accumulate(batch);
  assert.equal(b.sizeInBytes, bytes.length);
  b.stamp(batch.header.producerId, batch.header.producerEpoch, batch.header.baseSequence, false);
  await b.close(0, undefined);
  assert.deepEqual(asStored(b.encoded!, batch), bytes);
});

test("re-stamped as transactional after closing, the batch is Java's transactional one, and the bytes already handed out stay as they were", async () => {
  const { bytes, batch } = await firstJavaBatch('transactional');
  assert.ok(isTransactional(batch.header.attributes));
  const b = accumulate(batch);
  await b.close(0, undefined);
  const handedOut = b.encoded!;
  const before = Buffer.from(handedOut);
  b.stamp(batch.header.producerId, batch.header.producerEpoch, batch.header.baseSequence, true);
  assert.deepEqual(asStored(b.encoded!, batch), bytes);
  assert.deepEqual(handedOut, before);
});

for (const codec of ['gzip', 'snappy', 'lz4', 'zstd']) {
  test(`a ${codec} batch has Java's header and Java's records once decompressed`, async () => {
    const { bytes, batch } = await firstJavaBatch(codec);
    const type = compressionOf(batch.header.attributes) as CompressionType;
    const b = accumulate(batch);
    b.stamp(batch.header.producerId, batch.header.producerEpoch, batch.header.baseSequence, false);
    await b.close(type, undefined);
    const mine = asStored(b.encoded!, batch);
    assert.deepEqual({ ...readBatchHeader(mine), batchLength: 0, crc: 0 }, { ...batch.header, batchLength: 0, crc: 0 });
    assert.deepEqual(await decompress(type, mine.subarray(BATCH_HEADER_SIZE)), await decompress(type, bytes.subarray(BATCH_HEADER_SIZE)));
    validateBatch(mine);
  });
}

test('a stamp that lands while the records are being compressed is in the sealed header', async () => {
  const { batch } = await firstJavaBatch('none');
  const b = accumulate(batch);
  const closing = b.close(1, undefined);
  b.stamp(42n, 3, 100, false);
  await closing;
  const h = validateBatch(b.encoded!);
  assert.deepEqual([h.producerId, h.producerEpoch, h.baseSequence], [42n, 3, 100]);
});

test('a split keeps the records, their timestamps and consecutive sequences, one record a part when each is too big to share', async () => {
  const { batch } = await firstJavaBatch('none');
  const b = accumulate(batch);
  b.stamp(7n, 2, 40, false);
  await b.close(0, undefined);
  const parts = b.split(BATCH_HEADER_SIZE + 1);
  assert.equal(parts.length, batch.records.length);
  for (const [i, part] of parts.entries()) {
    await part.close(0, undefined);
    const decoded = await decodeRecordBatch(part.encoded!);
    assert.deepEqual([decoded.header.producerId, decoded.header.producerEpoch, decoded.header.baseSequence], [7n, 2, 40 + i]);
    const [r] = decoded.records;
    const original = batch.records[i];
    assert.deepEqual([r.timestamp, r.key, r.value, r.headers], [original.timestamp, original.key, original.value, original.headers]);
  }
});
