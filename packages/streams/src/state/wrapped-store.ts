/**
 * The base of every layer over another store (Java's `WrappedStateStore`): the store's name,
 * kind, lifecycle go to the store below unless the layer overrides them. Whether a layer caches
 * (`setFlushListener`, `flushCache`) is left to the layers: callers tell a caching store by those.
 */
import type { KeyValue } from '../record.ts';
import type { Serializer } from '../serdes.ts';
import type { KeyValueIterator, KeyValueStore, StateStore, StateStoreContext } from './api.ts';

export type KeyValueBytesStore = KeyValueStore<Buffer, Buffer>;

export abstract class WrappedStateStore<S extends StateStore> implements StateStore {
  readonly wrapped: S;

  constructor(wrapped: S) {
    this.wrapped = wrapped;
  }

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
    this.wrapped.init(context, root);
  }
  flush(): void {
    this.wrapped.flush();
  }
  close(): void {
    this.wrapped.close();
  }
}

/** Every layer over a bytes key-value store: everything goes to the store below unless the layer overrides it. */
export abstract class WrappedKeyValueBytesStore extends WrappedStateStore<KeyValueBytesStore> implements KeyValueBytesStore {
  get(key: Buffer): Buffer | null {
    return this.wrapped.get(key);
  }
  put(key: Buffer, value: Buffer | null): void {
    this.wrapped.put(key, value);
  }
  putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    return this.wrapped.putIfAbsent(key, value);
  }
  putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.wrapped.putAll(entries);
  }
  delete(key: Buffer): Buffer | null {
    return this.wrapped.delete(key);
  }
  range(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.range(from, to);
  }
  reverseRange(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.reverseRange(from, to);
  }
  all(): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.all();
  }
  reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.reverseAll();
  }
  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.prefixScan(prefix, prefixSerializer);
  }
  approximateNumEntries(): number {
    return this.wrapped.approximateNumEntries();
  }
}

/** The bytes store at the bottom of a stack of layers. */
export function innermost(store: KeyValueBytesStore): KeyValueBytesStore {
  let s = store;
  while (s instanceof WrappedKeyValueBytesStore) s = s.wrapped;
  return s;
}
