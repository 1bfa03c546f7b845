import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, LogManager, MemoryFileSystem, FileCache } from '../src/index.ts';
import { batch, readAll } from './helpers.ts';

const open = (fs: MemoryFileSystem, extra: Partial<Parameters<typeof LogManager.open>[0]> = {}) => LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0, ...extra });

test('topics are created, survive a restart and a crash, and are deleted', async () => {
  const fs = new MemoryFileSystem();
  const m = await open(fs);
  const t = await m.createTopic('orders', 3, { 'retention.ms': '1000' });
  assert.match(t.topicId, /^[A-Za-z0-9_-]{22}$/);
  await m.log('orders', 2)!.append(batch(['x']));
  await m.close();
  const again = await open(fs);
  assert.deepEqual(again.topic('orders'), t);
  assert.equal(again.log('orders', 2)!.logEndOffset, 1n);
  await again.createTopic('payments', 1);
  fs.powerLoss();
  const afterCrash = await open(fs);
  assert.deepEqual(afterCrash.topics().map((x) => x.name).sort(), ['orders', 'payments']);
  await afterCrash.deleteTopic('orders');
  assert.equal(afterCrash.log('orders', 0), undefined);
  assert.deepEqual(await fs.list('/data').then((l) => l.filter((n) => n.startsWith('orders'))), []);
  fs.powerLoss();
  const last = await open(fs);
  assert.deepEqual(last.topics().map((x) => x.name), ['payments']);
});

test('a crash during creation leaves no half topic', async () => {
  for (let cut = 0; cut < 25; cut++) {
    const fs = new MemoryFileSystem();
    const m = await open(fs);
    fs.scheduleCrash(cut);
    await m.createTopic('t', 4).catch(() => {});
    fs.restart();
    fs.powerLoss();
    const again = await open(fs);
    const topics = again.topics();
    if (topics.length === 1) for (let p = 0; p < 4; p++) assert.ok(again.log('t', p), `partition ${p} after cut ${cut}`);
    const dirs = (await fs.list('/data')).filter((n) => n.startsWith('t-'));
    assert.equal(dirs.length, topics.length === 1 ? 4 : 0, `cut ${cut}: ${dirs}`);
  }
});

test('partitions can be added, configs validated and changed', async () => {
  const fs = new MemoryFileSystem();
  const m = await open(fs);
  await m.createTopic('t', 1);
  await m.addPartitions('t', 3);
  assert.ok(m.log('t', 2));
  await assert.rejects(m.createTopic('bad', 1, { 'retention.ms': 'forever' }), ConfigError);
  await assert.rejects(m.setTopicConfigs('t', { 'no.such.config': '1' }), /Unknown topic config name: no.such.config/);
  await m.setTopicConfigs('t', { 'cleanup.policy': 'compact' });
  assert.equal(m.log('t', 0)!.logConfig.cleanupPolicy.compact, true);
});

test('many partitions share a bounded number of open files', async () => {
  const fs = new MemoryFileSystem();
  const m = await open(fs, { maxOpenFiles: 20 });
  await m.createTopic('wide', 200);
  for (let p = 0; p < 200; p++) await m.log('wide', p)!.append(batch([`v${p}`]));
  const cache = (m as unknown as { cache: FileCache }).cache;
  assert.ok(cache.openCount <= 20 && cache.descriptors <= 20, `${cache.openCount} files open, ${cache.descriptors} descriptors`);
  for (let p = 0; p < 200; p += 37) assert.equal((await readAll(m.log('wide', p)!))[0].value, `v${p}`);
});

test('a restart opens partitions side by side: each topic gets its own partitions back, in order, with fewer files allowed open than partitions opened at once', async () => {
  const fs = new MemoryFileSystem();
  const sizes: [string, number][] = [['one', 1], ['wide', 130], ['seven', 7]];
  const m = await open(fs);
  for (const [name, partitions] of sizes) {
    await m.createTopic(name, partitions);
    for (let p = 0; p < partitions; p++) await m.log(name, p)!.append(batch(Array.from({ length: p % 3 + 1 }, (_, i) => `${name}-${p}-${i}`)));
  }
  await m.close();

  const check = async (how: string) => {
    const progress: string[] = [];
    const again = await open(fs, { maxOpenFiles: 2, onProgress: (opened, total) => progress.push(`${opened}/${total}`) });
    assert.deepEqual(progress, ['100/138', '138/138'], how);
    for (const [name, partitions] of sizes) {
      for (let p = 0; p < partitions; p++) {
        const values = (await readAll(again.log(name, p)!)).map((r) => r.value);
        assert.deepEqual(values, Array.from({ length: p % 3 + 1 }, (_, i) => `${name}-${p}-${i}`), `${how}: ${name}-${p}`);
      }
      assert.equal(again.log(name, partitions), undefined);
    }
    return again;
  };
  await (await check('after a clean stop')).close();
  fs.powerLoss();
  await check('after a power loss (every segment scanned)');
});
