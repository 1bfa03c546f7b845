// Transactions on the produce and read paths, by raw requests, the same bytes to Apache Kafka 4.3.1
// and to Sluice with the same assertions (the expected values are Kafka's answers):
// - two transactional producers and a plain one interleave on one partition; an open transaction
//   holds the last stable offset (LSO) of read_committed Fetch and ListOffsets, committed data
//   appears once its marker is written, and a reader started at every offset, with a one-batch
//   budget and a large one, sees exactly the plain and committed records below the LSO;
// - the same over segment boundaries (segments of 1 MiB, Kafka's smallest, and batches of about
//   300 KB, so an aborted transaction starts in one segment and is indexed in the next);
// - Produce refusals: transactional records without a transactional id, to a partition not added
//   to the transaction (by version: INVALID_TXN_STATE before v11, TRANSACTION_ABORTABLE from
//   v11), from a fenced epoch, a plain batch inside the producer's open transaction; nothing is
//   written; Produce v12 adds the partition itself (KIP-890);
// - a read_committed fetch waiting at the LSO is answered when the marker moves it.
//
// Differences left as they are: Kafka bounds the aborted-transaction search by the offset index
// entry after the bytes returned (or the segment's end), so it may list aborted transactions beyond
// what it returned; Sluice lists those whose data may be in what it returned. The assertions compare
// the part a reader needs (first offset below the end of the data returned), and check that Sluice
// lists nothing else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, type RecordBatch, decodeRecordBatches, encodeUncompressedRecordBatch, errorName } from '@sluice/protocol';
import { RawConnection, eventually, fetchRequestV12, rawTargets, readCommittedRecords, untilAccepted } from '@sluice/test-kit';

const TOPIC = 'txn-rw';
const BIG = 'txn-rw-segments';
const WAIT = 'txn-rw-wait';
const SEGMENT_BYTES = 1_048_576;
const BIG_VALUE_BYTES = 300_000;

type Aborted = { producerId: bigint; firstOffset: bigint };
type FetchedPartition = { errorCode: number; highWatermark: bigint; lastStableOffset: bigint; abortedTransactions: Aborted[] | null; records: Buffer | null };

interface TxnProducer {
  id: string;
  producerId: bigint;
  producerEpoch: number;
  /** Next sequence per partition key. */
  sequences: Map<string, number>;
}

for (const target of rawTargets) {
  describe(`transactions on the produce and read paths on ${target.name}`, { timeout: 600_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;
    const isSluice = target.name === 'Sluice';

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
      const created = await c.request(Apis.CreateTopics, 7, {
        topics: [
          { name: TOPIC, numPartitions: 3, replicationFactor: 1, assignments: [], configs: [] },
          { name: BIG, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'segment.bytes', value: String(SEGMENT_BYTES) }] },
          { name: WAIT, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
        ],
        timeoutMs: 30_000,
      });
      for (const t of created.topics) assert.equal(t.errorCode, 0, `create ${t.name}: ${errorName(t.errorCode)}`);
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    async function initProducer(id: string): Promise<TxnProducer> {
      await untilAccepted('find the transaction coordinator', () => c.request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: [id] }), (r) => r.coordinators[0].errorCode);
      const r = await untilAccepted(
        `InitProducerId ${id}`,
        () => c.request(Apis.InitProducerId, 4, { transactionalId: id, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 }),
        (r) => r.errorCode,
      );
      return { id, producerId: r.producerId, producerEpoch: r.producerEpoch, sequences: new Map() };
    }

    async function addPartition(p: TxnProducer, topic: string, partition: number): Promise<void> {
      await untilAccepted(
        `AddPartitionsToTxn ${p.id} ${topic}-${partition}`,
        () => c.request(Apis.AddPartitionsToTxn, 3, { transactions: [], v3AndBelowTransactionalId: p.id, v3AndBelowProducerId: p.producerId, v3AndBelowProducerEpoch: p.producerEpoch, v3AndBelowTopics: [{ name: topic, partitions: [partition] }] }),
        (r) => r.resultsByTopicV3AndBelow[0].resultsByPartition[0].partitionErrorCode,
      );
    }

    function batch(values: string[], p?: TxnProducer, key = '', sequence?: number): Buffer {
      const seq = p === undefined ? -1 : (sequence ?? p.sequences.get(key) ?? 0);
      if (p !== undefined && sequence === undefined) p.sequences.set(key, seq + values.length);
      return encodeUncompressedRecordBatch({
        records: values.map((value) => ({ value })),
        transactional: p !== undefined,
        producerId: p?.producerId ?? -1n,
        producerEpoch: p?.producerEpoch ?? -1,
        baseSequence: seq,
      });
    }

    async function produce(version: number, transactionalId: string | null, topic: string, partition: number, records: Buffer): Promise<{ errorCode: number; baseOffset: bigint }> {
      const r = await c.request(Apis.Produce, version, { transactionalId, acks: -1, timeoutMs: 30_000, topicData: [{ name: topic, partitionData: [{ index: partition, records }] }] });
      return r.responses[0].partitionResponses[0];
    }

    /** Appends and checks the offset it got (the scenario's offsets are the same on both brokers). */
    async function append(topic: string, partition: number, values: string[], p: TxnProducer | undefined, expectedOffset: number, version = 9): Promise<void> {
      const r = await produce(version, p?.id ?? null, topic, partition, batch(values, p, `${topic}-${partition}`));
      assert.equal(r.errorCode, ErrorCode.NONE, `append of ${values.join(',')}: ${errorName(r.errorCode)}`);
      assert.equal(r.baseOffset, BigInt(expectedOffset), `offset of ${values[0]}`);
    }

    async function endTxn(p: TxnProducer, commit: boolean, version = 3): Promise<any> {
      return untilAccepted(`EndTxn ${p.id} ${commit ? 'commit' : 'abort'}`, () => c.request(Apis.EndTxn, version, { transactionalId: p.id, producerId: p.producerId, producerEpoch: p.producerEpoch, committed: commit }), (r) => r.errorCode);
    }

    async function fetchOne(topic: string, fetchOffset: bigint, partitionMaxBytes: number, isolationLevel = 1, partition = 0): Promise<FetchedPartition> {
      const r = await c.request(Apis.Fetch, 12, fetchRequestV12(topic, [{ partition, fetchOffset, partitionMaxBytes }], { isolationLevel, maxBytes: 52_428_800 }));
      return r.responses[0].partitions[0];
    }

    /** Waits for the markers the coordinator writes after EndTxn: the high watermark reaches `offset`. */
    async function highWatermarkReaches(topic: string, offset: number, partition = 0): Promise<void> {
      await eventually(`${topic}-${partition} high watermark at ${offset}`, async () => (await fetchOne(topic, 0n, 1, 0, partition)).highWatermark === BigInt(offset));
    }

    /** What a read_committed fetch answers, with the aborted list cut to what a reader needs. */
    async function committedView(topic: string, from: bigint, budget: number) {
      const p = await fetchOne(topic, from, budget);
      assert.equal(p.errorCode, ErrorCode.NONE);
      const batches = await decodeRecordBatches(p.records ?? Buffer.alloc(0));
      const end = batches.length === 0 ? from : batches.at(-1)!.header.baseOffset + BigInt(batches.at(-1)!.header.lastOffsetDelta) + 1n;
      const aborted = p.abortedTransactions ?? [];
      const needed = aborted.filter((a) => a.firstOffset < end);
      if (isSluice) assert.deepEqual(aborted, needed, `Sluice lists only what it returned (from ${from}, budget ${budget})`);
      return {
        highWatermark: p.highWatermark,
        lastStableOffset: p.lastStableOffset,
        batches: batches.map((b) => b.header.baseOffset),
        aborted: needed.map((a) => `${a.firstOffset}`).sort(),
        visible: visibleRecords(batches, aborted, from),
      };
    }

    async function listLatest(topic: string, isolationLevel: number): Promise<bigint> {
      return listOffset(topic, isolationLevel, -1n);
    }

    async function listOffset(topic: string, isolationLevel: number, timestamp: bigint): Promise<bigint> {
      const r = await c.request(Apis.ListOffsets, 7, { replicaId: -1, isolationLevel, topics: [{ name: topic, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp }] }] });
      assert.equal(r.topics[0].partitions[0].errorCode, ErrorCode.NONE);
      return r.topics[0].partitions[0].offset;
    }

    let t1: TxnProducer;
    let t2: TxnProducer;

    test('interleaved transactions: the LSO, the aborted list and a reader from every offset', async () => {
      t1 = await initProducer('wp3-t1');
      t2 = await initProducer('wp3-t2');
      await append(TOPIC, 0, ['a0'], undefined, 0);
      await addPartition(t1, TOPIC, 0);
      await append(TOPIC, 0, ['t1-0', 't1-1'], t1, 1);
      await append(TOPIC, 0, ['a1'], undefined, 3);
      await addPartition(t2, TOPIC, 0);
      await append(TOPIC, 0, ['t2-0'], t2, 4);
      await append(TOPIC, 0, ['t1-2'], t1, 5);
      const open = await committedView(TOPIC, 0n, 1 << 20);
      assert.equal(open.highWatermark, 6n);
      assert.equal(open.lastStableOffset, 1n, 'held at t1\'s first batch');
      assert.deepEqual(open.batches, [0n]);
      assert.equal(await listLatest(TOPIC, 1), 1n);
      assert.equal(await listLatest(TOPIC, 0), 6n);

      await endTxn(t1, false); // marker at 6
      await highWatermarkReaches(TOPIC, 7);
      const afterAbort = await committedView(TOPIC, 0n, 1 << 20);
      assert.equal(afterAbort.lastStableOffset, 4n, 'now held at t2\'s first batch');
      await append(TOPIC, 0, ['t2-1'], t2, 7);
      await endTxn(t2, true); // marker at 8
      await highWatermarkReaches(TOPIC, 9);
      assert.equal((await committedView(TOPIC, 0n, 1 << 20)).lastStableOffset, 9n, 'committed data appears with its marker');
      await addPartition(t1, TOPIC, 0);
      await append(TOPIC, 0, ['t1-3'], t1, 9);
      await append(TOPIC, 0, ['a2'], undefined, 10);
      await endTxn(t1, false); // marker at 11
      await highWatermarkReaches(TOPIC, 12);
      await addPartition(t2, TOPIC, 0);
      await append(TOPIC, 0, ['t2-2'], t2, 12); // left open
      await append(TOPIC, 0, ['a3'], undefined, 13);

      const whole = await committedView(TOPIC, 0n, 1 << 20);
      assert.equal(whole.highWatermark, 14n);
      assert.equal(whole.lastStableOffset, 12n);
      assert.deepEqual(whole.aborted, ['1', '9']);
      assert.equal(await listLatest(TOPIC, 1), 12n);
      assert.equal(await listLatest(TOPIC, 0), 14n);
      const visible = [[0, 'a0'], [3, 'a1'], [4, 't2-0'], [7, 't2-1'], [10, 'a2']];
      for (let from = 0; from <= 14; from++) {
        for (const budget of [1, 1 << 20]) {
          assert.deepEqual(await readCommitted(TOPIC, BigInt(from), budget), visible.filter(([o]) => (o as number) >= from), `reader from ${from}, budget ${budget}`);
        }
      }
      // One batch at a time from each offset: what each answer holds, including the aborted list.
      const answers = [];
      for (let from = 0; from <= 14; from++) answers.push(await committedView(TOPIC, BigInt(from), 1));
      assert.deepEqual(
        answers.map((a) => `${a.batches.join(',')}|${a.aborted.join(',')}`),
        ['0|', '1|1', '1|1', '3|1', '4|1', '5|1', '6|1', '7|', '8|', '9|9', '10|9', '11|9', '|', '|', '|'],
      );
      const uncommitted = await fetchOne(TOPIC, 0n, 1 << 20, 0);
      assert.equal(uncommitted.abortedTransactions, null, 'read_uncommitted: no list');
      for (const isolationLevel of [0, 1]) {
        const unknown = await fetchOne(TOPIC, 0n, 1 << 20, isolationLevel, 9);
        assert.equal(unknown.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        assert.deepEqual(unknown.abortedTransactions, [], 'a partition unknown before reading: the answer\'s default, an empty list');
        const outOfRange = await fetchOne(TOPIC, 100n, 1 << 20, isolationLevel);
        assert.equal(outOfRange.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
        assert.equal(outOfRange.abortedTransactions, null, 'a read that failed: no list');
      }
      assert.equal(uncommitted.lastStableOffset, 12n);

      // A lookup by time finds the first batch (data or marker) reaching it, and read_committed
      // only answers offsets below the LSO.
      const stored = await decodeRecordBatches(uncommitted.records!);
      const a3 = stored.find((b) => b.header.baseOffset === 13n)!.records[0].timestamp;
      const reaching = stored.flatMap((b) => b.records).find((r) => r.timestamp >= a3)!.offset;
      assert.ok(reaching >= 12n);
      assert.equal(await listOffset(TOPIC, 0, a3), reaching);
      assert.equal(await listOffset(TOPIC, 1, a3), -1n, 'above the LSO');
      const a2 = stored.find((b) => b.header.baseOffset === 10n)!.records[0].timestamp;
      const reachingA2 = stored.flatMap((b) => b.records).find((r) => r.timestamp >= a2)!.offset;
      assert.equal(await listOffset(TOPIC, 1, a2), reachingA2 < 12n ? reachingA2 : -1n);

      await endTxn(t2, true); // marker at 14
      await highWatermarkReaches(TOPIC, 15);
      assert.equal((await committedView(TOPIC, 12n, 1 << 20)).lastStableOffset, 15n);
      assert.deepEqual(await readCommitted(TOPIC, 9n, 1), [[10, 'a2'], [12, 't2-2'], [13, 'a3']]);
    });

    test('an aborted transaction across a segment boundary is found from its first segment', async () => {
      const big = (tag: string) => [tag.padEnd(BIG_VALUE_BYTES, '.')];
      const t3 = await initProducer('wp3-t3');
      await addPartition(t3, BIG, 0);
      // Three 300 KB batches fill most of the first 1 MiB segment; the transaction's next batch
      // and its marker go to the second.
      await append(BIG, 0, big('p0'), undefined, 0);
      await append(BIG, 0, big('p1'), undefined, 1);
      await append(BIG, 0, big('t3-0'), t3, 2);
      await append(BIG, 0, big('t3-1'), t3, 3);
      await append(BIG, 0, big('p2'), undefined, 4);
      await endTxn(t3, false); // marker at 5
      await highWatermarkReaches(BIG, 6);
      await append(BIG, 0, big('p3'), undefined, 6);
      const answers = [];
      for (let from = 0; from <= 7; from++) answers.push(await committedView(BIG, BigInt(from), 1));
      assert.deepEqual(
        answers.map((a) => `${a.batches.join(',')}|${a.aborted.join(',')}`),
        ['0|', '1|', '2|2', '3|2', '4|2', '5|2', '6|', '|'],
      );
      for (let from = 0; from <= 7; from++) {
        for (const budget of [1, 1 << 20]) {
          const seen = (await readCommitted(BIG, BigInt(from), budget)).map(([o]) => o);
          assert.deepEqual(seen, [0, 1, 4, 6].filter((o) => o >= from), `reader from ${from}, budget ${budget}`);
        }
      }
    });

    test('Produce refusals: no transactional id, a partition not added, a fenced epoch; nothing is written', async () => {
      const t4 = await initProducer('wp3-t4');
      const before = (await fetchOne(TOPIC, 0n, 1, 0, 1)).highWatermark;
      const noId = await produce(9, null, TOPIC, 1, batch(['x'], t4, 'no-id'));
      assert.equal(noId.errorCode, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
      const notAdded9 = await produce(9, t4.id, TOPIC, 1, batch(['x'], t4, 'v9', 0));
      assert.equal(errorName(notAdded9.errorCode), 'INVALID_TXN_STATE', 'v9: the partition was not added');
      const notAdded11 = await produce(11, t4.id, TOPIC, 1, batch(['x'], t4, 'v11', 0));
      assert.equal(errorName(notAdded11.errorCode), 'TRANSACTION_ABORTABLE', 'v11 knows TRANSACTION_ABORTABLE');
      const stale = { ...t4 };
      const bumped = await initProducer('wp3-t4');
      assert.equal(bumped.producerId, t4.producerId);
      assert.equal(bumped.producerEpoch, t4.producerEpoch + 1);
      await addPartition(bumped, TOPIC, 1);
      const fenced = await produce(9, stale.id, TOPIC, 1, batch(['x'], stale, 'fenced', 0));
      assert.equal(errorName(fenced.errorCode), 'INVALID_PRODUCER_EPOCH', 'the old epoch is fenced');
      assert.equal((await fetchOne(TOPIC, 0n, 1, 0, 1)).highWatermark, before, 'nothing written');
      // With its transaction open on the partition, the producer's plain (idempotent) batch is refused.
      await append(TOPIC, 1, ['in-txn'], bumped, Number(before));
      const plain = encodeUncompressedRecordBatch({ records: [{ value: 'plain' }], producerId: bumped.producerId, producerEpoch: bumped.producerEpoch, baseSequence: 1 });
      assert.equal(errorName((await produce(9, bumped.id, TOPIC, 1, plain)).errorCode), 'INVALID_TXN_STATE');
      await endTxn(bumped, false);
    });

    test('Produce v12 adds the partition to the transaction itself (transactions version 2)', async () => {
      const t5 = await initProducer('wp3-t5');
      await append(TOPIC, 2, ['v2-0'], t5, 0, 12);
      assert.equal((await fetchOne(TOPIC, 0n, 1 << 20, 1, 2)).lastStableOffset, 0n, 'open, holding the LSO');
      const ended = await endTxn(t5, true, 5);
      assert.equal(ended.producerEpoch, t5.producerEpoch + 1, 'EndTxn v5 bumps the epoch');
      await highWatermarkReaches(TOPIC, 2, 2);
      assert.equal((await fetchOne(TOPIC, 0n, 1 << 20, 1, 2)).lastStableOffset, 2n);
    });

    test('a read_committed fetch waiting at the LSO is answered when the commit marker moves it', { timeout: 120_000 }, async () => {
      const t6 = await initProducer('wp3-t6');
      await addPartition(t6, WAIT, 0);
      await append(WAIT, 0, ['w0'], t6, 0);
      // On its own connection (answers on one come in order); it would wait far beyond the test's
      // timeout if the marker did not wake it.
      const waiter = await RawConnection.open(broker.port);
      try {
        const answer = waiter.request(Apis.Fetch, 12, fetchRequestV12(WAIT, [{ fetchOffset: 0n }], { isolationLevel: 1, maxWaitMs: 600_000, minBytes: 1 }));
        await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'sluice-test', clientSoftwareVersion: '1' }); // a round trip for the fetch to arrive
        await endTxn(t6, true);
        const p: FetchedPartition = (await answer).responses[0].partitions[0];
        assert.equal(p.lastStableOffset, 2n);
        assert.deepEqual(visibleRecords(await decodeRecordBatches(p.records!), p.abortedTransactions!, 0n), [[0, 'w0']]);
      } finally {
        waiter.close();
      }
    });

    /** Reads from `from` to the LSO as Kafka's consumer filters (CompletedFetch): [offset, value] seen. */
    async function readCommitted(topic: string, from: bigint, budget: number): Promise<[number, string][]> {
      const seen: [number, string][] = [];
      let position = from;
      for (let fetches = 0; fetches < 100; fetches++) {
        const p = await fetchOne(topic, position, budget);
        const batches = await decodeRecordBatches(p.records ?? Buffer.alloc(0));
        if (batches.length === 0) return seen;
        for (const [offset, value] of visibleRecords(batches, p.abortedTransactions ?? [], position)) seen.push([offset, value]);
        const last = batches.at(-1)!;
        position = last.header.baseOffset + BigInt(last.header.lastOffsetDelta) + 1n;
      }
      throw new Error(`no end of reading ${topic} from ${from}`);
    }
  });
}

/** The records Kafka's consumer keeps from `batches` given the aborted list, at or after `from`: offset and the value's first 8 characters. */
function visibleRecords(batches: readonly RecordBatch[], aborted: readonly Aborted[], from: bigint): [number, string][] {
  return readCommittedRecords(batches, aborted, from).map((r) => [Number(r.offset), r.value!.toString().slice(0, 8)]);
}
