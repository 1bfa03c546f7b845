/**
 * StreamsBuilder: the entry point of the DSL. `stream(topic)` gives a KStream; operators on it
 * add nodes to a Topology, which `build()` returns for KafkaStreams or the test driver.
 */
import { topologyError } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { StateStore, StoreBuilder } from '../state/api.ts';
import { Topology } from '../topology/topology.ts';
import { KStream } from './kstream.ts';
import type { BuilderInternals } from './builder-internals.ts';
import type { Consumed } from './options.ts';
import { GlobalKTable } from './global-ktable.ts';
import type { KTable } from './ktable.ts';
import { sourceTable } from './kstream-stateful.ts';
// KStream's joins are defined there (they take tables); loading it here installs them with the builder.
import './kstream-joins.ts';
import './ktable-joins.ts';
import { Materialized, type ResolvedMaterialized, resolveMaterialized } from './materialized.ts';
import { keyValueStoreBuilder } from './store-materializer.ts';
import { KTableSourceSupplier } from './table-processors.ts';

export class StreamsBuilder {
  private readonly topology = new Topology();
  private index = 0;
  private built = false;
  private readonly internals: BuilderInternals = {
    topology: this.topology,
    newName: (prefix, given) => {
      const index = this.index++;
      return given ?? `${prefix}${String(index).padStart(10, '0')}`;
    },
    newStoreName: (prefix) => `${prefix}STATE-STORE-${String(this.index++).padStart(10, '0')}`,
  };

  /**
   * A stream of the records of one or more topics (all with the same serdes), or of every topic
   * a RegExp matches as a whole name, including topics created while the application runs.
   */
  stream<K = Buffer, V = Buffer>(topics: string | readonly string[] | RegExp, consumed: Consumed<K, V> = {}): KStream<K, V> {
    const source = topics instanceof RegExp ? topics : typeof topics === 'string' ? [topics] : [...topics];
    if (Array.isArray(source) && source.length === 0) throw topologyError('stream() needs at least one topic');
    const name = this.internals.newName('KSTREAM-SOURCE-', consumed.processorName);
    this.topology.addSource<K, V>(name, source, {
      keyDeserializer: consumed.keySerde,
      valueDeserializer: consumed.valueSerde,
      timestampExtractor: consumed.timestampExtractor,
      offsetResetPolicy: consumed.offsetResetPolicy,
    });
    return new KStream<K, V>(this.internals, name, consumed.keySerde as Serde<K> | undefined, consumed.valueSerde as Serde<V> | undefined, false);
  }

  /**
   * A table over a topic: each record replaces the row of its key, a null value deletes it (Java's
   * `builder.table`). Give a Materialized name to query it; the store keeps the rows either way
   * once an operator needs them (a groupBy, a join).
   */
  table<K = Buffer, V = Buffer>(topic: string, consumed: Consumed<K, V> | Materialized<K, V> = {}, materialized?: Materialized<K, V>): KTable<K, V> {
    if (typeof topic !== 'string' || topic.length === 0) throw topologyError('table() needs a topic name');
    const { options, m } = consumedAndMaterialized(consumed, materialized);
    const r = tableMaterialized(resolveMaterialized(m, this.internals.newStoreName, `${topic}-`), options);
    const { sourceName, processorName } = this.tableSourceNames(options.processorName);
    this.addTableSource(sourceName, topic, options, r.keySerde, r.valueSerde);
    return sourceTable(this.internals, sourceName, processorName, r);
  }

  /**
   * A table every instance reads in full (all partitions of the topic), for lookups from any task
   * (Java's `builder.globalTable`). Its store has no changelog: the topic is read again on restart.
   */
  globalTable<K = Buffer, V = Buffer>(topic: string, consumed: Consumed<K, V> | Materialized<K, V> = {}, materialized?: Materialized<K, V>): GlobalKTable<K, V> {
    if (typeof topic !== 'string' || topic.length === 0) throw topologyError('globalTable() needs a topic name');
    const { options, m } = consumedAndMaterialized(consumed, materialized);
    const r = tableMaterialized(resolveMaterialized(m, this.internals.newStoreName, `${topic}-`), options);
    const { sourceName, processorName } = this.tableSourceNames(options.processorName);
    const supplier = new KTableSourceSupplier<K, V>(r.storeName, r.storeName, () => {});
    this.topology.addGlobalStore(
      keyValueStoreBuilder({ ...r, materialized: r.materialized.withLoggingDisabled() }) as never,
      sourceName,
      topic,
      { keyDeserializer: r.keySerde, valueDeserializer: r.valueSerde, timestampExtractor: options.timestampExtractor },
      processorName,
      () => supplier.get() as never,
    );
    return new GlobalKTable<K, V>(r.storeName, r.queryableStoreName);
  }

  /** Java's names for a table's source and processor: `<name>-source` and `<name>` when Consumed names them. */
  private tableSourceNames(named: string | undefined): { sourceName: string; processorName: string } {
    const sourceName = this.internals.newName('KSTREAM-SOURCE-', named === undefined ? undefined : `${named}-source`);
    const processorName = this.internals.newName('KTABLE-SOURCE-', named);
    return { sourceName, processorName };
  }

  private addTableSource<K, V>(sourceName: string, topic: string, options: Consumed<K, V>, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): void {
    this.topology.addSource<K, V>(sourceName, topic, {
      keyDeserializer: options.keySerde ?? keySerde,
      valueDeserializer: options.valueSerde ?? valueSerde,
      timestampExtractor: options.timestampExtractor,
      offsetResetPolicy: options.offsetResetPolicy,
    });
  }

  /**
   * Adds a state store for processors of `process()`/`processValues()` to use: name it in their
   * `stateStoreNames` (Java's StreamsBuilder.addStateStore).
   */
  addStateStore(builder: StoreBuilder<StateStore>): this {
    this.topology.addStateStore(builder);
    return this;
  }

  /** The topology built so far, checked; pass it to `new KafkaStreams(...)` or the test driver. */
  build(): Topology {
    this.topology.validate();
    this.built = true;
    return this.topology;
  }

  /** Whether build() was called (operators added afterwards still land in the same topology). */
  get isBuilt(): boolean {
    return this.built;
  }
}

/** table()/globalTable() take (Consumed, Materialized) or (Materialized) alone, as Java's overloads do. */
function consumedAndMaterialized<K, V>(consumed: Consumed<K, V> | Materialized<K, V>, materialized: Materialized<K, V> | undefined): { options: Consumed<K, V>; m: Materialized<K, V> | undefined } {
  if (consumed instanceof Materialized) return { options: { keySerde: consumed.keySerde, valueSerde: consumed.valueSerde }, m: consumed };
  return { options: consumed ?? {}, m: materialized };
}

/** The serdes of a source table's store: Consumed's where it has them (Java always takes Consumed's), else Materialized's. */
function tableMaterialized<K, V>(r: ResolvedMaterialized<K, V>, consumed: Consumed<K, V>): ResolvedMaterialized<K, V> {
  return { ...r, keySerde: consumed.keySerde ?? r.keySerde, valueSerde: consumed.valueSerde ?? r.valueSerde };
}
