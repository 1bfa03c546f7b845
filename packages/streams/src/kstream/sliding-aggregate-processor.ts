/**
 * The processor of sliding-window count, reduce and aggregate (Java's KStreamSlidingWindowAggregate,
 * its reverse-iterator path): a record at t updates every window of its key that contains it,
 * creates its left window [t − d, t] (from the aggregate of the window before it, when the previous
 * record is within d) and its right window [t + 1, t + 1 + d] when later records exist, and the
 * previous record's right window when that one is now non-empty. Records with a null key or value
 * are skipped; windows past stream time − grace are not updated (logged and counted). Records
 * earlier than d after the epoch share the window [0, d], as Java's processEarly does.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { Record } from '../record.ts';
import type { Change, KeyValueIterator, ValueAndTimestamp, Window, Windowed, WindowStore } from '../state/api.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import { emitIntervalMs } from './emit-strategy.ts';
import { FinalResultEmitTracker } from './final-result-emit.ts';
import { tupleForwarder, type TupleForwarder } from './table-forwarding.ts';
import type { SlidingWindows } from './windows.ts';
import { WindowedAggregateSupplier } from './windowed-aggregate-supplier.ts';

type Agg<V> = ValueAndTimestamp<V>;

export class SlidingAggregateSupplier<K, V, VAgg> extends WindowedAggregateSupplier<SlidingWindows, K, V, VAgg> {
  get(): Processor<K, V, Windowed<K>, Change<VAgg>> {
    const { windows, storeName, initializer, aggregator, sendOldValues } = this;
    const d = windows.timeDifferenceMs();
    const onClose = this.emitStrategy.type === 'ON_WINDOW_CLOSE';
    let context!: ProcessorContext<Windowed<K>, Change<VAgg>>;
    let store!: WindowStore<K, Agg<VAgg>>;
    let forwarder!: TupleForwarder<Windowed<K>, VAgg>;
    let observedStreamTime = -1;
    let emitTracker!: FinalResultEmitTracker;

    const dropped = (timestamp: number, window: Window, closeTime: number): void =>
      recordDroppedRecord(
        context as ProcessorContext<unknown, unknown>,
        'Skipping record for expired window.',
        `timestamp=[${timestamp}] window=[${window.start},${window.end}] expiration=[${closeTime}] streamTime=[${observedStreamTime}]`,
      );

    const forwardUpdate = (record: Record<K, V>, window: Window, oldAgg: VAgg | null, newAgg: VAgg | null, timestamp: number): void => {
      if (onClose || !forwarder.forwardsDirectly) return;
      forwarder.maybeForward(record.withKey<Windowed<K>>({ key: record.key, window }).withValue<Change<VAgg>>({ newValue: newAgg, oldValue: sendOldValues ? oldAgg : null }).withTimestamp(timestamp));
    };

    const put = (key: K, agg: Agg<VAgg> | null, start: number): void => store.put(key, agg === null || agg.value === null || agg.value === undefined ? null : agg, start);

    const updateWindowAndForward = (window: Window, valueAndTime: Agg<VAgg> | null, record: Record<K, V>, closeTime: number): void => {
      if (window.end < closeTime) {
        dropped(record.timestamp, window, closeTime);
        return;
      }
      const oldAgg = valueAndTime === null ? null : valueAndTime.value;
      const newAgg = aggregator(record.key, record.value, oldAgg);
      const timestamp = oldAgg === null ? record.timestamp : Math.max(record.timestamp, valueAndTime!.timestamp);
      put(record.key, { value: newAgg as VAgg, timestamp }, window.start);
      forwardUpdate(record, window, oldAgg, newAgg, timestamp);
    };

    const createCurrentRecordRightWindow = (t: number, rightWinAgg: Agg<VAgg>, record: Record<K, V>): void => {
      const window = { start: t + 1, end: t + 1 + d };
      put(record.key, rightWinAgg, window.start);
      forwardUpdate(record, window, null, rightWinAgg.value, rightWinAgg.timestamp);
    };

    const createPreviousRecordRightWindow = (start: number, record: Record<K, V>, closeTime: number): void =>
      updateWindowAndForward({ start, end: start + d }, { value: initializer() as VAgg, timestamp: record.timestamp }, record, closeTime);

    /** The key's windows starting in [from, to], latest first (Java's backwardFetch), read before any is changed. */
    const windowsBackward = (key: K, from: number, to: number): { window: Window; value: Agg<VAgg> }[] => {
      const it: KeyValueIterator<number, Agg<VAgg>> = store.fetchRange(key, from, to);
      const found: { window: Window; value: Agg<VAgg> }[] = [];
      try {
        for (const kv of it) found.push({ window: { start: kv.key, end: kv.key + d }, value: kv.value });
      } finally {
        it.close();
      }
      return found.reverse();
    };

    const processEarly = (record: Record<K, V>, closeTime: number): void => {
      let combined: { window: Window; value: Agg<VAgg> } | null = null;
      let rightWinAgg: Agg<VAgg> | null = null;
      let rightWinAlreadyCreated = false;
      const starts = new Set<number>();
      let previousRecordTimestamp: number | null = null;
      for (const w of windowsBackward(record.key, 0, record.timestamp + 1).reverse()) {
        const start = w.window.start;
        starts.add(start);
        if (start === 0) {
          combined = w;
          if (w.value.timestamp < record.timestamp) previousRecordTimestamp = w.value.timestamp;
        } else if (start <= record.timestamp) {
          rightWinAgg = w.value;
          updateWindowAndForward(w.window, w.value, record, closeTime);
        } else if (start === record.timestamp + 1) {
          rightWinAlreadyCreated = true;
        } else {
          throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `sliding windows of store '${storeName}': unexpected window starting at ${start} for a record at ${record.timestamp}`);
        }
      }
      if (rightWinAgg === null && combined !== null && combined.value.timestamp > record.timestamp) rightWinAgg = combined.value;
      if (!rightWinAlreadyCreated && rightWinAgg !== null && rightWinAgg.timestamp > record.timestamp) createCurrentRecordRightWindow(record.timestamp, rightWinAgg, record);
      if (previousRecordTimestamp !== null && !starts.has(previousRecordTimestamp + 1)) createPreviousRecordRightWindow(previousRecordTimestamp + 1, record, closeTime);
      if (combined === null) updateWindowAndForward({ start: 0, end: d }, { value: initializer() as VAgg, timestamp: record.timestamp }, record, closeTime);
      else updateWindowAndForward(combined.window, combined.value, record, closeTime);
    };

    const processReverse = (record: Record<K, V>, closeTime: number): void => {
      const t = record.timestamp;
      const starts = new Set<number>();
      let leftWinAgg: Agg<VAgg> | null = null;
      let rightWinAgg: Agg<VAgg> | null = null;
      let leftWinAlreadyCreated = false;
      let rightWinAlreadyCreated = false;
      let previousRecordTimestamp: number | null = null;
      for (const w of windowsBackward(record.key, Math.max(0, t - 2 * d), t + 1)) {
        const start = w.window.start;
        starts.add(start);
        const end = start + d;
        if (start === t + 1) {
          rightWinAlreadyCreated = true;
        } else if (end > t) {
          if (rightWinAgg === null) rightWinAgg = w.value;
          updateWindowAndForward(w.window, w.value, record, closeTime);
        } else if (end === t) {
          leftWinAlreadyCreated = true;
          updateWindowAndForward(w.window, w.value, record, closeTime);
          if (w.value.timestamp < t) previousRecordTimestamp = w.value.timestamp;
          else return;
        } else {
          leftWinAgg = w.value;
          previousRecordTimestamp = w.value.timestamp;
          break;
        }
      }
      // Java's createWindows
      if (previousRecordTimestamp !== null) {
        const previousRightWinStart = previousRecordTimestamp + 1;
        if (!starts.has(previousRightWinStart) && previousRightWinStart + d >= t) createPreviousRecordRightWindow(previousRightWinStart, record, closeTime);
      }
      if (!leftWinAlreadyCreated) {
        const leftNotEmpty = previousRecordTimestamp !== null && t - d <= previousRecordTimestamp;
        const valueAndTime: Agg<VAgg> = { value: (leftNotEmpty ? leftWinAgg!.value : initializer()) as VAgg, timestamp: t };
        updateWindowAndForward({ start: t - d, end: t }, valueAndTime, record, closeTime);
      }
      if (!rightWinAlreadyCreated && rightWinAgg !== null && rightWinAgg.timestamp > t) createCurrentRecordRightWindow(t, rightWinAgg, record);
    };

    const maybeForwardFinalResults = (record: Record<K, V>, closeTime: number): void => {
      if (!onClose || !emitTracker.shouldEmitFinal(closeTime)) return;
      const upper = closeTime - d - 1;
      if (upper < 0) return;
      const last = emitTracker.lastEmitWindowCloseTime;
      const lower = last === -1 ? 0 : Math.max(0, last - d);
      const closed = store.fetchAll(lower, upper);
      try {
        for (const kv of closed) context.forward(record.withKey(kv.key).withValue<Change<VAgg>>({ newValue: kv.value.value, oldValue: null }).withTimestamp(kv.value.timestamp));
      } finally {
        closed.close();
      }
      emitTracker.emitted(closeTime);
    };

    return {
      init(ctx) {
        context = ctx;
        store = ctx.getStateStore<WindowStore<K, Agg<VAgg>>>(storeName);
        if (onClose) emitTracker = new FinalResultEmitTracker(ctx as ProcessorContext<unknown, unknown>, storeName, emitIntervalMs(ctx.appConfigs?.()));
        if (!onClose) forwarder = tupleForwarder<Windowed<K>, VAgg>(store as never, ctx, sendOldValues);
      },
      process(record) {
        if (record.key === null || record.key === undefined || record.value === null || record.value === undefined) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null key or value.');
          return;
        }
        observedStreamTime = Math.max(observedStreamTime, record.timestamp);
        const closeTime = observedStreamTime - windows.gracePeriodMs();
        const end = record.timestamp + d;
        if (end < closeTime) {
          dropped(record.timestamp, { start: record.timestamp, end }, closeTime);
          return;
        }
        if (record.timestamp < d) processEarly(record, closeTime);
        else {
          processReverse(record, closeTime);
          maybeForwardFinalResults(record, closeTime);
        }
      },
    };
  }
}
