// The compat scenarios: every client we can run here produces with each codec and reads back,
// consumes in a group and commits, produces idempotently, administers topics, and commits and
// aborts a transaction read back with read_committed, against Sluice
// AND against a real Apache Kafka 4.3.1 broker (one for this file), so that a failure on Sluice
// alone is Sluice's. With SLUICE_COMPAT_RESULTS=<folder> the outcomes are written there as JSON,
// from which tests/compat/matrix.ts renders MATRIX.md.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import kafkajs from 'kafkajs';
import { startBroker, type Broker } from '@sluice/broker';
import { type ApacheKafka, createTopicsAndWait, KAFKA_VERSION, retryUntil, startApacheKafka } from '@sluice/test-kit';
import { CLIENTS, CODECS, type AdminFacts, type Rec, type ScenarioClient } from './clients.ts';
import { writeResults } from '../support/results.ts';

const COUNT = 300;
const PARTITIONS = 3;
const RUN = randomBytes(3).toString('hex');

export type Target = 'sluice' | 'kafka';
export interface Outcome {
  client: string;
  version: string;
  scenario: string;
  target: Target;
  result: 'pass' | 'fail' | 'n/a';
  detail?: string;
}
const outcomes: Outcome[] = [];

let sluice: Broker;
let kafka: ApacheKafka;
const bootstrap = (t: Target) => (t === 'sluice' ? sluice.bootstrap : kafka.bootstrap);

before(async () => {
  sluice = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  kafka = await startApacheKafka();
}, { timeout: 600_000 });

after(async () => {
  await sluice?.close();
  await kafka?.stop();
  writeResults('scenarios', { kafka: KAFKA_VERSION, node: process.version, date: new Date().toISOString(), scenarios: SCENARIOS.map((s) => s.name), clients: CLIENTS.map((c) => ({ name: c.name, version: c.version })), outcomes });
});

/** PARTITIONS each, ready when every partition has a leader (robust to a busy machine: @sluice/test-kit's topics.ts). */
async function createTopic(target: Target, topic: string): Promise<void> {
  await createTopicsAndWait(bootstrap(target), [{ name: topic, partitions: PARTITIONS }]);
}

async function committedTotal(target: Target, group: string, topic: string): Promise<number> {
  const admin = new kafkajs.Kafka({ brokers: [bootstrap(target)], logLevel: kafkajs.logLevel.NOTHING }).admin();
  const deadline = Date.now() + 60_000;
  await retryUntil(`connecting to ${bootstrap(target)}`, deadline, () => admin.connect());
  try {
    const offsets = await retryUntil(`committed offsets of ${group}`, deadline, () => admin.fetchOffsets({ groupId: group, topics: [topic] }));
    return offsets.flatMap((t) => t.partitions).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every record once in the log, with its key and header, in offset order within each partition.
 * The readers are group consumers, which deliver at least once: after a rebalance they read again
 * from the last committed offset (seen on a loaded machine with KafkaJS and @platformatic/kafka on
 * Apache Kafka). A record delivered again has the same partition, offset and value, so the log is
 * judged by each (partition, offset) once; a record produced twice has an offset of its own and
 * still fails.
 */
function checkRecords(client: ScenarioClient, delivered: Rec[], opts: { contiguous?: boolean } = {}): void {
  const byPosition = new Map<string, Rec>();
  for (const r of delivered) {
    const position = `${r.partition}:${r.offset}`;
    const earlier = byPosition.get(position);
    if (earlier === undefined) byPosition.set(position, r);
    else assert.deepEqual(r, earlier, `partition ${r.partition} offset ${r.offset} delivered twice with different contents`);
  }
  const records = [...byPosition.values()];
  assert.equal(records.length, COUNT, `${records.length} records read, ${COUNT} sent`);
  const values = new Set(records.map((r) => r.value));
  assert.equal(values.size, COUNT, 'a record read twice');
  const byPartition = new Map<number, number[]>();
  for (const r of records) {
    const i = Number(r.value.slice(1));
    assert.ok(r.value === `v${i}` && i >= 0 && i < COUNT, `unexpected value ${r.value}`);
    assert.equal(r.key, `k${i}`, `key of ${r.value}`);
    if (client.perRecordHeaders) assert.equal(r.headers, `n=${i}`, `headers of ${r.value}`);
    byPartition.set(r.partition, [...(byPartition.get(r.partition) ?? []), r.offset]);
  }
  for (const [p, offsets] of byPartition) {
    const sorted = [...offsets].sort((a, b) => a - b);
    assert.ok(sorted.every((o, i) => i === 0 || o > sorted[i - 1]!), `partition ${p}: offsets repeat`);
    if (opts.contiguous) assert.deepEqual(sorted, sorted.map((_, i) => i), `partition ${p}: offsets not 0..n-1 (a duplicate or a gap)`);
  }
}

function checkAdmin(facts: AdminFacts, target: Target): void {
  assert.equal(facts.partitions, 3, 'partitions');
  assert.equal(facts['cleanup.policy'], 'compact', 'cleanup.policy');
  assert.equal(facts['retention.ms'], '3600000', 'retention.ms');
  assert.equal(facts.remaining, false, 'topic still listed after delete');
  if (facts.clusterId !== null && facts.clusterId !== undefined) assert.equal(facts.clusterId, target === 'sluice' ? sluice.clusterId : kafka.clusterId, 'cluster id');
}

type Scenario = { name: string; supported: (c: ScenarioClient) => string | null; run: (c: ScenarioClient, target: Target, topic: string) => Promise<void> };

const SCENARIOS: Scenario[] = [
  ...CODECS.map(
    (codec): Scenario => ({
      name: `produce+consume ${codec}`,
      supported: (c) => (c.codecs.includes(codec) ? null : c.gaps[codec] ?? 'not supported'),
      async run(c, target, topic) {
        await createTopic(target, topic);
        await c.produce(bootstrap(target), topic, COUNT, codec, 'default');
        checkRecords(c, await c.consume(bootstrap(target), topic, COUNT));
      },
    }),
  ),
  {
    name: 'idempotent produce',
    supported: () => null,
    async run(c, target, topic) {
      await createTopic(target, topic);
      await c.produce(bootstrap(target), topic, COUNT, 'none', 'idempotent');
      checkRecords(c, await c.consume(bootstrap(target), topic, COUNT), { contiguous: true });
    },
  },
  {
    name: 'consumer group + commit',
    supported: () => null,
    async run(c, target, topic) {
      await createTopic(target, topic);
      await c.produce(bootstrap(target), topic, COUNT, 'none', 'default');
      const group = `${topic}-group`;
      const { records, committed } = await c.group(bootstrap(target), topic, group, COUNT);
      checkRecords(c, records);
      assert.equal(committed === -1 ? await committedTotal(target, group, topic) : committed, COUNT, 'committed offsets');
    },
  },
  {
    name: 'transactions',
    supported: (c) => (c.transactions ? null : c.gaps.transactions ?? 'no transactional producer'),
    async run(c, target, topic) {
      await createTopic(target, topic);
      // Exactly the committed records: an aborted one fails checkRecords (its value is aborted-N).
      checkRecords(c, await c.transactions!(bootstrap(target), topic, `${topic}-txn`, COUNT));
    },
  },
  {
    name: 'admin: create/describe/configs/delete',
    supported: (c) => (c.admin ? null : c.gaps.admin ?? 'no admin API'),
    async run(c, target, topic) {
      checkAdmin(await c.admin!(bootstrap(target), topic), target);
    },
  },
];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

for (const client of CLIENTS) {
  describe(client.name, () => {
    for (const scenario of SCENARIOS) {
      for (const target of ['sluice', 'kafka'] as const) {
        const gap = scenario.supported(client);
        if (gap !== null) {
          outcomes.push({ client: client.name, version: client.version, scenario: scenario.name, target, result: 'n/a', detail: gap });
          continue;
        }
        test(`${scenario.name} on ${target === 'sluice' ? 'Sluice' : `Apache Kafka ${KAFKA_VERSION}`}`, { timeout: 300_000 }, async () => {
          const outcome: Outcome = { client: client.name, version: client.version, scenario: scenario.name, target, result: 'fail' };
          outcomes.push(outcome);
          try {
            await client.prepare();
            outcome.version = client.version;
            await scenario.run(client, target, `compat-${slug(client.name)}-${slug(scenario.name)}-${target}-${RUN}`);
            outcome.result = 'pass';
          } catch (err) {
            outcome.detail = ((err as Error).message ?? String(err)).split('\n')[0]!.slice(0, 300);
            throw err;
          }
        });
      }
    }
  });
}
