/**
 * The market-data example: trades in, one bar per symbol and window out: the trades, volume,
 * volume-weighted average price (VWAP), high and low of each 1-minute window (hopping: one starts
 * every 15 s), once the window has closed, with the instrument's name, exchange and currency
 * from the reference data.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 [MARKET_DATA_STATE_DIR=./market-data-state] npm run example:market-data
 *
 * Then `npm run example:market-data:generate` and read the bars with
 * `npx sluice consume market-bars --from-beginning`. See README.md.
 */
import { Admin } from '@sluice/client';
import { BufferConfig, KafkaStreams, KeyValue, Materialized, Serdes, StreamsBuilder, Suppressed, TimeWindows } from '@sluice/streams';
import { type Bar, type Instrument, type Trade, BAR_ADVANCE_MS, BAR_GRACE_MS, BAR_SIZE_MS } from './model.ts';

/** What a window accumulates: enough for the VWAP (notional / volume), high and low. */
interface Totals {
  trades: number;
  volume: number;
  notional: number;
  high: number;
  low: number;
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const stateDir = process.env.MARKET_DATA_STATE_DIR ?? './market-data-state';

// The topics must exist before the application starts (as with Kafka Streams); create them if not.
// reference-data is read whole by every instance (a global table), so it needs no partitioning.
const admin = new Admin({ bootstrapServers });
await admin.createTopics([
  { name: 'trades', numPartitions: 3 },
  { name: 'reference-data', numPartitions: 1, configs: { 'cleanup.policy': 'compact' } },
  { name: 'market-bars', numPartitions: 3 },
], { ifNotExists: true });
await admin.close();

const S = Serdes.String();
const builder = new StreamsBuilder();
const instruments = builder.globalTable('reference-data', { keySerde: S, valueSerde: Serdes.JSON<Instrument>() });
builder
  .stream('trades', { keySerde: S, valueSerde: Serdes.JSON<Trade>() })
  .groupByKey()
  .windowedBy(TimeWindows.ofSizeAndGrace(BAR_SIZE_MS, BAR_GRACE_MS).advanceBy(BAR_ADVANCE_MS))
  .aggregate<Totals>(
    () => ({ trades: 0, volume: 0, notional: 0, high: -Infinity, low: Infinity }),
    (_symbol, trade, t) => ({
      trades: t.trades + 1,
      volume: t.volume + trade.quantity,
      notional: t.notional + trade.price * trade.quantity,
      high: Math.max(t.high, trade.price),
      low: Math.min(t.low, trade.price),
    }),
    Materialized.as<string, Totals>('trade-totals').withValueSerde(Serdes.JSON<Totals>()),
  )
  // Nothing leaves a window until stream time has passed its end and grace: one final bar each.
  .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final-bars'))
  .toStream()
  .filter((_window, t) => t !== null)
  .map((window, t) => KeyValue.pair(window.key, { window: window.window, totals: t! }))
  // Every instance holds all the reference data, so the join needs no repartition by symbol.
  .join(
    instruments,
    (symbol) => symbol,
    ({ window, totals }, instrument): Bar => ({
      symbol: instrument.symbol,
      name: instrument.name,
      exchange: instrument.exchange,
      currency: instrument.currency,
      windowStart: window.start,
      windowEnd: window.end,
      trades: totals.trades,
      volume: totals.volume,
      vwap: totals.notional / totals.volume,
      high: totals.high,
      low: totals.low,
    }),
  )
  .to('market-bars', { keySerde: S, valueSerde: Serdes.JSON<Bar>() });

const topology = builder.build();
const streams = new KafkaStreams(topology, {
  applicationId: 'market-data',
  bootstrapServers,
  processingGuarantee: 'exactly_once_v2',
  stateDir,
});
streams.setStateListener((state) => console.log(`market-data: ${state}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void streams.close({ timeoutMs: 10_000 }).then(() => process.exit(0)));
}
console.log(`market-data: reading trades and reference-data on ${bootstrapServers}, bars to market-bars (Ctrl-C stops)`);
console.log(topology.describe().toString());
await streams.start();
