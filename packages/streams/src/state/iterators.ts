/**
 * `KeyValueIterator`s built from plain JavaScript iterators: one-element look-ahead for
 * `peekNextKey`, closing on exhaustion, on `close()` and on `break` out of a `for…of` (which
 * calls `return`), and a callback when closed so a store can forget its open iterators.
 */
import type { KeyValue } from '../record.ts';
import type { KeyValueIterator } from './api.ts';

export class PeekingKeyValueIterator<K, V> implements KeyValueIterator<K, V> {
  private ahead: KeyValue<K, V> | undefined;
  private closed = false;

  private readonly source: Iterator<KeyValue<K, V>>;
  private readonly onClose?: () => void;

  constructor(source: Iterator<KeyValue<K, V>>, onClose?: () => void) {
    this.source = source;
    this.onClose = onClose;
  }

  [Symbol.iterator](): this {
    return this;
  }

  peekNextKey(): K | undefined {
    return this.fill() ? this.ahead!.key : undefined;
  }

  next(): IteratorResult<KeyValue<K, V>, undefined> {
    if (!this.fill()) return { done: true, value: undefined };
    const value = this.ahead!;
    this.ahead = undefined;
    return { done: false, value };
  }

  return(): IteratorResult<KeyValue<K, V>, undefined> {
    this.close();
    return { done: true, value: undefined };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ahead = undefined;
    this.source.return?.();
    this.onClose?.();
  }

  private fill(): boolean {
    if (this.ahead !== undefined) return true;
    if (this.closed) return false;
    const r = this.source.next();
    if (r.done) {
      this.close();
      return false;
    }
    this.ahead = r.value;
    return true;
  }
}

export function emptyIterator<K, V>(): KeyValueIterator<K, V> {
  return new PeekingKeyValueIterator<K, V>([][Symbol.iterator]());
}

/** An iterator whose entries are converted one by one (deserialised, reformatted), closing the one below with it. */
export function mapIterator<K1, V1, K2, V2>(inner: KeyValueIterator<K1, V1>, map: (kv: KeyValue<K1, V1>) => KeyValue<K2, V2>): KeyValueIterator<K2, V2> {
  function* convert(): Generator<KeyValue<K2, V2>> {
    for (let r = inner.next(); !r.done; r = inner.next()) yield map(r.value);
  }
  return new PeekingKeyValueIterator(convert(), () => inner.close());
}
