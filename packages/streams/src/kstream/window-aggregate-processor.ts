/**
 * The processor of windowed count, reduce and aggregate over time windows (Java's
 * KStreamWindowAggregate): each record updates every window it falls in that has not closed
 * (window end > stream time − grace); a record only for closed windows is dropped, logged and
 * counted. Stream time here is the processor's own: the largest timestamp it has seen, as in
 * Java. With `EmitStrategy.onWindowClose()` nothing is forwarded on update; windows are read back
 * from the store and forwarded once they close.
 */
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { Record } from '../record.ts';
import type { Change, KeyValueIterator, ValueAndTimestamp, Windowed, WindowStore } from '../state/api.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import { emitIntervalMs } from './emit-strategy.ts';
import { FinalResultEmitTracker } from './final-result-emit.ts';
import { tupleForwarder, type TupleForwarder } from './table-forwarding.ts';
import type { TimeWindows } from './windows.ts';
import { WindowedAggregateSupplier } from './windowed-aggregate-supplier.ts';

export class WindowAggregateSupplier<K, V, VAgg> extends WindowedAggregateSupplier<TimeWindows, K, V, VAgg> {
  get(): Processor<K, V, Windowed<K>, Change<VAgg>> {
    const { windows, storeName, emitStrategy, initializer, aggregator, sendOldValues } = this;
    const onClose = emitStrategy.type === 'ON_WINDOW_CLOSE';
    let context!: ProcessorContext<Windowed<K>, Change<VAgg>>;
    let store!: WindowStore<K, ValueAndTimestamp<VAgg>>;
    let forwarder!: TupleForwarder<Windowed<K>, VAgg>;
    let observedStreamTime = -1;
    let emitTracker!: FinalResultEmitTracker;

    const forward = (record: Record<Windowed<K>, Change<VAgg>>): void => {
      if (onClose) context.forward(record);
      else forwarder.maybeForward(record);
    };

    /** Java's shouldRangeFetch: skip the store when no new window closed since the last emit. */
    const newWindowsClosed = (lower: number, upper: number): boolean => {
      if (emitTracker.lastEmitWindowCloseTime === -1) return true;
      const closing = windows.windowsFor(upper).map((w) => w.start);
      const emitted = windows.windowsFor(lower - 1).map((w) => w.start);
      return closing.length !== emitted.length || closing.some((s, i) => s !== emitted[i]);
    };

    const maybeForwardFinalResults = (record: Record<K, V>, windowCloseTime: number): void => {
      if (!onClose || !emitTracker.shouldEmitFinal(windowCloseTime)) return;
      const upper = windowCloseTime - windows.size();
      if (upper < 0) return;
      const last = emitTracker.lastEmitWindowCloseTime;
      const lower = last === -1 ? 0 : Math.max(0, last - windows.size()) + 1;
      if (!newWindowsClosed(lower, upper)) return;
      const closed: KeyValueIterator<Windowed<K>, ValueAndTimestamp<VAgg>> = store.fetchAll(lower, upper);
      try {
        for (const kv of closed) forward(record.withKey(kv.key).withValue<Change<VAgg>>({ newValue: kv.value.value, oldValue: null }).withTimestamp(kv.value.timestamp));
      } finally {
        closed.close();
      }
      emitTracker.emitted(windowCloseTime);
    };

    return {
      init(ctx) {
        context = ctx;
        store = ctx.getStateStore<WindowStore<K, ValueAndTimestamp<VAgg>>>(storeName);
        if (onClose) emitTracker = new FinalResultEmitTracker(ctx as ProcessorContext<unknown, unknown>, storeName, emitIntervalMs(ctx.appConfigs?.()));
        if (!onClose) forwarder = tupleForwarder<Windowed<K>, VAgg>(store as never, ctx, sendOldValues);
      },
      process(record) {
        if (record.key === null || record.key === undefined) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null key.');
          return;
        }
        const timestamp = record.timestamp;
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        const windowCloseTime = observedStreamTime - windows.gracePeriodMs();
        for (const window of windows.windowsFor(timestamp)) {
          if (window.end <= windowCloseTime) {
            recordDroppedRecord(
              context as ProcessorContext<unknown, unknown>,
              'Skipping record for expired window.',
              `timestamp=[${timestamp}] window=[${window.start},${window.end}) expiration=[${windowCloseTime}] streamTime=[${observedStreamTime}]`,
            );
            continue;
          }
          const old = store.fetch(record.key, window.start);
          const oldAgg = old === null ? initializer() : old.value;
          const newTimestamp = old === null ? timestamp : Math.max(timestamp, old.timestamp);
          const newAgg = aggregator(record.key, record.value, oldAgg);
          store.put(record.key, newAgg === null || newAgg === undefined ? null : { value: newAgg, timestamp: newTimestamp }, window.start);
          if (!onClose && forwarder.forwardsDirectly) {
            forward(record.withKey<Windowed<K>>({ key: record.key, window }).withValue<Change<VAgg>>({ newValue: newAgg, oldValue: sendOldValues ? oldAgg : null }).withTimestamp(newTimestamp));
          }
        }
        maybeForwardFinalResults(record, windowCloseTime);
      },
    };
  }
}
