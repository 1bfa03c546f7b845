// examples/market-data as a user runs it: `npm run example:market-data` and
// `npm run example:market-data:generate` against a Sluice broker. market-bars must hold one bar
// for each symbol and hopping window that has closed (its end plus grace reached by the stream
// time of its partition), once, with the trades, volume, VWAP, high and low worked out here from
// the trades read back, and the instrument's reference data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { readTopic, type ReadRecord } from './support.ts';
import { killGroup, npmRun, type Run } from './example-runs.ts';
import { type Bar, type Instrument, type Trade, BAR_ADVANCE_MS, BAR_GRACE_MS, BAR_SIZE_MS } from '../../examples/market-data/model.ts';

/** The closed windows' bars, from the trades (in their partitions' order) and the instruments. */
function expectedBars(tradeRecords: ReadRecord[], instrumentRecords: ReadRecord[]): Map<string, Bar> {
  const instruments = new Map(instrumentRecords.map((r) => [r.key!, JSON.parse(r.value!) as Instrument]));
  const streamTime = new Map<number, number>();
  for (const r of tradeRecords) streamTime.set(r.partition, Math.max(streamTime.get(r.partition) ?? 0, r.timestamp));
  const bars = new Map<string, Bar & { notional: number }>();
  for (const r of tradeRecords) {
    const trade = JSON.parse(r.value!) as Trade;
    // Every window [start, start + size) holding the trade, starts a multiple of the advance.
    const first = Math.max(0, r.timestamp - BAR_SIZE_MS + 1);
    for (let start = Math.ceil(first / BAR_ADVANCE_MS) * BAR_ADVANCE_MS; start <= r.timestamp; start += BAR_ADVANCE_MS) {
      if (start + BAR_SIZE_MS + BAR_GRACE_MS > streamTime.get(r.partition)!) continue; // not closed: no bar yet
      const id = `${trade.symbol}@${start}`;
      const { name, exchange, currency } = instruments.get(trade.symbol)!;
      const bar = bars.get(id) ?? { symbol: trade.symbol, name, exchange, currency, windowStart: start, windowEnd: start + BAR_SIZE_MS, trades: 0, volume: 0, vwap: 0, high: trade.price, low: trade.price, notional: 0 };
      bar.trades++;
      bar.volume += trade.quantity;
      bar.notional += trade.price * trade.quantity;
      bar.high = Math.max(bar.high, trade.price);
      bar.low = Math.min(bar.low, trade.price);
      bar.vwap = bar.notional / bar.volume;
      bars.set(id, bar);
    }
  }
  return new Map([...bars].map(([id, { notional: _, ...bar }]) => [id, bar]));
}

test('npm run example:market-data writes one final bar per symbol and closed window', { timeout: 300_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  const work = mkdtempSync(join(tmpdir(), 'sluice-market-'));
  const runs: Run[] = [];
  const describeRuns = () => runs.map((r, i) => `--- run ${i}:\n${r.output().slice(-3000)}`).join('\n');
  try {
    const app = npmRun('example:market-data', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap, MARKET_DATA_STATE_DIR: join(work, 'state') });
    runs.push(app);
    await eventually('the application to run', () => app.output().includes('market-data: RUNNING'), 120_000).catch((e) => {
      throw new Error(`${e.message}\n${describeRuns()}`);
    });

    const generator = npmRun('example:market-data:generate', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap }, ['--rate', '2000', '--count', '600', '--symbols', '6', '--seed', '11']);
    runs.push(generator);
    assert.equal(await generator.closed, 0, generator.output());

    const instruments = await readTopic(broker.bootstrap, 'reference-data', (rs) => rs.length >= 6);
    const trades = await readTopic(broker.bootstrap, 'trades', (rs) => rs.length >= 600);
    assert.equal(trades.length, 600);
    const expected = expectedBars(trades, instruments);
    assert.ok(expected.size > 30, `the input closes many windows (${expected.size})`);

    const idOf = (r: ReadRecord) => {
      const bar = JSON.parse(r.value!) as Bar;
      return `${bar.symbol}@${bar.windowStart}`;
    };
    const records = await readTopic(broker.bootstrap, 'market-bars', (rs) => rs.length >= expected.size && [...expected.keys()].every((id) => rs.some((r) => idOf(r) === id)), 90_000);
    const seen = new Map<string, Bar>();
    for (const r of records) {
      const bar = JSON.parse(r.value!) as Bar;
      assert.equal(r.key, bar.symbol);
      assert.ok(!seen.has(idOf(r)), `one bar per symbol and window: ${idOf(r)} came twice\n${describeRuns()}`);
      seen.set(idOf(r), bar);
    }
    assert.deepEqual([...seen.keys()].sort(), [...expected.keys()].sort(), describeRuns());
    for (const [id, bar] of expected) {
      const { vwap, ...rest } = seen.get(id)!;
      const { vwap: expectedVwap, ...expectedRest } = bar;
      assert.deepEqual(rest, expectedRest, id);
      assert.ok(Math.abs(vwap - expectedVwap) < 1e-9 * expectedVwap, `${id}: VWAP ${vwap}, expected ${expectedVwap}`);
    }

    // Ctrl-C closes it gracefully.
    killGroup(app, 'SIGINT');
    await app.closed;
    assert.match(app.output(), /market-data: NOT_RUNNING/);
  } finally {
    for (const r of runs) killGroup(r, 'SIGKILL');
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  }
});
