/**
 * Byte-level mutations, in the spirit of libFuzzer's and AFL's: bit flips, interesting values at
 * Kafka's field widths (int8/16/32/64 and unsigned varints), inserting, deleting and copying bytes,
 * splicing with another corpus entry, and fixing up a length field that covers an insertion or a
 * deletion, so that a mutated string or array still parses and the decoder goes further.
 */
import { Random } from '@sluice/test-kit';

export { Random };

const INT8 = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];
const INT16 = [-1, 0, 1, 0x7fff, -0x8000, 0x100, -2];
const INT32 = [-1, 0, 1, 0x7fffffff, -0x80000000, 0x10000, 0x1000000, -2, 255, 256];
const INT64 = [-1n, 0n, 0x7fffffffffffffffn, -0x8000000000000000n, 1n << 32n];
/** Unsigned varints at their edges: 0, 127, 128, 2^31-1 (5 bytes), 2^32-1, and 6 bytes (too long). */
const VARINTS = [[0x00], [0x01], [0x7f], [0x80, 0x01], [0xff, 0xff, 0xff, 0xff, 0x07], [0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]];

export class Mutator {
  readonly rnd: Random;
  /** Other inputs to splice with. */
  private readonly corpus: () => readonly Buffer[];
  readonly maxBytes: number;

  constructor(rnd: Random, corpus: () => readonly Buffer[], maxBytes: number) {
    this.rnd = rnd;
    this.corpus = corpus;
    this.maxBytes = maxBytes;
  }

  /** A corpus entry, at random. */
  pick(): Buffer | undefined {
    const corpus = this.corpus();
    return corpus[this.rnd.int(0, corpus.length - 1)];
  }

  /** One to four stacked mutations of `input` (never changes `input` itself). */
  mutate(input: Buffer): Buffer {
    let out: Buffer = Buffer.from(input);
    const n = 1 + Math.floor(Math.log2(1 + this.rnd.int(0, 15)));
    for (let i = 0; i < n; i++) out = this.once(out);
    return out.length > this.maxBytes ? out.subarray(0, this.maxBytes) : out;
  }

  private once(b: Buffer): Buffer {
    const r = this.rnd;
    if (b.length === 0) return r.bytes(r.int(1, 8));
    const at = r.int(0, b.length - 1);
    switch (r.int(0, 11)) {
      case 0:
        b[at] ^= 1 << r.int(0, 7);
        return b;
      case 1:
        b[at] = INT8[r.int(0, INT8.length - 1)];
        return b;
      case 2:
        if (at + 2 <= b.length) b.writeInt16BE(INT16[r.int(0, INT16.length - 1)], at);
        return b;
      case 3:
        if (at + 4 <= b.length) b.writeInt32BE(INT32[r.int(0, INT32.length - 1)], at);
        return b;
      case 4:
        if (at + 8 <= b.length) b.writeBigInt64BE(INT64[r.int(0, INT64.length - 1)], at);
        return b;
      case 5: {
        // Replace what looks like a varint at `at` with an edge value, keeping the rest.
        const old = varintLength(b, at);
        const v = Buffer.from(VARINTS[r.int(0, VARINTS.length - 1)]);
        return this.fixLengths(Buffer.concat([b.subarray(0, at), v, b.subarray(at + old)]), at, v.length - old, b.length);
      }
      case 6: {
        const len = r.int(1, Math.min(16, b.length - at));
        return this.fixLengths(Buffer.concat([b.subarray(0, at), b.subarray(at + len)]), at, -len, b.length);
      }
      case 7: {
        const extra = r.chance(0.5) ? r.bytes(r.int(1, 8)) : b.subarray(r.int(0, b.length - 1)).subarray(0, r.int(1, 32));
        return this.fixLengths(Buffer.concat([b.subarray(0, at), extra, b.subarray(at)]), at, extra.length, b.length);
      }
      case 8:
        return b.subarray(0, at); // truncated
      case 9: {
        // Copy a chunk over another place in the same input.
        const from = r.int(0, b.length - 1);
        const len = r.int(1, Math.min(32, b.length - from, b.length - at));
        b.copy(b, at, from, from + len);
        return b;
      }
      case 10: {
        // Splice: our head, another entry's tail (or a piece of it inserted here).
        const corpus = this.corpus();
        const other = corpus[r.int(0, corpus.length - 1)];
        if (other === undefined || other.length === 0) return b;
        const cut = r.int(0, other.length - 1);
        if (r.chance(0.5)) return Buffer.concat([b.subarray(0, at), other.subarray(cut)]);
        const piece = other.subarray(cut, cut + r.int(1, 64));
        return this.fixLengths(Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]), at, piece.length, b.length);
      }
      default:
        b[at] = r.int(0, 255);
        return b;
    }
  }

  /**
   * After `delta` bytes were inserted (or removed) at `at`, finds a length field before `at`
   * whose field ends between `at` and the old end (an int16 or int32 size, or a compact length,
   * which is the size plus one as an unsigned varint) and adjusts it, half of the time.
   */
  fixLengths(b: Buffer, at: number, delta: number, oldLength: number): Buffer {
    if (delta === 0 || this.rnd.chance(0.5)) return b;
    const candidates: (() => void)[] = [];
    for (let p = Math.max(0, at - 96); p < at; p++) {
      if (p + 2 <= at) {
        const v = b.readInt16BE(p);
        if (v >= 0 && p + 2 + v >= at && p + 2 + v <= oldLength && v + delta >= 0 && v + delta <= 0x7fff) candidates.push(() => b.writeInt16BE(v + delta, p));
      }
      if (p + 4 <= at) {
        const v = b.readInt32BE(p);
        if (v >= 0 && p + 4 + v >= at && p + 4 + v <= oldLength && v + delta >= 0) candidates.push(() => b.writeInt32BE(v + delta, p));
      }
      const width = varintLength(b, p);
      if (width <= 2 && p + width <= at) {
        const v = readVarint(b, p) - 1;
        if (v >= 0 && p + width + v >= at && p + width + v <= oldLength && v + delta >= 0 && varintBytes(v + delta + 1).length === width) {
          candidates.push(() => varintBytes(v + delta + 1).copy(b, p));
        }
      }
    }
    if (candidates.length > 0) candidates[this.rnd.int(0, candidates.length - 1)]();
    return b;
  }
}

/** Bytes of the unsigned varint at `at` (at most 5, and 1 if it runs off the end). */
function varintLength(b: Buffer, at: number): number {
  for (let i = 0; i < 5 && at + i < b.length; i++) if ((b[at + i] & 0x80) === 0) return i + 1;
  return 1;
}

function readVarint(b: Buffer, at: number): number {
  let v = 0;
  for (let i = 0, shift = 0; i < 5 && at + i < b.length; i++, shift += 7) {
    v += (b[at + i] & 0x7f) * 2 ** shift;
    if ((b[at + i] & 0x80) === 0) break;
  }
  return v;
}

export function varintBytes(v: number): Buffer {
  const out: number[] = [];
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}
