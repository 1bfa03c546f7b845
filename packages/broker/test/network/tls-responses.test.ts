// Responses over TLS leave in pieces (response-writer.ts): a large response is cut, small ones
// and the ends of large ones are joined across response boundaries. Pipelined fetches with
// responses from a few bytes to several MiB, mixed with small requests, must come back over TLS
// complete, in order and byte for byte as the plaintext listener answers the same requests, with
// the records that were produced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { connect as netConnect, type Socket } from 'node:net';
import { Apis, FrameDecoder, decodeRecordBatches, decodeResponse, encodeRequest, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, fetchRequestV12, makeCertificates } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { startBroker } from '../../src/index.ts';
import { PIECE_BYTES, cutIntoPieces } from '../../src/network/response-writer.ts';

test('cutIntoPieces: the same bytes in order, pieces of the size, views within a chunk', () => {
  const random = new Random(20);
  for (let round = 0; round < 200; round++) {
    const size = random.pick([1, 7, 64, 1000]);
    const chunks = Array.from({ length: random.int(0, 12) }, () => random.bytes(random.pick([0, 1, 3, 63, 64, 65, random.int(0, 3000)])));
    const pieces = cutIntoPieces(chunks, size);
    assert.deepEqual(Buffer.concat(pieces), Buffer.concat(chunks));
    pieces.forEach((p, i) => assert.ok(i === pieces.length - 1 ? p.length > 0 && p.length <= size : p.length === size, `piece ${i} of ${pieces.length}: ${p.length} bytes, size ${size}`));
  }
  const big = Buffer.alloc(3 * PIECE_BYTES + 10);
  const [first, second] = cutIntoPieces([big], PIECE_BYTES);
  assert.equal(first!.buffer, big.buffer, 'a piece within one chunk is a view of it, not a copy');
  assert.equal(second!.byteOffset, big.byteOffset + PIECE_BYTES);
});

/** The value of the record at `offset` of `partition`: its size varies, its bytes say where it belongs. */
function valueOf(partition: number, offset: number, random: Random): Buffer {
  const value = Buffer.alloc(random.pick([100, 20_000, 150_000, 400_000]), (partition * 31 + offset) % 251);
  value.writeUInt32BE(partition, 0);
  value.writeUInt32BE(offset, 4);
  return value;
}

/** Writes `requests` at once on a fresh connection and collects `count` response frames (reading only after a pause, so the broker meets a full socket). */
async function answers(socket: Socket, requests: Buffer[], count: number): Promise<Buffer[]> {
  const decoder = new FrameDecoder(1 << 30);
  const frames: Buffer[] = [];
  socket.pause();
  const done = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      frames.push(...decoder.push(chunk));
      if (frames.length >= count) resolve();
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`connection closed after ${frames.length} of ${count} responses`)));
  });
  socket.write(Buffer.concat(requests));
  await new Promise((r) => setTimeout(r, 300));
  socket.resume();
  await done;
  socket.destroy();
  return frames;
}

test('pipelined fetches of up to several MiB come back over TLS complete, in order and as over plaintext', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-tls-responses-'));
  const certs = await makeCertificates(dir);
  const broker = await startBroker({
    port: 0,
    dataDir: join(dir, 'data'),
    log: { info: () => {}, warn: () => {}, error: () => {} } as never,
    config: { listeners: 'PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0', 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': certs.brokerKeyStore },
  });
  try {
    const random = new Random(7);
    const PARTITIONS = 3;
    const RECORDS = 24;
    const admin = await RawConnection.open(broker.listeners.PLAINTEXT!.port);
    await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: PARTITIONS, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    const values: Buffer[][] = [];
    for (let p = 0; p < PARTITIONS; p++) {
      values.push([]);
      for (let o = 0; o < RECORDS; o++) {
        const value = valueOf(p, o, random);
        values[p]!.push(value);
        const produced = await admin.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: p, records: encodeUncompressedRecordBatch({ records: [{ value }] }) }] }] });
        assert.equal(produced.responses[0].partitionResponses[0].errorCode, 0);
      }
    }
    admin.close();

    // Fetches of one batch (KIP-74) to several MiB, a small request between some of them.
    const requests: Buffer[] = [];
    const wanted: { correlationId: number; fetch?: { partition: number; fetchOffset: bigint }[] }[] = [];
    for (let i = 0; i < 40; i++) {
      const correlationId = 1000 + i;
      if (random.chance(0.25)) {
        requests.push(...encodeRequest(Apis.ApiVersions, 3, correlationId, 'tls-test', { clientSoftwareName: 'tls-test', clientSoftwareVersion: '1' }));
        wanted.push({ correlationId });
        continue;
      }
      const partitions = Array.from({ length: PARTITIONS }, (_, p) => p)
        .filter(() => random.chance(0.7))
        .map((partition) => ({ partition, fetchOffset: BigInt(random.int(0, RECORDS - 1)), partitionMaxBytes: random.pick([1, 64 * 1024, 1 << 20, 4 << 20]) }));
      requests.push(...encodeRequest(Apis.Fetch, 12, correlationId, 'tls-test', fetchRequestV12('t', partitions, { maxBytes: 50 << 20 }) as never));
      wanted.push({ correlationId, fetch: partitions });
    }

    const overTls = await answers(tlsConnect({ host: '127.0.0.1', port: broker.listeners.SSL!.port, ca: certs.ca }), requests, wanted.length);
    const overPlaintext = await answers(netConnect({ host: '127.0.0.1', port: broker.listeners.PLAINTEXT!.port }), requests, wanted.length);

    assert.deepEqual(overTls.map((f) => f.readInt32BE(0)), wanted.map((w) => w.correlationId), 'every response, in request order');
    let recordBytes = 0;
    for (const [i, frame] of overTls.entries()) {
      assert.ok(frame.equals(overPlaintext[i]!), `response ${wanted[i]!.correlationId} is the same over TLS as over plaintext`);
      const fetch = wanted[i]!.fetch;
      if (fetch === undefined) continue;
      const body = decodeResponse(Apis.Fetch, 12, frame).body;
      for (const [j, asked] of fetch.entries()) {
        const answered = body.responses[0]!.partitions[j]!;
        assert.equal(answered.partitionIndex, asked.partition);
        const batches = await decodeRecordBatches(answered.records ?? Buffer.alloc(0));
        let offset = Number(asked.fetchOffset);
        for (const batch of batches) {
          assert.equal(batch.header.baseOffset, BigInt(offset), `partition ${asked.partition} from ${asked.fetchOffset}: batches in order from the offset`);
          assert.ok(batch.records[0]!.value!.equals(values[asked.partition]![offset]!), `the record at ${offset} of partition ${asked.partition}`);
          recordBytes += batch.records[0]!.value!.length;
          offset++;
        }
      }
    }
    assert.ok(overTls.some((f) => f.length > 4 * PIECE_BYTES) && recordBytes > 20 << 20, 'responses of many pieces were read');
  } finally {
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
