// The data folder's identity in meta.properties: the directory.id Kafka gives each log dir is made
// once, kept across restarts, added to a folder written without one, survives a power cut at any
// step of that rewrite (an id once answered is never replaced), and a damaged one stops the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { ZERO_UUID, isValidUuid } from '@sluice/protocol';
import { loadOrCreateIdentity } from '../src/identity.ts';

const OLD_META = '#Written by Sluice\nversion=1\ncluster.id=MkU3OEVBNTcwNTJENDM2Qk\nnode.id=1\n';

async function folderWith(meta: string | null): Promise<MemoryFileSystem> {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  await fs.syncDir('/'); // the folder itself outlives a power cut; what is in it is the question
  if (meta !== null) await writeFileAtomic(fs, '/data/meta.properties', Buffer.from(meta));
  return fs;
}

test('a new folder gets a directory id, kept across restarts', async () => {
  const fs = await folderWith(null);
  const first = await loadOrCreateIdentity(fs, '/data', 1, null);
  assert.ok(isValidUuid(first.directoryId) && first.directoryId !== ZERO_UUID, first.directoryId);
  assert.match((await fs.readFile('/data/meta.properties')).toString(), new RegExp(`^directory\\.id=${first.directoryId}$`, 'm'));
  fs.powerLoss();
  assert.deepEqual(await loadOrCreateIdentity(fs, '/data', 1, null), first);
  // Another folder has its own.
  const other = await loadOrCreateIdentity(await folderWith(null), '/data', 1, null);
  assert.notEqual(other.directoryId, first.directoryId);
});

test('a folder written without a directory id is given one, and keeps its cluster id and node id', async () => {
  const fs = await folderWith(OLD_META);
  const { clusterId, directoryId } = await loadOrCreateIdentity(fs, '/data', 1, null);
  assert.equal(clusterId, 'MkU3OEVBNTcwNTJENDM2Qk');
  const text = (await fs.readFile('/data/meta.properties')).toString();
  assert.match(text, /^cluster\.id=MkU3OEVBNTcwNTJENDM2Qk$/m);
  assert.match(text, /^node\.id=1$/m);
  assert.equal((await loadOrCreateIdentity(fs, '/data', 1, null)).directoryId, directoryId);
});

test('a power cut at any step of adding the directory id leaves the old file or the new one, and an id answered is kept', async () => {
  let cuts = 0;
  for (let step = 0; ; step++) {
    const fs = await folderWith(OLD_META);
    fs.scheduleCrash(step);
    let answered: string | undefined;
    try {
      answered = (await loadOrCreateIdentity(fs, '/data', 1, null)).directoryId;
    } catch {
      // The power went off before the write finished: nothing was answered.
    }
    const crashed = fs.crashed;
    if (crashed) cuts++;
    fs.powerLoss();
    fs.restart();
    const after = await loadOrCreateIdentity(fs, '/data', 1, null);
    assert.equal(after.clusterId, 'MkU3OEVBNTcwNTJENDM2Qk', `step ${step}`);
    if (answered !== undefined) assert.equal(after.directoryId, answered, `step ${step}`);
    assert.equal((await loadOrCreateIdentity(fs, '/data', 1, null)).directoryId, after.directoryId, `step ${step}`);
    if (!crashed) break; // the whole rewrite ran before the crash point
  }
  assert.ok(cuts >= 3, `the rewrite was cut at ${cuts} steps`);
});

test('a directory id that is not one, or is one of Kafka reserved ids, stops the start saying what to do', async () => {
  for (const bad of ['not-a-uuid', ZERO_UUID, 'AAAAAAAAAAAAAAAAAAAAAQ']) {
    const fs = await folderWith(`${OLD_META}directory.id=${bad}\n`);
    await assert.rejects(loadOrCreateIdentity(fs, '/data', 1, null), (e: Error) => e.message.includes(`directory.id=${bad}`) && /remove the directory\.id line/.test(e.message));
  }
});
