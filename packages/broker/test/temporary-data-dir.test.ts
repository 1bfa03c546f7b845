// startBroker() without a data directory keeps its data in a temporary folder and removes it on
// close; a broker given a data directory (or log.dirs) leaves it in place. The temporary folder
// is made and removed through the FileSystem the broker is given: with the in-memory one, nothing
// is made on the real disk; with none, it is a private folder (mkdtemp's mode 0700).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Apis, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { MemoryFileSystem } from '@sluice/storage';
import { startBroker, type Broker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

/** Creates topic `t` and appends a record with acks=all, so that the folder holds a log. */
async function write(broker: Broker): Promise<void> {
  const c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    assert.equal(created.topics[0].errorCode, 0);
    const produced = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: 0, records: encodeUncompressedRecordBatch({ records: [{ value: 'x' }] }) }] }] });
    assert.equal(produced.responses[0].partitionResponses[0].errorCode, 0);
  } finally {
    c.close();
  }
}

test('without a data directory the broker uses a temporary folder and removes it on close', async () => {
  const broker = await startBroker({ port: 0 });
  const dir = broker.dataDir;
  try {
    assert.equal(dirname(dir), tmpdir());
    assert.match(basename(dir), /^sluice-broker-/);
    assert.equal(statSync(dir).mode & 0o777, 0o700, 'the folder is private');
    await write(broker);
    assert.ok(readdirSync(dir).includes('t-0'), `the log is in ${dir}: ${readdirSync(dir).join(', ')}`);
  } finally {
    await broker.close();
  }
  assert.equal(existsSync(dir), false, `${dir} is removed`);
});

test('a data directory given with dataDir or log.dirs is kept', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'sluice-kept-'));
  try {
    for (const options of [{ dataDir: join(parent, 'a') }, { config: { 'log.dirs': join(parent, 'b') } }]) {
      const broker = await startBroker({ port: 0, ...options });
      try {
        await write(broker);
      } finally {
        await broker.close();
      }
      assert.ok(existsSync(join(broker.dataDir, 't-0')), `${broker.dataDir} is kept`);
    }
    assert.deepEqual(readdirSync(parent).sort(), ['a', 'b']);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('with an injected FileSystem, the temporary folder is made in it, not on disk, and removed from it on close', async () => {
  const fs = new MemoryFileSystem();
  const broker = await startBroker({ port: 0, fs });
  const dir = broker.dataDir;
  try {
    assert.equal(dirname(dir), tmpdir());
    assert.match(basename(dir), /^sluice-broker-/);
    await write(broker);
    assert.ok((await fs.list(dir)).includes('t-0'), 'the log is in the injected file system');
    assert.equal(existsSync(dir), false, 'nothing is made on the real disk');
  } finally {
    await broker.close();
  }
  assert.equal(await fs.exists(dir), false, `${dir} is removed from the injected file system`);
});
