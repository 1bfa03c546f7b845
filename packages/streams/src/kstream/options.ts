/**
 * The small option objects of the DSL, with Kafka Streams' names: Consumed, Produced,
 * Repartitioned, Named (Branched, which names KStream, is in kstream.ts). Each is a plain object
 * type; the helpers (`Consumed.with`) exist so code ported from Java reads the same.
 */
import { topologyError } from '../errors.ts';
import type { TimestampExtractor } from '../processor/timestamps.ts';
import type { Serde } from '../serdes.ts';
import type { OffsetResetPolicy, StreamPartitioner } from '../topology/nodes.ts';

/** A processor name given by the application instead of a generated `KSTREAM-FILTER-0000000001`. */
export type Named = string | { name: string };

export const Named = {
  as(name: string): { name: string } {
    return { name };
  },
};

export function nameOf(named: Named | undefined): string | undefined {
  if (named === undefined) return undefined;
  const name = typeof named === 'string' ? named : named?.name;
  if (typeof name !== 'string' || name.length === 0) throw topologyError(`a name must be a non-empty string, got ${JSON.stringify(named)}`);
  return name;
}

export interface Consumed<K, V> {
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
  /** Event time of the records of these topics; default: the application's `defaultTimestampExtractor`. */
  timestampExtractor?: TimestampExtractor;
  /** The source node's name. */
  processorName?: string;
  /**
   * Where partitions of these topics without a committed offset start (Kafka 4.0's
   * `Consumed.withOffsetResetPolicy`); default: the consumer's auto.offset.reset ('earliest').
   */
  offsetResetPolicy?: OffsetResetPolicy;
}

export const Consumed = {
  with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>): Consumed<K, V> {
    return { keySerde, valueSerde };
  },
  as<K = unknown, V = unknown>(processorName: string): Consumed<K, V> {
    return { processorName };
  },
  withOffsetResetPolicy<K = unknown, V = unknown>(offsetResetPolicy: OffsetResetPolicy): Consumed<K, V> {
    return { offsetResetPolicy };
  },
};

export interface Produced<K, V> {
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
  streamPartitioner?: StreamPartitioner<K, V>;
  /** The sink node's name. */
  processorName?: string;
}

export const Produced = {
  with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>, streamPartitioner?: StreamPartitioner<K, V>): Produced<K, V> {
    return { keySerde, valueSerde, streamPartitioner };
  },
  streamPartitioner<K, V>(streamPartitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return { streamPartitioner };
  },
  as<K = unknown, V = unknown>(processorName: string): Produced<K, V> {
    return { processorName };
  },
};

export interface Repartitioned<K, V> {
  /** Names the topic `<application.id>-<name>-repartition` and the nodes around it. */
  name?: string;
  /** Default: the partition count of the topics the stream was read from. */
  numberOfPartitions?: number;
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
  streamPartitioner?: StreamPartitioner<K, V>;
}

export const Repartitioned = {
  as<K = unknown, V = unknown>(name: string): Repartitioned<K, V> {
    return { name };
  },
  with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>): Repartitioned<K, V> {
    return { keySerde, valueSerde };
  },
  numberOfPartitions<K = unknown, V = unknown>(numberOfPartitions: number): Repartitioned<K, V> {
    return { numberOfPartitions };
  },
};

/** How `print()` writes records (Kafka's Printed). */
export interface Printed<K, V> {
  /** Default: the processor name. */
  label?: string;
  /** Default: `key, value`. */
  mapper?: (key: K, value: V) => string;
  /** Where lines go; default: stdout. */
  output?: (line: string) => void;
  processorName?: string;
}

export const Printed = {
  toSysOut<K = unknown, V = unknown>(): Printed<K, V> {
    return {};
  },
  withLabel<K = unknown, V = unknown>(label: string): Printed<K, V> {
    return { label };
  },
};
