/**
 * The processors of KTable–KTable joins (Java's KTableKTableInnerJoin, -LeftJoin, -RightJoin,
 * -OuterJoin and KTableKTableJoinMerger). Each side's changes look the key up in the other table;
 * the result's timestamp is the later of the two rows'. Old values travel when a downstream
 * operator asks, and a join always asks both tables for theirs (so both keep stores), as in Java.
 */
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { Change } from '../state/api.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import type { TableProcessorSupplier } from './table-processors.ts';
import { type TableStore, type TupleForwarder, tableStore, tupleForwarder } from './table-forwarding.ts';
import type { TableValueGetterSupplier } from './table-value-getter.ts';

/** Which of Java's join processors: inner, left (this side of a left join), right (the other side of a left join), outer. */
export type TableJoinKind = 'inner' | 'left' | 'right' | 'outer';

interface SendsOldValues {
  enableSendingOldValues(forceMaterialization: boolean): boolean;
}

/** One side of a table-table join; `joiner` takes this side's value first. */
export class KTableKTableJoinSupplier<K, V1, V2, VR> implements TableProcessorSupplier<K, Change<V1>, K, Change<VR>> {
  private sendOldValues = false;

  private readonly kind: TableJoinKind;
  private readonly thisTable: SendsOldValues;
  private readonly otherTable: SendsOldValues;
  private readonly otherGetter: TableValueGetterSupplier<K, V2>;
  private readonly joiner: (thisValue: V1 | null, otherValue: V2 | null) => VR;

  constructor(
    kind: TableJoinKind,
    thisTable: SendsOldValues,
    otherTable: SendsOldValues,
    otherGetter: TableValueGetterSupplier<K, V2>,
    joiner: (thisValue: V1 | null, otherValue: V2 | null) => VR,
  ) {
    this.kind = kind;
    this.thisTable = thisTable;
    this.otherTable = otherTable;
    this.otherGetter = otherGetter;
    this.joiner = joiner;
  }

  enableSendingOldValues(): boolean {
    this.thisTable.enableSendingOldValues(true);
    this.otherTable.enableSendingOldValues(true);
    this.sendOldValues = true;
    return true;
  }

  get(): Processor<K, Change<V1>, K, Change<VR>> {
    const { kind, joiner } = this;
    const sendOldValues = this.sendOldValues;
    const other = this.otherGetter.get();
    let context!: ProcessorContext<K, Change<VR>>;
    return {
      init(c) {
        context = c;
        other.init(c as ProcessorContext<unknown, unknown>);
      },
      process(record) {
        // A table row always has a key; Java skips (and counts) a record without one.
        if (record.key === null || record.key === undefined) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null key.');
          return;
        }
        const { newValue: n, oldValue: o } = record.value;
        const row = other.get(record.key);
        const otherValue = row === null ? null : row.value;
        let newValue: VR | null = null;
        let oldValue: VR | null = null;
        let timestamp = record.timestamp;
        if (kind === 'inner' || kind === 'right') {
          if (otherValue === null) return;
          timestamp = Math.max(record.timestamp, row!.timestamp);
          if (kind === 'right') {
            // The other side of a left join: its row exists, so the result exists, joined with this side's (maybe null) value.
            newValue = joiner(n, otherValue);
            if (sendOldValues) oldValue = joiner(o, otherValue);
          } else {
            if (n !== null) newValue = joiner(n, otherValue);
            if (sendOldValues && o !== null) oldValue = joiner(o, otherValue);
          }
        } else {
          if (otherValue === null && n === null && o === null) return;
          if (row !== null && otherValue !== null) timestamp = Math.max(record.timestamp, row.timestamp);
          if (kind === 'left') {
            if (n !== null) newValue = joiner(n, otherValue);
            if (sendOldValues && o !== null) oldValue = joiner(o, otherValue);
          } else {
            if (otherValue !== null || n !== null) newValue = joiner(n, otherValue);
            if (sendOldValues && (otherValue !== null || o !== null)) oldValue = joiner(o, otherValue);
          }
        }
        context.forward(record.withValue<Change<VR>>({ newValue, oldValue }).withTimestamp(timestamp));
      },
    };
  }
}

/** KTABLE-MERGE: both sides' results, kept in a store when the join is materialized. */
export class KTableKTableJoinMergerSupplier<K, VR> implements TableProcessorSupplier<K, Change<VR>, K, Change<VR>> {
  private sendOldValues = false;

  private readonly parents: readonly SendsOldValues[];
  /** The store the result is kept in, or null when the join is not materialized. */
  readonly storeName: string | null;

  constructor(parents: readonly SendsOldValues[], storeName: string | null) {
    this.parents = parents;
    this.storeName = storeName;
  }

  enableSendingOldValues(): boolean {
    for (const p of this.parents) p.enableSendingOldValues(true);
    this.sendOldValues = true;
    return true;
  }

  get(): Processor<K, Change<VR>, K, Change<VR>> {
    const storeName = this.storeName;
    const sendOldValues = this.sendOldValues;
    let context!: ProcessorContext<K, Change<VR>>;
    let store: TableStore<K, VR> | undefined;
    let forwarder: TupleForwarder<K, VR> | undefined;
    return {
      init(c) {
        context = c;
        if (storeName !== null) {
          const s = tableStore<K, VR>(c as ProcessorContext<unknown, unknown>, storeName);
          store = s.view;
          forwarder = tupleForwarder(s.store, c, sendOldValues);
        }
      },
      process(record) {
        if (store && forwarder) {
          store.put(record.key, record.value.newValue, record.timestamp);
          forwarder.maybeForward(record);
        } else {
          context.forward(sendOldValues ? record : record.withValue<Change<VR>>({ newValue: record.value.newValue, oldValue: null }));
        }
      },
    };
  }
}
