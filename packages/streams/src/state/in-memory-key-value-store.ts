/**
 * The in-memory bytes key-value store (Java's `InMemoryKeyValueStore`): keys in unsigned byte
 * order in a `SortedBytesMap`. It holds nothing across restarts, so with logging enabled a task
 * restores it from the whole changelog; with logging disabled it starts empty.
 */
import type { KeyValue } from '../record.ts';
import type { KeyValueIterator, KeyValueStore, StateStore, StateStoreContext } from './api.ts';
import { PeekingKeyValueIterator } from './iterators.ts';
import { OrderedBytesStore } from './ordered-bytes-store.ts';
import { type Bound, SortedBytesMap } from './sorted-bytes-map.ts';
import { storeClosed } from './store-errors.ts';

export class InMemoryKeyValueStore extends OrderedBytesStore implements KeyValueStore<Buffer, Buffer> {
  protected readonly map = new SortedBytesMap<Buffer>();
  private open = false;

  readonly name: string;

  constructor(name: string) {
    super();
    this.name = name;
  }

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

  approximateNumEntries(): number {
    this.checkOpen();
    return this.map.size;
  }

  protected write(key: Buffer, value: Buffer | null): void {
    if (value === null) this.map.delete(key);
    else this.map.set(key, value);
  }

  protected iterate(from: Bound | undefined, to: Bound | undefined, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    function* pairs(entries: Iterable<[Buffer, Buffer]>): Generator<KeyValue<Buffer, Buffer>> {
      for (const [key, value] of entries) yield { key, value };
    }
    return new PeekingKeyValueIterator(pairs(this.map.entries(from, to, reverse)));
  }

  protected checkOpen(): void {
    if (!this.open) throw storeClosed(this.name);
  }
}
