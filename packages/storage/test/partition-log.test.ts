import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRecordBatches, readBatchHeader } from '@sluice/protocol';
import { NodeFileSystem, MemoryFileSystem, OffsetOutOfRangeError } from '../src/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batch, openLog, readAll } from './helpers.ts';

test('appends take consecutive offsets and read back, on the real filesystem too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-log-'));
  try {
    for (const fs of [new MemoryFileSystem(), new NodeFileSystem()]) {
      const base = fs instanceof NodeFileSystem ? dir : '/data';
      const log = await openLog(fs, {}, undefined, `${base}/t-0`);
      const a = await log.append(batch(['a', 'b', 'c']));
      const b = await log.append(batch(['d']));
      assert.deepEqual([a.baseOffset, a.lastOffset, b.baseOffset, b.lastOffset], [0n, 2n, 3n, 3n]);
      assert.equal(log.highWatermark, 4n);
      assert.deepEqual((await readAll(log)).map((r) => r.value), ['a', 'b', 'c', 'd']);
      // Reading from the middle of a batch returns the whole batch that holds the offset.
      const chunks = await log.read(1n, 10);
      assert.equal(readBatchHeader(chunks[0]).baseOffset, 0n);
      await log.close();
      const again = await openLog(fs, {}, undefined, `${base}/t-0`);
      assert.equal(again.logEndOffset, 4n);
      assert.deepEqual((await readAll(again)).map((r) => r.value), ['a', 'b', 'c', 'd']);
      await again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('concurrent appends keep call order and a sync covers many (group commit)', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(batch([`v${i}`]))));
  assert.deepEqual(results.map((r) => r.baseOffset), Array.from({ length: 50 }, (_, i) => BigInt(i)));
  assert.deepEqual((await readAll(log)).map((r) => r.value), Array.from({ length: 50 }, (_, i) => `v${i}`));
  await log.close();
});

test('rolls segments by size and reads across them', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs, { 'segment.bytes': '300' });
  for (let i = 0; i < 20; i++) await log.append(batch([`value-${i}`.padEnd(40, '.')]));
  assert.ok(log.segments.length > 3, `${log.segments.length} segments`);
  assert.equal((await readAll(log)).length, 20);
  const names = await fs.list('/data/t-0');
  assert.ok(names.includes('00000000000000000000.log'));
  await log.close();
  const again = await openLog(fs, { 'segment.bytes': '300' });
  assert.equal((await readAll(again)).length, 20);
  assert.ok((await fs.list('/data/t-0')).some((n) => n.endsWith('.index')));
  await again.close();
});

test('max bytes: whole batches, at least one', async () => {
  const log = await openLog(new MemoryFileSystem());
  for (let i = 0; i < 5; i++) await log.append(batch(['x'.repeat(100)]));
  const one = await log.read(0n, 1);
  assert.equal(one.reduce((n, c) => n + c.length, 0), readBatchHeader(one[0]).batchLength + 12);
  const none = await log.read(0n, 1, log.highWatermark, false);
  assert.equal(none.length, 0);
  const two = await log.read(0n, 2 * (readBatchHeader(one[0]).batchLength + 12));
  assert.equal(Buffer.concat(two).length, 2 * one[0].length);
  const limited = await log.read(0n, 1 << 20, 2n);
  assert.equal(Buffer.concat(limited).length, 2 * one[0].length);
  await assert.rejects(log.read(99n, 10), OffsetOutOfRangeError);
});

test('sequential reads with a budget that ends inside a batch: whole batches, none skipped or repeated', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'index.interval.bytes': '1' });
  const sizes = [300, 1000, 50, 700, 2000, 10, 900, 400, 1500, 60];
  for (const [i, n] of sizes.entries()) await log.append(batch([`${i}:${'v'.repeat(n)}`]));
  for (const budget of [1, 700, 1234, 2500, 4096]) {
    const seen: string[] = [];
    for (let next = 0n; next < log.highWatermark; ) {
      const chunks = await log.read(next, budget);
      const bytes = Buffer.concat(chunks);
      assert.ok(bytes.length > 0, `progress at offset ${next} with a budget of ${budget}`);
      // Whole batches, within the budget unless one batch alone is larger (at least one).
      let count = 0;
      for (let p = 0; p < bytes.length; p += readBatchHeader(bytes, p).batchLength + 12) count++;
      assert.ok(bytes.length <= budget || count === 1, `${bytes.length} bytes in ${count} batches for a budget of ${budget}`);
      for (const b of await decodeRecordBatches(bytes)) {
        for (const r of b.records) seen.push(r.value!.toString().split(':')[0]!);
        next = b.header.baseOffset + BigInt(b.header.lastOffsetDelta) + 1n;
      }
    }
    assert.deepEqual(seen, sizes.map((_, i) => String(i)), `budget ${budget}`);
  }
});

test('offset for timestamp and max timestamp', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'message.timestamp.after.max.ms': '9223372036854775807' });
  await log.append(batch(['a'], { timestamp: 1000n }));
  await log.append(batch(['b'], { timestamp: 3000n }));
  await log.append(batch(['c'], { timestamp: 2000n }));
  assert.deepEqual(await log.offsetForTimestamp(1500n), { offset: 1n, timestamp: 3000n });
  assert.deepEqual(await log.offsetForTimestamp(500n), { offset: 0n, timestamp: 1000n });
  assert.equal(await log.offsetForTimestamp(5000n), null);
  assert.deepEqual(log.maxTimestamp(), { offset: 1n, timestamp: 3000n });
});

test('offset for timestamp finds the record inside a batch, at or after the log start', async () => {
  const { encodeRecordBatch } = await import('@sluice/protocol');
  const log = await openLog(new MemoryFileSystem(), { 'message.timestamp.after.max.ms': '9223372036854775807' });
  // One gzip batch whose records are out of timestamp order, as producers may write them.
  const timestamps = [1000n, 3000n, 2000n, 4000n, 2500n];
  await log.append(await encodeRecordBatch({ records: timestamps.map((timestamp, i) => ({ key: null, value: `r${i}`, timestamp })), compression: 1 }));
  assert.deepEqual(await log.offsetForTimestamp(1500n), { offset: 1n, timestamp: 3000n });
  assert.deepEqual(await log.offsetForTimestamp(3500n), { offset: 3n, timestamp: 4000n });
  assert.deepEqual(await log.offsetForTimestamp(0n), { offset: 0n, timestamp: 1000n });
  await log.deleteRecordsBefore(2n);
  assert.deepEqual(await log.offsetForTimestamp(0n), { offset: 2n, timestamp: 2000n });
  assert.equal(await log.offsetForTimestamp(4001n), null);
});

test('LogAppendTime stamps the broker time and keeps the CRC valid', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'message.timestamp.type': 'LogAppendTime' }, () => 42_000);
  const r = await log.append(batch(['a'], { timestamp: 5n }));
  assert.equal(r.logAppendTime, 42_000n);
  const [chunk] = await log.read(0n, 1000);
  const { validateBatch } = await import('@sluice/protocol');
  assert.equal(validateBatch(chunk).maxTimestamp, 42_000n);
});

test('delete records before an offset, persisted', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs, { 'segment.bytes': '200' });
  for (let i = 0; i < 10; i++) await log.append(batch([`v${i}`.padEnd(60, '-')]));
  await log.deleteRecordsBefore(6n);
  assert.equal(log.logStartOffset, 6n);
  assert.ok(log.segments[0].baseOffset <= 6n);
  await assert.rejects(log.read(2n, 100), OffsetOutOfRangeError);
  await log.close();
  const again = await openLog(fs, { 'segment.bytes': '200' });
  assert.equal(again.logStartOffset, 6n);
  assert.equal((await readAll(again))[0].offset, 6n);
});

test('truncate to an offset', async () => {
  const log = await openLog(new MemoryFileSystem());
  for (let i = 0; i < 5; i++) await log.append(batch([`v${i}`]));
  await log.truncateTo(3n);
  assert.equal(log.logEndOffset, 3n);
  assert.deepEqual((await readAll(log)).map((r) => r.value), ['v0', 'v1', 'v2']);
  const r = await log.append(batch(['new']));
  assert.equal(r.baseOffset, 3n);
});

test('interval flush policy: readable once written, synced by count', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs, { 'flush.messages': '3' });
  await log.append(batch(['a']));
  await log.append(batch(['b']));
  fs.powerLoss();
  const recovered = await openLog(fs, { 'flush.messages': '3' });
  assert.equal(recovered.logEndOffset, 0n, 'nothing was synced yet');
  await recovered.append(batch(['a']));
  await recovered.append(batch(['b']));
  await recovered.append(batch(['c']));
  await new Promise((r) => setTimeout(r, 10));
  fs.powerLoss();
  const again = await openLog(fs, { 'flush.messages': '3' });
  assert.equal(again.logEndOffset, 3n);
});
