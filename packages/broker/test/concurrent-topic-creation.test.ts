// Topics created at the same time from many connections are all created and all survive a
// restart. topics.json was written by concurrent saves through one temporary file, so a
// creation could fail with ENOENT on the rename (seen with kafka-python's tests, whose producers
// auto-create topics in parallel) or an older topic list could land last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ZERO_UUID } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

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

// Changes of one topic name from several connections at once run one after another: a deletion
// racing an auto-creation removed the logs the creation was about to track (a TypeError closed
// the connection), and two creations of one name could open the same partition folders twice.
test('creations, auto-creations and deletions of one name racing on many connections', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const connections = await Promise.all(Array.from({ length: 6 }, () => RawConnection.open(broker.port)));
    for (let round = 0; round < 15; round++) {
      const name = `race-${round % 3}`;
      const answers = await Promise.all(
        connections.map((c, i) =>
          i % 3 === 0
            ? c.request(Apis.CreateTopics, 7, { topics: [{ name, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 10_000 }).then((r) => r.topics[0].errorCode as number)
            : i % 3 === 1
              ? c.request(Apis.DeleteTopics, 6, { topics: [{ name, topicId: ZERO_UUID }], topicNames: [], timeoutMs: 10_000 }).then((r) => r.responses[0].errorCode as number)
              : c.request(Apis.Metadata, 12, { topics: [{ name, topicId: ZERO_UUID }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false }).then((r) => r.topics[0].errorCode as number),
        ),
      );
      // Each answer is a clean outcome: created/exists/unknown, never a closed connection.
      for (const code of answers) assert.ok([0, 3, 5, 36].includes(code), `unexpected error code ${code} in round ${round}: ${answers}`);
      assert.ok(connections.every((c) => !c.closed), `a connection was closed in round ${round}`);
    }
    // What is left is consistent: every listed topic has its partitions readable.
    const meta = await connections[0]!.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    for (const t of meta.topics) {
      for (const p of t.partitions) {
        const fetched = await connections[0]!.request(Apis.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: t.name, partitions: [{ partitionIndex: p.partitionIndex, currentLeaderEpoch: -1, timestamp: -1n }] }] });
        assert.equal(fetched.topics[0].partitions[0].errorCode, 0);
      }
    }
    for (const c of connections) c.close();
  } finally {
    await broker.close();
  }
});
