/**
 * bench/protocol: the codec's speed beside KafkaJS's and @platformatic/kafka's codecs doing the
 * same work in the same process, and beside the loopback TCP bandwidth of this machine.
 *
 *   node --conditions=sluice:source bench/protocol/run.ts
 */
import { createRequire } from 'node:module';
import { fork } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Apis,
  CompressionType,
  decodeRecordBatch,
  decodeRecordBatches,
  decodeRequest,
  decodeResponse,
  encodeRecordBatch,
  encodeRequest,
  encodeResponse,
  encodeUncompressedRecordBatch,
  Offsets,
  crc32c,
  validateBatchesAndRecords,
} from '@sluice/protocol';
import { measure, printTable, type Measurement } from '../lib/measure.ts';

const require = createRequire(import.meta.url);
const kafkajsFetch = require('kafkajs/src/protocol/requests/fetch/v11/response.js');
const kafkajsProduce = require('kafkajs/src/protocol/requests/produce/v7/request.js');
const kafkajsRecordBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js');
const KafkajsDecoder = require('kafkajs/src/protocol/decoder.js');
// @platformatic/kafka exports only its client API; its codec modules are loaded by file path.
const platformaticDist = dirname(require.resolve('@platformatic/kafka'));
const platformatic = (path: string) => import(pathToFileURL(join(platformaticDist, path)).href);
const platformaticFetch = await platformatic('apis/consumer/fetch-v12.js');
const platformaticProduce = await platformatic('apis/producer/produce-v9.js');
const platformaticRecords = await platformatic('protocol/records.js');
const { Reader: PlatformaticReader } = await platformatic('protocol/reader.js');

const VALUE_1K = Buffer.alloc(1024, 'v');
const RECORDS_PER_BATCH = 64;

/** About 1 MiB of stored batches of 1 KiB records, as a broker would serve them. */
function storedBatches(totalBytes: number): Buffer {
  const batches: Buffer[] = [];
  let size = 0;
  let offset = 0n;
  while (size < totalBytes) {
    const records = Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({ key: `key-${i}`, value: VALUE_1K, headers: [{ key: 'h', value: 'x' }] }));
    const b = encodeUncompressedRecordBatch({ records, baseOffset: offset, partitionLeaderEpoch: 0 });
    batches.push(b);
    size += b.length;
    offset += BigInt(RECORDS_PER_BATCH);
  }
  return Buffer.concat(batches);
}

function fetchResponseBody(version: number, records: Buffer) {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [
      {
        topic: 'bench',
        partitions: [{ partitionIndex: 0, errorCode: 0, highWatermark: 1_000_000n, lastStableOffset: 1_000_000n, logStartOffset: 0n, abortedTransactions: [], preferredReadReplica: -1, records }],
      },
    ],
  };
}

/** Bytes per second through a loopback socket to another process, for scale. */
async function loopbackBandwidth(seconds = 1.5): Promise<Measurement> {
  const sink = fork(new URL('./sink.ts', import.meta.url).pathname, [], { execArgv: ['--conditions=sluice:source'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => sink.once('message', (m) => resolve(Number(m))));
  const socket = createConnection({ port, host: '127.0.0.1' });
  await new Promise((resolve) => socket.once('connect', resolve));
  const chunk = Buffer.alloc(1 << 20);
  let sent = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve));
    sent += chunk.length;
  }
  const elapsed = (performance.now() - start) / 1000;
  socket.on('error', () => {});
  socket.destroy();
  sink.kill();
  return { name: 'loopback TCP', opsPerSecond: sent / chunk.length / elapsed, megabytesPerSecond: sent / elapsed / 1e6 };
}

const records = storedBatches(1 << 20);
console.log(`fetch response: ${(records.length / 1048576).toFixed(2)} MiB of ${RECORDS_PER_BATCH}-record batches of 1 KiB records`);

const tcp = await loopbackBandwidth();

// --- Fetch response, v11 (KafkaJS) and v12 (platformatic): frame decode and full record decode.
const v11 = Buffer.concat(encodeResponse(Apis.Fetch, 11, 1, fetchResponseBody(11, records))).subarray(8); // size + correlation id
const v12frame = Buffer.concat(encodeResponse(Apis.Fetch, 12, 1, fetchResponseBody(12, records))).subarray(4);
const v12body = v12frame.subarray(5); // correlation id + empty tagged fields
const fetchRows = [
  await measure('sluice: decode frame (records stay bytes)', v12frame.length, () => decodeResponse(Apis.Fetch, 12, v12frame)),
  await measure('sluice: decode frame + every record', v12frame.length, async () => {
    const res = decodeResponse(Apis.Fetch, 12, v12frame);
    return decodeRecordBatches(res.body.responses[0].partitions[0].records!, { verifyCrc: true });
  }),
  await measure('KafkaJS 2.2.4: decode v11 + every record', v11.length, () => kafkajsFetch.decode(v11)),
  await measure('@platformatic/kafka 2.12.1: parse v12 + every record', v12body.length, () => platformaticFetch.parseResponse(1, 1, 12, PlatformaticReader.from(v12body))),
  await measure('sluice: encode (broker side)', v12frame.length, () => encodeResponse(Apis.Fetch, 12, 1, fetchResponseBody(12, records))),
];
printTable('Fetch response (1 MiB)', [...fetchRows, tcp], tcp);
printTable('Fetch response, full decode, against KafkaJS', [fetchRows[1], fetchRows[2]], fetchRows[2]);
printTable('Fetch response, full decode, against @platformatic/kafka', [fetchRows[1], fetchRows[3]], fetchRows[3]);

// --- Produce request: records to a request frame.
const produceMessages = Array.from({ length: 256 }, (_, i) => ({ key: Buffer.from(`key-${i}`), value: VALUE_1K, headers: { h: 'x' } }));
const produceBytes = 256 * (1024 + 10);
const ourProduce = async () => {
  const batch = await encodeRecordBatch({ records: produceMessages.map((m) => ({ key: m.key, value: m.value, headers: [{ key: 'h', value: 'x' }] })) });
  return encodeRequest(Apis.Produce, 9, 1, 'bench', { acks: -1, timeoutMs: 30000, topicData: [{ name: 'bench', partitionData: [{ index: 0, records: batch }] }] });
};
const produceRows = [
  await measure('sluice: records → Produce v9 frame', produceBytes, ourProduce),
  await measure('KafkaJS 2.2.4: records → Produce v7', produceBytes, async () => {
    const req = kafkajsProduce({ acks: -1, timeout: 30000, compression: 0, topicData: [{ topic: 'bench', partitions: [{ partition: 0, firstSequence: 0, messages: produceMessages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) }] }] });
    return (await req.encode()).buffer;
  }),
  await measure('@platformatic/kafka 2.12.1: records → Produce v9', produceBytes, () =>
    platformaticProduce.createRequest(-1, 30000, produceMessages.map((m) => ({ topic: 'bench', partition: 0, key: m.key, value: m.value, headers: new Map([[Buffer.from('h'), Buffer.from('x')]]) }))).buffer,
  ),
];
printTable('Produce request (256 records of 1 KiB)', [...produceRows, tcp], produceRows[1]);
printTable('Produce request against @platformatic/kafka', produceRows.slice(0, 1).concat(produceRows[2]), produceRows[2]);

// --- Produce request, broker side: the frame decoded and its batch validated as the broker does
// before appending (frame, magic, CRC-32C, counts, then every record walked on the raw bytes,
// compressed batches decompressed once). No peer here decodes Produce requests (KafkaJS and
// @platformatic/kafka are clients), so the scales are the loopback socket and the CRC-only check.
async function produceFrameOf(records: { key: Buffer; value: Buffer; headers?: { key: string; value: string }[] }[], compression: CompressionType): Promise<Buffer> {
  const batch = await encodeRecordBatch({ records, compression });
  const frame = encodeRequest(Apis.Produce, 9, 1, 'bench', { acks: -1, timeoutMs: 30000, topicData: [{ name: 'bench', partitionData: [{ index: 0, records: batch }] }] });
  return Buffer.concat(frame).subarray(4); // without the size prefix
}
const VALUE_100 = Buffer.alloc(100, 'v');
const produceCases = [
  { label: '256 records of 1 KiB', records: produceMessages.map((m) => ({ key: m.key, value: m.value, headers: [{ key: 'h', value: 'x' }] })), compression: CompressionType.None },
  { label: '1,000 records of 100 B', records: Array.from({ length: 1000 }, (_, i) => ({ key: Buffer.from(`key-${i}`), value: VALUE_100 })), compression: CompressionType.None },
  { label: '1,000 records of 100 B, lz4', records: Array.from({ length: 1000 }, (_, i) => ({ key: Buffer.from(`key-${i}`), value: VALUE_100 })), compression: CompressionType.Lz4 },
  { label: '1,000 records of 100 B, gzip', records: Array.from({ length: 1000 }, (_, i) => ({ key: Buffer.from(`key-${i}`), value: VALUE_100 })), compression: CompressionType.Gzip },
  { label: '1,000 records of 100 B, zstd', records: Array.from({ length: 1000 }, (_, i) => ({ key: Buffer.from(`key-${i}`), value: VALUE_100 })), compression: CompressionType.Zstd },
];
for (const c of produceCases) {
  const frame = await produceFrameOf(c.records, c.compression);
  const recordBytes = c.records.reduce((n, r) => n + r.key.length + r.value.length, 0); // the producer's payload, before compression
  const partitionRecords = (f: Buffer) => (decodeRequest(f).body as { topicData: { partitionData: { records: Buffer | null }[] }[] }).topicData[0].partitionData[0].records!;
  const rows = [
    await measure('sluice: decode Produce v9 frame (records stay bytes)', recordBytes, () => decodeRequest(frame)),
    // The floor: what the broker checked before records were validated (frame, header and CRC).
    await measure('sluice: decode + CRC-32C of the batch only', recordBytes, () => {
      const batch = partitionRecords(frame);
      return crc32c(batch.subarray(Offsets.attributes));
    }),
    await measure('sluice: decode + validate every record', recordBytes, () => validateBatchesAndRecords(partitionRecords(frame))),
  ];
  printTable(`Produce request, broker side (${c.label}; MB/s of keys and values)`, [...rows, tcp], tcp);
  console.log(`  full validation runs at ${(rows[2].opsPerSecond / rows[1].opsPerSecond).toFixed(2)}× the CRC-only rate`);
}

// --- Record batch parsing, 1 KiB records.
const oneBatch = records.subarray(0, records.readInt32BE(8) + 12);
const batchRows = [
  await measure('sluice: decodeRecordBatch', oneBatch.length, () => decodeRecordBatch(oneBatch)),
  await measure('KafkaJS 2.2.4: RecordBatch decoder', oneBatch.length, () => kafkajsRecordBatch(new KafkajsDecoder(oneBatch))),
  await measure('@platformatic/kafka 2.12.1: readRecordsBatch', oneBatch.length, () => platformaticRecords.readRecordsBatch(PlatformaticReader.from(oneBatch))),
];
printTable(`Record batch parsing (${RECORDS_PER_BATCH} records of 1 KiB)`, batchRows, batchRows[1]);
printTable('Record batch parsing against @platformatic/kafka', [batchRows[0], batchRows[2]], batchRows[2]);
