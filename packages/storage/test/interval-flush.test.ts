// The interval durability policy's timer: with flush.messages out of reach, flush.ms alone makes
// appended batches durable, with no later append to trigger it. Waits poll for the sync to have
// happened; the proof is a power cut after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogManager, MemoryFileSystem } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';
import { eventually } from '@sluice/test-kit/eventually';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const INTERVAL = { 'flush.messages': '1000000', 'flush.ms': '20' };

test('flush.ms syncs an appended batch without further appends, again and again', async () => {
  const memory = new MemoryFileSystem();
  const fs = new InstrumentedFileSystem(memory);
  const log = await openLog(fs, INTERVAL);
  const path = log.activeSegment.files.log;
  for (let round = 0; round < 3; round++) {
    const before = fs.syncs.get(path) ?? 0;
    await log.append(batch([`r${round}`])); // under the interval policy: resolves once written
    await eventually(`the flush.ms timer to sync round ${round}`, () => (fs.syncs.get(path) ?? 0) > before);
  }
  memory.powerLoss(); // no close: only what the timer synced survives
  const recovered = await openLog(memory, INTERVAL);
  assert.deepEqual((await readAll(recovered)).map((r) => r.value), ['r0', 'r1', 'r2']);
  await recovered.close();
});

test('flush.ms set on a live topic starts the timer for its open logs', async () => {
  const memory = new MemoryFileSystem();
  const fs = new InstrumentedFileSystem(memory);
  const m = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0 });
  await m.createTopic('t', 2, { 'flush.messages': '1000000' });
  const logs = [m.log('t', 0)!, m.log('t', 1)!];
  for (const [p, log] of logs.entries()) await log.append(batch([`p${p}`]));
  // Nothing syncs these appends yet: flush.messages is out of reach and there is no flush.ms.
  assert.deepEqual(
    logs.map((l) => fs.syncs.get(l.activeSegment.files.log) ?? 0),
    [0, 0],
  );
  await m.setTopicConfigs('t', INTERVAL);
  await eventually('the new flush.ms timers to sync both partitions', () => logs.every((l) => (fs.syncs.get(l.activeSegment.files.log) ?? 0) > 0));
  memory.powerLoss();
  const again = await LogManager.open({ fs: memory, dataDir: '/data', maintenanceIntervalMs: 0 });
  for (const p of [0, 1]) assert.deepEqual((await readAll(again.log('t', p)!)).map((r) => r.value), [`p${p}`]);
  await again.close();
});

test("a sync of the flush.ms timer that fails is logged as a failed write, and a later tick makes the batch durable", async () => {
  const memory = new MemoryFileSystem();
  const fs = new InstrumentedFileSystem(memory);
  const lines: string[] = [];
  const m = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0, log: { warn: (message) => lines.push(message), error: (message) => lines.push(message) } });
  await m.createTopic('t', 1, INTERVAL);
  const log = m.log('t', 0)!;
  memory.failNextSync();
  await log.append(batch(['kept'])); // under the interval policy: resolves once written
  // Nothing but the timer syncs: its failure has no caller and must reach the operator's log.
  await eventually('the failed sync of the flush.ms timer to be logged', () => lines.length > 0);
  assert.match(lines[0], /^Writing to t-0 failed: .*EIO/);
  // The failed sync left the segment dirty; a later tick syncs it.
  await eventually('a later tick to sync the batch', () => !log.activeSegment.dirty);
  memory.powerLoss();
  const again = await LogManager.open({ fs: memory, dataDir: '/data', maintenanceIntervalMs: 0 });
  assert.deepEqual((await readAll(again.log('t', 0)!)).map((r) => r.value), ['kept']);
  await again.close();
});
