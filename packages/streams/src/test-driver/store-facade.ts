/**
 * A timestamped key-value store seen as a plain one (Java's `KeyValueStoreFacade`), which the
 * test driver's getKeyValueStore returns for a timestamped store: reads give the values without
 * their timestamps, writes store the value with timestamp -1 (no timestamp), as Java's do.
 */
import { KeyValue } from '../record.ts';
import type { Serializer } from '../serdes.ts';
import type { KeyValueIterator, KeyValueStore, StateStore, StateStoreContext, TimestampedKeyValueStore, ValueAndTimestamp } from '../state/api.ts';

const NO_TIMESTAMP = -1;

function withoutTimestamps<K, V>(inner: KeyValueIterator<K, ValueAndTimestamp<V>>): KeyValueIterator<K, V> {
  const out: KeyValueIterator<K, V> = {
    [Symbol.iterator]: () => out,
    next(): IteratorResult<KeyValue<K, V>, undefined> {
      const r = inner.next();
      if (r.done) return { done: true, value: undefined };
      return { done: false, value: KeyValue.pair(r.value.key, r.value.value === null ? (null as V) : r.value.value.value) };
    },
    return(): IteratorResult<KeyValue<K, V>, undefined> {
      inner.close();
      return { done: true, value: undefined };
    },
    peekNextKey: () => inner.peekNextKey(),
    close: () => inner.close(),
  };
  return out;
}

export class KeyValueStoreFacade<K, V> implements KeyValueStore<K, V> {
  private readonly inner: TimestampedKeyValueStore<K, V>;

  constructor(inner: TimestampedKeyValueStore<K, V>) {
    this.inner = inner;
  }

  get name(): string {
    return this.inner.name;
  }
  persistent(): boolean {
    return this.inner.persistent();
  }
  isOpen(): boolean {
    return this.inner.isOpen();
  }
  init(context: StateStoreContext, root: StateStore): void {
    this.inner.init(context, root);
  }
  flush(): void {
    this.inner.flush();
  }
  close(): void {
    this.inner.close();
  }
  get(key: K): V | null {
    return this.inner.get(key)?.value ?? null;
  }
  range(from: K | undefined, to: K | undefined): KeyValueIterator<K, V> {
    return withoutTimestamps(this.inner.range(from, to));
  }
  reverseRange(from: K | undefined, to: K | undefined): KeyValueIterator<K, V> {
    return withoutTimestamps(this.inner.reverseRange(from, to));
  }
  all(): KeyValueIterator<K, V> {
    return withoutTimestamps(this.inner.all());
  }
  reverseAll(): KeyValueIterator<K, V> {
    return withoutTimestamps(this.inner.reverseAll());
  }
  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<K, V> {
    return withoutTimestamps(this.inner.prefixScan(prefix, prefixSerializer));
  }
  approximateNumEntries(): number {
    return this.inner.approximateNumEntries();
  }
  put(key: K, value: V | null): void {
    this.inner.put(key, value === null ? null : { value, timestamp: NO_TIMESTAMP });
  }
  putIfAbsent(key: K, value: V | null): V | null {
    return this.inner.putIfAbsent(key, value === null ? null : { value, timestamp: NO_TIMESTAMP })?.value ?? null;
  }
  putAll(entries: readonly KeyValue<K, V | null>[]): void {
    for (const e of entries) this.put(e.key, e.value);
  }
  delete(key: K): V | null {
    return this.inner.delete(key)?.value ?? null;
  }
}
