/**
 * Session stores (Java's `RocksDBSessionStore`/`InMemorySessionStore`,
 * `ChangeLoggingSessionBytesStore` and `MeteredSessionStore`): one aggregate per key and session
 * window [start, end], kept for the retention period after the session's end, in segments by end
 * time, keys laid out as Java's `SessionKeySchema`. Sessions of a key come back ordered by end,
 * then start.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { KeyValue } from '../record.ts';
import type { Serde } from '../serdes.ts';
import type { CacheFlushListener, CachedStateStore, KeyValueIterator, SessionStore, StateStore, StateStoreContext, Windowed } from './api.ts';
import { requireKey } from './bytes.ts';
import { PeekingKeyValueIterator, mapIterator } from './iterators.ts';
import { MeteredStateStore } from './metered-state-store.ts';
import { SegmentedBytesStore } from './segmented-bytes-store.ts';
import { sessionKey, sessionKeyParts } from './segment-keys.ts';
import { storeClosed, storeNotInitialised } from './store-errors.ts';
import { WrappedStateStore } from './wrapped-store.ts';

export type SessionBytesStore = SessionStore<Buffer, Buffer>;

const MAX_TIME = Number.MAX_SAFE_INTEGER;

function requireSessionKey(k: Windowed<unknown>): void {
  if (k === null || k === undefined) throw new TypeError('sessionKey cannot be null');
  requireKey(k.key);
  if (k.window === null || k.window === undefined) throw new TypeError('window cannot be null');
}

export class SegmentedSessionStore implements SessionBytesStore {
  private readonly segments: SegmentedBytesStore;

  readonly name: string;
  readonly retentionPeriod: number;
  private readonly isPersistent: boolean;

  constructor(name: string, retentionPeriod: number, segmentInterval: number, isPersistent: boolean) {
    this.name = name;
    this.retentionPeriod = retentionPeriod;
    this.isPersistent = isPersistent;
    this.segments = new SegmentedBytesStore({ name, retentionPeriod, segmentInterval, persistent: isPersistent, segmentTimestamp: (k) => sessionKeyParts(k).end });
  }

  persistent(): boolean {
    return this.isPersistent;
  }
  isOpen(): boolean {
    return this.segments.isOpen;
  }
  init(context: StateStoreContext, root: StateStore): void {
    this.segments.init(context);
    context.register(root, (batch) => this.segments.restore(batch));
  }
  flush(): void {
    this.checkOpen();
    this.segments.flush();
  }
  close(): void {
    this.segments.close();
  }

  put(key: Windowed<Buffer>, aggregate: Buffer | null): void {
    requireSessionKey(key);
    this.checkOpen();
    this.segments.put(sessionKey(key.key, key.window.start, key.window.end), aggregate);
  }

  remove(key: Windowed<Buffer>): void {
    this.put(key, null);
  }

  fetch(key: Buffer): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return this.findSessions(key, 0, MAX_TIME);
  }

  findSessions(key: Buffer, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    requireKey(key);
    this.checkOpen();
    const earliestEnd = Math.max(earliestSessionEndTime, this.segments.minLiveTime(), 0);
    // Sessions are placed by end time, and an end has no upper bound: every segment from the earliest end on.
    const entries = this.segments.scan(earliestEnd, MAX_TIME, sessionKey(key, 0, earliestEnd), sessionKey(key, latestSessionStartTime, MAX_TIME));
    function* matching(): Generator<KeyValue<Windowed<Buffer>, Buffer>> {
      for (const e of entries) {
        const parts = sessionKeyParts(e.key);
        if (parts.key.equals(key) && parts.end >= earliestEnd && parts.start <= latestSessionStartTime) {
          yield { key: { key: parts.key, window: { start: parts.start, end: parts.end } }, value: e.value };
        }
      }
    }
    return new PeekingKeyValueIterator(matching(), () => entries.return(undefined));
  }

  findSessionsByEndTime(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    this.checkOpen();
    // Whatever live segments hold, as Java's time-ordered session store: onWindowClose reads
    // sessions that closed, which may already be older than the retention period.
    const earliestEnd = Math.max(earliestSessionEndTime, 0);
    const found: { key: Buffer; start: number; end: number; value: Buffer }[] = [];
    if (latestSessionEndTime >= earliestEnd) {
      // Segments are by end time but ordered by key within: collect the range, then order it by end.
      for (const e of this.segments.scan(earliestEnd, latestSessionEndTime, undefined, undefined)) {
        const parts = sessionKeyParts(e.key);
        if (parts.end >= earliestEnd && parts.end <= latestSessionEndTime) found.push({ ...parts, value: e.value });
      }
    }
    found.sort((a, b) => a.end - b.end || Buffer.compare(a.key, b.key) || a.start - b.start);
    return new PeekingKeyValueIterator(found.map((f) => ({ key: { key: f.key, window: { start: f.start, end: f.end } }, value: f.value }))[Symbol.iterator]());
  }

  private checkOpen(): void {
    if (!this.segments.isOpen) throw storeClosed(this.name);
  }
}

/** The layer below's sessions by end time; a store without them cannot serve onWindowClose (Java's UnsupportedOperationException). */
function sessionsByEndTime(store: SessionBytesStore, earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
  if (typeof store.findSessionsByEndTime !== 'function') {
    throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `session store '${store.name}' cannot list sessions by end time, which emitStrategy(EmitStrategy.onWindowClose()) needs: use a built-in session store (Stores.persistentSessionStore or inMemorySessionStore) without caching`);
  }
  return store.findSessionsByEndTime(earliestSessionEndTime, latestSessionEndTime);
}

/** Java's `ChangeLoggingSessionBytesStore`: each put and remove goes to the changelog keyed as the store keys it. */
export class ChangeLoggingSessionBytesStore extends WrappedStateStore<SessionBytesStore> implements SessionBytesStore {
  private context: StateStoreContext | null = null;

  override init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    super.init(context, root);
  }
  put(key: Windowed<Buffer>, aggregate: Buffer | null): void {
    this.wrapped.put(key, aggregate);
    this.log(key, aggregate);
  }
  remove(key: Windowed<Buffer>): void {
    this.wrapped.remove(key);
    this.log(key, null);
  }
  fetch(key: Buffer): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return this.wrapped.fetch(key);
  }
  findSessions(key: Buffer, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return this.wrapped.findSessions(key, earliestSessionEndTime, latestSessionStartTime);
  }
  findSessionsByEndTime(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return sessionsByEndTime(this.wrapped, earliestSessionEndTime, latestSessionEndTime);
  }

  private log(key: Windowed<Buffer>, value: Buffer | null): void {
    if (this.context === null) throw storeNotInitialised(this.name);
    this.context.logChange(this.name, sessionKey(key.key, key.window.start, key.window.end), value, this.context.recordContext()?.timestamp ?? Date.now());
  }
}

/** Java's `MeteredSessionStore`: typed keys and aggregates over the bytes layers. */
export class MeteredSessionStore<K, AGG> extends MeteredStateStore<SessionBytesStore, K, AGG> implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {
  constructor(wrapped: SessionBytesStore, metricsScope: string, keySerde: Serde<K> | undefined, valueSerde: Serde<AGG> | undefined) {
    super(wrapped, metricsScope, keySerde, valueSerde);
  }

  /** With a record cache below: flushed changes with their session keys (Java's `MeteredSessionStore.setFlushListener`). */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, AGG>, sendOldValues: boolean): boolean {
    const caching = this.wrapped as SessionBytesStore & Partial<CachedStateStore<Buffer, Buffer>>;
    if (typeof caching.setFlushListener !== 'function') return false;
    return caching.setFlushListener((record) => {
      const parts = sessionKeyParts(record.key);
      const key = { key: this.keyFrom(parts.key), window: { start: parts.start, end: parts.end } };
      listener(record.withKey(key).withValue({ newValue: this.valueFrom(record.value.newValue), oldValue: this.valueFrom(record.value.oldValue) }));
    }, sendOldValues);
  }

  put(key: Windowed<K>, aggregate: AGG | null): void {
    requireSessionKey(key);
    this.wrapped.put(this.windowedBytes(key), this.valueBytes(aggregate));
  }

  remove(key: Windowed<K>): void {
    requireSessionKey(key);
    this.wrapped.remove(this.windowedBytes(key));
  }

  fetch(key: K): KeyValueIterator<Windowed<K>, AGG> {
    requireKey(key);
    return this.typed(this.wrapped.fetch(this.keyBytes(key)));
  }

  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG> {
    requireKey(key);
    return this.typed(this.wrapped.findSessions(this.keyBytes(key), earliestSessionEndTime, latestSessionStartTime));
  }

  findSessionsByEndTime(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<K>, AGG> {
    return this.typed(sessionsByEndTime(this.wrapped, earliestSessionEndTime, latestSessionEndTime));
  }

  private windowedBytes(key: Windowed<K>): Windowed<Buffer> {
    return { key: this.keyBytes(key.key), window: key.window };
  }

  private typed(inner: KeyValueIterator<Windowed<Buffer>, Buffer>): KeyValueIterator<Windowed<K>, AGG> {
    return mapIterator(inner, (kv) => ({
      key: { key: this.keyFrom(kv.key.key), window: kv.key.window },
      value: this.valueFrom(kv.value) as AGG,
    }));
  }
}
