// examples/recommendations as a user runs it: `npm run example:recommendations` and
// `npm run example:recommendations:generate` against a Sluice broker. The last record per product
// in product-catalogue and in recommendations must be what the categories, products and clicks
// read back from their topics give, worked out here without the example's code: each product's
// last category, and for each click the user's 5 latest distinct earlier products paired both
// ways, counted, the top 3 per product (most viewed, then by id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { Admin } from '@sluice/client';
import { eventually } from '@sluice/test-kit';
import { readTopic, type ReadRecord } from './support.ts';
import { killGroup, npmRun, type Run } from './example-runs.ts';

async function readAll(bootstrap: string, topic: string): Promise<ReadRecord[]> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  let total = 0;
  try {
    const ends = await admin.listOffsets([0, 1, 2].map((partition) => ({ topic, partition, spec: 'latest' as const })));
    total = ends.reduce((n, e) => n + Number(e.offset), 0);
  } finally {
    await admin.close();
  }
  const records = await readTopic(bootstrap, topic, (rs) => rs.length >= total);
  assert.equal(records.length, total, `all of ${topic} read back`);
  return records;
}

/** Last value per key (records of one key share a partition, read in order). */
const lastByKey = (records: ReadRecord[]) => new Map(records.map((r) => [r.key!, r.value === null ? null : JSON.parse(r.value)]));

test('npm run example:recommendations keeps each product\'s catalogue entry and its most co-viewed products', { timeout: 300_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  const work = mkdtempSync(join(tmpdir(), 'sluice-recommendations-'));
  const runs: Run[] = [];
  const describeRuns = () => runs.map((r, i) => `--- run ${i}:\n${r.output().slice(-3000)}`).join('\n');
  try {
    runs.push(npmRun('example:recommendations', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap, RECOMMENDATIONS_STATE_DIR: join(work, 'state') }));
    await eventually('the application to run', () => runs[0]!.output().includes('recommendations: RUNNING'), 120_000).catch((e) => {
      throw new Error(`${e.message}\n${describeRuns()}`);
    });
    assert.match(runs[0]!.output(), /KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION/);

    const generator = npmRun('example:recommendations:generate', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap }, ['--rate', '3000', '--count', '1500', '--users', '40', '--products', '24', '--seed', '11']);
    runs.push(generator);
    assert.equal(await generator.closed, 0, generator.output());

    // The inputs as the broker has them.
    const categories = lastByKey(await readAll(broker.bootstrap, 'categories')) as Map<string, { name: string }>;
    const products = lastByKey(await readAll(broker.bootstrap, 'products')) as Map<string, { productId: string; name: string; categoryId: string }>;
    const clicks = await readAll(broker.bootstrap, 'clicks');
    assert.equal(clicks.length, 1500);
    assert.equal(products.size, 24);

    const expectedCatalogue = new Map([...products].map(([id, p]) => [id, { productId: id, name: p.name, categoryId: p.categoryId, category: categories.get(p.categoryId)!.name }]));
    const recent = new Map<string, string[]>();
    const pairCounts = new Map<string, Map<string, number>>();
    const bump = (a: string, b: string) => {
      const row = pairCounts.get(a) ?? new Map<string, number>();
      row.set(b, (row.get(b) ?? 0) + 1);
      pairCounts.set(a, row);
    };
    for (const r of clicks) {
      const { userId, productId } = JSON.parse(r.value!) as { userId: string; productId: string };
      assert.equal(r.key, userId);
      const earlier = (recent.get(userId) ?? []).filter((p) => p !== productId);
      for (const q of earlier) {
        bump(productId, q);
        bump(q, productId);
      }
      recent.set(userId, [productId, ...earlier].slice(0, 5));
    }
    const expectedRecommendations = new Map<string, unknown>();
    for (const [product, row] of pairCounts) {
      const top = [...row].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3).map(([productId, count]) => ({ productId, count }));
      expectedRecommendations.set(product, { ...expectedCatalogue.get(product), alsoViewed: top });
    }
    assert.ok(expectedRecommendations.size >= 20, `most products were viewed with others (${expectedRecommendations.size})`);

    const matches = (records: ReadRecord[], expected: Map<string, unknown>) => {
      const last = lastByKey(records);
      return [...expected].every(([k, v]) => JSON.stringify(last.get(k)) === JSON.stringify(v));
    };
    const catalogue = await readTopic(broker.bootstrap, 'product-catalogue', (rs) => matches(rs, expectedCatalogue), 90_000);
    assert.deepEqual(new Map([...lastByKey(catalogue)].sort()), new Map([...expectedCatalogue].sort()), describeRuns());
    const recommendations = await readTopic(broker.bootstrap, 'recommendations', (rs) => matches(rs, expectedRecommendations), 90_000);
    assert.deepEqual(new Map([...lastByKey(recommendations)].sort()), new Map([...expectedRecommendations].sort()), describeRuns());

    killGroup(runs[0]!, 'SIGINT');
    await runs[0]!.closed;
    assert.match(runs[0]!.output(), /recommendations: NOT_RUNNING/);
  } finally {
    for (const r of runs) killGroup(r, 'SIGKILL');
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  }
});
