// Transactions on a partition: open transactions and the last stable offset, markers and their
// refusals, the aborted-transaction index (.txnindex) and its search, across restarts, power cuts,
// truncation, retention and compaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, encodeTransactionMarkerBatch } from '@sluice/protocol';
import { LogManager, MemoryFileSystem, ProducerStateError, StorageError, compactLog, writeFileAtomic } from '../src/index.ts';
import { mkdirDurable } from '../src/fs/types.ts';
import { batch, openLog, readAll, txnBatch } from './helpers.ts';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const marker = (producerId: bigint, commit: boolean, o: { epoch?: number; coordinatorEpoch?: number; tv?: number } = {}) => ({
  producerId,
  producerEpoch: o.epoch ?? 0,
  coordinatorEpoch: o.coordinatorEpoch ?? 0,
  commit,
  transactionVersion: o.tv ?? 0,
});

const refusedWith = (code: string, errorCode: number) => (e: unknown) => e instanceof ProducerStateError && e.code === code && e.errorCode === errorCode;

test('an open transaction holds the last stable offset at its first batch until its marker is durable', async () => {
  const log = await openLog(new MemoryFileSystem(), {}, () => 1234);
  await log.append(batch(['plain']));
  assert.equal(log.lastStableOffset, 1n);
  await log.append(txnBatch(['t0', 't1'], { producerId: 1n, epoch: 0, seq: 0 }));
  await log.append(batch(['after']));
  await log.append(txnBatch(['t2'], { producerId: 1n, epoch: 0, seq: 2 }));
  assert.equal(log.highWatermark, 5n);
  assert.equal(log.lastStableOffset, 1n, 'held at the transaction start');
  assert.ok(log.hasOngoingTransaction(1n));
  assert.ok(!log.hasOngoingTransaction(2n));

  const lsoEvents: bigint[] = [];
  log.on('lastStableOffset', (lso: bigint) => lsoEvents.push(lso));
  const commit = log.appendMarker(marker(1n, true));
  assert.ok(!log.hasOngoingTransaction(1n), 'closed at once in producer state');
  assert.equal(log.lastStableOffset, 1n, 'but the marker is not durable yet, so the transaction still holds the LSO');
  assert.equal((await commit).offset, 5n);
  assert.equal(log.lastStableOffset, 6n);
  assert.equal(log.highWatermark, 6n);
  assert.deepEqual(lsoEvents, [6n], 'announced once it moved');
  assert.deepEqual(log.abortedTransactions(0n, 6n), [], 'a commit indexes nothing');
  assert.deepEqual(log.activeProducers(), [{ producerId: 1n, epoch: 0, lastSequence: 2, lastTimestamp: 1234n, coordinatorEpoch: 0, currentTxnStartOffset: -1n }], 'the marker\'s time, on the log\'s clock');
});

test('two producers: the earliest open transaction holds the LSO, and an abort is indexed with the LSO after it', async () => {
  const log = await openLog(new MemoryFileSystem());
  await log.append(txnBatch(['a0'], { producerId: 1n, epoch: 0, seq: 0 })); // 0
  await log.append(txnBatch(['b0'], { producerId: 2n, epoch: 0, seq: 0 })); // 1
  await log.append(txnBatch(['a1'], { producerId: 1n, epoch: 0, seq: 1 })); // 2
  assert.equal(log.lastStableOffset, 0n);
  await log.appendMarker(marker(1n, false)); // 3: aborts 0..3 while producer 2's (from 1) is open
  assert.equal(log.lastStableOffset, 1n);
  assert.deepEqual(log.abortedTransactions(0n, 4n), [{ producerId: 1n, firstOffset: 0n }]);
  assert.deepEqual(log.segments[0].txnIndex.all(), [{ producerId: 1n, firstOffset: 0n, lastOffset: 3n, lastStableOffset: 1n }]);
  await log.appendMarker(marker(2n, true)); // 4
  assert.equal(log.lastStableOffset, 5n);
  assert.deepEqual(log.abortedTransactions(4n, 5n), [], 'the aborted transaction ended before the fetch');
  assert.deepEqual(log.activeProducers().map((p) => [p.producerId, p.currentTxnStartOffset, p.coordinatorEpoch]), [[1n, -1n, 0], [2n, -1n, 0]]);
});

test('refusals: a plain batch inside an open transaction, stale marker epochs, a fenced coordinator, a repeated version-2 marker, a control batch', async () => {
  const log = await openLog(new MemoryFileSystem());
  await log.append(txnBatch(['t'], { producerId: 5n, epoch: 3, seq: 0 }));
  const end = log.logEndOffset;

  await assert.rejects(log.append(batch(['plain'], { producerId: 5n, epoch: 3, seq: 1 })), refusedWith('INVALID_TXN_STATE', ErrorCode.INVALID_TXN_STATE));
  await assert.rejects(log.appendMarker(marker(5n, true, { epoch: 2 })), refusedWith('INVALID_PRODUCER_EPOCH', ErrorCode.INVALID_PRODUCER_EPOCH));
  await assert.rejects(log.appendMarker(marker(5n, true, { epoch: 3, tv: 2 })), refusedWith('INVALID_PRODUCER_EPOCH', ErrorCode.INVALID_PRODUCER_EPOCH), 'version 2 wants a newer epoch');
  await assert.rejects(log.append(encodeTransactionMarkerBatch({ producerId: 5n, producerEpoch: 3, commit: true, coordinatorEpoch: 0 })), (e: unknown) => e instanceof StorageError && e.code === 'INVALID_RECORD');
  assert.equal(log.logEndOffset, end, 'nothing written');
  assert.ok(log.hasOngoingTransaction(5n));

  await log.appendMarker(marker(5n, false, { epoch: 4, coordinatorEpoch: 7, tv: 2 }));
  assert.ok(!log.hasOngoingTransaction(5n));
  await assert.rejects(log.appendMarker(marker(5n, false, { epoch: 4, coordinatorEpoch: 7, tv: 2 })), refusedWith('INVALID_PRODUCER_EPOCH', ErrorCode.INVALID_PRODUCER_EPOCH), 'the same marker again');
  await assert.rejects(log.appendMarker(marker(5n, false, { epoch: 5, coordinatorEpoch: 6, tv: 2 })), refusedWith('TRANSACTION_COORDINATOR_FENCED', ErrorCode.TRANSACTION_COORDINATOR_FENCED));
  // Transaction version 0/1: an equal epoch is accepted, and closes nothing.
  const again = await log.appendMarker(marker(5n, false, { epoch: 4, coordinatorEpoch: 7 }));
  assert.equal(log.segments[0].txnIndex.size, 1, 'a marker sent again indexes nothing');
  assert.equal(again.offset, end + 1n);
  // The marker's epoch is the producer's now: its next epoch-4 batch starts at 0.
  await assert.rejects(log.append(txnBatch(['x'], { producerId: 5n, epoch: 4, seq: 1 })), refusedWith('OUT_OF_ORDER_SEQUENCE_NUMBER', ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER));
  await log.append(txnBatch(['x'], { producerId: 5n, epoch: 4, seq: 0 }));
  assert.ok(log.hasOngoingTransaction(5n));
});

test('transaction version 2: a producer unknown here starts its transaction at sequence 0', async () => {
  const log = await openLog(new MemoryFileSystem());
  await assert.rejects(log.append(txnBatch(['t'], { producerId: 8n, epoch: 0, seq: 4 }), { transactionVersion: 2 }), refusedWith('OUT_OF_ORDER_SEQUENCE_NUMBER', ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER));
  await log.append(txnBatch(['t'], { producerId: 9n, epoch: 0, seq: 4 }), { transactionVersion: 1 });
  await log.append(txnBatch(['t'], { producerId: 8n, epoch: 0, seq: 0 }), { transactionVersion: 2 });
  assert.equal(log.logEndOffset, 2n);
});

test('a failed marker write reopens the transaction and indexes nothing; a failed first batch opens none', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  await log.append(txnBatch(['t'], { producerId: 1n, epoch: 0, seq: 0 }));
  fs.failNextSync();
  await assert.rejects(log.appendMarker(marker(1n, false)));
  assert.ok(log.hasOngoingTransaction(1n));
  assert.equal(log.lastStableOffset, 0n);
  assert.deepEqual(log.abortedTransactions(0n, 10n), []);
  await log.appendMarker(marker(1n, false));
  assert.deepEqual(log.abortedTransactions(0n, 10n), [{ producerId: 1n, firstOffset: 0n }]);

  fs.failNextWrite();
  await assert.rejects(log.append(txnBatch(['u'], { producerId: 2n, epoch: 0, seq: 0 })));
  assert.ok(!log.hasOngoingTransaction(2n));
  assert.equal(log.lastStableOffset, log.highWatermark);
});

test('aborted transactions are found across segments: one starting in the fetched range and aborted in a later segment', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'segment.bytes': '200' });
  await log.append(txnBatch(['a'.repeat(40)], { producerId: 1n, epoch: 0, seq: 0 })); // 0, segment 0
  for (let i = 0; i < 4; i++) await log.append(batch(['p'.repeat(60)])); // 1-4, rolling
  await log.append(txnBatch(['b'], { producerId: 2n, epoch: 0, seq: 0 })); // 5
  await log.appendMarker(marker(2n, false)); // 6
  await log.appendMarker(marker(1n, false)); // 7
  assert.ok(log.segments.length >= 3, `segments: ${log.segments.length}`);
  const markerSegment = log.segments.findIndex((s) => s.txnIndex.size > 0);
  assert.ok(markerSegment > 0);
  assert.deepEqual(log.abortedTransactions(0n, 1n), [{ producerId: 1n, firstOffset: 0n }], 'found in a later segment');
  assert.deepEqual(
    log.abortedTransactions(0n, 8n).sort((a, b) => Number(a.producerId - b.producerId)),
    [
      { producerId: 1n, firstOffset: 0n },
      { producerId: 2n, firstOffset: 5n },
    ],
  );
  assert.deepEqual(log.abortedTransactions(1n, 5n), [{ producerId: 1n, firstOffset: 0n }], 'producer 2 started after the range');
});

test('.txnindex files: Kafka\'s 34-byte entries, loaded on a clean start, rebuilt when lost, and the open transaction kept', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  await log.append(txnBatch(['a'], { producerId: 0x0102n, epoch: 0, seq: 0 })); // 0
  await log.appendMarker(marker(0x0102n, false)); // 1
  await log.append(txnBatch(['b'], { producerId: 3n, epoch: 0, seq: 0 })); // 2, left open
  await log.close();
  const bytes = await fs.readFile('/data/t-0/00000000000000000000.txnindex');
  assert.equal(bytes.toString('hex'), ['0000', '0000000000000102', '0000000000000000', '0000000000000001', '0000000000000002'].join(''));

  const clean = await openLog(fs);
  assert.deepEqual(clean.abortedTransactions(0n, 3n), [{ producerId: 0x0102n, firstOffset: 0n }]);
  assert.equal(clean.lastStableOffset, 2n, 'the open transaction came back with the snapshot');
  await clean.close();

  await fs.remove('/data/t-0/00000000000000000000.txnindex');
  const rebuilt = await openLog(fs);
  assert.deepEqual(rebuilt.abortedTransactions(0n, 3n), [{ producerId: 0x0102n, firstOffset: 0n }], 'a lost index is rebuilt from the markers');
  assert.equal(rebuilt.lastStableOffset, 2n);
  await rebuilt.close();

  await writeFileAtomic(fs, '/data/t-0/00000000000000000000.txnindex', bytes.subarray(0, 33));
  const fromTorn = await openLog(fs);
  assert.deepEqual(fromTorn.abortedTransactions(0n, 3n), [{ producerId: 0x0102n, firstOffset: 0n }], 'one that is not whole entries is rebuilt');
  await fromTorn.close();

  const newer = Buffer.from(bytes);
  newer.writeInt16BE(1, 0);
  await writeFileAtomic(fs, '/data/t-0/00000000000000000000.txnindex', newer);
  await assert.rejects(openLog(fs), (e: unknown) => e instanceof StorageError && e.code === 'STORAGE_UNSUPPORTED_FORMAT');
});

/** `fs` (instrumented) whose readFile calls of .txnindex files are listed in `txnIndexReads`. */
function watchTxnIndexReads(memory: MemoryFileSystem): { fs: InstrumentedFileSystem; txnIndexReads: string[] } {
  const txnIndexReads: string[] = [];
  const fs = new InstrumentedFileSystem(memory);
  const readFile = fs.readFile.bind(fs);
  fs.readFile = (path: string) => {
    if (path.endsWith('.txnindex')) txnIndexReads.push(path.slice(path.lastIndexOf('/') + 1));
    return readFile(path);
  };
  return { fs, txnIndexReads };
}

test('a .txnindex only for a segment with aborted transactions; a clean start opens only those, a leftover empty one is fine, and a version-1 .clean-shutdown reads them as before', async () => {
  const memory = new MemoryFileSystem();
  const log = await openLog(memory, { 'segment.bytes': '150' });
  for (let i = 0; i < 2; i++) await log.append(batch(['p'.repeat(60)]));
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 }));
  await log.appendMarker(marker(1n, false));
  for (let i = 0; i < 2; i++) await log.append(batch(['p'.repeat(60)]));
  const aborted = log.abortedTransactions(0n, log.highWatermark);
  assert.deepEqual(aborted, [{ producerId: 1n, firstOffset: 2n }]);
  const name = (base: bigint) => `${base.toString().padStart(20, '0')}.txnindex`;
  const withEntries = log.segments.filter((s) => s.txnIndex.size > 0).map((s) => name(s.baseOffset));
  const without = log.segments.filter((s) => s.txnIndex.size === 0).map((s) => name(s.baseOffset));
  assert.ok(withEntries.length === 1 && without.length >= 2, `segments with and without aborted transactions: ${withEntries} / ${without}`);
  await log.close();
  const files = (await memory.list('/data/t-0')).filter((n) => n.endsWith('.txnindex'));
  assert.deepEqual(files, withEntries, 'no .txnindex for a segment without aborted transactions');

  const clean = watchTxnIndexReads(memory);
  const reopened = await openLog(clean.fs);
  assert.deepEqual(clean.txnIndexReads, withEntries, 'only the .txnindex the clean shutdown says holds entries is read');
  assert.equal(clean.fs.readsOf((p) => p.endsWith('.log')), 0, 'no segment scanned');
  assert.deepEqual(reopened.abortedTransactions(0n, reopened.highWatermark), aborted);
  await reopened.close();

  // An empty .txnindex for every other segment, as the format before lazy creation left them.
  for (const n of without) await writeFileAtomic(memory, `/data/t-0/${n}`, Buffer.alloc(0));
  const leftover = watchTxnIndexReads(memory);
  const withLeftovers = await openLog(leftover.fs);
  assert.deepEqual(leftover.txnIndexReads, withEntries, 'the empty leftovers are not opened');
  assert.equal(leftover.fs.readsOf((p) => p.endsWith('.log')), 0, 'no segment scanned');
  assert.deepEqual(withLeftovers.abortedTransactions(0n, withLeftovers.highWatermark), aborted);
  await withLeftovers.close();

  // Version 1 does not say which segments hold entries: every .txnindex is read, as then.
  const v2 = JSON.parse((await memory.readFile('/data/t-0/.clean-shutdown')).toString()) as { version: number; segments: { abortedTxns?: number }[] };
  assert.equal(v2.version, 2);
  const v1 = { ...v2, version: 1, segments: v2.segments.map(({ abortedTxns: _, ...rest }) => rest) };
  await writeFileAtomic(memory, '/data/t-0/.clean-shutdown', Buffer.from(JSON.stringify(v1)));
  const older = watchTxnIndexReads(memory);
  const fromV1 = await openLog(older.fs);
  assert.deepEqual([...older.txnIndexReads].sort(), [...withEntries, ...without].sort(), 'every segment\'s .txnindex read');
  assert.equal(older.fs.readsOf((p) => p.endsWith('.log')), 0, 'all there: no segment scanned');
  assert.deepEqual(fromV1.abortedTransactions(0n, fromV1.highWatermark), aborted);
  await fromV1.close();

  // Version 1 beside a transactional snapshot: a missing .txnindex was lost, so the log is scanned.
  const again = JSON.parse((await memory.readFile('/data/t-0/.clean-shutdown')).toString()) as typeof v2;
  await writeFileAtomic(memory, '/data/t-0/.clean-shutdown', Buffer.from(JSON.stringify({ ...again, version: 1, segments: again.segments.map(({ abortedTxns: _, ...rest }) => rest) })));
  await memory.remove(`/data/t-0/${without[0]}`);
  const lost = watchTxnIndexReads(memory);
  const scanned = await openLog(lost.fs);
  assert.ok(lost.fs.readsOf((p) => p.endsWith('.log')) > 0, 'scanned');
  assert.deepEqual(scanned.abortedTransactions(0n, scanned.highWatermark), aborted);
  await scanned.close();
});

test('a .txnindex whose entries differ in number from what the clean shutdown recorded was lost: the log is scanned', async () => {
  const memory = new MemoryFileSystem();
  const log = await openLog(memory);
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 })); // 0
  await log.appendMarker(marker(1n, false)); // 1
  await log.append(txnBatch(['b'], { producerId: 2n, epoch: 0, seq: 0 })); // 2
  await log.appendMarker(marker(2n, false)); // 3
  await log.close();
  const path = '/data/t-0/00000000000000000000.txnindex';
  const bytes = await memory.readFile(path);
  await writeFileAtomic(memory, path, bytes.subarray(0, bytes.length / 2)); // one whole entry of two
  const watched = watchTxnIndexReads(memory);
  const reopened = await openLog(watched.fs);
  assert.ok(watched.fs.readsOf((p) => p.endsWith('.log')) > 0, 'scanned');
  assert.deepEqual(reopened.abortedTransactions(0n, 4n), [{ producerId: 1n, firstOffset: 0n }, { producerId: 2n, firstOffset: 2n }]);
  await reopened.close();
  assert.deepEqual(await memory.readFile(path), bytes, 'rewritten whole at the next close');
});

test('a power cut before the marker is durable leaves the transaction open; after it, decided', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 }));
  const lost = log.appendMarker(marker(1n, false));
  lost.catch(() => {});
  fs.powerLoss();
  const after = await openLog(fs);
  assert.ok(after.hasOngoingTransaction(1n), 'the marker never became durable: the transaction is still open');
  assert.equal(after.lastStableOffset, 0n);
  await after.appendMarker(marker(1n, false));
  fs.powerLoss();
  const decided = await openLog(fs);
  assert.ok(!decided.hasOngoingTransaction(1n));
  assert.equal(decided.lastStableOffset, 2n);
  assert.deepEqual(decided.abortedTransactions(0n, 2n), [{ producerId: 1n, firstOffset: 0n }]);
});

test('truncation below a marker reopens its transaction; below the first batch, there is none', async () => {
  const log = await openLog(new MemoryFileSystem());
  await log.append(batch(['plain'])); // 0
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 })); // 1
  await log.appendMarker(marker(1n, false)); // 2
  await log.truncateTo(2n);
  assert.ok(log.hasOngoingTransaction(1n));
  assert.equal(log.lastStableOffset, 1n);
  assert.deepEqual(log.abortedTransactions(0n, 2n), []);
  await log.truncateTo(1n);
  assert.ok(!log.hasOngoingTransaction(1n));
  assert.equal(log.lastStableOffset, 1n);
});

test('a segment whose aborted transactions are all cut away keeps no .txnindex, and none comes back on a clean start', async () => {
  const memory = new MemoryFileSystem();
  const log = await openLog(memory);
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 })); // 0
  await log.appendMarker(marker(1n, false)); // 1
  await log.close();
  assert.ok((await memory.list('/data/t-0')).includes('00000000000000000000.txnindex'));
  const reopened = await openLog(memory);
  await reopened.truncateTo(1n);
  await reopened.close();
  assert.ok(!(await memory.list('/data/t-0')).includes('00000000000000000000.txnindex'), 'removed, not left stale');
  const again = await openLog(memory);
  assert.deepEqual(again.abortedTransactions(0n, 1n), []);
  assert.ok(again.hasOngoingTransaction(1n));
});

test('retention past an open transaction\'s start holds the LSO at the log start', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'segment.bytes': '150' });
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 })); // 0
  for (let i = 0; i < 4; i++) await log.append(batch(['p'.repeat(60)]));
  await log.deleteRecordsBefore(3n);
  assert.equal(log.logStartOffset, 3n);
  assert.equal(log.lastStableOffset, 3n);
  await log.appendMarker(marker(1n, true));
  assert.equal(log.lastStableOffset, log.highWatermark);
});

test('retention removes a segment\'s .txnindex with it', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs, { 'segment.bytes': '150' });
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 })); // 0
  await log.appendMarker(marker(1n, false)); // 1
  for (let i = 0; i < 3; i++) await log.append(batch(['p'.repeat(60)]));
  await log.checkpointed();
  assert.ok((await fs.list('/data/t-0')).includes('00000000000000000000.txnindex'), 'written when the segment rolled');
  await log.deleteRecordsBefore(log.segments[1].baseOffset);
  assert.ok(!(await fs.list('/data/t-0')).includes('00000000000000000000.txnindex'));
  assert.deepEqual(log.abortedTransactions(log.logStartOffset, log.highWatermark), []);
});

test('the cleaner stops at the last stable offset, and an aborted record never replaces a committed value', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'cleanup.policy': 'compact', 'segment.bytes': '150', 'min.cleanable.dirty.ratio': '0.01' });
  await log.append(txnBatch(['committed'], { producerId: 1n, epoch: 0, seq: 0, keys: ['k'] })); // 0
  await log.appendMarker(marker(1n, true)); // 1
  await log.append(txnBatch(['aborted'], { producerId: 1n, epoch: 0, seq: 1, keys: ['k'] })); // 2
  await log.appendMarker(marker(1n, false)); // 3
  await log.append(txnBatch(['open'], { producerId: 2n, epoch: 0, seq: 0, keys: ['k'] })); // 4: holds the LSO
  for (let i = 0; i < 4; i++) await log.append(batch(['filler'.repeat(10)], { keys: [`f${i}`] }));
  await log.roll();
  await log.checkpointed();
  assert.equal(log.lastStableOffset, 4n);
  await compactLog(log, true);
  const values = (await readAll(log)).map((r) => r.value);
  assert.ok(values.includes('committed'), `the committed value stays: ${values.join(',')}`);
  assert.ok(values.includes('aborted') && values.includes('open'), 'the aborted batch is kept as it is, the open one is past the LSO');
  assert.deepEqual(log.abortedTransactions(0n, 4n), [{ producerId: 1n, firstOffset: 2n }], 'the index survives the swap');
});

test('a partition folder with .txnindex files left by a deletion that did not commit is still recognised and removed', async () => {
  const fs = new MemoryFileSystem();
  const m = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0 });
  await m.createTopic('t', 1);
  const log = m.log('t', 0)!;
  await log.append(txnBatch(['a'], { producerId: 1n, epoch: 0, seq: 0 }));
  await log.appendMarker(marker(1n, false));
  await m.close();
  // The same files under a folder no topic owns.
  await mkdirDurable(fs, '/data/gone-0');
  for (const name of await fs.list('/data/t-0')) await writeFileAtomic(fs, `/data/gone-0/${name}`, await fs.readFile(`/data/t-0/${name}`));
  assert.ok((await fs.list('/data/gone-0')).some((n) => n.endsWith('.txnindex')));
  const again = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0 });
  assert.ok(!(await fs.list('/data')).includes('gone-0'));
  assert.deepEqual(again.log('t', 0)!.abortedTransactions(0n, 2n), [{ producerId: 1n, firstOffset: 0n }]);
  await again.close();
});
