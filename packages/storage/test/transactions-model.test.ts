// A seeded model test of transactions on a partition: random interleavings of transactional and
// plain appends from several producers, commits and aborts (transaction versions 0 and 2), plain
// batches inside an open transaction (refused), segment rolls, clean restarts, power cuts (with a
// marker or a batch in flight, lost), and truncations. After every step the log's last stable
// offset, open transactions and aborted-transaction answers must equal those of a plain list of
// what the log holds, replayed. On real files (a few scenarios) the power cut becomes an unclean
// stop, which the next open must scan. SEED=<n> replays one scenario; SLUICE_TXN_MODEL_SCENARIOS=<n> runs more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FileSystem, MemoryFileSystem, NodeFileSystem, type PartitionLog, ProducerStateError } from '../src/index.ts';
import { Random } from '@sluice/test-kit/random';
import { batch, openLog, txnBatch } from './helpers.ts';

const SCENARIOS = Number(process.env.SLUICE_TXN_MODEL_SCENARIOS ?? 40);
const STEPS = 160;
const PRODUCERS = [1n, 2n, 3n, 4n];

/** One batch of the log as the model keeps it. */
type Entry =
  | { kind: 'plain'; first: bigint; last: bigint }
  | { kind: 'data'; first: bigint; last: bigint; producerId: bigint; epoch: number; firstSeq: number; lastSeq: number; transactional: boolean }
  | { kind: 'marker'; first: bigint; last: bigint; producerId: bigint; epoch: number; commit: boolean };

interface Replayed {
  open: Map<bigint, bigint>;
  aborted: { producerId: bigint; firstOffset: bigint; markerOffset: bigint }[];
  producers: Map<bigint, { epoch: number; nextSeq: number }>;
}

/** The reference: what the entries mean, replayed in order. */
function replay(entries: readonly Entry[]): Replayed {
  const r: Replayed = { open: new Map(), aborted: [], producers: new Map() };
  for (const e of entries) {
    if (e.kind === 'plain') continue;
    if (e.kind === 'data') {
      r.producers.set(e.producerId, { epoch: e.epoch, nextSeq: e.lastSeq + 1 });
      if (e.transactional && !r.open.has(e.producerId)) r.open.set(e.producerId, e.first);
      continue;
    }
    const p = r.producers.get(e.producerId);
    if (p === undefined || p.epoch !== e.epoch) r.producers.set(e.producerId, { epoch: e.epoch, nextSeq: 0 });
    const first = r.open.get(e.producerId);
    if (first !== undefined && !e.commit) r.aborted.push({ producerId: e.producerId, firstOffset: first, markerOffset: e.first });
    r.open.delete(e.producerId);
  }
  return r;
}

const byOffset = (a: { producerId: bigint; firstOffset: bigint }, b: { producerId: bigint; firstOffset: bigint }) =>
  a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : Number(a.producerId - b.producerId);

function check(log: PartitionLog, entries: readonly Entry[], random: Random, where: string): void {
  const model = replay(entries);
  const end = entries.length > 0 ? entries[entries.length - 1].last + 1n : 0n;
  assert.equal(log.logEndOffset, end, `${where}: log end`);
  assert.equal(log.highWatermark, end, `${where}: every append awaited is durable`);
  let lso = end;
  for (const first of model.open.values()) if (first < lso) lso = first;
  assert.equal(log.lastStableOffset, lso, `${where}: last stable offset`);
  for (const p of PRODUCERS) assert.equal(log.hasOngoingTransaction(p), model.open.has(p), `${where}: producer ${p} open`);
  const open = new Map(log.activeProducers().filter((p) => p.currentTxnStartOffset >= 0n).map((p) => [p.producerId, p.currentTxnStartOffset]));
  assert.deepEqual(open, model.open, `${where}: DescribeProducers' open transactions`);
  for (let i = 0; i < 6; i++) {
    const a = BigInt(random.int(0, Number(end)));
    const b = BigInt(random.int(0, Number(end)));
    const [fetchOffset, upperBound] = a <= b ? [a, b] : [b, a];
    const expected = model.aborted.filter((t) => t.markerOffset >= fetchOffset && t.firstOffset < upperBound).map(({ producerId, firstOffset }) => ({ producerId, firstOffset }));
    assert.deepEqual(log.abortedTransactions(fetchOffset, upperBound).sort(byOffset), expected.sort(byOffset), `${where}: aborted in [${fetchOffset}, ${upperBound})`);
  }
}

async function scenario(seed: number, realDir?: string): Promise<{ markers: number; aborted: number; restarts: number; cuts: number; survived: number; truncations: number }> {
  const random = new Random(seed);
  const memory = new MemoryFileSystem();
  const fs: FileSystem = realDir === undefined ? memory : new NodeFileSystem();
  const dir = realDir === undefined ? '/data/t-0' : join(realDir, `t-${seed}`);
  const config = { 'segment.bytes': String(random.int(200, 799)) };
  const open = () => openLog(fs, config, () => 1_700_000_000_000, dir);
  let log = await open();
  const entries: Entry[] = [];
  const stats = { markers: 0, aborted: 0, restarts: 0, cuts: 0, survived: 0, truncations: 0 };
  const state = (p: bigint) => replay(entries).producers.get(p) ?? { epoch: 0, nextSeq: 0 };

  for (let step = 0; step < STEPS; step++) {
    const where = `seed ${seed} step ${step}`;
    const roll = random.next();
    const producerId = random.pick(PRODUCERS);
    const { epoch, nextSeq } = state(producerId);
    const inTransaction = replay(entries).open.has(producerId);
    const count = random.int(1, 3);
    const values = Array.from({ length: count }, (_, i) => `s${seed}-${step}-${i}`);
    if (roll < 0.32) {
      const r = await log.append(txnBatch(values, { producerId, epoch, seq: nextSeq }));
      entries.push({ kind: 'data', first: r.baseOffset, last: r.lastOffset, producerId, epoch, firstSeq: nextSeq, lastSeq: nextSeq + count - 1, transactional: true });
    } else if (roll < 0.42) {
      const appended = log.append(batch(values, { producerId, epoch, seq: nextSeq }));
      if (inTransaction) {
        await assert.rejects(appended, (e: unknown) => e instanceof ProducerStateError && e.errorCode === ErrorCode.INVALID_TXN_STATE, where);
      } else {
        const r = await appended;
        entries.push({ kind: 'data', first: r.baseOffset, last: r.lastOffset, producerId, epoch, firstSeq: nextSeq, lastSeq: nextSeq + count - 1, transactional: false });
      }
    } else if (roll < 0.5) {
      const r = await log.append(batch(values));
      entries.push({ kind: 'plain', first: r.baseOffset, last: r.lastOffset });
    } else if (roll < 0.72) {
      // Transaction version 2 bumps the epoch with every marker; version 0/1 keeps it.
      const tv = random.chance(0.5) ? 2 : 0;
      const commit = random.chance(0.5);
      const m = { producerId, producerEpoch: tv === 2 ? epoch + 1 : epoch, coordinatorEpoch: 0, commit, transactionVersion: tv };
      const { offset } = await log.appendMarker(m);
      entries.push({ kind: 'marker', first: offset, last: offset, producerId, epoch: m.producerEpoch, commit });
      stats.markers++;
      if (inTransaction && !commit) stats.aborted++;
    } else if (roll < 0.77) {
      log.roll();
      await log.checkpointed();
    } else if (roll < 0.83) {
      await log.close();
      log = await open();
      stats.restarts++;
    } else if (roll < 0.9 && realDir !== undefined) {
      // No power to cut on a real disk: an unclean stop, which the next open scans.
      await log.close();
      await fs.remove(`${dir}/.clean-shutdown`);
      log = await open();
      stats.cuts++;
    } else if (roll < 0.9) {
      // The power goes before the write, the sync, or a later step of a marker or batch in flight
      // (a disk may have written back some of its unsynced pages): after recovery it is wholly
      // there or wholly not, and the model takes it only if it is.
      const end = log.logEndOffset;
      const m = { producerId, producerEpoch: epoch, coordinatorEpoch: 0, commit: random.chance(0.5), transactionVersion: 0 };
      const isMarker = random.chance(0.5);
      memory.scheduleCrash(random.int(0, 2), () => random.next());
      await (isMarker ? log.appendMarker(m) : log.append(txnBatch(values, { producerId, epoch, seq: nextSeq }))).catch(() => {});
      if (!memory.crashed) memory.powerLoss(() => random.next());
      memory.restart();
      log = await open();
      if (log.logEndOffset > end) {
        const last = log.logEndOffset - 1n;
        entries.push(isMarker ? { kind: 'marker', first: end, last, producerId, epoch, commit: m.commit } : { kind: 'data', first: end, last, producerId, epoch, firstSeq: nextSeq, lastSeq: nextSeq + count - 1, transactional: true });
        stats.survived++;
      }
      stats.cuts++;
    } else if (entries.length > 0) {
      const keep = Math.max(0, entries.length - 1 - random.int(0, 3));
      const to = entries[keep]?.first ?? entries[entries.length - 1].last + 1n;
      await log.truncateTo(to);
      entries.splice(keep);
      stats.truncations++;
    }
    check(log, entries, random, where);
  }
  await log.close();
  return stats;
}

test(`${SCENARIOS} seeded scenarios: LSO, open transactions and aborted lists match a replayed reference`, async () => {
  const seeds = process.env.SEED !== undefined ? [Number(process.env.SEED)] : Array.from({ length: SCENARIOS }, (_, i) => i + 1);
  const totals = { markers: 0, aborted: 0, restarts: 0, cuts: 0, survived: 0, truncations: 0 };
  for (const seed of seeds) {
    const s = await scenario(seed);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
  }
  // The scenarios must exercise what they claim to.
  assert.ok(totals.aborted > 20 && totals.restarts > 10 && totals.cuts > 10 && totals.survived > 0 && totals.cuts > totals.survived && totals.truncations > 10, JSON.stringify(totals));
  console.log(`transactions model: ${seeds.length} scenarios x ${STEPS} steps`, totals);
});

test('the same on real files (5 scenarios, unclean stops instead of power cuts)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sluice-txn-model-'));
  try {
    for (let seed = 1001; seed <= 1005; seed++) await scenario(seed, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
