// Garbage, truncated frames, a frame claiming 2 GiB, unknown API keys and versions: the broker
// answers or closes that connection, and keeps serving a producer on another connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, Writer, encodeRequestHeader, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function header(apiKey: number, apiVersion: number, correlationId = 1): Buffer {
  const w = new Writer();
  encodeRequestHeader(w, { apiKey, apiVersion, correlationId, clientId: 'evil' }, 1);
  return w.finish();
}

async function closesOrAnswers(port: number, bytes: Buffer): Promise<'closed' | 'answered'> {
  const c = await RawConnection.open(port);
  try {
    await c.send(bytes);
    return 'answered';
  } catch {
    return 'closed';
  } finally {
    c.close();
  }
}

test('bad input closes only the offending connection', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const producer = await RawConnection.open(broker.port);
    await producer.request(Apis.CreateTopics, 7, { topics: [{ name: 'steady', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    let produced = 0;
    const produce = async () => {
      const r = await producer.request(Apis.Produce, 9, { acks: -1, timeoutMs: 1000, topicData: [{ name: 'steady', partitionData: [{ index: 0, records: encodeUncompressedRecordBatch({ records: [{ value: `v${produced}` }] }) }] }] });
      assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
      assert.equal(r.responses[0].partitionResponses[0].baseOffset, BigInt(produced++));
    };
    await produce();
    const attacks: [string, Buffer, 'closed' | 'answered'][] = [
      ['random garbage', frame(Buffer.from('this is not a kafka request at all!')), 'closed'],
      ['an empty frame', Buffer.from([0, 0, 0, 0]), 'closed'],
      ['a frame claiming 2 GiB', Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3]), 'closed'],
      ['a negative frame size', Buffer.from([0xff, 0xff, 0xff, 0xf0]), 'closed'],
      ['a header cut short', frame(Buffer.from([0, 3, 0])), 'closed'],
      ['an unknown API key', frame(header(999, 0)), 'closed'],
      ['Metadata v99', frame(header(3, 99)), 'closed'],
      ['Produce v1, advertised but refused as in Kafka 4', frame(header(0, 1)), 'closed'],
      ['a truncated Metadata body', frame(Buffer.concat([header(3, 8), Buffer.from([0, 0, 0, 5, 0])])), 'closed'],
      ['ApiVersions v99 gets the KIP-511 answer', frame(header(18, 99)), 'answered'],
    ];
    for (const [what, bytes, expected] of attacks) {
      assert.equal(await closesOrAnswers(broker.port, bytes), expected, what);
      await produce();
    }
    // A frame that never completes does not hold up anyone else.
    const stuck = await RawConnection.open(broker.port);
    stuck.socket.write(Buffer.from([0, 0, 1, 0, 0, 3]));
    await produce();
    stuck.close();
    producer.close();
  } finally {
    await broker.close();
  }
});

test('ApiVersions at an unknown version answers v0 with our range (KIP-511)', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const c = await RawConnection.open(broker.port);
    const reply = await c.send(frame(Buffer.concat([header(18, 99, 7)])));
    // v0 response header (correlation id) then error code 35 and the ApiVersions range.
    assert.equal(reply.readInt32BE(0), 7);
    assert.equal(reply.readInt16BE(4), ErrorCode.UNSUPPORTED_VERSION);
    assert.equal(reply.readInt32BE(6), 1);
    assert.deepEqual([reply.readInt16BE(10), reply.readInt16BE(12), reply.readInt16BE(14)], [18, 0, 4]);
    c.close();
  } finally {
    await broker.close();
  }
});

test('an empty frame is closed with a reason, and bad requests are logged at a bounded rate with every one counted', async () => {
  const warnings: string[] = [];
  const broker = await startBroker({ port: 0, log: { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) } });
  const started = Date.now();
  let elapsedMs: number;
  try {
    assert.equal(await closesOrAnswers(broker.port, Buffer.from([0, 0, 0, 0])), 'closed');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^closing 127\.0\.0\.1:\d+: request frame of 0 bytes is too short for a header$/);
    for (let i = 0; i < 300; i++) assert.equal(await closesOrAnswers(broker.port, frame(header(999, 0))), 'closed');
  } finally {
    elapsedMs = Date.now() - started;
    await broker.close(); // writes the counts still held back
  }
  const shown = warnings.filter((w) => w.startsWith('closing '));
  const counted = warnings.map((w) => /^(\d+) more bad request warnings? in the last 10 s \(not shown\)$/.exec(w)).filter((m) => m !== null);
  assert.equal(shown.length + counted.reduce((sum, m) => sum + Number(m[1]), 0), 301, 'every bad request is shown or counted');
  assert.equal(shown.length + counted.length, warnings.length, 'nothing else was logged');
  // At most a shown line and a count per 10 s interval, however slow the machine was.
  assert.ok(warnings.length <= 2 * (Math.ceil(elapsedMs / 10_000) + 1), `${warnings.length} lines in ${elapsedMs} ms`);
});
