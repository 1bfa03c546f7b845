/**
 * The inventory example: orders and restocks in, the stock level of each item out, kept in a
 * state store and queried over HTTP; and a restock-needed alert for an item whose orders take
 * out much more than its restocks put back within a 5-minute window.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 [INVENTORY_PORT=8080] [INVENTORY_STATE_DIR=./inventory-state] npm run example:inventory
 *
 * Then `curl localhost:8080/stock/sku-7` (one item, from whichever instance holds it) or
 * `curl localhost:8080/stock` (every item this instance holds). See README.md.
 */
import { createServer } from 'node:http';
import { Admin } from '@sluice/client';
import { Grouped, KafkaStreams, KeyValue, Materialized, Serdes, StreamsBuilder, TimeWindows } from '@sluice/streams';

interface Order {
  sku: string;
  quantity: number;
}
interface Restock {
  sku: string;
  quantity: number;
}
/** One change of an item's stock: an order takes away, a restock adds. */
interface StockChange {
  sku: string;
  delta: number;
}
/** What went out and came in for one item in one 5-minute window. */
interface WindowFlow {
  ordered: number;
  restocked: number;
}
/** `restock-alerts`, keyed `<sku>@<window start>`: orders outran restocks in that window. */
interface RestockAlert extends WindowFlow {
  sku: string;
  windowStart: number;
  windowEnd: number;
}

/** The alert's window: 5 minutes of record time, tumbling; records up to a minute late still count. */
const ALERT_WINDOW_MS = 5 * 60_000;
const ALERT_GRACE_MS = 60_000;
/** Units ordered beyond those restocked within one window that call for a restock. */
const RESTOCK_ALERT_UNITS = 20;

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const port = Number(process.env.INVENTORY_PORT ?? 8080);
const stateDir = process.env.INVENTORY_STATE_DIR ?? './inventory-state';
const STORE = 'stock-by-sku';

// The topics must exist before the application starts (as with Kafka Streams); create them if not.
const admin = new Admin({ bootstrapServers });
await admin.createTopics(
  ['orders', 'restocks', 'stock-levels', 'restock-alerts'].map((name) => ({ name, numPartitions: 3 })),
  { ifNotExists: true },
);
await admin.close();

// The pipeline: both inputs become stock changes, re-keyed by item (a repartition topic), summed
// per item in the store `stock-by-sku`, and every new level is written to `stock-levels`.
const S = Serdes.String();
const builder = new StreamsBuilder();
const orders = builder
  .stream('orders', { keySerde: S, valueSerde: Serdes.JSON<Order>() })
  .mapValues((order): StockChange => ({ sku: order.sku, delta: -order.quantity }));
const restocks = builder
  .stream('restocks', { keySerde: S, valueSerde: Serdes.JSON<Restock>() })
  .mapValues((restock): StockChange => ({ sku: restock.sku, delta: restock.quantity }));
const changesBySku = orders.merge(restocks).groupBy((_key, change) => change.sku, Grouped.with(S, Serdes.JSON<StockChange>()));
changesBySku
  .aggregate(() => 0, (_sku, change, stock) => stock + change.delta, Materialized.as<string, number>(STORE).withValueSerde(Serdes.JSON<number>()))
  .toStream()
  .to('stock-levels', { keySerde: S, valueSerde: Serdes.JSON<number>() });

// The restock-needed alert: the same changes, per item and 5-minute window (by record time),
// summed as units ordered and restocked (store `flow-by-sku-window`, its own repartition topic).
// The filter is a table filter: a window's row that stops qualifying (a restock arrived) turns
// into a tombstone, so the last record of each window in `restock-alerts` is its final verdict.
changesBySku
  .windowedBy(TimeWindows.ofSizeAndGrace(ALERT_WINDOW_MS, ALERT_GRACE_MS))
  .aggregate(
    (): WindowFlow => ({ ordered: 0, restocked: 0 }),
    (_sku, change, flow) => (change.delta < 0 ? { ...flow, ordered: flow.ordered + -change.delta } : { ...flow, restocked: flow.restocked + change.delta }),
    Materialized.as<string, WindowFlow>('flow-by-sku-window').withValueSerde(Serdes.JSON<WindowFlow>()),
  )
  .filter((_window, flow) => flow.ordered - flow.restocked >= RESTOCK_ALERT_UNITS)
  .toStream()
  .map((window, flow) =>
    KeyValue.pair(`${window.key}@${window.window.start}`, flow === null ? null : { sku: window.key, windowStart: window.window.start, windowEnd: window.window.end, ...flow }),
  )
  .to('restock-alerts', { keySerde: S, valueSerde: Serdes.JSON<RestockAlert | null>() });

const streams = new KafkaStreams(builder.build(), {
  applicationId: 'inventory',
  bootstrapServers,
  processingGuarantee: 'exactly_once_v2',
  stateDir,
  // Where the other instances send the queries for the items this one holds.
  applicationServer: `localhost:${port}`,
});

// The HTTP side: an item's level from whichever instance holds it (the others forward there).
const server = createServer((req, res) => {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (streams.state() !== 'RUNNING') return reply(503, { error: `the application is ${streams.state()}; try again shortly` });
    if (url.pathname === '/stock') {
      const items: Record<string, number> = {};
      for (const { key, value } of streams.store<string, number>(STORE).all()) items[key] = value;
      return reply(200, items);
    }
    const match = /^\/stock\/([^/]+)$/.exec(url.pathname);
    if (!match) return reply(404, { error: 'GET /stock/<sku> or GET /stock' });
    const sku = decodeURIComponent(match[1]);
    const owner = streams.queryMetadataForKey(STORE, sku, S);
    if (owner.activeHost.port === -1) return reply(503, { sku, error: 'no instance holds this item right now (the group is rebalancing); try again shortly' });
    if (owner.activeHost.port !== port || owner.activeHost.host !== 'localhost') {
      // Another instance holds this item: ask it (its answer is the same JSON).
      const forwarded = await fetch(`http://${owner.activeHost.host}:${owner.activeHost.port}/stock/${encodeURIComponent(sku)}`);
      return reply(forwarded.status, await forwarded.json());
    }
    const stock = streams.store<string, number>(STORE).get(sku);
    return stock === null ? reply(404, { sku, error: 'no orders or restocks for this item yet' }) : reply(200, { sku, stock });
  })().catch((e: Error) => reply(500, { error: e.message }));
});

streams.setStateListener((state) => console.log(`inventory: ${state}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void streams.close({ timeoutMs: 10_000 }).then(() => process.exit(0));
  });
}
console.log(`inventory: reading orders and restocks on ${bootstrapServers}, alerts to restock-alerts, stock levels at http://localhost:${port}/stock/<sku> (Ctrl-C stops)`);
console.log(builder.build().describe().toString());
await new Promise<void>((resolve) => server.listen(port, resolve));
await streams.start();
