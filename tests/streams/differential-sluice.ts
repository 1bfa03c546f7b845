/**
 * The Sluice twins of the reference topologies (tests/streams/java, DifferentialTopologies.java):
 * the same operators, in the same order, with the same functions, in @sluice/streams' DSL; and
 * running them, one KafkaStreams per topology in this process, configured as the Java side is
 * (no record cache, commits every 100 ms) so that every update reaches the output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FixedKeyProcessor, type FixedKeyProcessorContext, Grouped, KafkaStreams, KeyValue, Materialized, Serdes, StreamsBuilder, type TimestampedKeyValueStore, type Topology } from '@sluice/streams';
import type { Guarantee, TopologyRun } from './differential-harness.ts';

const S = Serdes.String();
const strings = { keySerde: S, valueSerde: S };
const counts = { keySerde: S, valueSerde: Serdes.Int64() };

const category = (v: string) => v.slice(0, v.indexOf(':'));
const amount = (v: string) => v.slice(v.indexOf(':') + 1);

interface Stats {
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
}

/** The last three values, comma-separated (DifferentialTopologies.lastThree). */
const lastThree = (agg: string, value: string) => (agg === '' ? value : `${agg},${value}`).split(',').slice(-3).join(',');

/** Java writes these objects field by field in this order; JSON.stringify keeps insertion order. */
function addStat(json: string, value: string): string {
  const s = JSON.parse(json) as Stats;
  const v = Number(value);
  const next: Stats = { count: s.count + 1, sum: s.sum + v, min: s.min === null ? v : Math.min(s.min, v), max: s.max === null ? v : Math.max(s.max, v) };
  return JSON.stringify(next);
}

function countSum(json: string, countDelta: number, sumDelta: number): string {
  const s = JSON.parse(json) as { count: number; sum: number };
  return JSON.stringify({ count: s.count + countDelta, sum: s.sum + sumDelta });
}

/**
 * Java's stream–GlobalKTable left join, written as the processor-API lookup it is (the DSL's joins
 * come with part 3): the row the order's product id names, from the fully loaded global store.
 */
function productLookup(storeName: string): FixedKeyProcessor<string, string, string> {
  let context: FixedKeyProcessorContext<string, string>;
  let products: TimestampedKeyValueStore<string, string>;
  return {
    init(ctx) {
      context = ctx;
      products = ctx.getStateStore<TimestampedKeyValueStore<string, string>>(storeName);
    },
    process(record) {
      const productId = record.value;
      context.forward(record.withValue(`${productId}=${products.get(productId)?.value ?? 'unknown'}`));
    },
  };
}

/** Builds the twin of a reference topology; the names are those of DifferentialTopologies.NAMES. */
const twins: Record<string, (builder: StreamsBuilder, run: TopologyRun) => void> = {
  count: (b, run) => b.stream(run.input, strings).groupByKey().count().toStream().to(run.output, counts),
  reduce: (b, run) =>
    b.stream(run.input, strings)
      .groupByKey()
      .reduce((sum, value) => String(Number(sum) + Number(value)))
      .toStream()
      .to(run.output, strings),
  aggregate: (b, run) =>
    b.stream(run.input, strings)
      .groupByKey()
      .aggregate(() => JSON.stringify({ count: 0, sum: 0, min: null, max: null }), (_key, value, agg) => addStat(agg, value), Materialized.with(S, S))
      .toStream()
      .to(run.output, strings),
  'table-filter-mapvalues': (b, run) =>
    b.table(run.input, strings)
      .filter((_key, value) => Number(value) % 2 === 0)
      .mapValues((value) => `even:${value}`)
      .toStream()
      .to(run.output, strings),
  'groupby-count': (b, run) =>
    b.stream(run.input, strings)
      .groupBy((_key, value) => category(value), Grouped.with(S, S))
      .count()
      .toStream()
      .to(run.output, counts),
  'table-groupby-aggregate': (b, run) =>
    b.table(run.input, strings)
      .groupBy((_key, value) => KeyValue.pair(category(value), amount(value)), Grouped.with(S, S))
      .aggregate(
        () => JSON.stringify({ count: 0, sum: 0 }),
        (_key, value, agg) => countSum(agg, 1, Number(value)),
        (_key, value, agg) => countSum(agg, -1, -Number(value)),
        Materialized.with(S, S),
      )
      .toStream()
      .to(run.output, strings),
  'map-reduce': (b, run) =>
    b.stream(run.input, strings)
      .map((_key, value) => KeyValue.pair(category(value), amount(value)))
      .groupByKey(Grouped.with(S, S))
      .reduce((sum, value) => String(Number(sum) + Number(value)))
      .toStream()
      .to(run.output, strings),
  'table-groupby-reduce': (b, run) =>
    b.table(run.input, strings)
      .groupBy((_key, value) => KeyValue.pair(category(value), amount(value)), Grouped.with(S, S))
      .reduce(
        (sum, value) => String(Number(sum) + Number(value)),
        (sum, value) => String(Number(sum) - Number(value)),
      )
      .toStream()
      .to(run.output, strings),
  'repartition-count': (b, run) =>
    b.stream(run.input, strings)
      .repartition({ name: 'rekeyed', numberOfPartitions: 2, keySerde: S, valueSerde: S })
      .groupByKey(Grouped.with(S, S))
      .count()
      .toStream()
      .to(run.output, counts),
  'totable-filternot': (b, run) =>
    b.stream(run.input, strings)
      .toTable(Materialized.as<string, string>('latest').withKeySerde(S).withValueSerde(S))
      .filterNot((_key, value) => Number(value) % 3 === 0, Materialized.as<string, string>('not-thirds').withKeySerde(S).withValueSerde(S))
      .mapValues((value, key) => `${key}/${value}`)
      .toStream()
      .to(run.output, strings),
  'merge-aggregate': (b, run) =>
    b.stream(run.input, strings)
      .merge(b.stream(run.second!, strings))
      .groupByKey()
      .aggregate(() => '', (_key, value, agg) => lastThree(agg, value), Materialized.with(S, S))
      .toStream()
      .to(run.output, strings),
  'global-lookup': (b, run) => {
    const products = b.globalTable(run.global!, strings);
    b.stream(run.input, strings)
      .processValues(() => productLookup(products.storeName))
      .to(run.output, strings);
  },
};

/** The topologies that have a Sluice twin today. */
export const twinNames = (): string[] => Object.keys(twins);

export function sluiceTopology(run: TopologyRun): Topology {
  const build = twins[run.name];
  if (!build) throw new Error(`no Sluice twin of '${run.name}'`);
  const builder = new StreamsBuilder();
  build(builder, run);
  return builder.build();
}

export interface SluiceApps {
  /** What stopped an application, each as `<application id>: <error>`. */
  errors: string[];
  stop(): Promise<void>;
}

/** Starts one KafkaStreams per run, configured as RunTopologies.java configures Java's. */
export async function startSluiceApps(bootstrap: string, guarantee: Guarantee, runs: TopologyRun[]): Promise<SluiceApps> {
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-differential-ts-'));
  const errors: string[] = [];
  const apps = runs.map((run) => {
    const app = new KafkaStreams(sluiceTopology(run), {
      applicationId: run.applicationId,
      bootstrapServers: bootstrap,
      processingGuarantee: guarantee,
      commitIntervalMs: 100,
      replicationFactor: 1,
      stateDir,
      statestoreCacheMaxBytes: 0,
    });
    app.setUncaughtExceptionHandler((error) => {
      errors.push(`${run.applicationId}: ${error.message}`);
      return 'SHUTDOWN_CLIENT';
    });
    return app;
  });
  await Promise.all(apps.map((app) => app.start()));
  return {
    errors,
    async stop() {
      await Promise.all(apps.map((app) => app.close({ timeoutMs: 30_000 })));
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
