/**
 * Kafka frames: a 4-byte big-endian size, then that many bytes (a header and a body).
 * The FrameDecoder turns socket chunks into frames and refuses an oversized frame as soon as its
 * size prefix arrives, before any of it is buffered.
 */
import { DecodeError } from './primitives/errors.ts';

export class FrameTooLargeError extends DecodeError {
  readonly size: number;
  readonly limit: number;

  constructor(size: number, limit: number) {
    super(`frame of ${size} bytes exceeds the limit of ${limit} bytes`, 0);
    this.size = size;
    this.limit = limit;
  }
}

export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Size of the frame being collected, or -1 while the size prefix is incomplete. */
  private expected = -1;

  readonly maxFrameBytes: number;
  private readonly admit?: (size: number) => boolean;

  /**
   * `admit`, when given, is asked before each frame's body is read whether a frame of that size
   * may be read now (the broker bounds the memory of requests in flight with it). A frame refused
   * stays unread, size prefix included, and is asked about again on the next push (an empty
   * chunk will do).
   */
  constructor(maxFrameBytes: number, admit?: (size: number) => boolean) {
    this.maxFrameBytes = maxFrameBytes;
    this.admit = admit;
  }

  /** Bytes received but not yet returned as a frame. */
  get buffered(): number {
    return this.pendingBytes;
  }

  /** Feeds a chunk; returns every frame it completes (without their size prefix). */
  push(chunk: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    if (chunk.length > 0) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    }
    for (;;) {
      if (this.expected < 0) {
        if (this.pendingBytes < 4) break;
        const size = this.peekInt32();
        if (size < 0) throw new DecodeError(`negative frame size ${size}`, 0);
        if (size > this.maxFrameBytes) throw new FrameTooLargeError(size, this.maxFrameBytes);
        if (this.admit !== undefined && !this.admit(size)) break;
        this.consume(4);
        this.expected = size;
      }
      if (this.pendingBytes < this.expected) break;
      frames.push(this.consume(this.expected));
      this.expected = -1;
    }
    return frames;
  }

  private peekInt32(): number {
    const first = this.pending[0];
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.pending, 4).readInt32BE(0);
  }

  /** Removes and returns the next `n` bytes, without copying when they lie in one chunk. */
  private consume(n: number): Buffer {
    // An empty frame may arrive when nothing else is pending: there is no chunk to slice.
    if (n === 0) return Buffer.alloc(0);
    this.pendingBytes -= n;
    const first = this.pending[0];
    if (first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.pending.shift();
      else this.pending[0] = first.subarray(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.pending[0];
      const take = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, take);
      filled += take;
      if (take === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(take);
    }
    return out;
  }
}
