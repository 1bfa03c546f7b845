// Incremental fetch sessions against a model: a raw client keeps a session the way KIP-227 clients
// do (it lists only partitions whose position moved, forgets some and adds them back, sometimes
// starts over with epoch 0 or leaves with -1) while records are produced between fetches, with
// random budgets. An incremental answer leaves out partitions without news, so a broker that left
// out one with records would lose them for this reader: every record produced must be read
// exactly once, in order. Seeded (SEED=<n> replays a run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, batchSizeAt, decodeRecordBatch, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { Random, RawConnection } from '@sluice/test-kit';
import { startBroker } from '../src/index.ts';

const TOPIC = 'model';
const PARTITIONS = 6;
const STEPS = 400;

/** What the client believes: its positions, which partitions it reads, and what the session holds. */
class SessionClient {
  sessionId = 0;
  epoch = 0;
  /** The next fetch is a full one with the final epoch (-1): it closes the session, opening none. */
  leaving = false;
  readonly positions = new Array<bigint>(PARTITIONS).fill(0n);
  readonly reading = new Set<number>(Array.from({ length: PARTITIONS }, (_, i) => i));
  /** The position the broker's session has for each partition in it. */
  readonly inSession = new Map<number, bigint>();
  readonly read: string[][] = Array.from({ length: PARTITIONS }, () => []);

  private readonly c: RawConnection;

  constructor(c: RawConnection) {
    this.c = c;
  }

  async fetch(rnd: Random): Promise<void> {
    const full = this.sessionId === 0 || this.epoch === 0 || this.leaving;
    const listed = [...this.reading].filter((p) => full || this.inSession.get(p) !== this.positions[p]);
    const forgotten = full ? [] : [...this.inSession.keys()].filter((p) => !this.reading.has(p));
    const maxBytes = rnd.int(0, 3) === 0 ? 0 : rnd.int(1, 4000);
    const r = await this.c.request(Apis.Fetch, 12, {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes,
      isolationLevel: 0,
      sessionId: this.sessionId,
      sessionEpoch: this.leaving ? -1 : full ? 0 : this.epoch,
      topics: listed.length === 0 ? [] : [{ topic: TOPIC, partitions: listed.map((p) => ({ partition: p, fetchOffset: this.positions[p]!, partitionMaxBytes: rnd.int(1, 3000), currentLeaderEpoch: -1, logStartOffset: -1n, lastFetchedEpoch: -1 })) }],
      forgottenTopicsData: forgotten.length === 0 ? [] : [{ topic: TOPIC, partitions: forgotten }],
      rackId: '',
    });
    assert.equal(r.errorCode, ErrorCode.NONE, `session ${this.sessionId} epoch ${this.epoch}`);
    if (this.leaving) assert.equal(r.sessionId, 0, 'the final epoch opens no session');
    this.leaving = false;
    if (full) this.inSession.clear();
    for (const p of listed) this.inSession.set(p, this.positions[p]!);
    for (const p of forgotten) this.inSession.delete(p);
    if (r.sessionId === 0) {
      this.sessionId = 0;
      this.inSession.clear();
    } else {
      this.sessionId = r.sessionId;
      this.epoch = full ? 1 : this.epoch + 1;
    }
    for (const t of r.responses) {
      for (const part of t.partitions) {
        assert.ok(this.reading.has(part.partitionIndex), `partition ${part.partitionIndex} answered but not read`);
        assert.equal(part.errorCode, ErrorCode.NONE);
        await this.take(part.partitionIndex, part.records);
      }
    }
  }

  /** Keeps the records at or after the position (a batch may start before it). */
  private async take(p: number, records: Buffer | null): Promise<void> {
    if (records === null) return;
    for (let pos = 0; pos < records.length; ) {
      const size = batchSizeAt(records, pos);
      const batch = await decodeRecordBatch(records.subarray(pos, pos + size));
      for (const r of batch.records) {
        if (r.offset < this.positions[p]!) continue;
        assert.equal(r.offset, this.positions[p], `partition ${p}: a gap`);
        this.read[p]!.push(r.value!.toString());
        this.positions[p] = r.offset + 1n;
      }
      pos += size;
    }
  }
}

test('an incremental fetch session delivers every record once, in order, whatever the budgets and changes', async () => {
  const seed = Number(process.env.SEED ?? 20261203);
  const rnd = new Random(seed);
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: TOPIC, numPartitions: PARTITIONS, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 10_000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    const produced: string[][] = Array.from({ length: PARTITIONS }, () => []);
    const client = new SessionClient(c);
    let n = 0;
    for (let step = 0; step < STEPS; step++) {
      const action = rnd.int(0, 9);
      if (action <= 3) {
        const p = rnd.int(0, PARTITIONS - 1);
        const values = Array.from({ length: rnd.int(1, 20) }, () => `r${n++}-${'x'.repeat(rnd.int(0, 200))}`);
        const r = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 10_000, topicData: [{ name: TOPIC, partitionData: [{ index: p, records: encodeUncompressedRecordBatch({ records: values.map((value) => ({ value })) }) }] }] });
        assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
        produced[p]!.push(...values);
      } else if (action === 4 && client.reading.size > 1) {
        client.reading.delete([...client.reading][rnd.int(0, client.reading.size - 1)]!); // paused: forgotten
      } else if (action === 5) {
        client.reading.add(rnd.int(0, PARTITIONS - 1)); // resumed: listed again
      } else if (action === 6 && rnd.chance(0.2)) {
        client.epoch = 0; // starts over: a new session
      } else if (action === 6 && rnd.chance(0.2)) {
        client.leaving = true;
      } else {
        await client.fetch(rnd);
      }
    }
    // Read everything that is left, every partition resumed, with room for all of it.
    for (let p = 0; p < PARTITIONS; p++) client.reading.add(p);
    for (let round = 0; round < 200 && client.read.some((r, p) => r.length < produced[p]!.length); round++) await client.fetch(rnd);
    for (let p = 0; p < PARTITIONS; p++) assert.deepEqual(client.read[p], produced[p], `partition ${p} (seed ${seed})`);
  } finally {
    c.close();
    await broker.close();
  }
});
