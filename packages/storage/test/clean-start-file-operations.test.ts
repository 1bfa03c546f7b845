// What a clean start costs in file operations, counted through the FileSystem interface.
//
// A start's time with many partitions goes by the number of file calls it makes, not by bytes
// (bench/README.md, the start-up rows): each call is a trip through libuv's threads and costs the
// main thread its promise and callback, so with 1,000 partitions one call more per partition is
// 1,000 calls more. Such a call is easy to add without noticing (an `exists` before a read, one
// more small file, a file read for every segment when only a few need it, as the .txnindex reads
// were), and a timing test cannot catch it on a busy machine. So this pins the calls themselves:
// a clean start of a partition lists its folder, reads its state files (two, and the recovery
// point once a segment has rolled), opens each segment's log (its size is checked against what
// the clean shutdown recorded) and reads its two indexes, reads a .txnindex only where the clean
// shutdown says it holds entries, and removes the clean-shutdown marker durably. Nothing more: an
// extra call fails this test, which says which one; if it is needed, change the list here and
// say why in the commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogManager, MemoryFileSystem } from '../src/index.ts';
import { batch, txnBatch } from './helpers.ts';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const DATA = '/data';
const open = (fs: MemoryFileSystem | InstrumentedFileSystem) => LogManager.open({ fs, dataDir: DATA, maintenanceIntervalMs: 0 });
const segment = (base: number) => base.toString().padStart(20, '0');

/** The calls made on each partition's folder and files, by folder name, as `<call> <file>` sorted. */
function callsByPartition(calls: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of calls) {
    const [call, path] = c.split(' ');
    const rest = path.slice(DATA.length + 1);
    if (!path.startsWith(`${DATA}/`) || !/^[^/]+-\d+(\/|$)/.test(rest)) continue;
    const [dir, file = '.'] = rest.split('/');
    out.set(dir, [...(out.get(dir) ?? []), `${call} ${file}`]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** What a clean start needs for a partition whose segments start at `bases`. */
function needed(bases: number[], txnIndexes: number[] = []): string[] {
  return [
    'list .', // which segments and state files there are
    'readFile .clean-shutdown', // each segment's size and bounds, so nothing is scanned
    'readFile producer-state.json', // the producers' sequences and open transactions
    ...(bases.length > 1 ? ['readFile recovery-point'] : []), // written at the first roll
    ...bases.flatMap((b) => [`open ${segment(b)}.log`, `size ${segment(b)}.log`, `readFile ${segment(b)}.index`, `readFile ${segment(b)}.timeindex`]),
    ...txnIndexes.map((b) => `readFile ${segment(b)}.txnindex`),
    'remove .clean-shutdown', // a crash from now on must be noticed…
    'syncDir .', // …so the removal is durable before anything is written
  ].sort();
}

test('a clean start makes only the file calls it needs per partition and per segment, whatever the number of partitions', async () => {
  const memory = new MemoryFileSystem();
  const logs = await open(memory);
  await logs.createTopic('plain', 3);
  await logs.createTopic('segments', 1, { 'segment.bytes': '150' });
  await logs.createTopic('txn', 1);
  for (let p = 0; p < 3; p++) await logs.log('plain', p)!.append(batch(['a', 'b'], { producerId: 7n, epoch: 0, seq: 0 }));
  const segmented = logs.log('segments', 0)!;
  for (let i = 0; i < 3; i++) await segmented.append(batch(['x'.repeat(80)], { producerId: 8n, epoch: 0, seq: i }));
  const bases = segmented.segments.map((s) => Number(s.baseOffset));
  assert.ok(bases.length >= 3, `several segments: ${bases}`);
  const txn = logs.log('txn', 0)!;
  await txn.append(txnBatch(['t'], { producerId: 9n, epoch: 0, seq: 0 }));
  await txn.appendMarker({ producerId: 9n, producerEpoch: 0, coordinatorEpoch: 0, commit: false, transactionVersion: 1 });
  await txn.append(batch(['after'], { producerId: 10n, epoch: 0, seq: 0 }));
  await logs.close();

  const watched = new InstrumentedFileSystem(memory);
  const reopened = await open(watched);
  const byPartition = callsByPartition(watched.calls);
  assert.deepEqual([...byPartition.keys()].sort(), ['plain-0', 'plain-1', 'plain-2', 'segments-0', 'txn-0']);
  for (let p = 0; p < 3; p++) assert.deepEqual(byPartition.get(`plain-${p}`), needed([0]), `plain-${p}`);
  assert.deepEqual(byPartition.get('segments-0'), needed(bases), 'per segment: its log opened and sized, its two indexes read');
  assert.deepEqual(byPartition.get('txn-0'), needed([0], [0]), 'the .txnindex read because the segment has an aborted transaction');
  const outside = watched.calls.filter((c) => !/^\S+ \/data\/[^/]+-\d+(\/|$)/.test(c));
  assert.deepEqual(outside, ['exists /data', 'exists /data/topics.json', 'readFile /data/topics.json', 'list /data'], 'the data folder itself: its topic list and its listing, once');

  // The start was clean: nothing scanned, everything as it was.
  assert.equal(watched.readsOf((path) => path.endsWith('.log')), 0, 'no segment scanned');
  assert.equal(reopened.log('segments', 0)!.logEndOffset, 3n);
  assert.deepEqual(reopened.log('txn', 0)!.abortedTransactions(0n, 3n), [{ producerId: 9n, firstOffset: 0n }]);
  await reopened.close();
});
