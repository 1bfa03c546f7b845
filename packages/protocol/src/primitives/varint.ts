/**
 * Zigzag varints as Kafka writes them (record fields, compact lengths, tagged fields): the one
 * implementation of their sizes and of writing them at a buffer position, shared by `Writer` and
 * the record batch builder. Values are JavaScript numbers: int32 fields and record timestamp
 * deltas (int64 on the wire, safe integers here) take the same path, with arithmetic instead of
 * bit operations so that values beyond 32 bits stay exact.
 */

/** Zigzag encoding of a safe integer: 0, -1, 1, -2… become 0, 1, 2, 3… */
export function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

/** Bytes an unsigned varint of `raw` takes (1 to 8 for safe integers). */
export function uvarintSize(raw: number): number {
  let n = 1;
  while (raw >= 0x80) {
    raw = Math.floor(raw / 128);
    n++;
  }
  return n;
}

/** Bytes a zigzag varint (or varlong) of `v` takes. */
export function varintSize(v: number): number {
  return uvarintSize(zigzag(v));
}

/** Bytes a nullable varint-prefixed byte field of `length` bytes takes; -1 is null (one byte). */
export function varBytesSize(length: number): number {
  return length < 0 ? 1 : uvarintSize(length * 2) + length;
}

/** Writes `raw` as an unsigned varint at `p` (the caller made room); returns the position after it. */
export function writeUvarintAt(buf: Buffer, p: number, raw: number): number {
  while (raw >= 0x80) {
    buf[p++] = (raw % 128) | 0x80;
    raw = Math.floor(raw / 128);
  }
  buf[p++] = raw;
  return p;
}
