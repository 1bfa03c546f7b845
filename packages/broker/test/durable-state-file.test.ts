// The broker's durable JSON state file (acls, scram-credentials, group-configs, client-quotas and
// finalized-features are each one): a power cut at every step of a write leaves the old value or
// the new one (never a torn file, never an acknowledged change lost), a temporary file left behind
// is removed, a torn or garbage file and a newer format version stop the open with the file's name
// and what to do, changes are written one after another and take effect only once written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { Random } from '@sluice/test-kit/random';
import { BrokerErrorCode } from '../src/errors.ts';
import { type DurableStateFormat, DurableStateFile, StateFileError } from '../src/durable-state-file.ts';

interface Shelf {
  items: readonly string[];
}

/** A small format of version 2 whose version 0 had the items under another name, as a real change of layout would. */
const SHELF: DurableStateFormat<Shelf> = {
  version: 2,
  startOver: 'remove it and shelve the items again',
  empty: () => ({ items: [] }),
  decode(json, version) {
    const items = version === 0 ? json.things : json.items;
    if (!Array.isArray(items)) throw new TypeError('items is not a list');
    return { items: items.map(String) };
  },
  encode: (shelf) => ({ items: shelf.items }),
};

const PATH = '/data/shelf';
const add = (item: string) => (shelf: Shelf) => ({ next: { items: [...shelf.items, item] }, result: shelf.items.length });

async function folder<F extends MemoryFileSystem = MemoryFileSystem>(fs: F = new MemoryFileSystem() as F): Promise<F> {
  await fs.mkdir('/data');
  await fs.syncDir('/');
  return fs;
}

/** The shelf file of `fs`, opened. */
async function opened(fs: MemoryFileSystem, onChange?: (shelf: Shelf) => void): Promise<DurableStateFile<Shelf>> {
  const file = new DurableStateFile(SHELF, onChange);
  await file.open(fs, PATH);
  return file;
}

async function refused(fs: MemoryFileSystem, content: string): Promise<StateFileError> {
  await writeFileAtomic(fs, PATH, Buffer.from(content));
  const error = await opened(fs).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof StateFileError, `${content}: ${String(error)}`);
  assert.ok(error.message.startsWith(PATH), `${content}: the message names the file: ${error.message}`);
  assert.equal((await fs.readFile(PATH)).toString(), content, 'a refused file is left as it was');
  return error;
}

test('a power cut at any step of a write leaves the old value or the new one, and never loses an acknowledged one', async () => {
  const random = new Random(7);
  let sawOld = false;
  let sawNew = false;
  for (let step = 0; ; step++) {
    const fs = await folder();
    const file = await opened(fs);
    await file.update(add('old'));
    // Half the cuts keep a random part of what was written but not synced, as a real disk may.
    fs.scheduleCrash(step, step % 2 === 0 ? undefined : () => random.next());
    const acknowledged = await file.update(add('new')).then(() => true, () => false);
    const crashed = fs.crashed;
    fs.restart();
    const after = (await opened(fs)).value.items;
    assert.ok(!(await fs.exists(`${PATH}.tmp`)), `step ${step}: the temporary file is removed at open`);
    if (acknowledged) assert.deepEqual(after, ['old', 'new'], `step ${step}: an acknowledged change is kept`);
    else assert.ok(['old', 'old,new'].includes(after.join(',')), `step ${step}: the old value or the new one, not ${JSON.stringify(after)}`);
    if (after.length === 1) sawOld = true;
    else sawNew = true;
    if (!crashed) break; // the write got through every step before the cut
  }
  assert.ok(sawOld && sawNew, 'cuts before and after the rename were both reached');
});

test('a temporary file left behind by a crash is ignored and removed; the old value loads', async () => {
  const fs = await folder();
  await (await opened(fs)).update(add('kept'));
  await writeFileAtomic(fs, `${PATH}.tmp`, Buffer.from('{"version":2,"items":["half-writ'));
  const file = await opened(fs);
  assert.deepEqual(file.value.items, ['kept']);
  assert.ok(!(await fs.exists(`${PATH}.tmp`)));
  await file.update(add('next'));
  assert.deepEqual((await opened(fs)).value.items, ['kept', 'next']);
});

test('a torn or garbage file stops the open with a clear error naming the file and what to do', async () => {
  const fs = await folder();
  const cases: [string, RegExp][] = [
    ['{"version":2,"items":["a","b', /^\/data\/shelf is not valid JSON \(.+\); restore it from a backup, or remove it and shelve the items again$/],
    ['', /^\/data\/shelf is not valid JSON/],
    ['\u0000\u0000\u0000\u0000', /^\/data\/shelf is not valid JSON/],
    ['["a"]', /^\/data\/shelf does not hold a JSON object; restore it from a backup/],
    ['{"version":"2","items":[]}', /^\/data\/shelf has format version "2", which is not a whole number of at least 0; restore it/],
    ['{"version":1.5,"items":[]}', /^\/data\/shelf has format version 1.5, which is not a whole number/],
    ['{"version":2,"items":"a"}', /^\/data\/shelf does not hold what format version 2 holds \(items is not a list\); restore it from a backup, or remove it and shelve the items again$/],
  ];
  for (const [content, expected] of cases) {
    const error = await refused(fs, content);
    assert.equal(error.code, BrokerErrorCode.STATE_FILE_UNREADABLE, content);
    assert.match(error.message, expected);
  }
});

test('a newer format version is refused with the versions and what to do, and the file is kept', async () => {
  const fs = await folder();
  const error = await refused(fs, '{"version":3,"items":["a"],"labels":{"a":"red"}}');
  assert.equal(error.code, BrokerErrorCode.STATE_FILE_UNSUPPORTED_FORMAT);
  assert.equal(error.message, '/data/shelf has format version 3, newer than the version 2 this Sluice reads (it reads versions 0 to 2): start the newer Sluice that wrote it, or remove it and shelve the items again');
});

test('every older version is read, a file without one as version 0, and the next write is in the newest', async () => {
  const fs = await folder();
  await writeFileAtomic(fs, PATH, Buffer.from('{"things":["from-0"]}'));
  const file = await opened(fs);
  assert.deepEqual(file.value.items, ['from-0']);
  await file.update(add('b'));
  assert.deepEqual(JSON.parse((await fs.readFile(PATH)).toString()), { version: 2, items: ['from-0', 'b'] });
  await writeFileAtomic(fs, PATH, Buffer.from('{"version":1,"items":["from-1"]}'));
  assert.deepEqual((await opened(fs)).value.items, ['from-1']);
});

/** A file system whose next rename waits until released: a write held in the middle. */
class HeldRenameFileSystem extends MemoryFileSystem {
  private held: { reached: () => void; release: Promise<void> } | undefined;
  renames = 0;
  holdNextRename(): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = { reached: new Promise<void>((r) => (reached = r)), release: () => release() };
    this.held = { reached, release: new Promise<void>((r) => (release = r)) };
    return gate;
  }
  override async rename(from: string, to: string): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) {
      held.reached();
      await held.release;
    }
    this.renames++;
    return super.rename(from, to);
  }
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('two changes made at once are written one after the other: the second is decided on the first and is what the file ends with', async () => {
  const fs = await folder(new HeldRenameFileSystem());
  const changes: Shelf[] = [];
  const file = await opened(fs, (shelf) => changes.push(shelf));
  const gate = fs.holdNextRename();
  const first = file.update(add('first'));
  await gate.reached;
  let secondRan = false;
  const second = file.update((shelf) => {
    secondRan = true;
    return add('second')(shelf);
  });
  await turns(20);
  assert.equal(secondRan, false, 'the second change waits for the first to be written');
  assert.deepEqual(file.value.items, [], 'a change being written is not in force yet');
  gate.release();
  assert.deepEqual(await Promise.all([first, second]), [0, 1], 'the second was decided on what the first left');
  assert.deepEqual(file.value.items, ['first', 'second']);
  assert.deepEqual(changes.map((s) => s.items.join(',')), ['first', 'first,second'], 'onChange saw each value put in force, in order');
  assert.deepEqual(JSON.parse((await fs.readFile(PATH)).toString()), { version: 2, items: ['first', 'second'] });
  assert.deepEqual((await opened(fs)).value.items, ['first', 'second']);
});

test('a file is empty until opened, and changing it before is refused', async () => {
  const fs = await folder();
  await (await opened(fs)).update(add('a'));
  const file = new DurableStateFile(SHELF);
  assert.deepEqual(file.value.items, []);
  await assert.rejects(file.update(add('b')), /changed before it is opened/);
  await file.open(fs, PATH);
  assert.deepEqual(file.value.items, ['a']);
});

test('a change that gives no value writes nothing, and its result is still returned', async () => {
  const fs = await folder(new HeldRenameFileSystem());
  const file = await opened(fs);
  assert.equal(await file.update(() => ({ result: 'refused' })), 'refused');
  assert.equal(fs.renames, 0);
  assert.ok(!(await fs.exists(PATH)));
});

/** A file system whose next folder sync fails: the rename is done (and visible) but not known to be durable. */
class FailingDirSyncFileSystem extends MemoryFileSystem {
  failDirSync = false;
  override async syncDir(dir: string): Promise<void> {
    if (this.failDirSync) {
      this.failDirSync = false;
      throw Object.assign(new Error(`EIO: injected, syncing ${dir}`), { code: 'EIO' });
    }
    return super.syncDir(dir);
  }
}

test('a failed write is in force nowhere: not in the value, not on disk, and the next change applies on what was written', async () => {
  const fs = await folder(new FailingDirSyncFileSystem());
  const file = await opened(fs);
  await file.update(add('a'));

  fs.failNextWrite();
  await assert.rejects(file.update(add('lost-in-write')), /EIO/);
  assert.deepEqual(file.value.items, ['a']);

  // Failing after the rename: the new file was briefly in place, and is replaced by the value in force.
  fs.failDirSync = true;
  await assert.rejects(file.update(add('lost-after-rename')), /EIO/);
  assert.deepEqual(file.value.items, ['a']);
  assert.deepEqual((await opened(fs)).value.items, ['a'], 'a restart does not find the refused change');

  await file.update(add('b'));
  assert.deepEqual((await opened(fs)).value.items, ['a', 'b']);
});
