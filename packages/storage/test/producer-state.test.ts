// Idempotent producers, with Kafka's rules, across clean restarts and crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { MemoryFileSystem, ProducerStateError } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';

const pid = 77n;

test('a retried batch is a duplicate: same offsets, nothing written', async () => {
  const log = await openLog(new MemoryFileSystem());
  const first = await log.append(batch(['a', 'b'], { producerId: pid, epoch: 0, seq: 0 }));
  const again = await log.append(batch(['a', 'b'], { producerId: pid, epoch: 0, seq: 0 }));
  assert.deepEqual([again.baseOffset, again.lastOffset], [first.baseOffset, first.lastOffset]);
  assert.equal(log.logEndOffset, 2n);
});

test('the last five batches are remembered, older retries are out of order', async () => {
  const log = await openLog(new MemoryFileSystem());
  for (let i = 0; i < 7; i++) await log.append(batch([`v${i}`], { producerId: pid, epoch: 0, seq: i }));
  assert.equal((await log.append(batch(['v2'], { producerId: pid, epoch: 0, seq: 2 }))).baseOffset, 2n);
  await assert.rejects(log.append(batch(['v1'], { producerId: pid, epoch: 0, seq: 1 })), (e: unknown) => e instanceof ProducerStateError && e.errorCode === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
});

test('gaps are refused, as are old epochs; a new epoch starts at 0', async () => {
  const log = await openLog(new MemoryFileSystem());
  await log.append(batch(['a'], { producerId: pid, epoch: 1, seq: 0 }));
  await assert.rejects(log.append(batch(['c'], { producerId: pid, epoch: 1, seq: 2 })), /sequence 2 after 0; expected 1/);
  await assert.rejects(log.append(batch(['x'], { producerId: pid, epoch: 0, seq: 1 })), (e: unknown) => (e as ProducerStateError).errorCode === ErrorCode.INVALID_PRODUCER_EPOCH);
  await assert.rejects(log.append(batch(['y'], { producerId: pid, epoch: 2, seq: 5 })), /a new epoch starts at 0/);
  await log.append(batch(['z'], { producerId: pid, epoch: 2, seq: 0 }));
  assert.equal(log.logEndOffset, 2n);
});

test('sequences wrap after Int32.MAX', async () => {
  const log = await openLog(new MemoryFileSystem());
  await log.append(batch(['a', 'b'], { producerId: pid, epoch: 0, seq: 2147483646 }));
  await log.append(batch(['c'], { producerId: pid, epoch: 0, seq: 0 }));
  assert.equal(log.logEndOffset, 3n);
});

test('duplicates are still recognised after a clean restart and after a crash', async () => {
  for (const crash of [false, true]) {
    const fs = new MemoryFileSystem();
    const log = await openLog(fs);
    await log.append(batch(['a'], { producerId: pid, epoch: 0, seq: 0 }));
    await log.append(batch(['b'], { producerId: pid, epoch: 0, seq: 1 }));
    if (crash) fs.powerLoss();
    else await log.close();
    const again = await openLog(fs);
    const dup = await again.append(batch(['b'], { producerId: pid, epoch: 0, seq: 1 }));
    assert.equal(dup.baseOffset, 1n, crash ? 'after a crash' : 'after a clean restart');
    await again.append(batch(['c'], { producerId: pid, epoch: 0, seq: 2 }));
    assert.deepEqual((await readAll(again)).map((r) => r.value), ['a', 'b', 'c']);
  }
});
