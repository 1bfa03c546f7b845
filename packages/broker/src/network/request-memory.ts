/**
 * The memory of requests in flight, bounded by queued.max.request.bytes across all connections.
 *
 * As in Kafka, a request's whole size is reserved when its size prefix arrives, before its body
 * is read, and given back once the request has been handled. A connection whose next request
 * does not fit stops reading (its socket is paused) until enough is given back. Reserving whole
 * requests, rather than counting bytes as they trickle in, means that a request once started can
 * always finish: two large requests never each hold half of the memory waiting for the other.
 * A waiting large request does not hold up smaller ones that still fit.
 */
export class RequestMemory {
  private used = 0;
  private highest = 0;
  /** Connections waiting for memory, oldest first; each is called to try again. */
  private readonly waiting = new Set<() => void>();

  readonly limit: number;

  /** `limit` in bytes; Infinity for no limit (queued.max.request.bytes=-1). */
  constructor(limit: number) {
    this.limit = limit;
  }

  /** Bytes reserved by requests being read, queued or handled. */
  get reservedBytes(): number {
    return this.used;
  }

  /** The most ever reserved at once (for tests and diagnostics). */
  get peakReservedBytes(): number {
    return this.highest;
  }

  get waitingCount(): number {
    return this.waiting.size;
  }

  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    if (this.used > this.highest) this.highest = this.used;
    return true;
  }

  /** `retry` is called once when memory is given back; it may call waitFor again. */
  waitFor(retry: () => void): void {
    this.waiting.add(retry);
  }

  cancelWait(retry: () => void): void {
    this.waiting.delete(retry);
  }

  release(bytes: number): void {
    if (bytes <= 0) return;
    this.used -= bytes;
    if (this.waiting.size === 0) return;
    const waiters = [...this.waiting];
    this.waiting.clear();
    for (const retry of waiters) {
      // Once full again, the rest keep their place in the queue without being asked.
      if (this.used >= this.limit) this.waiting.add(retry);
      else retry();
    }
  }
}
