/**
 * A first-in, first-out queue whose `shift()` costs O(1): items sit in an array read from a head
 * index, and the consumed front is cut off only once it is most of the array. `Array.shift()`
 * moves every remaining element (V8 cannot trim large arrays in place), which made a producer's
 * queue of 100,000 waiting sends quadratic to drain.
 */
export class FifoQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The oldest item, removed; undefined when empty. */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    // Let the item be collected now, not when the front is cut off.
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      // Amortised: the slice copies at most as many items as were shifted since the last one.
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
