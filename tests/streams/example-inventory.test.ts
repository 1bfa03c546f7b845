// examples/inventory as a user runs it: `npm run example:inventory` (two instances, each with its
// own HTTP port and state directory) and `npm run example:inventory:generate` against a Sluice
// broker. The levels every instance answers over HTTP, for every item (forwarding to the other
// instance those it does not hold), and the last level written to stock-levels per item, must
// be the sums of the orders and restocks read back from their topics. The last record of each
// item's 5-minute window (by record time) in restock-alerts must be an alert exactly when the
// units ordered in it exceed those restocked by at least 20, worked out from the same records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { Admin } from '@sluice/client';
import { eventually, freePort } from '@sluice/test-kit';
import { readTopic } from './support.ts';
import { killGroup, npmRun, type Run } from './example-runs.ts';

test('npm run example:inventory keeps every item\'s stock level and answers it over HTTP from both instances', { timeout: 300_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  const work = mkdtempSync(join(tmpdir(), 'sluice-inventory-'));
  const runs: Run[] = [];
  const describeRuns = () => runs.map((r, i) => `--- run ${i}:\n${r.output().slice(-3000)}`).join('\n');
  try {
    // Each instance's HTTP port is picked free here but bound by the example only once npm and
    // node have started it, seconds later on a loaded machine: another process may take it
    // meanwhile, and the example then exits (EADDRINUSE). Such a start is tried again on another
    // port (up to 3 times). An instance is returned running, its port bound.
    const ports: number[] = [];
    const instance = async (n: number): Promise<Run> => {
      for (let attempt = 1; ; attempt++) {
        ports[n] = await freePort();
        const run = npmRun('example:inventory', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap, INVENTORY_PORT: String(ports[n]), INVENTORY_STATE_DIR: join(work, `state-${n}`) });
        let exited = false;
        void run.closed.then(() => (exited = true));
        const running = () => run.output().includes('inventory: RUNNING');
        await eventually(`instance ${n} to run`, () => running() || exited, 120_000).catch((e) => {
          killGroup(run, 'SIGKILL');
          throw new Error(`${e.message}\n--- instance ${n}:\n${run.output().slice(-3000)}\n${describeRuns()}`);
        });
        if (running()) return run;
        if (!/EADDRINUSE/.test(run.output()) || attempt >= 3) throw new Error(`instance ${n} exited:\n${run.output().slice(-3000)}\n${describeRuns()}`);
      }
    };
    runs.push(await instance(0));
    assert.match(runs[0]!.output(), /inventory-stock-by-sku-repartition|stock-by-sku-repartition/);

    const generator = npmRun('example:inventory:generate', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap }, ['--rate', '2000', '--count', '600', '--skus', '12', '--seed', '7', '--restock-share', '0.08']);
    runs.push(generator);
    assert.equal(await generator.closed, 0, generator.output());
    runs.push(await instance(1));

    // What the levels must be: the orders and restocks as the broker has them.
    const admin = new Admin({ bootstrapServers: broker.bootstrap });
    const written = new Map<string, number>();
    for (const topic of ['orders', 'restocks']) {
      const ends = await admin.listOffsets([0, 1, 2].map((partition) => ({ topic, partition, spec: 'latest' as const })));
      written.set(topic, ends.reduce((n, e) => n + Number(e.offset), 0));
    }
    await admin.close();
    assert.equal(written.get('orders')! + written.get('restocks')!, 600);
    const expected = new Map<string, number>();
    // Per `<sku>@<window start>`: units ordered and restocked in that 5-minute window.
    const flows = new Map<string, { sku: string; windowStart: number; windowEnd: number; ordered: number; restocked: number }>();
    for (const [topic, sign] of [['orders', -1], ['restocks', 1]] as const) {
      const records = await readTopic(broker.bootstrap, topic, (rs) => rs.length >= written.get(topic)!);
      for (const r of records) {
        const { sku, quantity } = JSON.parse(r.value!) as { sku: string; quantity: number };
        expected.set(sku, (expected.get(sku) ?? 0) + sign * quantity);
        const windowStart = r.timestamp - (r.timestamp % 300_000);
        const flow = flows.get(`${sku}@${windowStart}`) ?? { sku, windowStart, windowEnd: windowStart + 300_000, ordered: 0, restocked: 0 };
        if (sign < 0) flow.ordered += quantity;
        else flow.restocked += quantity;
        flows.set(`${sku}@${windowStart}`, flow);
      }
    }
    const expectedAlerts = new Map([...flows].filter(([, f]) => f.ordered - f.restocked >= 20));
    assert.ok(expectedAlerts.size > 0 && expectedAlerts.size < flows.size, `some windows call for a restock, not all (${expectedAlerts.size} of ${flows.size})`);
    assert.equal([...expected.keys()].length, 12);

    const level = async (port: number, sku: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/stock/${sku}`);
      return res.status === 200 ? ((await res.json()) as { stock: number }).stock : undefined;
    };
    for (const port of ports) {
      await eventually(`every level over HTTP on port ${port}`, async () => {
        for (const [sku, stock] of expected) if ((await level(port, sku)) !== stock) return false;
        return true;
      }, 120_000).catch((e) => {
        throw new Error(`${e.message}\n${describeRuns()}`);
      });
    }
    // Each instance holds some of the items (GET /stock lists its own), together all of them.
    const held = await Promise.all(ports.map(async (port) => (await (await fetch(`http://127.0.0.1:${port}/stock`)).json()) as Record<string, number>));
    assert.ok(held.every((h) => Object.keys(h).length > 0), `both instances hold items: ${JSON.stringify(held)}`);
    assert.deepEqual(new Map(Object.entries({ ...held[0], ...held[1] }).sort()), new Map([...expected].sort()));

    const levels = await readTopic(broker.bootstrap, 'stock-levels', (rs) => [...expected].every(([sku, stock]) => rs.findLast((r) => r.key === sku)?.value === String(stock)), 60_000);
    for (const [sku, stock] of expected) assert.equal(levels.findLast((r) => r.key === sku)?.value, String(stock), `the last level of ${sku} in stock-levels`);

    // The final verdict per window: the alert where expected, nothing (or a tombstone) elsewhere.
    const verdicts = (rs: { key: string | null; value: string | null }[]) => {
      const last = new Map(rs.map((r) => [r.key!, r.value === null ? null : JSON.parse(r.value)]));
      return new Map([...last].filter(([, v]) => v !== null).sort());
    };
    const wanted = new Map([...expectedAlerts].sort());
    const alerts = await readTopic(broker.bootstrap, 'restock-alerts', (rs) => JSON.stringify([...verdicts(rs)]) === JSON.stringify([...wanted]), 60_000);
    assert.deepEqual(verdicts(alerts), wanted);
    for (const r of alerts) assert.ok(flows.has(r.key!), `an alert for a window with orders or restocks: ${r.key}`);

    // Ctrl-C closes both gracefully.
    for (const r of runs.slice(0, 1).concat(runs.slice(2))) killGroup(r, 'SIGINT');
    await Promise.all([runs[0]!.closed, runs[2]!.closed]);
    assert.match(runs[0]!.output(), /inventory: NOT_RUNNING/);
  } finally {
    for (const r of runs) killGroup(r, 'SIGKILL');
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  }
});
