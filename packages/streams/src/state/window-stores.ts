/**
 * Window stores (Java's `RocksDBWindowStore`/`InMemoryWindowStore`, `ChangeLoggingWindowBytesStore`
 * and `MeteredWindowStore`): values per key and window start, kept for the retention period in
 * segments (`SegmentedBytesStore`), keys laid out as Java's `WindowKeySchema`. With
 * `retainDuplicates` (what joins use) every put is kept under a new sequence number and a null
 * put is ignored, as in Java.
 *
 * Iteration order: by segment, then by key bytes, then by window start (RocksDB's order in Java).
 */
import type { KeyValue } from '../record.ts';
import type { Serde } from '../serdes.ts';
import type { CacheFlushListener, CachedStateStore, KeyValueIterator, StateStore, StateStoreContext, Windowed, WindowStore } from './api.ts';
import { requireKey } from './bytes.ts';
import { PeekingKeyValueIterator, mapIterator } from './iterators.ts';
import { MeteredStateStore } from './metered-state-store.ts';
import { SegmentedBytesStore } from './segmented-bytes-store.ts';
import { WINDOW_SUFFIX, windowKey, windowKeyParts } from './segment-keys.ts';
import { storeClosed, storeNotInitialised } from './store-errors.ts';
import { rawValue, timestampOf, timestampedRestoreContext } from './timestamped-bytes.ts';
import { WrappedStateStore } from './wrapped-store.ts';

export type WindowBytesStore = WindowStore<Buffer, Buffer>;

const MAX_SEQNUM = 0x7fffffff;

export interface WindowStoreParams {
  readonly name: string;
  readonly retentionPeriod: number;
  readonly windowSize: number;
  readonly segmentInterval: number;
  readonly retainDuplicates: boolean;
  readonly persistent: boolean;
}

export class SegmentedWindowStore implements WindowBytesStore {
  private readonly segments: SegmentedBytesStore;
  private seqnum = 0;
  /** Set by the timestamped builder: values are in the timestamped format, so restoration adds the record timestamp. */
  restoresTimestamped = false;

  readonly params: WindowStoreParams;

  constructor(params: WindowStoreParams) {
    this.params = params;
    this.segments = new SegmentedBytesStore({
      name: params.name,
      retentionPeriod: params.retentionPeriod,
      segmentInterval: params.segmentInterval,
      persistent: params.persistent,
      segmentTimestamp: (k) => windowKeyParts(k).windowStart,
    });
  }

  get name(): string {
    return this.params.name;
  }
  persistent(): boolean {
    return this.params.persistent;
  }
  isOpen(): boolean {
    return this.segments.isOpen;
  }

  init(context: StateStoreContext, root: StateStore): void {
    const c = this.restoresTimestamped ? timestampedRestoreContext(context) : context;
    this.segments.init(c);
    c.register(root, (batch) => this.segments.restore(batch));
  }

  flush(): void {
    this.checkOpen();
    this.segments.flush();
  }

  close(): void {
    this.segments.close();
  }

  put(key: Buffer, value: Buffer | null, windowStartTimestamp: number): void {
    requireKey(key);
    this.checkOpen();
    // With duplicates kept, a delete cannot name which duplicate: Java ignores it too.
    if (value === null && this.params.retainDuplicates) return;
    if (this.params.retainDuplicates) this.seqnum = (this.seqnum + 1) & MAX_SEQNUM;
    this.segments.put(windowKey(key, windowStartTimestamp, this.seqnum), value);
  }

  fetch(key: Buffer, windowStart: number): Buffer | null {
    requireKey(key);
    this.checkOpen();
    if (windowStart < this.segments.minLiveTime()) return null;
    return this.segments.get(windowKey(key, windowStart, this.seqnum));
  }

  fetchRange(key: Buffer, timeFrom: number, timeTo: number): KeyValueIterator<number, Buffer> {
    requireKey(key);
    this.checkOpen();
    const from = Math.max(timeFrom, this.segments.minLiveTime(), 0);
    const entries = this.segments.scan(from, timeTo, windowKey(key, from, 0), windowKey(key, timeTo, MAX_SEQNUM));
    function* matching(): Generator<KeyValue<number, Buffer>> {
      for (const e of entries) {
        const parts = windowKeyParts(e.key);
        // A longer key that starts with `key` sorts inside the range too.
        if (parts.key.equals(key) && parts.windowStart >= from && parts.windowStart <= timeTo) yield { key: parts.windowStart, value: e.value };
      }
    }
    return new PeekingKeyValueIterator(matching(), () => entries.return(undefined));
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    this.checkOpen();
    return this.windowed(Math.max(timeFrom, this.segments.minLiveTime()), timeTo);
  }

  all(): KeyValueIterator<Windowed<Buffer>, Buffer> {
    this.checkOpen();
    return this.windowed(this.segments.minLiveTime(), Number.MAX_SAFE_INTEGER);
  }

  private windowed(from: number, to: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    const entries = this.segments.scan(from, to, undefined, undefined);
    const size = this.params.windowSize;
    function* inTime(): Generator<KeyValue<Windowed<Buffer>, Buffer>> {
      for (const e of entries) {
        if (e.key.length < WINDOW_SUFFIX) continue;
        const parts = windowKeyParts(e.key);
        if (parts.windowStart >= from && parts.windowStart <= to) yield { key: { key: parts.key, window: { start: parts.windowStart, end: parts.windowStart + size } }, value: e.value };
      }
    }
    return new PeekingKeyValueIterator(inTime(), () => entries.return(undefined));
  }

  private checkOpen(): void {
    if (!this.segments.isOpen) throw storeClosed(this.name);
  }
}

/** Java's `ChangeLoggingWindowBytesStore`: each put goes to the changelog keyed as the store keys it. */
export class ChangeLoggingWindowBytesStore extends WrappedStateStore<WindowBytesStore> implements WindowBytesStore {
  private context: StateStoreContext | null = null;
  private seqnum = 0;

  private readonly retainDuplicates: boolean;
  /** The timestamped variant logs the plain value with the value's timestamp. */
  private readonly timestamped: boolean;

  constructor(wrapped: WindowBytesStore, retainDuplicates: boolean, timestamped: boolean) {
    super(wrapped);
    this.retainDuplicates = retainDuplicates;
    this.timestamped = timestamped;
  }

  override init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    super.init(context, root);
  }

  put(key: Buffer, value: Buffer | null, windowStartTimestamp: number): void {
    this.wrapped.put(key, value, windowStartTimestamp);
    if (this.context === null) throw storeNotInitialised(this.name);
    if (this.retainDuplicates) this.seqnum = (this.seqnum + 1) & MAX_SEQNUM;
    const binary = windowKey(key, windowStartTimestamp, this.seqnum);
    const recordTime = this.context.recordContext()?.timestamp ?? Date.now();
    if (this.timestamped && value !== null) this.context.logChange(this.name, binary, rawValue(value), timestampOf(value));
    else this.context.logChange(this.name, binary, value, recordTime);
  }

  fetch(key: Buffer, windowStart: number): Buffer | null {
    return this.wrapped.fetch(key, windowStart);
  }
  fetchRange(key: Buffer, timeFrom: number, timeTo: number): KeyValueIterator<number, Buffer> {
    return this.wrapped.fetchRange(key, timeFrom, timeTo);
  }
  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return this.wrapped.fetchAll(timeFrom, timeTo);
  }
  all(): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return this.wrapped.all();
  }
}

/** Java's `MeteredWindowStore`: typed keys and values over the bytes layers. */
export class MeteredWindowStore<K, V> extends MeteredStateStore<WindowBytesStore, K, V> implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {
  private readonly windowSize: number;

  constructor(
    wrapped: WindowBytesStore,
    metricsScope: string,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<any> | undefined,
    wrapValueSerde: (serde: Serde<any>) => Serde<V | null> = (s) => s,
    windowSize = 0,
  ) {
    super(wrapped, metricsScope, keySerde, valueSerde, wrapValueSerde);
    this.windowSize = windowSize;
  }

  /** With a record cache below: flushed changes with their `Windowed` keys (Java's `MeteredWindowStore.setFlushListener`). */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, V>, sendOldValues: boolean): boolean {
    const caching = this.wrapped as WindowBytesStore & Partial<CachedStateStore<Buffer, Buffer>>;
    if (typeof caching.setFlushListener !== 'function') return false;
    return caching.setFlushListener((record) => {
      const parts = windowKeyParts(record.key);
      const key = { key: this.keyFrom(parts.key), window: { start: parts.windowStart, end: parts.windowStart + this.windowSize } };
      listener(record.withKey(key).withValue({ newValue: this.valueFrom(record.value.newValue), oldValue: this.valueFrom(record.value.oldValue) }));
    }, sendOldValues);
  }

  put(key: K, value: V | null, windowStartTimestamp: number): void {
    requireKey(key);
    this.wrapped.put(this.keyBytes(key), this.valueBytes(value), windowStartTimestamp);
  }

  fetch(key: K, windowStart: number): V | null {
    requireKey(key);
    return this.valueFrom(this.wrapped.fetch(this.keyBytes(key), windowStart));
  }

  fetchRange(key: K, timeFrom: number, timeTo: number): KeyValueIterator<number, V> {
    requireKey(key);
    return mapIterator(this.wrapped.fetchRange(this.keyBytes(key), timeFrom, timeTo), (kv) => ({ key: kv.key, value: this.valueFrom(kv.value) as V }));
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return this.typed(this.wrapped.fetchAll(timeFrom, timeTo));
  }

  all(): KeyValueIterator<Windowed<K>, V> {
    return this.typed(this.wrapped.all());
  }

  private typed(inner: KeyValueIterator<Windowed<Buffer>, Buffer>): KeyValueIterator<Windowed<K>, V> {
    return mapIterator(inner, (kv) => ({ key: { key: this.keyFrom(kv.key.key), window: kv.key.window }, value: this.valueFrom(kv.value) as V }));
  }
}
