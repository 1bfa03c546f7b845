/**
 * A source of realistic events for trying pipelines out: payments, trades, device metrics, clicks
 * or orders (`kind`), written to `topic` at `rate` records per second (0: as fast as the task can),
 * up to `max.records` (-1: forever). Record n is made from `seed` and n alone, and the offset is
 * the count written, so a restarted task goes on with exactly the records that come next.
 * Values are Structs with a schema; keys the entity the event is about (customer, symbol, device,
 * user, order).
 */
import { ConfigDef, ConfigValidators, type ConnectorConfig, Schema, SchemaBuilder, SourceConnector, SourceRecord, SourceTask, Struct, type TaskClass } from '@sluice/connect-api';

export const DATA_GENERATOR_CLASS = 'dev.sluice.connect.DataGeneratorSourceConnector';
export const DATA_GENERATOR_KINDS = ['payments', 'trades', 'device-metrics', 'clicks', 'orders'] as const;
type Kind = (typeof DATA_GENERATOR_KINDS)[number];

/** mulberry32: a small fast PRNG, seeded per record. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const cents = (n: number) => Math.round(n * 100) / 100;

const S = Schema;
const SCHEMAS: Record<Kind, Schema> = {
  payments: SchemaBuilder.struct().name('dev.sluice.datagen.Payment').field('payment_id', S.STRING_SCHEMA).field('customer_id', S.STRING_SCHEMA).field('amount', S.FLOAT64_SCHEMA).field('currency', S.STRING_SCHEMA).field('method', S.STRING_SCHEMA).field('ts', S.INT64_SCHEMA).build(),
  trades: SchemaBuilder.struct().name('dev.sluice.datagen.Trade').field('trade_id', S.STRING_SCHEMA).field('symbol', S.STRING_SCHEMA).field('side', S.STRING_SCHEMA).field('quantity', S.INT32_SCHEMA).field('price', S.FLOAT64_SCHEMA).field('ts', S.INT64_SCHEMA).build(),
  'device-metrics': SchemaBuilder.struct().name('dev.sluice.datagen.DeviceMetric').field('device_id', S.STRING_SCHEMA).field('temperature_c', S.FLOAT64_SCHEMA).field('humidity_pct', S.FLOAT64_SCHEMA).field('battery_pct', S.INT32_SCHEMA).field('ts', S.INT64_SCHEMA).build(),
  clicks: SchemaBuilder.struct().name('dev.sluice.datagen.Click').field('user_id', S.STRING_SCHEMA).field('session_id', S.STRING_SCHEMA).field('page', S.STRING_SCHEMA).field('referrer', S.STRING_SCHEMA).field('ts', S.INT64_SCHEMA).build(),
  orders: SchemaBuilder.struct().name('dev.sluice.datagen.Order').field('order_id', S.STRING_SCHEMA).field('customer_id', S.STRING_SCHEMA).field('sku', S.STRING_SCHEMA).field('quantity', S.INT32_SCHEMA).field('unit_price', S.FLOAT64_SCHEMA).field('status', S.STRING_SCHEMA).field('ts', S.INT64_SCHEMA).build(),
};

/** Record n of a kind: its key and value, from the seed and n alone. */
export function generateEvent(kind: Kind, seed: number, n: number, now: number): { key: string; value: Struct } {
  const r = random((seed * 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));
  const v = new Struct(SCHEMAS[kind]);
  const ts = BigInt(now);
  switch (kind) {
    case 'payments': {
      const customer = `customer-${Math.floor(r() * 1000)}`;
      v.put('payment_id', `pay-${seed}-${n}`).put('customer_id', customer).put('amount', cents(1 + r() * r() * 2000)).put('currency', pick(r, ['EUR', 'USD', 'GBP', 'JPY'])).put('method', pick(r, ['card', 'transfer', 'wallet'])).put('ts', ts);
      return { key: customer, value: v };
    }
    case 'trades': {
      const symbol = pick(r, ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'NVDA', 'TSLA', 'META', 'ASML']);
      v.put('trade_id', `trade-${seed}-${n}`).put('symbol', symbol).put('side', pick(r, ['BUY', 'SELL'])).put('quantity', 1 + Math.floor(r() * 500)).put('price', cents(50 + r() * 900)).put('ts', ts);
      return { key: symbol, value: v };
    }
    case 'device-metrics': {
      const device = `device-${Math.floor(r() * 200)}`;
      v.put('device_id', device).put('temperature_c', cents(15 + r() * 25)).put('humidity_pct', cents(20 + r() * 60)).put('battery_pct', Math.floor(r() * 101)).put('ts', ts);
      return { key: device, value: v };
    }
    case 'clicks': {
      const user = `user-${Math.floor(r() * 5000)}`;
      v.put('user_id', user).put('session_id', `s-${Math.floor(r() * 1e9).toString(36)}`).put('page', pick(r, ['/', '/search', '/product', '/cart', '/checkout', '/account'])).put('referrer', pick(r, ['direct', 'search', 'social', 'email'])).put('ts', ts);
      return { key: user, value: v };
    }
    case 'orders': {
      const order = `order-${seed}-${n}`;
      v.put('order_id', order).put('customer_id', `customer-${Math.floor(r() * 1000)}`).put('sku', `sku-${Math.floor(r() * 300)}`).put('quantity', 1 + Math.floor(r() * 5)).put('unit_price', cents(2 + r() * 200)).put('status', pick(r, ['PLACED', 'PAID', 'SHIPPED'])).put('ts', ts);
      return { key: order, value: v };
    }
  }
}

function configDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'topic', type: 'STRING', validator: ConfigValidators.nonEmptyString(), importance: 'high', documentation: 'The topic to write the events to' })
    .define({ name: 'kind', type: 'STRING', defaultValue: 'payments', validator: ConfigValidators.in(...DATA_GENERATOR_KINDS), importance: 'high', documentation: 'Which events: payments, trades, device-metrics, clicks or orders' })
    .define({ name: 'rate', type: 'DOUBLE', defaultValue: 10, validator: ConfigValidators.atLeast(0), importance: 'medium', documentation: 'Records per second; 0 for as fast as possible' })
    .define({ name: 'seed', type: 'LONG', defaultValue: 1, importance: 'low', documentation: 'The seed the events are made from; the same seed gives the same events' })
    .define({ name: 'max.records', type: 'LONG', defaultValue: -1, importance: 'low', documentation: 'How many events to write in all; -1 for no end' })
    .define({ name: 'batch.size', type: 'INT', defaultValue: 500, validator: ConfigValidators.atLeast(1), importance: 'low', documentation: 'Most events returned by one poll' });
}

export class DataGeneratorConnector extends SourceConnector {
  #props: ConnectorConfig = {};
  version(): string {
    return '0.1.0';
  }
  config(): ConfigDef {
    return configDef();
  }
  start(props: ConnectorConfig): void {
    configDef().parse(props);
    this.#props = { ...props };
  }
  taskClass(): TaskClass {
    return DataGeneratorTask;
  }
  /** One task: the sequence of events is one. */
  taskConfigs(): ConnectorConfig[] {
    return [{ ...this.#props }];
  }
  stop(): void {}
  override alterOffsets(): boolean {
    return true;
  }
}

export class DataGeneratorTask extends SourceTask {
  #kind: Kind = 'payments';
  #topic = '';
  #rate = 10;
  #seed = 1;
  #max = -1;
  #batch = 500;
  #next = 0;
  #started = 0;
  #startCount = 0;
  #stopped = false;
  #wake: (() => void) | null = null;

  version(): string {
    return '0.1.0';
  }

  async start(props: ConnectorConfig): Promise<void> {
    const v = configDef().parse(props);
    this.#kind = v['kind'] as Kind;
    this.#topic = String(v['topic']);
    this.#rate = Number(v['rate']);
    this.#seed = Number(v['seed']);
    this.#max = Number(v['max.records']);
    this.#batch = Number(v['batch.size']);
    const stored = await this.context.offsetStorageReader().offset({ kind: this.#kind, seed: this.#seed });
    this.#next = stored ? Number(stored['count']) : 0;
    this.#started = Date.now();
    this.#startCount = this.#next;
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#stopped) return null;
    if (this.#max >= 0 && this.#next >= this.#max) return this.#sleep(1000);
    let due = this.#batch;
    if (this.#rate > 0) {
      // As many as the rate allows since the start, so a slow poll catches up.
      due = Math.min(this.#batch, Math.floor(((Date.now() - this.#started) / 1000) * this.#rate) - (this.#next - this.#startCount));
      if (due <= 0) return this.#sleep(Math.max(1, Math.ceil(1000 / this.#rate)));
    }
    if (this.#max >= 0) due = Math.min(due, this.#max - this.#next);
    const now = Date.now();
    const out: SourceRecord[] = [];
    for (let i = 0; i < due; i++) {
      const n = this.#next++;
      const { key, value } = generateEvent(this.#kind, this.#seed, n, now);
      out.push(new SourceRecord({ sourcePartition: { kind: this.#kind, seed: this.#seed }, sourceOffset: { count: n + 1 }, topic: this.#topic, keySchema: Schema.STRING_SCHEMA, key, valueSchema: SCHEMAS[this.#kind], value, timestamp: now }));
    }
    return out;
  }

  async #sleep(ms: number): Promise<null> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(ms, 1000));
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
    return null;
  }

  stop(): void {
    this.#stopped = true;
    this.#wake?.();
  }
}
