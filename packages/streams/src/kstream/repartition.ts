/**
 * Repartition topics, as the DSL writes them: a filter, a sink to `<application.id>-<prefix>-repartition`
 * and a source reading it back, so that records meet the task of their (new) key. `repartition()`
 * makes one on request; a key-changing operation (selectKey, map, flatMap, groupBy, process)
 * followed by a stateful one (count, reduce, aggregate, toTable) makes one on its own, named after
 * the Grouped name or the store.
 */
import type { Serde } from '../serdes.ts';
import type { StreamPartitioner } from '../topology/nodes.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { operators } from './operators.ts';

export interface RepartitionNodes {
  /** The topic without the application id: `<prefix>-repartition`. */
  readonly topic: string;
  readonly sinkName: string;
  readonly filterName: string;
  readonly sourceName: string;
}

const GENERATED = /^KSTREAM.*-[0-9]{10}$/;

/**
 * The names Java's createRepartitionedSource gives: three generated names are always taken (sink,
 * filter, source, in that order), and used when the prefix is itself a generated name; otherwise
 * the nodes are `<topic>-sink`, `<topic>-filter` and `<topic>-source`.
 */
export function repartitionNames(builder: BuilderInternals, prefix: string): RepartitionNodes {
  const topic = prefix.endsWith('-repartition') ? prefix : `${prefix}-repartition`;
  const sink = builder.newName('KSTREAM-SINK-');
  const filter = builder.newName('KSTREAM-FILTER-');
  const source = builder.newName('KSTREAM-SOURCE-');
  if (GENERATED.test(prefix)) return { topic, sinkName: sink, filterName: filter, sourceName: source };
  return { topic, sinkName: `${topic}-sink`, filterName: `${topic}-filter`, sourceName: `${topic}-source` };
}

export interface RepartitionOptions<K, V> {
  keySerde: Serde<K> | undefined;
  valueSerde: Serde<V> | undefined;
  partitioner?: StreamPartitioner<K, V>;
  numberOfPartitions?: number;
}

/**
 * Adds the filter, sink and source below `parent`, in Java's order. The filter drops records with
 * a null key: they have no partition to go to, and every stateful operator downstream would drop
 * them anyway.
 */
export function addRepartition<K, V>(builder: BuilderInternals, parent: string, nodes: RepartitionNodes, options: RepartitionOptions<K, V>): void {
  const t = builder.topology;
  t.addInternalTopic(nodes.topic, { numberOfPartitions: options.numberOfPartitions });
  t.addProcessor(nodes.filterName, operators.filter((k) => k !== null && k !== undefined, true) as never, parent);
  t.addSink<K, V>(nodes.sinkName, nodes.topic, { keySerializer: options.keySerde, valueSerializer: options.valueSerde, partitioner: options.partitioner }, nodes.filterName);
  t.addSource<K, V>(nodes.sourceName, nodes.topic, { keyDeserializer: options.keySerde, valueDeserializer: options.valueSerde });
}
