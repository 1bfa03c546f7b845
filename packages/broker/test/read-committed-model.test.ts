// A seeded model of read_committed over random logs: three transactional producers and plain
// batches interleave at random, transactions commit, abort, stay open or end empty, in segments of
// a random small size. The log is written through storage (appendMarker for the coordinator's
// markers) into a data folder the broker then opens; readers started at offsets across the log,
// with one-batch, middling and large budgets, filter what Fetch returns as Kafka's consumer does.
// Each must see exactly what the model says is visible: plain records and records of committed
// transactions, below the first offset of the earliest open transaction; then again after a
// restart once every open transaction has been ended by a marker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ErrorCode, decodeRecordBatches, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { LogManager, NodeFileSystem } from '@sluice/storage';
import { type FetchedAbortedTransaction, RawConnection, fetchRequestV12, readCommittedRecords } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import { startBroker } from '../src/index.ts';

const TOPIC = 'model';
const PRODUCERS = [11n, 12n, 13n];

interface Model {
  /** What each data record is: its value and whether a read_committed reader may see it. */
  records: Map<number, { value: string; visible: () => boolean }>;
  /** The open transactions: their outcome cell and first offset, by producer. */
  open: Map<bigint, { outcome: { committed: boolean | null }; first: number }>;
  logEnd: number;
  lastStable: number;
}

function lastStableOf(model: Model): number {
  const firstOpen = Math.min(...[...model.open.values()].map((t) => t.first));
  return Number.isFinite(firstOpen) ? firstOpen : model.logEnd;
}

/** Writes a random log and returns what a reader must see of it. */
async function writeRandomLog(dataDir: string, rnd: Random, steps: number): Promise<Model> {
  const logs = await LogManager.open({ fs: new NodeFileSystem(), dataDir, maintenanceIntervalMs: 0 });
  const records = new Map<number, { value: string; visible: () => boolean }>();
  /** Per producer: its open transaction's outcome cell and first offset, and its next sequence. */
  const open = new Map<bigint, { outcome: { committed: boolean | null }; first: number }>();
  const sequence = new Map<bigint, number>(PRODUCERS.map((p) => [p, 0]));
  let offset = 0;
  try {
    await logs.createTopic(TOPIC, 1, { 'segment.bytes': String(rnd.int(120, 600)) });
    const log = logs.log(TOPIC, 0)!;
    for (let i = 0; i < steps; i++) {
      const roll = rnd.next();
      const producerId = rnd.pick(PRODUCERS);
      if (roll < 0.3) {
        const values = Array.from({ length: rnd.int(1, 3) }, (_, j) => `plain-${i}-${j}`);
        await log.append(encodeUncompressedRecordBatch({ records: values.map((value) => ({ value })) }));
        for (const value of values) records.set(offset++, { value, visible: () => true });
      } else if (roll < 0.75) {
        let txn = open.get(producerId);
        if (txn === undefined) open.set(producerId, (txn = { outcome: { committed: null }, first: offset }));
        const outcome = txn.outcome;
        const values = Array.from({ length: rnd.int(1, 3) }, (_, j) => `txn-${producerId}-${i}-${j}`);
        const seq = sequence.get(producerId)!;
        sequence.set(producerId, seq + values.length);
        await log.append(encodeUncompressedRecordBatch({ records: values.map((value) => ({ value })), transactional: true, producerId, producerEpoch: 0, baseSequence: seq }));
        for (const value of values) records.set(offset++, { value, visible: () => outcome.committed === true });
      } else {
        // A marker: it ends the producer's transaction, or none when it has none open (an empty one).
        const commit = rnd.chance(0.5);
        await log.appendMarker({ producerId, producerEpoch: 0, coordinatorEpoch: 0, commit, transactionVersion: 0 });
        const txn = open.get(producerId);
        if (txn !== undefined) txn.outcome.committed = commit;
        open.delete(producerId);
        offset++;
      }
    }
  } finally {
    await logs.close();
  }
  const model: Model = { records, open, logEnd: offset, lastStable: 0 };
  model.lastStable = lastStableOf(model);
  return model;
}

/** Ends every open transaction with a marker, at random commit or abort. */
async function endOpenTransactions(dataDir: string, rnd: Random, model: Model): Promise<void> {
  const logs = await LogManager.open({ fs: new NodeFileSystem(), dataDir, maintenanceIntervalMs: 0 });
  try {
    const log = logs.log(TOPIC, 0)!;
    for (const [producerId, txn] of model.open) {
      const commit = rnd.chance(0.5);
      await log.appendMarker({ producerId, producerEpoch: 0, coordinatorEpoch: 0, commit, transactionVersion: 0 });
      txn.outcome.committed = commit;
      model.logEnd++;
    }
  } finally {
    await logs.close();
  }
  model.open.clear();
  model.lastStable = lastStableOf(model);
}

async function readCommitted(c: RawConnection, from: bigint, budget: number): Promise<string[]> {
  const seen: string[] = [];
  let position = from;
  for (let fetches = 0; fetches < 10_000; fetches++) {
    const r = await c.request(Apis.Fetch, 12, fetchRequestV12(TOPIC, [{ fetchOffset: position, partitionMaxBytes: budget }], { isolationLevel: 1 }));
    const p = r.responses[0].partitions[0];
    assert.equal(p.errorCode, ErrorCode.NONE);
    const batches = await decodeRecordBatches(p.records);
    if (batches.length === 0) return seen;
    for (const rec of readCommittedRecords(batches, p.abortedTransactions as FetchedAbortedTransaction[], position)) seen.push(rec.value!.toString());
    const last = batches.at(-1)!;
    position = last.header.baseOffset + BigInt(last.header.lastOffsetDelta) + 1n;
  }
  throw new Error(`no end of reading from ${from}`);
}

for (const seed of [1, 2, 3, 4]) {
  test(`read_committed over a random transactional log (seed ${seed})`, { timeout: 300_000 }, async () => {
    const rnd = new Random(seed);
    const dataDir = await mkdtemp(join(tmpdir(), 'sluice-read-committed-model-'));
    const model = await writeRandomLog(dataDir, rnd, 80);
    try {
      // Once with transactions left open, then again after a restart with all of them ended.
      for (const phase of ['some transactions open', 'every transaction ended']) {
        if (phase === 'every transaction ended') await endOpenTransactions(dataDir, rnd, model);
        const broker = await startBroker({ port: 0, dataDir });
        const c = await RawConnection.open(broker.port);
        try {
          const expectedFrom = (from: number) => [...model.records].filter(([o, r]) => o >= from && o < model.lastStable && r.visible()).map(([, r]) => r.value);
          const probe = await c.request(Apis.Fetch, 12, fetchRequestV12(TOPIC, [{}], { isolationLevel: 1 }));
          assert.equal(probe.responses[0].partitions[0].lastStableOffset, BigInt(model.lastStable), `${phase}: the LSO is the earliest open transaction's first offset, else the end`);
          assert.equal(probe.responses[0].partitions[0].highWatermark, BigInt(model.logEnd));
          for (let from = 0; from <= model.logEnd; from++) {
            assert.deepEqual(await readCommitted(c, BigInt(from), 1 << 20), expectedFrom(from), `seed ${seed}, ${phase}, from ${from}, whole`);
            if (from % 5 === 0 || rnd.chance(0.2)) {
              for (const budget of [1, rnd.int(60, 400)]) assert.deepEqual(await readCommitted(c, BigInt(from), budget), expectedFrom(from), `seed ${seed}, ${phase}, from ${from}, budget ${budget}`);
            }
          }
        } finally {
          c.close();
          await broker.close();
        }
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}
