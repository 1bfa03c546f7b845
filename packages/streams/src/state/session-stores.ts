/**
 * Session stores (Java's `RocksDBSessionStore`/`InMemorySessionStore`,
 * `ChangeLoggingSessionBytesStore` and `MeteredSessionStore`): one aggregate per key and session
 * window [start, end], kept for the retention period after the session's end, in segments by end
 * time, keys laid out as Java's `SessionKeySchema`. Sessions of a key come back ordered by end,
 * then start.
 */
import type { KeyValue } from '../record.js';
import type { Serde } from '../serdes.js';
import type { CacheFlushListener, CachedStateStore, KeyValueIterator, SessionStore, StateStore, StateStoreContext, Windowed } from './api.js';
import { requireKey } from './bytes.js';
import { PeekingKeyValueIterator, mapIterator } from './iterators.js';
import { defaultSerde } from './metered-store.js';
import { SegmentedBytesStore } from './segmented-bytes-store.js';
import { sessionKey, sessionKeyParts } from './segment-keys.js';
import { storeClosed, storeNotInitialised } from './store-errors.js';

export type SessionBytesStore = SessionStore<Buffer, Buffer>;

const MAX_TIME = Number.MAX_SAFE_INTEGER;

function requireSessionKey(k: Windowed<unknown>): void {
  if (k === null || k === undefined) throw new TypeError('sessionKey cannot be null');
  requireKey(k.key);
  if (k.window === null || k.window === undefined) throw new TypeError('window cannot be null');
}

export class SegmentedSessionStore implements SessionBytesStore {
  private readonly segments: SegmentedBytesStore;

  constructor(
    readonly name: string,
    readonly retentionPeriod: number,
    segmentInterval: number,
    private readonly isPersistent: boolean,
  ) {
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

  private checkOpen(): void {
    if (!this.segments.isOpen) throw storeClosed(this.name);
  }
}

/** Java's `ChangeLoggingSessionBytesStore`: each put and remove goes to the changelog keyed as the store keys it. */
export class ChangeLoggingSessionBytesStore implements SessionBytesStore {
  private context: StateStoreContext | null = null;

  constructor(readonly wrapped: SessionBytesStore) {}

  get name(): string {
    return this.wrapped.name;
  }
  persistent(): boolean {
    return this.wrapped.persistent();
  }
  isOpen(): boolean {
    return this.wrapped.isOpen();
  }
  init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    this.wrapped.init(context, root);
  }
  flush(): void {
    this.wrapped.flush();
  }
  close(): void {
    this.wrapped.close();
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

  private log(key: Windowed<Buffer>, value: Buffer | null): void {
    if (this.context === null) throw storeNotInitialised(this.name);
    this.context.logChange(this.name, sessionKey(key.key, key.window.start, key.window.end), value, this.context.recordContext()?.timestamp ?? Date.now());
  }
}

/** Java's `MeteredSessionStore`: typed keys and aggregates over the bytes layers. */
export class MeteredSessionStore<K, AGG> implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {
  private keySerde: Serde<K> | null = null;
  private valueSerde: Serde<AGG | null> | null = null;
  private topic = '';

  constructor(
    readonly wrapped: SessionBytesStore,
    readonly metricsScope: string,
    private readonly givenKeySerde: Serde<K> | undefined,
    private readonly givenValueSerde: Serde<AGG> | undefined,
  ) {}

  get name(): string {
    return this.wrapped.name;
  }
  persistent(): boolean {
    return this.wrapped.persistent();
  }
  isOpen(): boolean {
    return this.wrapped.isOpen();
  }
  /** Flushes only the record cache below, if there is one (see `CachedStateStore.flushCache`). */
  flushCache(): void {
    (this.wrapped as Partial<CachedStateStore<Buffer, Buffer>>).flushCache?.();
  }

  clearCache(): void {
    (this.wrapped as Partial<CachedStateStore<Buffer, Buffer>>).clearCache?.();
  }

  /** With a record cache below: flushed changes with their session keys (Java's `MeteredSessionStore.setFlushListener`). */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, AGG>, sendOldValues: boolean): boolean {
    const caching = this.wrapped as SessionBytesStore & Partial<CachedStateStore<Buffer, Buffer>>;
    if (typeof caching.setFlushListener !== 'function') return false;
    return caching.setFlushListener((record) => {
      const parts = sessionKeyParts(record.key);
      const key = { key: this.serdes().keySerde.deserialize(this.topic, parts.key), window: { start: parts.start, end: parts.end } };
      const value = (b: Buffer | null) => (b === null ? null : (this.serdes().valueSerde.deserialize(this.topic, b) as AGG));
      listener(record.withKey(key).withValue({ newValue: value(record.value.newValue), oldValue: value(record.value.oldValue) }));
    }, sendOldValues);
  }

  init(context: StateStoreContext, root: StateStore = this): void {
    this.topic = `${context.applicationId}-${this.name}-changelog`;
    this.keySerde = this.givenKeySerde ?? defaultSerde(context, 'key', this.name);
    this.valueSerde = this.givenValueSerde ?? defaultSerde(context, 'value', this.name);
    this.wrapped.init(context, root);
  }
  flush(): void {
    this.wrapped.flush();
  }
  close(): void {
    this.wrapped.close();
  }

  put(key: Windowed<K>, aggregate: AGG | null): void {
    requireSessionKey(key);
    const bytes = aggregate === null || aggregate === undefined ? null : this.serdes().valueSerde.serialize(this.topic, aggregate);
    this.wrapped.put(this.windowedBytes(key), bytes);
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

  private windowedBytes(key: Windowed<K>): Windowed<Buffer> {
    return { key: this.keyBytes(key.key), window: key.window };
  }

  private typed(inner: KeyValueIterator<Windowed<Buffer>, Buffer>): KeyValueIterator<Windowed<K>, AGG> {
    return mapIterator(inner, (kv) => ({
      key: { key: this.serdes().keySerde.deserialize(this.topic, kv.key.key), window: kv.key.window },
      value: this.serdes().valueSerde.deserialize(this.topic, kv.value) as AGG,
    }));
  }

  private keyBytes(key: K): Buffer {
    const bytes = this.serdes().keySerde.serialize(this.topic, key);
    if (bytes === null) throw new TypeError(`the key serializer of store '${this.name}' returned null for a key; a store key must serialise to bytes`);
    return bytes;
  }

  private serdes(): { keySerde: Serde<K>; valueSerde: Serde<AGG | null> } {
    if (this.keySerde === null || this.valueSerde === null) throw storeNotInitialised(this.name);
    return { keySerde: this.keySerde, valueSerde: this.valueSerde };
  }
}
