// read_committed on the broker's read side: Fetch stops at the last stable offset (LSO), reports the
// aborted transactions a reader needs to drop what it was given, and ListOffsets answers the LSO.
// The partition's transactions are written through storage's own append and appendMarker into a
// data folder the broker then opens (the coordinator's part, which decides when markers are
// written, is tested with it elsewhere): an open transaction holds the LSO across a restart, a
// commit marker written while the broker is down releases it at the next start.
//
// A reader is run from every offset with a one-batch budget (every batch boundary, and the
// segment boundaries of a topic with tiny segments) and with a large one, filtering as Kafka's
// consumer does (CompletedFetch): it must see exactly the committed and plain records below the
// LSO, whatever the aborted list holds beyond what it was given.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ControlRecordType, ErrorCode, decodeControlKey, decodeRecordBatches, encodeUncompressedRecordBatch, isControl, isTransactional } from '@sluice/protocol';
import { LogManager, NodeFileSystem } from '@sluice/storage';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';
import { startBroker, type Broker } from '../src/index.ts';
import { BrokerConfig } from '../src/config/broker-config.ts';
import { DelayedOperations } from '../src/delayed/delayed-operations.ts';
import { TopicManager } from '../src/topics/topic-manager.ts';
import { partitionKey } from '../src/core.ts';

const TOPIC = 'txn';
const P1 = 1001n;
const P2 = 1002n;
const NOW = BigInt(Date.now());

interface Step {
  /** A batch: its producer (none for a plain batch) and values; or a marker. */
  values?: string[];
  producerId?: bigint;
  seq?: number;
  marker?: { producerId: bigint; commit: boolean };
}

// Offsets in comments. P1 aborts twice, P2 commits once and leaves a transaction open.
const STEPS: Step[] = [
  { values: ['a0'] }, // 0
  { values: ['p1-0', 'p1-1'], producerId: P1, seq: 0 }, // 1-2
  { values: ['a1'] }, // 3
  { values: ['p2-0'], producerId: P2, seq: 0 }, // 4
  { values: ['p1-2'], producerId: P1, seq: 2 }, // 5
  { marker: { producerId: P1, commit: false } }, // 6: aborts 1..6 (P2 open from 4)
  { values: ['p2-1'], producerId: P2, seq: 1 }, // 7
  { marker: { producerId: P2, commit: true } }, // 8
  { values: ['p1-3'], producerId: P1, seq: 3 }, // 9
  { values: ['a2'] }, // 10
  { marker: { producerId: P1, commit: false } }, // 11: aborts 9..11
  { values: ['p2-2'], producerId: P2, seq: 2 }, // 12: left open
  { values: ['a3'] }, // 13
];
/** What a read_committed reader may see while P2's last transaction is open (LSO 12), by offset. */
const VISIBLE_WHILE_OPEN: [number, string][] = [[0, 'a0'], [3, 'a1'], [4, 'p2-0'], [7, 'p2-1'], [10, 'a2']];
/** And once it is committed by a marker at 14 (LSO 15). */
const VISIBLE_AFTER_COMMIT: [number, string][] = [...VISIBLE_WHILE_OPEN, [12, 'p2-2'], [13, 'a3']];

function batchOf(step: Step, i: number): Buffer {
  const transactional = step.producerId !== undefined;
  return encodeUncompressedRecordBatch({
    records: step.values!.map((value, j) => ({ value, timestamp: NOW - 100_000n + BigInt(i * 1000 + j) })),
    transactional,
    producerId: step.producerId ?? -1n,
    producerEpoch: transactional ? 0 : -1,
    baseSequence: step.seq ?? -1,
  });
}

/** Writes the steps into `topic` of a fresh data folder (optionally with its own topic configs). */
async function writeLog(dataDir: string, topic: string, configs: Record<string, string>, steps: Step[]): Promise<void> {
  const logs = await LogManager.open({ fs: new NodeFileSystem(), dataDir, maintenanceIntervalMs: 0 });
  try {
    if (logs.topic(topic) === undefined) await logs.createTopic(topic, 1, configs);
    const log = logs.log(topic, 0)!;
    for (const [i, step] of steps.entries()) {
      if (step.marker) await log.appendMarker({ ...step.marker, producerEpoch: 0, coordinatorEpoch: 0, transactionVersion: 0 });
      else await log.append(batchOf(step, i));
    }
  } finally {
    await logs.close();
  }
}

type FetchedPartition = { errorCode: number; highWatermark: bigint; lastStableOffset: bigint; abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null; records: Buffer | null };

async function fetchOne(c: RawConnection, topic: string, fetchOffset: bigint, partitionMaxBytes: number, isolationLevel = 1, partition = 0): Promise<FetchedPartition> {
  const r = await c.request(Apis.Fetch, 12, fetchRequestV12(topic, [{ partition, fetchOffset, partitionMaxBytes }], { isolationLevel }));
  return r.responses[0].partitions[0];
}

/**
 * Reads from `from` to the LSO as Kafka's consumer does: batches of producers in the aborted
 * list (from the batch on which their first offset falls) are dropped until their ABORT marker,
 * control batches are skipped, and the position moves past every batch returned.
 */
async function readCommitted(c: RawConnection, topic: string, from: bigint, partitionMaxBytes: number): Promise<[number, string][]> {
  const seen: [number, string][] = [];
  let position = from;
  for (let fetches = 0; fetches < 100; fetches++) {
    const p = await fetchOne(c, topic, position, partitionMaxBytes);
    assert.equal(p.errorCode, ErrorCode.NONE);
    const batches = await decodeRecordBatches(p.records ?? Buffer.alloc(0));
    if (batches.length === 0) {
      assert.ok(position >= p.lastStableOffset, `nothing returned at ${position} below the LSO ${p.lastStableOffset}`);
      assert.deepEqual(p.abortedTransactions, [], 'nothing returned, nothing to drop');
      return seen;
    }
    const aborted = [...p.abortedTransactions!].sort((a, b) => Number(a.firstOffset - b.firstOffset));
    const dropping = new Set<bigint>();
    for (const b of batches) {
      const last = b.header.baseOffset + BigInt(b.header.lastOffsetDelta);
      assert.ok(last < p.lastStableOffset, `batch ending at ${last} returned at or above the LSO ${p.lastStableOffset}`);
      while (aborted.length > 0 && aborted[0].firstOffset <= last) dropping.add(aborted.shift()!.producerId);
      if (isControl(b.header.attributes)) {
        if (decodeControlKey(b.records[0].key).type === ControlRecordType.Abort) dropping.delete(b.header.producerId);
      } else if (!(isTransactional(b.header.attributes) && dropping.has(b.header.producerId))) {
        for (const r of b.records) if (r.offset >= position) seen.push([Number(r.offset), r.value!.toString()]);
      }
      position = last + 1n;
    }
  }
  throw new Error(`no end of reading from ${from}`);
}

describe('read_committed fetch and list offsets over transactions', { timeout: 120_000 }, () => {
  let dataDir: string;
  let broker: Broker | undefined;
  let c: RawConnection | undefined;

  const start = async () => {
    broker = await startBroker({ port: 0, dataDir });
    c = await RawConnection.open(broker.port);
  };
  const stop = async () => {
    c?.close();
    await broker?.close();
    broker = undefined;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sluice-read-committed-'));
    await writeLog(dataDir, TOPIC, {}, STEPS);
    // The same log in segments of about two batches: transactions straddle segments, and an
    // aborted transaction is indexed in the segment of its marker, after the one it starts in.
    await writeLog(dataDir, 'txn-segments', { 'segment.bytes': '200' }, STEPS);
    await start();
  });
  after(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('an open transaction holds the last stable offset at its first batch', async () => {
    const committed = await fetchOne(c!, TOPIC, 0n, 1 << 20);
    assert.equal(committed.highWatermark, 14n);
    assert.equal(committed.lastStableOffset, 12n);
    const batches = await decodeRecordBatches(committed.records!);
    assert.equal(batches.at(-1)!.header.baseOffset, 11n, 'the last batch returned is the marker at 11, below the open transaction');
    assert.deepEqual(committed.abortedTransactions, [{ producerId: P1, firstOffset: 1n }, { producerId: P1, firstOffset: 9n }]);

    const uncommitted = await fetchOne(c!, TOPIC, 0n, 1 << 20, 0);
    assert.equal(uncommitted.lastStableOffset, 12n, 'answered at both levels');
    assert.equal(uncommitted.abortedTransactions, null, 'no list for read_uncommitted');
    const all = await decodeRecordBatches(uncommitted.records!);
    assert.equal(all.at(-1)!.header.baseOffset, 13n, 'read_uncommitted reads to the high watermark');
    assert.equal(all.filter((b) => isControl(b.header.attributes)).length, 3, 'control batches are returned');

    const atLso = await fetchOne(c!, TOPIC, 12n, 1 << 20);
    assert.equal(atLso.records!.length, 0);
    assert.deepEqual(atLso.abortedTransactions, [], 'nothing returned: an empty list');
    const outOfRange = await fetchOne(c!, TOPIC, 100n, 1 << 20);
    assert.equal(outOfRange.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    assert.equal(outOfRange.abortedTransactions, null, 'a read that failed carries no list');
  });

  test('the aborted list names what was returned, from a one-batch budget to the whole log', async () => {
    // One batch from offset 5 (P1's second batch): the transaction started at 1 is listed; the
    // one starting at 9 is not in the data returned and is not listed.
    const one = await fetchOne(c!, TOPIC, 5n, 1);
    assert.equal((await decodeRecordBatches(one.records!)).length, 1);
    assert.deepEqual(one.abortedTransactions, [{ producerId: P1, firstOffset: 1n }]);
    // From 7 the first abort (marker at 6) is over.
    assert.deepEqual((await fetchOne(c!, TOPIC, 7n, 1 << 20)).abortedTransactions, [{ producerId: P1, firstOffset: 9n }]);
    assert.deepEqual((await fetchOne(c!, TOPIC, 7n, 1)).abortedTransactions, [], 'one batch at 7: P2\'s, nothing aborted in it');
  });

  for (const topic of [TOPIC, 'txn-segments']) {
    test(`a reader from every offset of ${topic} sees exactly the committed records below the LSO`, async () => {
      for (let from = 0; from <= 14; from++) {
        const expected = VISIBLE_WHILE_OPEN.filter(([o]) => o >= from);
        for (const budget of [1, 1 << 20]) assert.deepEqual(await readCommitted(c!, topic, BigInt(from), budget), expected, `from ${from}, budget ${budget}`);
      }
    });
  }

  test('the tiny-segment topic really has transactions across segments', async () => {
    const files = await readdir(join(dataDir, 'txn-segments-0'));
    assert.ok(files.filter((f) => f.endsWith('.log')).length >= 5, `segments: ${files.join(' ')}`);
  });

  test('ListOffsets: latest is the LSO for read_committed, the high watermark otherwise; timestamps only below it', async () => {
    const list = async (isolationLevel: number, timestamp: bigint) => {
      const r = await c!.request(Apis.ListOffsets, 7, { replicaId: -1, isolationLevel, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp }] }] });
      const p = r.topics[0].partitions[0];
      assert.equal(p.errorCode, ErrorCode.NONE);
      return p.offset as bigint;
    };
    assert.equal(await list(1, -1n), 12n);
    assert.equal(await list(0, -1n), 14n);
    const ofA3 = NOW - 100_000n + 12_000n; // step 12 wrote a3 (offset 13)
    assert.equal(await list(0, ofA3), 13n);
    assert.equal(await list(1, ofA3), -1n, 'a3 is above the LSO');
    const ofA2 = NOW - 100_000n + 9_000n;
    assert.equal(await list(1, ofA2), 10n);
  });

  test('a commit marker written while the broker was down releases the LSO at the next start', async () => {
    await stop();
    for (const topic of [TOPIC, 'txn-segments']) await writeLog(dataDir, topic, {}, [{ marker: { producerId: P2, commit: true } }]);
    await start();
    const p = await fetchOne(c!, TOPIC, 0n, 1 << 20);
    assert.equal(p.lastStableOffset, 15n);
    assert.equal(p.highWatermark, 15n);
    for (const topic of [TOPIC, 'txn-segments']) {
      for (const from of [0, 9, 12, 14]) {
        for (const budget of [1, 1 << 20]) assert.deepEqual(await readCommitted(c!, topic, BigInt(from), budget), VISIBLE_AFTER_COMMIT.filter(([o]) => o >= from), `${topic} from ${from}, budget ${budget}`);
      }
    }
  });
});

test('a read_committed wait on a partition wakes when a marker moves the last stable offset', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-lso-wake-'));
  const logs = await LogManager.open({ fs: new NodeFileSystem(), dataDir, maintenanceIntervalMs: 0 });
  const delayed = new DelayedOperations();
  try {
    const topics = new TopicManager(logs, new BrokerConfig(), delayed);
    await topics.create(TOPIC, { partitions: 1, configs: {} });
    const partition = topics.partition(TOPIC, 0)!;
    await partition.append(batchOf({ values: ['t0'], producerId: P1, seq: 0 }, 0), true);
    assert.equal(partition.lastStableOffset, 0n);
    // The wait's condition is what a read_committed fetch checks: data below the LSO.
    const woken = delayed.wait([partitionKey(TOPIC, 0)], 60_000, () => partition.lastStableOffset > 0n);
    await partition.appendMarker({ producerId: P1, producerEpoch: 0, coordinatorEpoch: 0, commit: true, transactionVersion: 0 });
    assert.equal(await woken, true, 'woken by the marker, not by its time running out');
    assert.equal(partition.lastStableOffset, 2n);
  } finally {
    delayed.expireAll();
    await logs.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
