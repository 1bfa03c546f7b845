// Fetch sessions (KIP-227): the same raw Fetch requests go to Apache Kafka 4.3.1 and to Sluice,
// with the same assertions, so the rules are Kafka's: epoch 0 and -1 are full fetches whatever the
// session id (the session named is closed; 0 opens a new one, -1 none), any other epoch needs a
// known session at that epoch, and an incremental answer lists only partitions with news.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, rawTargets, untilAccepted } from '@sluice/test-kit';

const TOPIC = 'sessions';
const UNKNOWN_SESSION = 123_456_789;

type Partition = { partitionIndex: number; errorCode: number; highWatermark: bigint; records: Buffer | null };
type FetchAnswer = { errorCode: number; sessionId: number; responses: { topic: string; topicId: string; partitions: Partition[] }[] };

for (const target of rawTargets) {
  describe(`fetch sessions on ${target.name}`, { timeout: 300_000 }, () => {
    let broker: { port: number; stop(): Promise<void> };
    let c: RawConnection;
    let topicId: string;

    before(async () => {
      broker = await target.start();
      c = await RawConnection.open(broker.port);
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, 0);
      topicId = created.topics[0].topicId;
      for (const index of [0, 1]) await produce(index, 3);
    });
    after(async () => {
      c?.close();
      await broker?.stop();
    });

    async function produce(index: number, count: number): Promise<void> {
      const records = Array.from({ length: count }, (_, i) => ({ value: `v${i}` }));
      await untilAccepted(
        'produce',
        () => c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 10_000, topicData: [{ name: TOPIC, partitionData: [{ index, records: encodeUncompressedRecordBatch({ records }) }] }] }),
        (r) => r.responses[0].partitionResponses[0].errorCode,
      );
    }

    /** A Fetch v12 (topics by name) listing `positions` (partition → fetch offset). */
    function fetch(sessionId: number, sessionEpoch: number, positions: [number, bigint][], forgotten: number[] = []): Promise<FetchAnswer> {
      return c.request(Apis.Fetch, 12, {
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: 1 << 20,
        isolationLevel: 0,
        sessionId,
        sessionEpoch,
        topics: positions.length === 0 ? [] : [{ topic: TOPIC, partitions: positions.map(([partition, fetchOffset]) => ({ partition, fetchOffset, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n, lastFetchedEpoch: -1 })) }],
        forgottenTopicsData: forgotten.length === 0 ? [] : [{ topic: TOPIC, partitions: forgotten }],
        rackId: '',
      });
    }

    /** Partition → [error, high watermark, has records], in answer order. */
    function summary(r: FetchAnswer): [number, number, bigint, boolean][] {
      return r.responses.flatMap((t) => t.partitions.map((p): [number, number, bigint, boolean] => [p.partitionIndex, p.errorCode, p.highWatermark, (p.records?.length ?? 0) > 0]));
    }

    test('epoch -1 is a full fetch outside any session, whatever the session id', async () => {
      for (const sessionId of [-1, 0, UNKNOWN_SESSION]) {
        const r = await fetch(sessionId, -1, [[0, 0n], [1, 0n]]);
        assert.deepEqual([r.errorCode, r.sessionId], [ErrorCode.NONE, 0], `session id ${sessionId}`);
        assert.deepEqual(summary(r), [[0, 0, 3n, true], [1, 0, 3n, true]], `session id ${sessionId}`);
      }
    });

    test('epoch 0 is a full fetch that opens a session, whatever the session id', async () => {
      for (const sessionId of [0, -1, UNKNOWN_SESSION]) {
        const r = await fetch(sessionId, 0, [[0, 0n], [1, 0n]]);
        assert.equal(r.errorCode, ErrorCode.NONE, `session id ${sessionId}`);
        assert.ok(r.sessionId > 0, `a new session for session id ${sessionId}: ${r.sessionId}`);
        assert.deepEqual(summary(r), [[0, 0, 3n, true], [1, 0, 3n, true]], `session id ${sessionId}`);
      }
    });

    test('any other epoch needs a known session', async () => {
      for (const [sessionId, epoch] of [[0, 1], [UNKNOWN_SESSION, 1], [-1, 1], [0, -2], [UNKNOWN_SESSION, -2]]) {
        const r = await fetch(sessionId!, epoch!, [[0, 0n]]);
        assert.deepEqual([r.errorCode, r.sessionId, r.responses], [ErrorCode.FETCH_SESSION_ID_NOT_FOUND, 0, []], `session ${sessionId} epoch ${epoch}`);
      }
    });

    test('an incremental fetch answers only partitions with news, and a wrong epoch is refused', async () => {
      const opened = await fetch(0, 0, [[0, 0n], [1, 0n]]);
      const id = opened.sessionId;
      assert.ok(id > 0);

      // Both partitions move to their end: no records, unchanged high watermarks, nothing to say.
      const quiet = await fetch(id, 1, [[0, 3n], [1, 3n]]);
      assert.deepEqual([quiet.errorCode, quiet.sessionId, summary(quiet)], [ErrorCode.NONE, id, []]);

      await produce(1, 2);
      const news = await fetch(id, 2, []);
      assert.deepEqual([news.errorCode, news.sessionId, summary(news)], [ErrorCode.NONE, id, [[1, 0, 5n, true]]], 'only the partition with new records');

      for (const epoch of [2, 1, 4, 100]) {
        const wrong = await fetch(id, epoch, []);
        assert.deepEqual([wrong.errorCode, wrong.sessionId, wrong.responses], [ErrorCode.INVALID_FETCH_SESSION_EPOCH, 0, []], `epoch ${epoch} where 3 is due`);
      }
      // The refusals did not move the session: epoch 3 is still the one due.
      const next = await fetch(id, 3, [[1, 5n]]);
      assert.deepEqual([next.errorCode, next.sessionId, summary(next)], [ErrorCode.NONE, id, []]);

      // A partition past the end is news every time (an error), then forgotten.
      const outOfRange = await fetch(id, 4, [[0, 99n]]);
      assert.deepEqual(summary(outOfRange).map(([p, e]) => [p, e]), [[0, ErrorCode.OFFSET_OUT_OF_RANGE]]);
      const again = await fetch(id, 5, []);
      assert.deepEqual(summary(again).map(([p, e]) => [p, e]), [[0, ErrorCode.OFFSET_OUT_OF_RANGE]]);

      // Fetch v13 names topics by id: a session opened by name cannot be continued by it.
      const byId = await c.request(Apis.Fetch, 13, { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: id, sessionEpoch: 6, topics: [], forgottenTopicsData: [], rackId: '' });
      assert.deepEqual([byId.errorCode, byId.sessionId, byId.responses], [ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR, 0, []]);
      assert.ok(topicId.length > 0);
    });

    test('a full fetch closes the session it names; forgetting every partition closes it too', async () => {
      const first = (await fetch(0, 0, [[0, 3n]])).sessionId;
      const closedByFinal = await fetch(first, -1, [[0, 3n]]);
      assert.deepEqual([closedByFinal.errorCode, closedByFinal.sessionId], [ErrorCode.NONE, 0]);
      assert.equal((await fetch(first, 1, [])).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND, 'epoch -1 closed the session');

      const second = (await fetch(0, 0, [[0, 3n]])).sessionId;
      const replaced = await fetch(second, 0, [[0, 3n]]);
      assert.ok(replaced.sessionId > 0 && replaced.sessionId !== second, 'epoch 0 with an id opens another session');
      assert.equal((await fetch(second, 1, [])).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND, 'epoch 0 closed the session it named');
      assert.equal((await fetch(replaced.sessionId, 1, [])).errorCode, ErrorCode.NONE, 'the new session goes on');

      const emptied = await fetch(replaced.sessionId, 2, [], [0]);
      assert.deepEqual([emptied.errorCode, emptied.sessionId, emptied.responses], [ErrorCode.NONE, 0, []], 'a session without partitions is closed');
      assert.equal((await fetch(replaced.sessionId, 3, [])).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
    });
  });
}
