/**
 * UTF-8 lengths and writes for the short strings that fill Kafka messages (names, record keys,
 * header keys): an ASCII check in a plain loop beats the native calls below 64 characters.
 */
const SHORT = 64;

/** Bytes `v` takes in UTF-8. */
export function utf8Length(v: string): number {
  if (v.length < SHORT) {
    let ascii = true;
    for (let i = 0; i < v.length; i++) {
      if (v.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return v.length;
  }
  return Buffer.byteLength(v, 'utf8');
}

/** Writes `v`, which takes `length` bytes (from utf8Length), at `p`; returns the position after it. */
export function writeUtf8At(buf: Buffer, p: number, v: string, length: number): number {
  if (length === v.length && length < SHORT) {
    for (let i = 0; i < length; i++) buf[p + i] = v.charCodeAt(i);
  } else {
    buf.write(v, p, length, 'utf8');
  }
  return p + length;
}
