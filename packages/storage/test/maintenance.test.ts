// Log maintenance under faults and on its schedule (issue 13, items 3 and 10): one broken
// partition is logged with what to do and does not stop retention or compaction of the others; a
// batch whose records cannot be read does not stop compaction of its own partition either; and the
// cleaner runs every log.cleaner.backoff.ms (Kafka's 15 s), not only on the 5-minute retention check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_OVERHEAD, Offsets, crc32c } from '@sluice/protocol';
import { LogManager, type MaintenanceTimers, MemoryFileSystem, type PartitionLog, ProducerStateError } from '../src/index.ts';
import { batch, readAll, txnBatch } from './helpers.ts';

const DAY = 86_400_000;

class CapturingLog {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  warn(message: string): void {
    this.warnings.push(message);
  }
  error(message: string, error?: unknown): void {
    this.errors.push(`${message} ${(error as Error)?.message ?? ''}`);
  }
}

/** Keys that appear more than once in the segments before the active one. */
function duplicateKeysBeforeActive(log: PartitionLog, records: { offset: bigint; key: string | null }[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) if (r.offset < log.activeSegment.baseOffset && r.key !== null) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
}

async function appendKeyed(log: PartitionLog, count: number, timestamp: bigint, prefix = 'v'): Promise<void> {
  for (let i = 0; i < count; i++) await log.append(batch([`${prefix}${i}`.padEnd(40, '.')], { keys: [`k${i % 3}`], timestamp }));
}

/** A batch with a valid CRC whose only record claims one byte more than it has, as stored before records were validated. */
function unreadableBatch(timestamp: bigint): Buffer {
  const b = Buffer.from(batch(['unreadable'.padEnd(40, '.')], { keys: ['k0'], timestamp }));
  b[61] += 2; // the record length varint (zigzag): one more byte than the record holds
  b.writeUInt32BE(crc32c(b.subarray(Offsets.attributes)), Offsets.crc);
  return b;
}

test('an error in one partition is logged and maintenance of the others carries on', async () => {
  let now = 10 * DAY;
  const fs = new MemoryFileSystem();
  const log = new CapturingLog();
  const m = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0, now: () => now, log });
  const compact = { 'cleanup.policy': 'compact', 'segment.bytes': '150' };
  // Created first, so that it is maintained first: its failure must not end the pass.
  await m.createTopic('broken', 1, compact);
  await m.createTopic('unreadable', 1, compact);
  await m.createTopic('expiring', 1, { 'segment.bytes': '150', 'retention.ms': String(DAY) });
  await m.createTopic('healthy', 1, compact);
  const old = BigInt(now - 3 * DAY);
  for (const name of ['broken', 'healthy']) await appendKeyed(m.log(name, 0)!, 12, BigInt(now));
  const expiring = m.log('expiring', 0)!;
  for (let i = 0; i < 6; i++) await expiring.append(batch([`old${i}`.padEnd(40, '.')], { timestamp: old }));
  await expiring.append(batch(['fresh'.padEnd(40, '.')], { timestamp: BigInt(now) }));

  // A sealed segment of `broken` whose second batch cannot even be framed: its length is cut.
  const brokenLog = m.log('broken', 0)!;
  await brokenLog.checkpointed();
  const sealed = brokenLog.segments[1];
  const before = await fs.readFile(sealed.files.log);
  const damaged = Buffer.alloc(4);
  damaged.writeInt32BE(7); // shorter than any batch header
  const handle = await fs.open(sealed.files.log, false);
  await handle.write(damaged, Offsets.batchLength);
  await handle.close();

  // `unreadable`: keyed records around a batch whose CRC is right and whose record is not.
  const unreadable = m.log('unreadable', 0)!;
  await appendKeyed(unreadable, 6, BigInt(now), 'a');
  const bad = unreadableBatch(BigInt(now));
  const { baseOffset: badOffset } = await unreadable.append(Buffer.from(bad));
  await appendKeyed(unreadable, 9, BigInt(now), 'b');

  await m.runMaintenance();

  // The broken partition: one error naming it, and its segments left as they were.
  assert.equal(log.errors.length, 1, log.errors.join('\n'));
  assert.match(log.errors[0], /compaction of broken-0 failed/);
  assert.match(log.errors[0], /cannot frame the batch at byte \d+ of .*broken-0/);
  assert.ok(brokenLog.segments.includes(sealed), 'the damaged segment was not replaced');
  const after = await fs.readFile(sealed.files.log);
  assert.equal(after.length, before.length);

  // Every partition after it was maintained.
  assert.deepEqual((await readAll(expiring)).map((r) => r.value!.replace(/\.+$/, '')), ['fresh']);
  const healthy = m.log('healthy', 0)!;
  assert.deepEqual(duplicateKeysBeforeActive(healthy, await readAll(healthy)), []);

  // The unreadable batch is kept byte for byte, reported once, and compaction went on around it.
  assert.equal(log.warnings.length, 1, log.warnings.join('\n'));
  assert.match(log.warnings[0], new RegExp(`compaction of unreadable-0: the records of offsets ${badOffset} to ${badOffset}`));
  assert.match(log.warnings[0], /DeleteRecords/);
  const stored = Buffer.concat(await unreadable.read(badOffset, 1 << 20));
  assert.deepEqual(stored.subarray(Offsets.attributes, bad.length), bad.subarray(Offsets.attributes), 'the unreadable batch is still there as written');
  let readable = 0;
  let removed = 0;
  for (let offset = 0n; offset < unreadable.activeSegment.baseOffset; offset++) {
    if (offset === badOffset) continue;
    const chunk = Buffer.concat(await unreadable.read(offset, 1 << 20));
    const base = chunk.length >= LOG_OVERHEAD ? chunk.readBigInt64BE(0) : -1n;
    if (base === offset) readable++;
    else removed++;
  }
  assert.ok(removed > 0 && readable > 0, `compaction removed superseded records around the unreadable batch (${removed} removed, ${readable} kept)`);

  // Again: the lasting failure and the same unreadable batch are not logged twice.
  now += 1000;
  await appendKeyed(healthy, 12, BigInt(now), 'c');
  await m.runMaintenance();
  assert.equal(log.errors.length, 1);
  assert.equal(log.warnings.length, 1);
  assert.deepEqual(duplicateKeysBeforeActive(healthy, await readAll(healthy)), []);
  await m.close();
});

test('an I/O fault during one compaction is logged, the other partitions are compacted, and the next pass retries it', async () => {
  const fs = new MemoryFileSystem();
  const log = new CapturingLog();
  const m = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0, log });
  const compact = { 'cleanup.policy': 'compact', 'segment.bytes': '150' };
  await m.createTopic('first', 1, compact);
  await m.createTopic('second', 1, compact);
  for (const name of ['first', 'second']) {
    await appendKeyed(m.log(name, 0)!, 12, 1_700_000_000_000n);
    await m.log(name, 0)!.checkpointed();
  }
  const first = m.log('first', 0)!;
  const second = m.log('second', 0)!;
  const before = await readAll(first);
  fs.failNextWrite(); // the first compaction's output file
  await m.runMaintenance();
  assert.equal(log.errors.length, 1, log.errors.join('\n'));
  assert.match(log.errors[0], /compaction of first-0 failed\. The cleaner retries it/);
  assert.deepEqual(await readAll(first), before, 'the failed compaction changed nothing');
  assert.deepEqual(duplicateKeysBeforeActive(second, await readAll(second)), [], 'the next partition was compacted');
  await m.runMaintenance();
  assert.deepEqual(duplicateKeysBeforeActive(first, await readAll(first)), [], 'retried and compacted');
  assert.ok(log.warnings.some((w) => w === 'compaction of first-0 works again'), log.warnings.join('\n'));
  assert.equal(log.errors.length, 1);
  await m.close();
});

/** Timers on a manual clock: advance() fires what falls due, in order, letting each pass finish. */
class ManualTimers implements MaintenanceTimers {
  now = 0;
  private next = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();
  settle: () => Promise<void> = async () => {};

  setTimeout(fn: () => void, delayMs: number): unknown {
    const id = ++this.next;
    this.pending.set(id, { at: this.now + delayMs, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  dueTimes(): number[] {
    return [...this.pending.values()].map((t) => t.at).sort((a, b) => a - b);
  }

  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (due === undefined) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
      await this.settle();
      await new Promise((resolve) => setImmediate(resolve)); // the pass's follow-up scheduling
    }
    this.now = until;
  }
}

test('the cleaner compacts a dirty log within log.cleaner.backoff.ms (Kafka default 15 s); retention keeps its own interval', async () => {
  const timers = new ManualTimers();
  const start = 10 * DAY;
  const m = await LogManager.open({ fs: new MemoryFileSystem(), dataDir: '/data', now: () => start + timers.now, timers, maintenanceIntervalMs: 300_000 });
  timers.settle = () => m.maintenanceIdle();
  await m.createTopic('table', 1, { 'cleanup.policy': 'compact', 'segment.bytes': '150' });
  await m.createTopic('events', 1, { 'segment.bytes': '150', 'retention.ms': String(DAY) });
  const table = m.log('table', 0)!;
  const events = m.log('events', 0)!;
  await appendKeyed(table, 12, BigInt(start));
  for (let i = 0; i < 4; i++) await events.append(batch([`old${i}`.padEnd(40, '.')], { timestamp: BigInt(start - 2 * DAY) }));
  await events.append(batch(['fresh'.padEnd(40, '.')], { timestamp: BigInt(start) }));
  await table.checkpointed();
  await events.checkpointed();
  const dirty = await readAll(table);
  assert.notDeepEqual(duplicateKeysBeforeActive(table, dirty), []);

  await timers.advance(14_999);
  assert.deepEqual(await readAll(table), dirty, 'nothing ran before the backoff');
  await timers.advance(1);
  assert.deepEqual(duplicateKeysBeforeActive(table, await readAll(table)), [], 'compacted at 15 s');
  assert.equal((await readAll(events)).length, 5, 'retention waits for log.retention.check.interval.ms');
  // After a pass that compacted, the cleaner looked again at once, found nothing, and sleeps 15 s;
  // producers are looked at every producer.id.expiration.check.interval.ms (Kafka's 10 minutes).
  assert.deepEqual(timers.dueTimes(), [30_000, 300_000, 600_000]);

  // New duplicates are compacted at the next backoff, not at the retention check.
  await appendKeyed(table, 9, BigInt(start + timers.now), 'n');
  await table.checkpointed();
  assert.notDeepEqual(duplicateKeysBeforeActive(table, await readAll(table)), []);
  await timers.advance(15_000);
  assert.deepEqual(duplicateKeysBeforeActive(table, await readAll(table)), []);

  await timers.advance(300_000 - timers.now);
  assert.deepEqual((await readAll(events)).map((r) => r.value!.replace(/\.+$/, '')), ['fresh'], 'retention ran at 5 minutes');
  await m.close();
  assert.deepEqual(timers.dueTimes(), [], 'close cancels every schedule');
});

test('producers idle longer than producer.id.expiration.ms are forgotten at the check interval, never one with an open transaction, nor in the snapshot written after', async () => {
  const timers = new ManualTimers();
  const start = 10 * DAY;
  const fs = new MemoryFileSystem();
  const options = { fs, dataDir: '/data', now: () => start + timers.now, timers, maintenanceIntervalMs: 0, producerIdExpirationMs: 60_000, producerIdExpirationCheckIntervalMs: 10_000 };
  const m = await LogManager.open(options);
  timers.settle = () => m.maintenanceIdle();
  await m.createTopic('events', 1);
  const log = m.log('events', 0)!;
  const producerIds = () => log.activeProducers().map((p) => p.producerId);
  const outOfOrder = (e: unknown) => e instanceof ProducerStateError && e.code === 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  for (const producerId of [1n, 3n]) {
    await log.append(batch(['a'], { producerId, epoch: 0, seq: 0 }));
    await log.append(batch(['b'], { producerId, epoch: 0, seq: 1 }));
  }
  await log.append(txnBatch(['t'], { producerId: 2n, epoch: 0, seq: 0 }));
  await assert.rejects(log.append(batch(['gap'], { producerId: 3n, epoch: 0, seq: 5 })), outOfOrder, 'a known producer must go on in sequence');

  await timers.advance(50_000);
  assert.deepEqual(producerIds(), [1n, 3n, 2n], 'idle for less than producer.id.expiration.ms: kept');
  await timers.advance(10_000);
  assert.deepEqual(producerIds(), [2n], 'idle for producer.id.expiration.ms, as Kafka counts: the idempotent producers went; the one with an open transaction stays');
  assert.ok(log.hasOngoingTransaction(2n));
  assert.equal(log.lastStableOffset, 4n, 'the open transaction still holds read_committed readers');

  // Forgotten, producer 3 is new to the partition: its next batch is taken at whatever sequence
  // it has, as Kafka takes it from a producer it has no state for.
  const { baseOffset } = await log.append(batch(['gap'], { producerId: 3n, epoch: 0, seq: 5 }));
  assert.equal(baseOffset, 5n);
  assert.deepEqual(log.activeProducers().find((p) => p.producerId === 3n)?.lastSequence, 5);

  await m.close();
  assert.deepEqual(timers.dueTimes(), [], 'close cancels the expiration check');
  const snapshot = JSON.parse((await fs.readFile('/data/events-0/producer-state.json')).toString()) as { producers: { producerId: string }[] };
  assert.deepEqual(snapshot.producers.map((p) => p.producerId).sort(), ['2', '3'], 'the snapshot no longer has producer 1');

  const reopened = await LogManager.open({ ...options, timers: new ManualTimers() });
  const again = reopened.log('events', 0)!;
  assert.deepEqual(again.activeProducers().map((p) => p.producerId).sort(), [2n, 3n]);
  assert.ok(again.hasOngoingTransaction(2n));
  await again.append(batch(['c'], { producerId: 1n, epoch: 0, seq: 7 }));
  await reopened.close();
});
