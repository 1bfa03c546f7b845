// Topics created at the same time from many connections are all created and all survive a
// restart. topics.json was written by concurrent saves through one temporary file, so a
// creation could fail with ENOENT on the rename (seen with kafka-python's tests, whose producers
// auto-create topics in parallel) or an older topic list could land last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis } from '@sluice/protocol';
import { startBroker } from '../src/index.js';
import { RawConnection } from './support.js';

test('concurrent CreateTopics all succeed and all survive a restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-concurrent-topics-'));
  try {
    const names = Array.from({ length: 24 }, (_, i) => `t${i}`);
    const broker = await startBroker({ port: 0, dataDir });
    let results;
    try {
      const connections = await Promise.all(names.map(() => RawConnection.open(broker.port)));
      results = await Promise.all(
        names.map((name, i) => connections[i]!.request(Apis.CreateTopics, 7, { topics: [{ name, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 10_000 })),
      );
      for (const c of connections) c.close();
    } finally {
      await broker.close();
    }
    assert.deepEqual(results.map((r) => [r.topics[0].name, r.topics[0].errorCode, r.topics[0].errorMessage]), names.map((n) => [n, 0, null]));

    const again = await startBroker({ port: 0, dataDir });
    try {
      const c = await RawConnection.open(again.port);
      const meta = await c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      c.close();
      assert.deepEqual(meta.topics.map((t: { name: string }) => t.name).filter((n: string) => names.includes(n)).sort(), [...names].sort());
    } finally {
      await again.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
