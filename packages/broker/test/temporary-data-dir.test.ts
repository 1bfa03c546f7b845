// startBroker() without a data directory keeps its data in a temporary folder and removes it on
// close; a broker given a data directory (or log.dirs) leaves it in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Apis, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker, type Broker } from '../src/index.js';
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
