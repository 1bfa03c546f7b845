/**
 * The processor of session-windowed count, reduce and aggregate (Java's
 * KStreamSessionWindowAggregate): a record starts the session [t, t], merges with every session of
 * its key that ends within the gap before it or starts within the gap after it (their aggregates
 * combined with the merger, the merged sessions deleted and a null sent for each), and the record
 * is added. A record whose merged session ends before stream time − grace − gap is dropped, logged
 * and counted. Updates carry the session end as their timestamp, as Java's do. With
 * `EmitStrategy.onWindowClose()` nothing is forwarded on update; sessions are read back from the
 * store by end time and forwarded once they close (end < stream time − grace − gap).
 */
import type { Processor, ProcessorContext } from '../processor/api.ts';
import { Record } from '../record.ts';
import type { CacheFlushListener, CachedStateStore, Change, SessionStore, Window, Windowed } from '../state/api.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import { type EmitStrategy, emitIntervalMs } from './emit-strategy.ts';
import { FinalResultEmitTracker } from './final-result-emit.ts';
import type { TableProcessorSupplier } from './table-processors.ts';
import type { SessionWindows } from './windows.ts';

export class SessionAggregateSupplier<K, V, VAgg> implements TableProcessorSupplier<K, V, Windowed<K>, Change<VAgg>> {
  private sendOldValues = false;

  private readonly windows: SessionWindows;
  readonly storeName: string;
  private readonly emitStrategy: EmitStrategy;
  private readonly initializer: () => VAgg | null;
  private readonly aggregator: (key: K, value: V, aggregate: VAgg | null) => VAgg | null;
  private readonly merger: (key: K, aggOne: VAgg | null, aggTwo: VAgg) => VAgg | null;

  constructor(
    windows: SessionWindows,
    storeName: string,
    emitStrategy: EmitStrategy,
    initializer: () => VAgg | null,
    aggregator: (key: K, value: V, aggregate: VAgg | null) => VAgg | null,
    merger: (key: K, aggOne: VAgg | null, aggTwo: VAgg) => VAgg | null,
  ) {
    this.windows = windows;
    this.storeName = storeName;
    this.emitStrategy = emitStrategy;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.merger = merger;
  }

  /** For suppress(untilWindowCloses): how long after its end a window still takes records. */
  get windowCloseAfterEndMs(): number {
    return this.windows.gracePeriodMs() + this.windows.inactivityGap();
  }

  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  get(): Processor<K, V, Windowed<K>, Change<VAgg>> {
    const { windows, storeName, initializer, aggregator, merger, sendOldValues } = this;
    const onClose = this.emitStrategy.type === 'ON_WINDOW_CLOSE';
    let context!: ProcessorContext<Windowed<K>, Change<VAgg>>;
    let store!: SessionStore<K, VAgg>;
    let cached = false;
    let observedStreamTime = -1;
    let emitTracker!: FinalResultEmitTracker;

    /** With the cache off, every change goes downstream now; with it on, the cache's flush sends it. onWindowClose: nothing until the session closes. */
    const maybeForward = (key: Windowed<K>, oldAgg: VAgg | null, newAgg: VAgg | null): void => {
      if (cached || onClose) return;
      context.forward(new Record<Windowed<K>, Change<VAgg>>(key, { newValue: newAgg, oldValue: sendOldValues ? oldAgg : null }, key.window.end));
    };

    /** Java's maybeForwardFinalResult: the sessions that ended since the last emit, by end time, each with its end as timestamp. */
    const maybeForwardFinalResults = (record: Record<K, V>, windowCloseTime: number): void => {
      if (!onClose || !emitTracker.shouldEmitFinal(windowCloseTime)) return;
      // Session windows include their end: the sessions closed are those ending before the close time.
      const upper = windowCloseTime - 1;
      const lower = Math.max(0, emitTracker.lastEmitWindowCloseTime);
      if (upper < 0 || upper < lower) return;
      if (typeof store.findSessionsByEndTime !== 'function') throw new TypeError(`session store '${storeName}' cannot list sessions by end time, which onWindowClose needs`);
      const closed = store.findSessionsByEndTime(lower, upper);
      try {
        for (const kv of closed) context.forward(record.withKey(kv.key).withValue<Change<VAgg>>({ newValue: kv.value, oldValue: null }).withTimestamp(kv.key.window.end));
      } finally {
        closed.close();
      }
      emitTracker.emitted(windowCloseTime);
    };

    return {
      init(ctx) {
        context = ctx;
        store = ctx.getStateStore<SessionStore<K, VAgg>>(storeName);
        if (onClose) {
          emitTracker = new FinalResultEmitTracker(ctx as ProcessorContext<unknown, unknown>, storeName, emitIntervalMs(ctx.appConfigs?.()));
          return;
        }
        const caching = store as Partial<CachedStateStore<Windowed<K>, VAgg>>;
        // Java's SessionCacheFlushListener: the session end is the record's timestamp.
        const listener: CacheFlushListener<Windowed<K>, VAgg> = (record) =>
          ctx.forward(record.withValue<Change<VAgg>>({ newValue: record.value.newValue, oldValue: sendOldValues ? record.value.oldValue : null }).withTimestamp(record.key.window.end));
        cached = typeof caching.setFlushListener === 'function' ? caching.setFlushListener(listener, sendOldValues) : false;
      },
      process(record) {
        if (record.key === null || record.key === undefined) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null key.');
          return;
        }
        const timestamp = record.timestamp;
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        const windowCloseTime = observedStreamTime - windows.gracePeriodMs() - windows.inactivityGap();
        const merged: { key: Windowed<K>; value: VAgg }[] = [];
        let window: Window = { start: timestamp, end: timestamp };
        let agg = initializer();
        const sessions = store.findSessions(record.key, timestamp - windows.inactivityGap(), timestamp + windows.inactivityGap());
        try {
          for (const next of sessions) {
            merged.push(next);
            agg = merger(record.key, agg, next.value);
            window = { start: Math.min(window.start, next.key.window.start), end: Math.max(window.end, next.key.window.end) };
          }
        } finally {
          sessions.close();
        }
        if (window.end < windowCloseTime) {
          recordDroppedRecord(
            context as ProcessorContext<unknown, unknown>,
            'Skipping record for expired window.',
            `timestamp=[${timestamp}] window=[${window.start},${window.end}] expiration=[${windowCloseTime}] streamTime=[${observedStreamTime}]`,
          );
        } else {
          if (window.start !== timestamp || window.end !== timestamp) {
            for (const session of merged) {
              store.remove(session.key);
              maybeForward(session.key, session.value, null);
            }
          }
          agg = aggregator(record.key, record.value, agg);
          const sessionKey: Windowed<K> = { key: record.key, window };
          store.put(sessionKey, agg);
          maybeForward(sessionKey, null, agg);
        }
        // As Java's: a dropped record's stream time may close sessions too.
        maybeForwardFinalResults(record, windowCloseTime);
      },
    };
  }
}
