/**
 * Keys as the stores order them: by their bytes, unsigned, shorter first on a common prefix
 * (`Buffer.compare`, RocksDB's default comparator, Java's `Bytes.compareTo`).
 *
 * Ordered structures hold a key as a latin1 string as well: each byte becomes one UTF-16 code
 * unit of the same value (0-255), so JavaScript's `<` on those strings is exactly that unsigned
 * byte order, and comparing costs no call into native code.
 */
import type { Serializer } from '../serdes.ts';

/** The key as an order-preserving string (see above). */
export function keyString(key: Buffer): string {
  return key.toString('latin1');
}

/** The bytes of a string made by `keyString`. */
export function keyBytes(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/**
 * The smallest key greater than every key that starts with `prefix` (Java's `Bytes.increment`),
 * or undefined when there is none (the prefix is empty or all 0xff), so a prefix scan is the
 * range [prefix, upperBound).
 */
export function prefixUpperBound(prefix: Buffer): Buffer | undefined {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === 0xff) end--;
  if (end === 0) return undefined;
  const bound = Buffer.from(prefix.subarray(0, end));
  bound[end - 1]++;
  return bound;
}

/** The serialised prefix of a prefix scan; a serializer that gives null is refused, as Java's would fail on it. */
export function serializePrefix<P>(prefix: P, serializer: Serializer<P>): Buffer {
  if (prefix === null || prefix === undefined) throw new TypeError('prefix cannot be null');
  if (serializer === null || serializer === undefined) throw new TypeError('prefixKeySerializer cannot be null');
  const bytes = serializer.serialize('', prefix);
  if (bytes === null) throw new TypeError('the prefix serializer returned null; a prefix scan needs the prefix as bytes');
  return bytes;
}

/** Java's `Objects.requireNonNull(key, "key cannot be null")`, as every store checks its keys. */
export function requireKey(key: unknown): void {
  if (key === null || key === undefined) throw new TypeError('key cannot be null');
}

/** A zero-copy Buffer over bytes a native API returned as a Uint8Array. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether [from, to] is an inverted range, which Java answers with an empty iterator (and a warning). */
export function invertedRange(from: Buffer | undefined, to: Buffer | undefined): boolean {
  return from !== undefined && to !== undefined && Buffer.compare(from, to) > 0;
}
