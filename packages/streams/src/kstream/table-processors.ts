/**
 * The processors behind KTable operations (Java's KTableSource, KTableFilter, KTableMapValues,
 * KTableRepartitionMap and toStream). Table processors pass `Change`s along: the new value of a row
 * and, when a downstream operator needs it (an aggregation's subtractor, a filter avoiding needless
 * tombstones), the old one. Which of them send old values, and which tables must be materialized
 * for it, is settled while the topology is built (`enableSendingOldValues`), as in Java.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { KeyValue, Record } from '../record.ts';
import type { Change } from '../state/api.ts';
import { type TableStore, type TupleForwarder, tableStore, tupleForwarder } from './table-forwarding.ts';

type AnyContext = ProcessorContext<unknown, unknown>;

/** What every table's processor supplier answers (Java's KTableProcessorSupplier). */
export interface TableProcessorSupplier<KIn, VIn, KOut, VOut> {
  /** A new processor, once per task. */
  get(): Processor<KIn, VIn, KOut, VOut>;
  /**
   * Asks the processor to send old values too. With `forceMaterialization` a source table gets a
   * store for it; without, only a table that has one says yes. Returns whether it will.
   */
  enableSendingOldValues(forceMaterialization: boolean): boolean;
}

/** `builder.table()` and `toTable()`: upserts by key, null values delete (Java's KTableSource). */
export class KTableSourceSupplier<K, V> implements TableProcessorSupplier<K, V, K, Change<V>> {
  private sendOldValues = false;
  private queryable: string | null;

  readonly storeName: string;
  /** Connects the store to the processor when a downstream operator materializes the table (a named one is connected when added). */
  private readonly onMaterialize: () => void;

  constructor(storeName: string, queryableName: string | null, onMaterialize: () => void) {
    this.storeName = storeName;
    this.onMaterialize = onMaterialize;
    this.queryable = queryableName;
  }

  get queryableName(): string | null {
    return this.queryable;
  }

  materialized(): boolean {
    return this.queryable !== null;
  }

  /** A store for this table, because a downstream operator reads it. */
  materialize(): void {
    if (this.queryable !== null) return;
    this.queryable = this.storeName;
    this.onMaterialize();
  }

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (!forceMaterialization && !this.materialized()) return false;
    this.sendOldValues = true;
    this.materialize();
    return true;
  }

  get(): Processor<K, V, K, Change<V>> {
    const storeName = this.queryable;
    const sendOldValues = this.sendOldValues;
    let context!: ProcessorContext<K, Change<V>>;
    let store: TableStore<K, V> | undefined;
    let forwarder: TupleForwarder<K, V> | undefined;
    return {
      init(c) {
        context = c;
        if (storeName !== null) {
          const s = tableStore<K, V>(c as AnyContext, storeName);
          store = s.view;
          forwarder = tupleForwarder(s.store, c, sendOldValues);
        }
      },
      process(record) {
        // A row needs a key; Java skips (and counts) records without one.
        if (record.key === null || record.key === undefined) return;
        if (store && forwarder) {
          const old = store.get(record.key);
          store.put(record.key, record.value, record.timestamp);
          if (forwarder.forwardsDirectly) forwarder.maybeForward(record.withValue<Change<V>>({ newValue: record.value ?? null, oldValue: old === null ? null : old.value }));
        } else {
          context.forward(record.withValue<Change<V>>({ newValue: record.value ?? null, oldValue: null }));
        }
      },
    };
  }
}

/**
 * filter/filterNot and mapValues on a table: each computes the new row from the parent's change,
 * and keeps its own store when materialized by name (Java's KTableFilter, KTableMapValues).
 */
abstract class DerivedTableSupplier<K, VIn, VOut> implements TableProcessorSupplier<K, Change<VIn>, K, Change<VOut>> {
  protected sendOldValues = false;

  protected readonly parent: TableProcessorSupplier<unknown, unknown, K, Change<VIn>>;
  /** Its own store's name when materialized by name; null when it computes rows on the fly. */
  readonly queryableName: string | null;

  constructor(parent: TableProcessorSupplier<unknown, unknown, K, Change<VIn>>, queryableName: string | null) {
    this.parent = parent;
    this.queryableName = queryableName;
  }

  /** The row for `value` of the parent (null: no row). */
  protected abstract compute(key: K, value: VIn | null): VOut | null;

  /** @internal The row for a parent row, for a join's lookup into this table when it keeps no store (Java's value getter). */
  rowOf(key: K, parentValue: VIn | null): VOut | null {
    return this.compute(key, parentValue);
  }

  /** @internal The table this one is derived from. */
  get parentSupplier(): TableProcessorSupplier<unknown, unknown, K, Change<VIn>> {
    return this.parent;
  }
  /** Whether a change whose old and new rows are both absent is dropped (filter) or forwarded (mapValues). */
  protected abstract readonly dropsEmptyChanges: boolean;

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (this.queryableName !== null) {
      this.sendOldValues = true;
      return true;
    }
    if (this.parent.enableSendingOldValues(forceMaterialization)) this.sendOldValues = true;
    return this.sendOldValues;
  }

  get(): Processor<K, Change<VIn>, K, Change<VOut>> {
    const self = this;
    const storeName = this.queryableName;
    const sendOldValues = this.sendOldValues;
    let context!: ProcessorContext<K, Change<VOut>>;
    let store: TableStore<K, VOut> | undefined;
    let forwarder: TupleForwarder<K, VOut> | undefined;
    return {
      init(c) {
        context = c;
        if (storeName !== null) {
          const s = tableStore<K, VOut>(c as AnyContext, storeName);
          store = s.view;
          forwarder = tupleForwarder(s.store, c, sendOldValues);
        }
      },
      process(record: Record<K, Change<VIn>>) {
        const key = record.key;
        const newValue = self.compute(key, record.value.newValue);
        let oldValue: VOut | null = null;
        if (sendOldValues) {
          if (store) {
            const old = store.get(key);
            oldValue = old === null ? null : old.value;
          } else {
            oldValue = self.compute(key, record.value.oldValue);
          }
        }
        if (self.dropsEmptyChanges && sendOldValues && oldValue === null && newValue === null) return;
        const change: Change<VOut> = { newValue, oldValue };
        if (store && forwarder) {
          store.put(key, newValue, record.timestamp);
          forwarder.maybeForward(record.withValue(change));
        } else {
          context.forward(record.withValue(change));
        }
      },
    };
  }
}

export class KTableFilterSupplier<K, V> extends DerivedTableSupplier<K, V, V> {
  protected readonly dropsEmptyChanges = true;

  private readonly predicate: (key: K, value: V) => boolean;
  private readonly filterNot: boolean;

  constructor(
    parent: TableProcessorSupplier<unknown, unknown, K, Change<V>>,
    predicate: (key: K, value: V) => boolean,
    filterNot: boolean,
    queryableName: string | null,
  ) {
    super(parent, queryableName);
    this.predicate = predicate;
    this.filterNot = filterNot;
    // An upstream table that keeps a store sends old values anyway; taking them spares
    // downstream a tombstone for every row the filter drops (as Java does).
    this.sendOldValues = parent.enableSendingOldValues(false);
  }

  protected compute(key: K, value: V | null): V | null {
    if (value === null || value === undefined) return null;
    return Boolean(this.predicate(key, value)) !== this.filterNot ? value : null;
  }
}

export class KTableMapValuesSupplier<K, VIn, VOut> extends DerivedTableSupplier<K, VIn, VOut> {
  protected readonly dropsEmptyChanges = false;

  private readonly mapper: (value: VIn, key: K) => VOut;

  constructor(
    parent: TableProcessorSupplier<unknown, unknown, K, Change<VIn>>,
    mapper: (value: VIn, key: K) => VOut,
    queryableName: string | null,
  ) {
    super(parent, queryableName);
    this.mapper = mapper;
  }

  protected compute(key: K, value: VIn | null): VOut | null {
    if (value === null || value === undefined) return null;
    return this.mapper(value, key) ?? null;
  }
}

/**
 * KTable.groupBy's selector (Java's KTableRepartitionMap): each change becomes the old row
 * under its old group key (to subtract) and the new row under its new group key (to add); when
 * both land on one key they travel as one change, so the aggregation sees one update.
 */
export function repartitionMapSupplier<K, V, KR, VR>(selector: (key: K, value: V) => KeyValue<KR, VR>): () => Processor<K, Change<V>, KR, Change<VR>> {
  const select = (key: K, value: V | null): KeyValue<KR, VR> | null => {
    if (value === null || value === undefined) return null;
    const pair = selector(key, value);
    // Java skips a row whose selector returns null, as it skips a null key or value.
    if (pair === null || pair === undefined) return null;
    if (typeof pair !== 'object' || !('key' in pair) || !('value' in pair)) {
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `the groupBy selector must return { key, value } (KeyValue.pair), got ${JSON.stringify(pair)}`);
    }
    return pair;
  };
  const present = (p: KeyValue<unknown, unknown> | null): p is KeyValue<KR, VR> => p !== null && p.key !== null && p.key !== undefined && p.value !== null && p.value !== undefined;
  return () => {
    let context!: ProcessorContext<KR, Change<VR>>;
    return {
      init(c) {
        context = c;
      },
      process(record) {
        if (record.key === null || record.key === undefined) {
          throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, 'the key of a record of the grouped KTable is null; a table row always has a key');
        }
        const newPair = select(record.key, record.value.newValue);
        const oldPair = select(record.key, record.value.oldValue);
        if (present(oldPair) && present(newPair) && sameKey(oldPair.key, newPair.key)) {
          context.forward(record.withKey(oldPair.key).withValue<Change<VR>>({ newValue: newPair.value, oldValue: oldPair.value }));
          return;
        }
        // The old row first, so the aggregation subtracts before it adds, as Java orders them.
        if (present(oldPair)) context.forward(record.withKey(oldPair.key).withValue<Change<VR>>({ newValue: null, oldValue: oldPair.value }));
        if (present(newPair)) context.forward(record.withKey(newPair.key).withValue<Change<VR>>({ newValue: newPair.value, oldValue: null }));
      },
    };
  };
}

/** Group keys compare as Java's equals would for the usual key types: primitives by value, Buffers by bytes. */
function sameKey(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** KTable.toStream(): each change as a record of its new value (a tombstone when the row went). */
export function toStreamSupplier<K, V>(): () => Processor<K, Change<V>, K, V | null> {
  return () => {
    let context!: ProcessorContext<K, V | null>;
    return {
      init(c) {
        context = c;
      },
      process(record) {
        context.forward(record.withValue(record.value.newValue));
      },
    };
  };
}
