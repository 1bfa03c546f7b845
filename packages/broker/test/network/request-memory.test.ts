// queued.max.request.bytes: eight connections each start a large request and never finish it.
// The broker reserves each request's size before reading its body, so what it holds stays within
// the limit, the connections that do not fit wait unread, and everyone else is still served. A
// large request held back is read once memory is given back: nothing waits forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '../../src/index.ts';
import { eventually, RawConnection } from '@sluice/test-kit';

const KiB = 1024;
const MAX_REQUEST = 1024 * KiB;
const LIMIT = 2 * MAX_REQUEST;
const CLAIMED = 900 * KiB;

function unfinishedFrame(claimed: number, sent: number): Buffer {
  const b = Buffer.alloc(4 + sent, 7);
  b.writeInt32BE(claimed, 0);
  return b;
}

test('requests in flight stay within queued.max.request.bytes and other clients are served', { timeout: 120_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'socket.request.max.bytes': String(MAX_REQUEST), 'queued.max.request.bytes': String(LIMIT) } });
  try {
    const producer = await RawConnection.open(broker.port);
    await producer.request(Apis.CreateTopics, 7, { topics: [{ name: 'steady', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    let produced = 0;
    const produce = async (value = `v${produced}`) => {
      const r = await producer.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 'steady', partitionData: [{ index: 0, records: encodeUncompressedRecordBatch({ records: [{ value }] }) }] }] });
      assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
      assert.equal(r.responses[0].partitionResponses[0].baseOffset, BigInt(produced++));
    };

    const attackers = await Promise.all(Array.from({ length: 8 }, () => RawConnection.open(broker.port)));
    for (const a of attackers) a.socket.write(unfinishedFrame(CLAIMED, 100 * KiB));
    // Two requests of 900 KiB fit in 2 MiB; the other six wait without being read.
    await eventually('six connections waiting for memory', () => broker.network.connectionsWaitingForMemory === 6);
    assert.equal(broker.network.requestBytesReserved, 2 * CLAIMED);

    // Everyone else is served from what is left, over and over.
    for (let i = 0; i < 20; i++) await produce();
    const other = await RawConnection.open(broker.port);
    await other.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(broker.network.connectionsWaitingForMemory, 6);

    // A large produce request that does not fit waits its turn behind the six, and is not refused.
    const big = produce('x'.repeat(500 * KiB));
    await eventually('seven connections waiting for memory', () => broker.network.connectionsWaitingForMemory === 7);

    // Finishing a request gives its memory back to the next in line: the attackers send the rest
    // of their garbage; the two being read are closed for it, the next two are read, and so on,
    // until the big produce request has been read and answered.
    for (const a of attackers) a.socket.write(Buffer.alloc(CLAIMED - 100 * KiB, 7));
    await big;
    await eventually('no connection waiting and every attacker closed', () => broker.network.connectionsWaitingForMemory === 0 && attackers.every((a) => a.closed));
    await eventually('no request bytes reserved', () => broker.network.requestBytesReserved === 0);
    assert.ok(broker.network.requestBytesPeak <= LIMIT, `peak ${broker.network.requestBytesPeak} is within ${LIMIT}`);
    await produce();
    other.close();
    producer.close();
  } finally {
    await broker.close();
  }
});

test('queued.max.request.bytes below socket.request.max.bytes is refused at start, -1 is no limit', async () => {
  await assert.rejects(
    startBroker({ port: 0, config: { 'socket.request.max.bytes': '2097152', 'queued.max.request.bytes': '1048576' } }),
    /queued\.max\.request\.bytes \(1048576\) must be at least socket\.request\.max\.bytes \(2097152\), or -1 for no limit/,
  );
  const broker = await startBroker({ port: 0, config: { 'queued.max.request.bytes': '-1' } });
  try {
    assert.equal(broker.network.requestBytesLimit, Infinity);
  } finally {
    await broker.close();
  }
});
