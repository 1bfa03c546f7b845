/**
 * Grouped (Kafka Streams' `Grouped`): the serdes of a grouping and the name of its repartition
 * topic (`<application.id>-<name>-repartition`), which is also the name of the key-selecting
 * processor of `KStream.groupBy` and `KTable.groupBy`. A plain object, like Consumed and Produced.
 */
import type { Serde } from '../serdes.ts';
import { nameOf } from './options.ts';

export interface Grouped<K, V> {
  name?: string;
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
}

export const Grouped = {
  as<K = unknown, V = unknown>(name: string): Grouped<K, V> {
    return { name: nameOf(name) };
  },
  with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined, name?: string): Grouped<K, V> {
    return { keySerde, valueSerde, name: name === undefined ? undefined : nameOf(name) };
  },
  keySerde<K, V = unknown>(keySerde: Serde<K>): Grouped<K, V> {
    return { keySerde };
  },
  valueSerde<V, K = unknown>(valueSerde: Serde<V>): Grouped<K, V> {
    return { valueSerde };
  },
};
