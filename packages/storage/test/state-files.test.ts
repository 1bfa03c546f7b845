// The small state files beside the segments (docs/storage-formats.md): a data folder written by
// the Sluice before format versions opens as it was and is migrated file by file at each file's
// next write; a file in a newer format is refused with what to do; garbled files keep their
// fallbacks (a scan, offset 0, an ignored manifest) or, for the topic list, stop the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { type FileSystem, LogManager, MemoryFileSystem, StorageError, UnsupportedStateFileError, writeFileAtomic } from '../src/index.ts';
import { mkdirDurable } from '../src/fs/types.ts';
import { CLEAN_SHUTDOWN } from '../src/state-files/clean-shutdown.ts';
import { COMPACTION_MANIFEST } from '../src/state-files/compaction-manifest.ts';
import { LOG_START_OFFSET, RECOVERY_POINT } from '../src/state-files/offset-files.ts';
import { PRODUCER_SNAPSHOT } from '../src/state-files/producer-snapshot.ts';
import { type StateFileFormat, decodeStateFile, encodeStateFile } from '../src/state-files/state-file.ts';
import { TOPIC_LIST } from '../src/state-files/topic-list.ts';
import { batch, openLog, readAll } from './helpers.ts';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const FIXTURE = new URL('./fixtures/unversioned-data/', import.meta.url);
const PARTITION = '/data/old-0';
const CONFIG = { 'segment.bytes': '300' };
/** The producer state's last update as the fixture's snapshot holds it (a scan would say "now"). */
const SNAPSHOT_UPDATE_MS = (JSON.parse(readFileSync(new URL('old-0/producer-state.json', FIXTURE), 'utf8')) as { lastUpdateMs: number }[])[0].lastUpdateMs;

/** The fixture's data folder (written by commit f7a5f8d, see its README) copied into memory at /data. */
async function unversionedData(): Promise<MemoryFileSystem> {
  const fs = new MemoryFileSystem();
  await mkdirDurable(fs, '/data');
  await writeFileAtomic(fs, '/data/topics.json', readFileSync(new URL('topics.json', FIXTURE)));
  await mkdirDurable(fs, PARTITION);
  for (const name of readdirSync(new URL('old-0/', FIXTURE))) await writeFileAtomic(fs, `${PARTITION}/${name}`, readFileSync(new URL(`old-0/${name}`, FIXTURE)));
  return fs;
}

const openManager = (fs: FileSystem) => LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0 });
const producerBatch = (seq: number) => batch([`value-${seq}`.padEnd(60, '.')], { producerId: 7n, epoch: 0, seq, timestamp: 1_700_000_000_000n + BigInt(seq) });
const versionOf = async (fs: FileSystem, path: string) => (JSON.parse((await fs.readFile(path)).toString()) as { version?: number }).version;

test('a data folder written before format versions opens as it was, and each file is written in its newest version at its next write', async () => {
  const memory = await unversionedData();
  const fs = new InstrumentedFileSystem(memory);
  const m = await openManager(fs);
  const log = m.log('old', 0)!;
  assert.equal(fs.readsOf((p) => p.endsWith('.log')), 0, 'the unversioned clean-shutdown marker was trusted: no segment scanned');
  assert.equal(log.logStartOffset, 3n, 'log-start-offset');
  assert.equal(log.recoveryPoint, 6n, 'recovery-point');
  assert.equal(log.logEndOffset, 8n);
  assert.deepEqual((await readAll(log)).map((r) => r.value?.replace(/\.+$/, '')), ['value-3', 'value-4', 'value-5', 'value-6', 'value-7']);
  assert.equal(log.producers.get(7n)?.lastUpdateMs, SNAPSHOT_UPDATE_MS, 'producer-state.json loaded, not rebuilt');
  assert.deepEqual(await log.append(producerBatch(7)).then((r) => r.baseOffset), 7n, 'a retry of the last batch is a duplicate');
  assert.equal(log.logEndOffset, 8n);

  // Each file is rewritten in the newest version at its own next write.
  assert.equal((await log.append(producerBatch(8))).baseOffset, 8n); // rolls: a new recovery point
  await log.checkpointed();
  await log.deleteRecordsBefore(4n);
  await m.createTopic('new', 1);
  await m.close();
  for (const file of ['topics.json', 'old-0/recovery-point', 'old-0/log-start-offset']) {
    assert.equal(await versionOf(memory, `/data/${file}`), 1, file);
  }
  assert.equal(await versionOf(memory, '/data/old-0/.clean-shutdown'), 2, '.clean-shutdown, with each segment\'s aborted-transaction count');
  assert.equal(await versionOf(memory, '/data/old-0/producer-state.json'), 2, 'producer-state.json, with transactions');

  const again = await openManager(memory);
  const reopened = again.log('old', 0)!;
  assert.equal(reopened.logStartOffset, 4n);
  assert.equal(reopened.recoveryPoint, 8n);
  assert.equal(reopened.logEndOffset, 9n);
  assert.deepEqual((await readAll(reopened)).map((r) => r.offset), [4n, 5n, 6n, 7n, 8n]);
  assert.equal((await reopened.append(producerBatch(8))).baseOffset, 8n, 'the producer state survived in version 2');
  assert.deepEqual(again.topics().map((t) => t.name), ['old', 'new']);
  await again.close();
});

test('an unversioned compaction manifest is finished on open as before', async () => {
  const fs = await unversionedData();
  const segment = `${PARTITION}/00000000000000000004.log`;
  // A committed swap of segment 4 by a replacement with the same batches, in version 0's layout.
  await writeFileAtomic(fs, `${segment}.cleaned`, await fs.readFile(segment));
  await writeFileAtomic(fs, `${PARTITION}/compaction.manifest`, Buffer.from(JSON.stringify(['4'])));
  await fs.remove(`${PARTITION}/.clean-shutdown`);
  const log = await openLog(fs, CONFIG, undefined, PARTITION);
  assert.deepEqual((await readAll(log)).map((r) => r.offset), [3n, 4n, 5n, 6n, 7n]);
  const names = await fs.list(PARTITION);
  assert.ok(!names.includes('compaction.manifest') && !names.some((n) => n.endsWith('.cleaned') || n.endsWith('.deleted')), names.join(' '));
});

const NEWER = [
  { file: `${PARTITION}/.clean-shutdown`, advice: /scan the partition/, newest: 2 },
  { file: `${PARTITION}/producer-state.json`, advice: /rebuild the producers/, newest: 2 },
  { file: `${PARTITION}/recovery-point`, advice: /scan the whole partition/, newest: 1 },
  { file: `${PARTITION}/log-start-offset`, advice: /DeleteRecords readable again/, newest: 1 },
  { file: `${PARTITION}/compaction.manifest`, advice: /finish the compaction/, newest: 1 },
  { file: '/data/topics.json', advice: /cannot know the topics/, newest: 1 },
];

for (const { file, advice, newest } of NEWER) {
  test(`${file.slice(file.lastIndexOf('/') + 1)} in a newer format version is refused with which file, which versions and what to do`, async () => {
    const fs = await unversionedData();
    const newer = newest + 1;
    await writeFileAtomic(fs, file, Buffer.from(JSON.stringify({ version: newer, somethingNew: true })));
    const error: unknown = await openManager(fs).then(
      () => assert.fail('opened'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof UnsupportedStateFileError, String(error));
    assert.equal(error.code, 'STORAGE_UNSUPPORTED_FORMAT');
    assert.equal(error.file, file);
    assert.equal(error.foundVersion, newer);
    assert.ok(error.message.includes(file) && error.message.includes(`version ${newer}`) && error.message.includes(`versions 0 to ${newest}`), error.message);
    assert.match(error.message, advice);
    assert.deepEqual(await fs.readFile(file), Buffer.from(JSON.stringify({ version: newer, somethingNew: true })), 'the file is left as it was');
  });
}

test('garbled state files keep their safe fallbacks', async (t) => {
  const torn = Buffer.from('{"version":1,"off');
  const values = ['value-3', 'value-4', 'value-5', 'value-6', 'value-7'];
  const valuesOf = async (log: Awaited<ReturnType<typeof openLog>>) => (await readAll(log)).map((r) => r.value?.replace(/\.+$/, ''));

  await t.test('.clean-shutdown: the log is scanned and the producers rebuilt from it', async () => {
    const fs = new InstrumentedFileSystem(await unversionedData());
    await writeFileAtomic(fs, `${PARTITION}/.clean-shutdown`, torn);
    const log = await openLog(fs, CONFIG, () => 42, PARTITION);
    assert.ok(fs.readsOf((p) => p.endsWith('.log')) > 0, 'scanned');
    assert.deepEqual(await valuesOf(log), values);
    assert.equal(log.producers.get(7n)?.lastUpdateMs, 42, 'rebuilt by the scan');
    assert.equal((await log.append(producerBatch(7))).baseOffset, 7n, 'still a duplicate');
  });

  await t.test('producer-state.json: the log is scanned and the producers rebuilt from it', async () => {
    const fs = new InstrumentedFileSystem(await unversionedData());
    await writeFileAtomic(fs, `${PARTITION}/producer-state.json`, Buffer.from('[{"producerId":"7","epoch":"zero"}]'));
    const log = await openLog(fs, CONFIG, () => 42, PARTITION);
    assert.ok(fs.readsOf((p) => p.endsWith('.log')) > 0, 'scanned');
    assert.equal(log.producers.get(7n)?.lastUpdateMs, 42);
    assert.equal((await log.append(producerBatch(7))).baseOffset, 7n);
  });

  await t.test('recovery-point: 0, so a later unclean open scans everything', async () => {
    const fs = await unversionedData();
    await writeFileAtomic(fs, `${PARTITION}/recovery-point`, torn);
    const log = await openLog(fs, CONFIG, undefined, PARTITION);
    assert.equal(log.recoveryPoint, 0n);
    assert.deepEqual(await valuesOf(log), values);
  });

  await t.test('log-start-offset: the first segment’s base offset, as before versions', async () => {
    const fs = await unversionedData();
    await writeFileAtomic(fs, `${PARTITION}/log-start-offset`, Buffer.from('x\n'));
    const log = await openLog(fs, CONFIG, undefined, PARTITION);
    assert.equal(log.logStartOffset, 2n);
  });

  await t.test('compaction.manifest: never committed, so ignored and removed', async () => {
    const fs = await unversionedData();
    await writeFileAtomic(fs, `${PARTITION}/compaction.manifest`, torn);
    const log = await openLog(fs, CONFIG, undefined, PARTITION);
    assert.deepEqual(await valuesOf(log), values);
    assert.equal(await fs.exists(`${PARTITION}/compaction.manifest`), false);
  });

  await t.test('topics.json: the start stops with STORAGE_TOPIC_LIST_UNREADABLE, the partitions untouched', async () => {
    const fs = await unversionedData();
    await writeFileAtomic(fs, '/data/topics.json', Buffer.from('{"version":1,"topics":[{"name":"old"}]}'));
    await assert.rejects(openManager(fs), (e: unknown) => e instanceof StorageError && e.code === 'STORAGE_TOPIC_LIST_UNREADABLE' && /Restore it from a backup/.test(e.message));
    assert.ok(await fs.exists(`${PARTITION}/00000000000000000002.log`));
  });
});

test('every format reads back what it writes, and a version-1 file with a wrong field reads as nothing', () => {
  const roundTrip = <T>(format: StateFileFormat<T>, value: T) => assert.deepEqual(decodeStateFile(format, format.name, encodeStateFile(format, value)), value, format.name);
  roundTrip(RECOVERY_POINT, 12345678901234567n);
  roundTrip(LOG_START_OFFSET, 0n);
  roundTrip(COMPACTION_MANIFEST, [0n, 9007199254740993n]);
  roundTrip(TOPIC_LIST, [{ name: 'a', topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: 3, configs: { 'cleanup.policy': 'compact' } }]);
  roundTrip(PRODUCER_SNAPSHOT, {
    version: 2,
    producers: [
      { producerId: 1n, epoch: 2, lastUpdateMs: 3, batches: [{ firstSeq: 2147483647, lastSeq: 0, firstOffset: 10n, lastOffset: 11n, timestamp: -1n }], coordinatorEpoch: -1, currentTxnFirstOffset: null, lastTimestamp: -1n },
      { producerId: 2n, epoch: 0, lastUpdateMs: 3, batches: [], coordinatorEpoch: 4, currentTxnFirstOffset: 12n, lastTimestamp: 1700000000000n },
    ],
  });
  roundTrip(CLEAN_SHUTDOWN, { logEndOffset: 5n, cleanerCheckpoint: 2n, segments: [{ baseOffset: 0n, size: 70, nextOffset: 5n, maxTimestamp: -1n, offsetOfMaxTimestamp: -1n, abortedTxns: 3 }] });
  const wrong = (format: StateFileFormat<unknown>, fields: object) => assert.equal(decodeStateFile(format, format.name, Buffer.from(JSON.stringify({ version: 1, ...fields }))), null, format.name);
  wrong(RECOVERY_POINT, { offset: 12 });
  wrong(COMPACTION_MANIFEST, { bases: '1' });
  wrong(PRODUCER_SNAPSHOT as StateFileFormat<unknown>, { producers: [{ producerId: '1', epoch: 0, lastUpdateMs: 0, batches: [[0, 0, '0', 'x', '0']] }] });
  wrong(CLEAN_SHUTDOWN as StateFileFormat<unknown>, { logEndOffset: '1', cleanerCheckpoint: '0', segments: [{ base: '0', size: -1, next: '1', maxTimestamp: '-1', offsetOfMaxTimestamp: '-1' }] });
  const cleanV2 = (abortedTxns: unknown) => Buffer.from(JSON.stringify({ version: 2, logEndOffset: '1', cleanerCheckpoint: '0', segments: [{ base: '0', size: 1, next: '1', maxTimestamp: '-1', offsetOfMaxTimestamp: '-1', abortedTxns }] }));
  assert.equal(decodeStateFile(CLEAN_SHUTDOWN, CLEAN_SHUTDOWN.name, cleanV2(undefined)), null, '.clean-shutdown version 2 must say each segment\'s abortedTxns');
  assert.equal(decodeStateFile(CLEAN_SHUTDOWN, CLEAN_SHUTDOWN.name, cleanV2(-1)), null, 'a negative abortedTxns');
  assert.equal(decodeStateFile(RECOVERY_POINT, 'recovery-point', Buffer.from('{"version":"1","offset":"1"}')), null, 'a version that is not a number');
});

test('producer-state.json of version 1 (before transactions) still reads: no open transaction, no marker, the timestamp of the last batch', () => {
  const v1 = Buffer.from(JSON.stringify({ version: 1, producers: [{ producerId: '9', epoch: 3, lastUpdateMs: 5, batches: [[0, 4, '20', '24', '1700000000123']] }] }));
  assert.deepEqual(decodeStateFile(PRODUCER_SNAPSHOT, PRODUCER_SNAPSHOT.name, v1), {
    version: 1,
    producers: [{ producerId: 9n, epoch: 3, lastUpdateMs: 5, batches: [{ firstSeq: 0, lastSeq: 4, firstOffset: 20n, lastOffset: 24n, timestamp: 1700000000123n }], coordinatorEpoch: -1, currentTxnFirstOffset: null, lastTimestamp: 1700000000123n }],
  });
  const v2WithoutTransactions = Buffer.from(JSON.stringify({ version: 2, producers: [{ producerId: '9', epoch: 3, lastUpdateMs: 5, batches: [] }] }));
  assert.equal(decodeStateFile(PRODUCER_SNAPSHOT, PRODUCER_SNAPSHOT.name, v2WithoutTransactions), null, 'version 2 must carry the transaction fields');
});
