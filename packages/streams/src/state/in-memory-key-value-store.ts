/**
 * The in-memory bytes key-value store (Java's `InMemoryKeyValueStore`): keys in unsigned byte
 * order in a `SortedBytesMap`. It holds nothing across restarts, so with logging enabled a task
 * restores it from the whole changelog; with logging disabled it starts empty.
 */
import type { KeyValue } from '../record.js';
import type { Serializer } from '../serdes.js';
import type { KeyValueIterator, KeyValueStore, StateStore, StateStoreContext } from './api.js';
import { invertedRange, prefixUpperBound, requireKey, serializePrefix } from './bytes.js';
import { PeekingKeyValueIterator, emptyIterator } from './iterators.js';
import { type Bound, SortedBytesMap } from './sorted-bytes-map.js';
import { storeClosed } from './store-errors.js';

export class InMemoryKeyValueStore implements KeyValueStore<Buffer, Buffer> {
  protected readonly map = new SortedBytesMap<Buffer>();
  private open = false;

  constructor(readonly name: string) {}

  persistent(): boolean {
    return false;
  }

  isOpen(): boolean {
    return this.open;
  }

  init(context: StateStoreContext, root: StateStore): void {
    context.register(root, (batch) => {
      for (const r of batch) this.write(r.key, r.value);
    });
    this.open = true;
  }

  flush(): void {
    // Nothing to make durable: the changelog is this store's durability.
  }

  close(): void {
    this.map.clear();
    this.open = false;
  }

  get(key: Buffer): Buffer | null {
    this.check(key);
    return this.map.get(key) ?? null;
  }

  put(key: Buffer, value: Buffer | null): void {
    this.check(key);
    this.write(key, value);
  }

  putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    this.check(key);
    const existing = this.map.get(key);
    if (existing === undefined) this.write(key, value);
    return existing ?? null;
  }

  putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    for (const e of entries) this.check(e.key);
    for (const e of entries) this.write(e.key, e.value);
  }

  delete(key: Buffer): Buffer | null {
    this.check(key);
    return this.map.delete(key) ?? null;
  }

  range(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.scan(from, to, false);
  }

  reverseRange(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.scan(from, to, true);
  }

  all(): KeyValueIterator<Buffer, Buffer> {
    return this.scan(undefined, undefined, false);
  }

  reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.scan(undefined, undefined, true);
  }

  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const from = serializePrefix(prefix, prefixSerializer);
    const to = prefixUpperBound(from);
    return this.iterate({ key: from, inclusive: true }, to && { key: to, inclusive: false }, false);
  }

  approximateNumEntries(): number {
    this.checkOpen();
    return this.map.size;
  }

  protected write(key: Buffer, value: Buffer | null): void {
    if (value === null) this.map.delete(key);
    else this.map.set(key, value);
  }

  private scan(from: Buffer | undefined | null, to: Buffer | undefined | null, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const low = from ?? undefined;
    const high = to ?? undefined;
    if (invertedRange(low, high)) return emptyIterator();
    return this.iterate(low && { key: low, inclusive: true }, high && { key: high, inclusive: true }, reverse);
  }

  protected iterate(from: Bound | undefined, to: Bound | undefined, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    function* pairs(entries: Iterable<[Buffer, Buffer]>): Generator<KeyValue<Buffer, Buffer>> {
      for (const [key, value] of entries) yield { key, value };
    }
    return new PeekingKeyValueIterator(pairs(this.map.entries(from, to, reverse)));
  }

  private check(key: Buffer): void {
    requireKey(key);
    this.checkOpen();
  }

  protected checkOpen(): void {
    if (!this.open) throw storeClosed(this.name);
  }
}
