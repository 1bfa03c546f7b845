/**
 * How a join looks a row of a table up (Java's KTableValueGetter): from the table's own store when
 * it keeps one (a source table is given one for the join, as Java materializes it), or, for a
 * filter or mapValues table without a store, computed from its parent's row on the fly.
 */
import type { ProcessorContext } from '../processor/api.ts';
import type { TimestampedKeyValueStore, ValueAndTimestamp } from '../state/api.ts';
import { KTableFilterSupplier, KTableMapValuesSupplier, KTableSourceSupplier, type TableProcessorSupplier } from './table-processors.ts';
import { topologyError } from '../errors.ts';

export interface TableValueGetter<K, V> {
  init(context: ProcessorContext<unknown, unknown>): void;
  get(key: K): ValueAndTimestamp<V> | null;
}

export interface TableValueGetterSupplier<K, V> {
  /** The stores the getter reads, to connect to the joining processor. */
  readonly storeNames: readonly string[];
  get(): TableValueGetter<K, V>;
}

/** A getter reading a timestamped key-value store by name (a table's store, or a global table's). */
export function storeValueGetter<K, V>(storeName: string): TableValueGetterSupplier<K, V> {
  return {
    storeNames: [storeName],
    get() {
      let store!: TimestampedKeyValueStore<K, V>;
      return {
        init(context) {
          store = context.getStateStore<TimestampedKeyValueStore<K, V>>(storeName);
        },
        get: (key) => store.get(key),
      };
    },
  };
}

export function valueGetterSupplier<K, V>(supplier: TableProcessorSupplier<unknown, unknown, K, unknown>): TableValueGetterSupplier<K, V> {
  if (supplier instanceof KTableSourceSupplier) {
    supplier.materialize();
    return storeValueGetter<K, V>(supplier.queryableName!);
  }
  if (supplier instanceof KTableFilterSupplier || supplier instanceof KTableMapValuesSupplier) {
    const derived = supplier as KTableFilterSupplier<K, unknown>;
    if (derived.queryableName !== null) return storeValueGetter<K, V>(derived.queryableName);
    const parent = valueGetterSupplier<K, unknown>(derived.parentSupplier);
    return {
      storeNames: parent.storeNames,
      get() {
        const p = parent.get();
        return {
          init: (context) => p.init(context),
          get(key) {
            const row = p.get(key);
            if (row === null) return null;
            const value = derived.rowOf(key, row.value) as V | null;
            return value === null ? null : { value, timestamp: row.timestamp };
          },
        };
      },
    };
  }
  // An aggregation (count, reduce, aggregate) always keeps its rows in its store.
  const storeName = (supplier as { storeName?: unknown }).storeName;
  if (typeof storeName === 'string') return storeValueGetter<K, V>(storeName);
  throw topologyError('this KTable cannot be looked up in a join yet (only source tables, aggregations, and filter/mapValues of them)');
}
