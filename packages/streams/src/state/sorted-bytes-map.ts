/**
 * A map from byte keys to values, kept in unsigned byte order: a hash map for point reads and a
 * skip list for ranges, so a range costs a seek plus the entries it returns, never a sort.
 *
 * Iterating while the map changes is safe, as processors do when they delete what they scan:
 * a removed node keeps its forward and backward links, so an iterator standing on it walks on
 * to the entries after it; entries removed before the iterator reaches them are skipped, and
 * entries added meanwhile may or may not be seen. The levels come from a fixed-seed generator,
 * so the structure (and any test over it) is the same on every run.
 */
import { keyString } from './bytes.ts';

const MAX_LEVEL = 24;

interface Node<V> {
  readonly key: string;
  readonly bytes: Buffer;
  value: V;
  /** Forward links, one per level the node is on. */
  readonly next: (Node<V> | null)[];
  /** The previous node on level 0 (null: the first). */
  prev: Node<V> | null;
  removed: boolean;
}

export interface Bound {
  readonly key: Buffer;
  readonly inclusive: boolean;
}

export class SortedBytesMap<V> {
  private readonly index = new Map<string, Node<V>>();
  private readonly head: (Node<V> | null)[] = new Array(MAX_LEVEL).fill(null);
  private last: Node<V> | null = null;
  private level = 1;
  private seed = 0x2545f491;

  get size(): number {
    return this.index.size;
  }

  // `k` is `keyString(key)`, for callers that have it already (making it is most of a lookup's cost).

  get(key: Buffer, k = keyString(key)): V | undefined {
    return this.index.get(k)?.value;
  }

  has(key: Buffer, k = keyString(key)): boolean {
    return this.index.has(k);
  }

  /** Sets the value; returns the one it replaces (undefined if none). */
  set(key: Buffer, value: V, k = keyString(key)): V | undefined {
    const existing = this.index.get(k);
    if (existing) {
      const old = existing.value;
      existing.value = value;
      return old;
    }
    const update = this.predecessors(k);
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) update[i] = null;
      this.level = level;
    }
    // Copied: the caller may reuse its buffer, and the map must keep the key it was given.
    const node: Node<V> = { key: k, bytes: Buffer.from(key), value, next: new Array(level).fill(null), prev: update[0], removed: false };
    for (let i = 0; i < level; i++) {
      const before = update[i];
      node.next[i] = before ? before.next[i] : this.head[i];
      if (before) before.next[i] = node;
      else this.head[i] = node;
    }
    const after = node.next[0];
    if (after) after.prev = node;
    else this.last = node;
    this.index.set(k, node);
    return undefined;
  }

  /** Removes the key; returns its value (undefined if none). */
  delete(key: Buffer, k = keyString(key)): V | undefined {
    const node = this.index.get(k);
    if (!node) return undefined;
    const update = this.predecessors(k);
    for (let i = 0; i < node.next.length; i++) {
      const before = update[i];
      if (before) before.next[i] = node.next[i];
      else this.head[i] = node.next[i];
    }
    const after = node.next[0];
    if (after) after.prev = node.prev;
    else this.last = node.prev;
    while (this.level > 1 && this.head[this.level - 1] === null) this.level--;
    node.removed = true;
    this.index.delete(k);
    return node.value;
  }

  clear(): void {
    for (const node of this.index.values()) node.removed = true;
    this.index.clear();
    this.head.fill(null);
    this.last = null;
    this.level = 1;
  }

  /** Entries with keys between the bounds (either open when undefined), ascending or descending. */
  *entries(from: Bound | undefined, to: Bound | undefined, reverse = false): Generator<[Buffer, V]> {
    const low = from && keyString(from.key);
    const high = to && keyString(to.key);
    const inLow = (k: string) => low === undefined || (from!.inclusive ? k >= low : k > low);
    const inHigh = (k: string) => high === undefined || (to!.inclusive ? k <= high : k < high);
    if (!reverse) {
      for (let n = low === undefined ? this.head[0] : this.firstAtOrAfter(low); n !== null; n = n.next[0]) {
        if (!inHigh(n.key)) return;
        if (!n.removed && inLow(n.key)) yield [n.bytes, n.value];
      }
    } else {
      for (let n = high === undefined ? this.last : this.lastAtOrBefore(high); n !== null; n = n.prev) {
        if (!inLow(n.key)) return;
        if (!n.removed && inHigh(n.key)) yield [n.bytes, n.value];
      }
    }
  }

  /** For each level, the last node with a key below `k` (null: the head). */
  private predecessors(k: string): (Node<V> | null)[] {
    const update: (Node<V> | null)[] = new Array(MAX_LEVEL).fill(null);
    let node: Node<V> | null = null;
    for (let i = this.level - 1; i >= 0; i--) {
      let next: Node<V> | null = node ? node.next[i] : this.head[i];
      while (next !== null && next.key < k) {
        node = next;
        next = next.next[i];
      }
      update[i] = node;
    }
    return update;
  }

  private firstAtOrAfter(k: string): Node<V> | null {
    const before = this.predecessors(k)[0];
    return before ? before.next[0] : this.head[0];
  }

  private lastAtOrBefore(k: string): Node<V> | null {
    const hit = this.index.get(k);
    if (hit) return hit;
    return this.predecessors(k)[0];
  }

  private randomLevel(): number {
    let level = 1;
    // xorshift32; a node goes one level up with probability 1/4.
    for (;;) {
      let x = this.seed;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.seed = x >>> 0;
      if ((this.seed & 3) !== 0 || level >= MAX_LEVEL) return level;
      level++;
    }
  }
}
