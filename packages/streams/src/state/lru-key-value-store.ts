/**
 * `Stores.lruMap`: an in-memory store that keeps only the `maxCacheSize` most recently used
 * keys (Java's `MemoryNavigableLRUCache`). Reads and writes make a key the most recent; a write
 * that takes the store over its size drops the least recent key and tells the eviction
 * listener, which the change-logging layer uses to write a tombstone for it, as Java's does, so
 * a restore gives back the same keys. Evictions while restoring are not told.
 */
import type { StateStore, StateStoreContext } from './api.ts';
import { keyString } from './bytes.ts';
import { overlayContext } from './context-overlay.ts';
import { InMemoryKeyValueStore } from './in-memory-key-value-store.ts';

export type EldestEntryRemovalListener = (key: Buffer, value: Buffer) => void;

export class LruKeyValueStore extends InMemoryKeyValueStore {
  /** Keys (as `keyString`s) from least to most recently used: a Map keeps insertion order. */
  private readonly recency = new Map<string, Buffer>();
  private listener: EldestEntryRemovalListener | undefined;
  private restoring = false;

  readonly maxCacheSize: number;

  constructor(name: string, maxCacheSize: number) {
    super(name);
    this.maxCacheSize = maxCacheSize;
    if (!Number.isInteger(maxCacheSize) || maxCacheSize < 0) throw new RangeError(`maxCacheSize cannot be negative (got ${maxCacheSize})`);
  }

  setWhenEldestRemoved(listener: EldestEntryRemovalListener): void {
    this.listener = listener;
  }

  override init(context: StateStoreContext, root: StateStore): void {
    const restoringContext = overlayContext(context, {
      register: (store, restore) =>
        context.register(store, (batch) => {
          this.restoring = true;
          try {
            restore(batch);
          } finally {
            this.restoring = false;
          }
        }),
    });
    super.init(restoringContext, root);
  }

  override get(key: Buffer): Buffer | null {
    const value = super.get(key);
    if (value !== null) this.touch(keyString(key), key);
    return value;
  }

  override delete(key: Buffer): Buffer | null {
    const old = super.delete(key);
    this.recency.delete(keyString(key));
    return old;
  }

  override close(): void {
    super.close();
    this.recency.clear();
  }

  protected override write(key: Buffer, value: Buffer | null): void {
    super.write(key, value);
    const k = keyString(key);
    if (value === null) {
      this.recency.delete(k);
      return;
    }
    this.touch(k, key);
    while (this.recency.size > this.maxCacheSize) {
      const [eldest, eldestKey] = this.recency.entries().next().value!;
      this.recency.delete(eldest);
      const eldestValue = this.map.delete(eldestKey);
      if (!this.restoring && this.listener && eldestValue !== undefined) this.listener(eldestKey, eldestValue);
    }
  }

  private touch(k: string, key: Buffer): void {
    const stored = this.recency.get(k) ?? Buffer.from(key);
    this.recency.delete(k);
    this.recency.set(k, stored);
  }
}
