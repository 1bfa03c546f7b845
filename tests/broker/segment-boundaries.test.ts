// Reading one partition of hundreds of small segments from the beginning, with kcat (librdkafka),
// the Java consumer and Sluice's own consumer: every acknowledged offset comes back exactly once
// and in order. A read that stops early in one segment (the next batch is over the budget) must
// not go on into the next segment: the response would jump over the rest of the first one, and
// clients take such a jump for compaction and move past the records for good.
//
// Batches of 1..300 records of about 100 bytes, every codec mixed in one partition, fetched with
// the clients' default budgets (1 MiB per partition) and with a budget smaller than a segment, so
// reads stop mid-segment near every boundary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Admin, Consumer, Producer } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { javaTool, kcat, Random } from '@sluice/test-kit';

const TOPIC = 'many-segments';
const SEGMENT_BYTES = 65_536;
const BATCHES = 1_200;
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
/** A per-partition budget below the segment size: nearly every read stops inside a segment. */
const SMALL_BUDGET = 40_000;

let broker: Broker;
/** The value acknowledged at each offset; its index is the offset. */
let acknowledged: string[];

/**
 * Produces BATCHES batches in a seeded order of codecs and sizes, each acknowledged (acks=all)
 * before the next is sent, so the log's layout is the same on every run. Returns the value
 * acknowledged at every offset.
 */
async function produceMixedBatches(bootstrap: string, rnd: Random): Promise<string[]> {
  // Values are 100 bytes: a unique id, then random letters (cut from one random text, which is
  // quicker than drawing each), so compressed batches shrink but are not trivial.
  const letters = String.fromCharCode(...Array.from({ length: 65_536 }, () => 97 + rnd.int(0, 25)));
  let id = 0;
  const value = () => {
    const head = `${id++}:`;
    const from = rnd.int(0, letters.length - 100);
    return head + letters.slice(from, from + 100 - head.length);
  };
  // One producer per codec. batchSize is above the largest batch (300 records of ~110 bytes) and
  // nothing lingers, so one sendBatch is one batch.
  const producers = new Map(CODECS.map((codec) => [codec, new Producer({ bootstrapServers: bootstrap, acks: 'all', compression: codec, batchSize: 65_536, lingerMs: 0 })]));
  const byOffset: string[] = [];
  try {
    for (let b = 0; b < BATCHES; b++) {
      const producer = producers.get(CODECS[rnd.int(0, CODECS.length - 1)])!;
      const values = Array.from({ length: rnd.int(1, 300) }, value);
      const sent = await producer.sendBatch(values.map((v) => ({ topic: TOPIC, partition: 0, value: v })));
      sent.forEach((m, i) => (byOffset[Number(m.offset)] = values[i]));
    }
  } finally {
    await Promise.all([...producers.values()].map((p) => p.close()));
  }
  assert.equal(byOffset.length, id, 'the acknowledged offsets are 0..count-1');
  for (let o = 0; o < id; o++) assert.ok(byOffset[o] !== undefined, `offset ${o} was acknowledged`);
  return byOffset;
}

before(async () => {
  broker = await startBroker({ port: 0 });
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  await admin.createTopics([{ name: TOPIC, numPartitions: 1, configs: { 'segment.bytes': String(SEGMENT_BYTES) } }]);
  await admin.close();
  acknowledged = await produceMixedBatches(broker.bootstrap, new Random(20_261_203));
});
after(() => broker.close());

test('the partition holds hundreds of segments', (t) => {
  const segments = readdirSync(join(broker.dataDir, `${TOPIC}-0`)).filter((f) => f.endsWith('.log')).length;
  t.diagnostic(`${acknowledged.length} records in ${BATCHES} batches, ${segments} segments`);
  assert.ok(segments >= 100, `${segments} segments`);
});

/** Fails unless `seen` is exactly the acknowledged records, offset by offset, in order. */
function assertEveryOffsetOnce(reader: string, seen: readonly { offset: number; value: string }[]): void {
  for (let i = 0; i < seen.length; i++) {
    const { offset, value } = seen[i];
    if (offset !== i) {
      const what = offset > i ? `jumped from ${i - 1} to ${offset}, skipping ${offset - i} records` : `went back from ${i - 1} to ${offset}`;
      assert.fail(`${reader}: the records ${what} (${seen.length} of ${acknowledged.length} read)`);
    }
    if (value !== acknowledged[offset]) assert.fail(`${reader}: offset ${offset} holds ${value.slice(0, 20)}…, not the acknowledged ${acknowledged[offset].slice(0, 20)}…`);
  }
  assert.equal(seen.length, acknowledged.length, `${reader} read every acknowledged record`);
}

for (const budget of ['default', 'small'] as const) {
  test(`kcat reads every offset across ${SEGMENT_BYTES}-byte segments (${budget} fetch budget)`, async () => {
    const settings = budget === 'small' ? ['-X', `fetch.message.max.bytes=${SMALL_BUDGET}`] : [];
    const out = await kcat(['-b', broker.bootstrap, '-C', '-t', TOPIC, '-p', '0', '-o', 'beginning', '-e', '-q', ...settings, '-f', '%o %s\n']);
    const seen = out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const space = l.indexOf(' ');
        return { offset: Number(l.slice(0, space)), value: l.slice(space + 1) };
      });
    assertEveryOffsetOnce(`kcat (${budget})`, seen);
  });

  test(`the Java consumer reads every offset across ${SEGMENT_BYTES}-byte segments (${budget} fetch budget)`, async () => {
    const settings = budget === 'small' ? [`max.partition.fetch.bytes=${SMALL_BUDGET}`] : [];
    const lines = await javaTool(['consume-to-end', broker.bootstrap, TOPIC, '0', ...settings]);
    const seen = lines.filter((l) => 'o' in l).map((l) => ({ offset: l.o as number, value: l.v as string }));
    assertEveryOffsetOnce(`Java consumer (${budget})`, seen);
  });

  test(`Sluice's consumer reads every offset across ${SEGMENT_BYTES}-byte segments (${budget} fetch budget)`, async () => {
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap, ...(budget === 'small' ? { maxPartitionFetchBytes: SMALL_BUDGET } : {}) });
    const tp = { topic: TOPIC, partition: 0 };
    try {
      consumer.assign([tp]);
      consumer.seekToBeginning([tp]);
      const [{ offset: end }] = await consumer.endOffsets([tp]);
      const seen: { offset: number; value: string }[] = [];
      // Up to the last offset; ten empty polls in a row end the loop and the check reports it.
      const last = Number(end) - 1;
      for (let idle = 0; seen.at(-1)?.offset !== last && idle < 10; ) {
        const records = await consumer.poll({ timeoutMs: 1000 });
        idle = records.length === 0 ? idle + 1 : 0;
        for (const r of records) seen.push({ offset: Number(r.offset), value: r.value!.toString() });
      }
      assertEveryOffsetOnce(`Sluice consumer (${budget})`, seen);
    } finally {
      await consumer.close();
    }
  });
}
