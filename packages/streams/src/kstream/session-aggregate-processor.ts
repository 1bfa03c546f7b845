/**
 * The processor of session-windowed count, reduce and aggregate (Java's
 * KStreamSessionWindowAggregate): a record starts the session [t, t], merges with every session of
 * its key that ends within the gap before it or starts within the gap after it (their aggregates
 * combined with the merger, the merged sessions deleted and a null sent for each), and the record
 * is added. A record whose merged session ends before stream time − grace − gap is dropped, logged
 * and counted. Updates carry the session end as their timestamp, as Java's do.
 */
import type { Processor, ProcessorContext } from '../processor/api.js';
import { Record } from '../record.js';
import type { CacheFlushListener, CachedStateStore, Change, SessionStore, Window, Windowed } from '../state/api.js';
import { recordDroppedRecord } from './dropped-records.js';
import type { TableProcessorSupplier } from './table-processors.js';
import type { SessionWindows } from './windows.js';

export class SessionAggregateSupplier<K, V, VAgg> implements TableProcessorSupplier<K, V, Windowed<K>, Change<VAgg>> {
  private sendOldValues = false;

  constructor(
    private readonly windows: SessionWindows,
    readonly storeName: string,
    private readonly initializer: () => VAgg | null,
    private readonly aggregator: (key: K, value: V, aggregate: VAgg | null) => VAgg | null,
    private readonly merger: (key: K, aggOne: VAgg | null, aggTwo: VAgg) => VAgg | null,
  ) {}

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
    let context!: ProcessorContext<Windowed<K>, Change<VAgg>>;
    let store!: SessionStore<K, VAgg>;
    let cached = false;
    let observedStreamTime = -1;

    /** With the cache off, every change goes downstream now; with it on, the cache's flush sends it. */
    const maybeForward = (key: Windowed<K>, oldAgg: VAgg | null, newAgg: VAgg | null): void => {
      if (cached) return;
      context.forward(new Record<Windowed<K>, Change<VAgg>>(key, { newValue: newAgg, oldValue: sendOldValues ? oldAgg : null }, key.window.end));
    };

    return {
      init(ctx) {
        context = ctx;
        store = ctx.getStateStore<SessionStore<K, VAgg>>(storeName);
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
          return;
        }
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
      },
    };
  }
}
