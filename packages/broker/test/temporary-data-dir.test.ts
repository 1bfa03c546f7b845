// The temporary data folder of a broker started without one is storage's business: it is made
// and removed through the FileSystem the broker is given. With the in-memory one, nothing is made
// on the real disk; with none given, a real private folder is made and removed on close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { MemoryFileSystem } from '@sluice/storage';
import { startBroker } from '../src/index.js';

test('with an injected FileSystem, the temporary folder is made in it, not on disk, and removed from it on close', async () => {
  const fs = new MemoryFileSystem();
  const broker = await startBroker({ port: 0, fs });
  try {
    assert.equal(dirname(broker.dataDir), tmpdir());
    assert.match(basename(broker.dataDir), /^sluice-broker-/);
    assert.ok(await fs.exists(broker.dataDir), 'the folder is in the injected file system');
    assert.ok((await fs.list(broker.dataDir)).length > 0, 'the broker keeps its files there');
    assert.equal(existsSync(broker.dataDir), false, 'nothing is made on the real disk');
  } finally {
    await broker.close();
  }
  assert.equal(await fs.exists(broker.dataDir), false);
});

test('without one, the temporary folder is a private folder on disk, removed on close', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    assert.ok(statSync(broker.dataDir).isDirectory());
    assert.equal(statSync(broker.dataDir).mode & 0o777, 0o700);
  } finally {
    await broker.close();
  }
  assert.equal(existsSync(broker.dataDir), false);
});
