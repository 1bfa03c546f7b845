/**
 * KStream–KTable and KStream–GlobalKTable joins (inner and left; Java's KStreamKTableJoin and
 * KStreamGlobalKTableJoin): each stream record looks its key (or, for a global table, the key the
 * KeyValueMapper picks) up in the table as the table is at that moment, and is joined with the row,
 * or with null in a left join; table updates emit nothing. Records with a null value, or a null
 * lookup key, are skipped, except that a left join passes a record with a null key (and a value)
 * on, joined with null, as Kafka Streams 3.7+ does.
 */
import type { Processor, ProcessorContext } from '../processor/api.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import type { TableValueGetterSupplier } from './table-value-getter.ts';

export function streamTableJoinSupplier<K, V, KT, VT, VR>(
  getter: TableValueGetterSupplier<KT, VT>,
  keyMapper: (key: K, value: V) => KT,
  joiner: (value: V, tableValue: VT | null, key: K) => VR,
  leftJoin: boolean,
): () => Processor<K, V, K, VR> {
  return () => {
    let context!: ProcessorContext<K, VR>;
    const table = getter.get();
    return {
      init(c) {
        context = c;
        table.init(c as ProcessorContext<unknown, unknown>);
      },
      process(record) {
        const key = record.key;
        const value = record.value;
        const absent = (x: unknown): boolean => x === null || x === undefined;
        const mappedKey = keyMapper(key, value);
        const nullKeyLeftJoin = leftJoin && absent(key) && !absent(value);
        if (!nullKeyLeftJoin && (absent(mappedKey) || absent(value))) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null join key or value.');
          return;
        }
        const row = absent(mappedKey) ? null : table.get(mappedKey as KT);
        const tableValue = row === null ? null : row.value;
        if (leftJoin || tableValue !== null) context.forward(record.withValue(joiner(value, tableValue, key)));
      },
    };
  };
}
