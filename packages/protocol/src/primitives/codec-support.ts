/**
 * Small helpers shared by the generated message codecs. Kept out of the generated files so that
 * each of those stays a plain description of its message.
 */
import { EncodeError, UnsupportedFieldVersionError } from './errors.ts';
import type { Reader, TaggedField } from './reader.ts';
import { Writer } from './writer.ts';

export { ZERO_UUID } from './uuid.ts';

export const EMPTY_BYTES: Buffer = Buffer.alloc(0);

export function checkVersion(message: string, version: number, min: number, max: number): void {
  if (!Number.isInteger(version) || version < min || version > max) {
    throw new EncodeError(`${message} has no version ${version}; valid versions are ${min} to ${max}`);
  }
}

export function unsupportedField(message: string, field: string, version: number): never {
  throw new UnsupportedFieldVersionError(message, field, version);
}

export function nonNull<T>(value: T | null, message: string, field: string, version: number): T {
  if (value === null) throw new EncodeError(`${message}.${field} is null, but version ${version} does not allow null`);
  return value;
}

/** Encodes one tagged field's value on its own, because its size is written before it. */
export function taggedValue(tag: number, write: (w: Writer) => void): TaggedField {
  const w = new Writer(64);
  write(w);
  return { tag, data: w.finish() };
}

export function readArray<T>(r: Reader, compact: boolean, minElementSize: number, read: (r: Reader) => T): T[] {
  const n = compact ? r.compactArrayLength(minElementSize) : r.arrayLength(minElementSize);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(read(r));
  return out;
}

export function readNullableArray<T>(r: Reader, compact: boolean, minElementSize: number, read: (r: Reader) => T): T[] | null {
  const n = compact ? r.compactNullableArrayLength(minElementSize) : r.nullableArrayLength(minElementSize);
  if (n < 0) return null;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(read(r));
  return out;
}

export function writeArray<T>(w: Writer, compact: boolean, values: readonly T[], write: (w: Writer, value: T) => void): void {
  if (compact) w.compactArrayLength(values.length);
  else w.arrayLength(values.length);
  for (const v of values) write(w, v);
}

export function writeNullableArray<T>(w: Writer, compact: boolean, values: readonly T[] | null, write: (w: Writer, value: T) => void): void {
  if (values === null) {
    if (compact) w.compactNullableArrayLength(null);
    else w.nullableArrayLength(null);
    return;
  }
  writeArray(w, compact, values, write);
}

export const readBool = (r: Reader): boolean => r.bool();
export const readInt8 = (r: Reader): number => r.int8();
export const readInt16 = (r: Reader): number => r.int16();
export const readUint16 = (r: Reader): number => r.uint16();
export const readInt32 = (r: Reader): number => r.int32();
export const readInt64 = (r: Reader): bigint => r.int64();
export const readFloat64 = (r: Reader): number => r.float64();
export const readUuid = (r: Reader): string => r.uuid();
export const readString = (r: Reader): string => r.string();
export const readCompactString = (r: Reader): string => r.compactString();

export const writeBool = (w: Writer, v: boolean): void => w.bool(v);
export const writeInt8 = (w: Writer, v: number): void => w.int8(v);
export const writeInt16 = (w: Writer, v: number): void => w.int16(v);
export const writeUint16 = (w: Writer, v: number): void => w.uint16(v);
export const writeInt32 = (w: Writer, v: number): void => w.int32(v);
export const writeInt64 = (w: Writer, v: bigint): void => w.int64(v);
export const writeFloat64 = (w: Writer, v: number): void => w.float64(v);
export const writeUuid = (w: Writer, v: string): void => w.uuid(v);
export const writeString = (w: Writer, v: string): void => w.string(v);
export const writeCompactString = (w: Writer, v: string): void => w.compactString(v);

/**
 * Whether a struct value equals its default, field by field (missing fields count as default).
 * Only used on the slow path: deciding whether a struct may be dropped at a version without it.
 */
export function isDefaultValue(value: unknown, defaults: unknown): boolean {
  if (value === undefined) return true;
  if (value === defaults) return true;
  if (value === null || defaults === null) return false;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return (defaults instanceof Uint8Array) && Buffer.compare(value as Uint8Array, defaults) === 0;
  }
  if (Array.isArray(value)) {
    return Array.isArray(defaults) && value.length === 0 && defaults.length === 0;
  }
  if (typeof value === 'object' && typeof defaults === 'object') {
    const d = defaults as Record<string, unknown>;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '_unknownTaggedFields') {
        if (Array.isArray(v) && v.length > 0) return false;
        continue;
      }
      if (!isDefaultValue(v, d[k])) return false;
    }
    return true;
  }
  return false;
}
