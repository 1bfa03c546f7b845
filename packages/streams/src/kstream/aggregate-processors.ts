/**
 * The processors behind count, reduce and aggregate, on grouped streams (Java's KStreamAggregate,
 * KStreamReduce) and grouped tables (KTableAggregate, KTableReduce). Each keeps one row per key in
 * a timestamped store; the row's timestamp is the largest of the records that made it. Stream
 * aggregations skip records with a null key or value (Java logs and counts them); table
 * aggregations subtract a row's old value before adding its new one.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { Record } from '../record.ts';
import type { Change } from '../state/api.ts';
import type { TableProcessorSupplier } from './table-processors.ts';
import { type TableStore, type TupleForwarder, tableStore, tupleForwarder } from './table-forwarding.ts';

/** One step of an aggregation: the store's old row (null if none) and the record → the new row. */
type Step<K, VIn, VAgg> = (record: Record<K, VIn>, old: { value: VAgg; timestamp: number } | null) => { value: VAgg | null; timestamp: number } | 'skip';

/** An aggregation processor over a store, with Java's forwarding rules; `sendOldValues` is set while building. */
class AggregateSupplier<K, VIn, VAgg> implements TableProcessorSupplier<K, VIn, K, Change<VAgg>> {
  private sendOldValues = false;

  readonly storeName: string;
  private readonly step: Step<K, VIn, VAgg>;

  constructor(storeName: string, step: Step<K, VIn, VAgg>) {
    this.storeName = storeName;
    this.step = step;
  }

  /** An aggregation always has its store, so it can always send old values. */
  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  get(): Processor<K, VIn, K, Change<VAgg>> {
    const { storeName, step } = this;
    const sendOldValues = this.sendOldValues;
    let store!: TableStore<K, VAgg>;
    let forwarder!: TupleForwarder<K, VAgg>;
    return {
      init(context: ProcessorContext<K, Change<VAgg>>) {
        const s = tableStore<K, VAgg>(context as ProcessorContext<unknown, unknown>, storeName);
        store = s.view;
        forwarder = tupleForwarder(s.store, context, sendOldValues);
      },
      process(record) {
        const old = record.key === null || record.key === undefined ? null : store.get(record.key);
        const next = step(record, old);
        if (next === 'skip') return;
        store.put(record.key, next.value, next.timestamp);
        // With the cache on, the flush forwards; building the record would be wasted work per record.
        if (forwarder.forwardsDirectly) forwarder.maybeForward(record.withValue<Change<VAgg>>({ newValue: next.value, oldValue: old === null ? null : old.value }).withTimestamp(next.timestamp));
      },
    };
  }
}

export type { AggregateSupplier };

const absent = (v: unknown): boolean => v === null || v === undefined;

/** KGroupedStream.aggregate (and count): the initializer's value for a new key, then the aggregator. */
export function streamAggregate<K, V, VAgg>(storeName: string, initializer: () => VAgg, aggregator: (key: K, value: V, aggregate: VAgg) => VAgg): AggregateSupplier<K, V, VAgg> {
  return new AggregateSupplier<K, V, VAgg>(storeName, (record, old) => {
    if (absent(record.key) || absent(record.value)) return 'skip';
    if (old === null) return { value: aggregator(record.key, record.value, initializer()), timestamp: record.timestamp };
    return { value: aggregator(record.key, record.value, old.value), timestamp: Math.max(record.timestamp, old.timestamp) };
  });
}

/** KGroupedStream.reduce: the first value of a key as it is, then the reducer. */
export function streamReduce<K, V>(storeName: string, reducer: (aggregate: V, value: V) => V): AggregateSupplier<K, V, V> {
  return new AggregateSupplier<K, V, V>(storeName, (record, old) => {
    if (absent(record.key) || absent(record.value)) return 'skip';
    if (old === null) return { value: record.value, timestamp: record.timestamp };
    return { value: reducer(old.value, record.value), timestamp: Math.max(record.timestamp, old.timestamp) };
  });
}

function requireTableKey(key: unknown, operator: string, storeName: string): void {
  if (absent(key)) throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `the key of a record reaching the KTable ${operator} with store '${storeName}' is null; the groupBy selector must return a key`);
}

/**
 * KGroupedTable.aggregate (and count): subtract the old value if there is one and an aggregate to
 * subtract it from, then add the new value (to the initializer's value when the key has none).
 */
export function tableAggregate<K, V, VAgg>(
  storeName: string,
  initializer: () => VAgg,
  adder: (key: K, value: V, aggregate: VAgg) => VAgg,
  subtractor: (key: K, value: V, aggregate: VAgg) => VAgg,
): AggregateSupplier<K, Change<V>, VAgg> {
  return new AggregateSupplier<K, Change<V>, VAgg>(storeName, (record, old) => {
    requireTableKey(record.key, 'aggregate', storeName);
    const { newValue, oldValue } = record.value;
    let timestamp = record.timestamp;
    let intermediate: VAgg | null = old === null ? null : old.value;
    if (!absent(oldValue) && old !== null) {
      intermediate = subtractor(record.key, oldValue as V, old.value);
      timestamp = Math.max(record.timestamp, old.timestamp);
    }
    if (absent(newValue)) return { value: intermediate, timestamp };
    const value = adder(record.key, newValue as V, intermediate === null ? initializer() : intermediate);
    if (old !== null) timestamp = Math.max(record.timestamp, old.timestamp);
    return { value, timestamp };
  });
}

/** KGroupedTable.reduce: subtract with `subtractor`, then add with `adder` (the first value of a key as it is). */
export function tableReduce<K, V>(storeName: string, adder: (aggregate: V, value: V) => V, subtractor: (aggregate: V, value: V) => V): AggregateSupplier<K, Change<V>, V> {
  return new AggregateSupplier<K, Change<V>, V>(storeName, (record, old) => {
    requireTableKey(record.key, 'reduce', storeName);
    const { newValue, oldValue } = record.value;
    let timestamp = record.timestamp;
    let intermediate: V | null = old === null ? null : old.value;
    if (!absent(oldValue) && old !== null) {
      intermediate = subtractor(old.value, oldValue as V);
      timestamp = Math.max(record.timestamp, old.timestamp);
    }
    if (absent(newValue)) return { value: intermediate, timestamp };
    if (intermediate === null) return { value: newValue as V, timestamp };
    return { value: adder(intermediate, newValue as V), timestamp: old === null ? timestamp : Math.max(record.timestamp, old.timestamp) };
  });
}
