/**
 * StreamsBuilder: the entry point of the DSL. `stream(topic)` gives a KStream; operators on it
 * add nodes to a Topology, which `build()` returns for KafkaStreams or the test driver.
 */
import { topologyError } from '../errors.js';
import type { Serde } from '../serdes.js';
import { Topology } from '../topology/topology.js';
import { KStream } from './kstream.js';
import type { BuilderInternals } from './builder-internals.js';
import type { Consumed } from './options.js';

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
