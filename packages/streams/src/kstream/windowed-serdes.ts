/**
 * Serdes of windowed keys, byte for byte as Kafka Streams' `WindowedSerdes` (so a Java consumer
 * reads what a windowed aggregation writes, and the other way round):
 * - time windows (`TimeWindowedSerializer`): the key's bytes, then the window start as an 8-byte
 *   big-endian long; the end is not written, so the reader gives the window size;
 * - session windows (`SessionWindowedSerializer`): the key's bytes, the session end, then its start.
 *
 * Without an inner serde the application's default key serde is used (WrappingSerde), as Java's
 * windowed KTable takes the grouping's key serde.
 */
import type { Serde } from '../serdes.ts';
import type { Windowed } from '../state/api.ts';

const LONG = 8;

function innerBytes<K>(inner: Serde<K>, topic: string, key: K): Buffer {
  const bytes = inner.serialize(topic, key);
  if (bytes === null) throw new TypeError(`the key serde of a windowed key returned null for key ${String(key)}; a windowed key must serialise to bytes`);
  return bytes;
}

function longAt(data: Buffer, offset: number): number {
  return Number(data.readBigInt64BE(offset));
}

/** Java's window end for a start and size: start + size, or Long.MAX_VALUE where that overflows (here the largest safe integer). */
function windowEnd(start: number, size: number): number {
  const end = start + size;
  return Number.isSafeInteger(end) ? end : Number.MAX_SAFE_INTEGER;
}

interface Wrapping<K> extends Serde<Windowed<K>> {
  withDefaults(defaults: { keySerde: Serde<unknown> }): Serde<Windowed<K>>;
}

function wrapping<K>(inner: Serde<K> | undefined, make: (inner: Serde<K>) => Serde<Windowed<K>>, what: string): Serde<Windowed<K>> {
  const missing = (): never => {
    throw new TypeError(`the ${what} has no inner key serde; give one (WindowedSerdes.${what}From(Serdes.String(), ...))`);
  };
  const made = inner === undefined ? undefined : make(inner);
  const serde: Wrapping<K> = {
    serialize: (topic, data) => (made ?? missing()).serialize(topic, data),
    deserialize: (topic, data) => (made ?? missing()).deserialize(topic, data),
    withDefaults: (defaults) => made ?? make(defaults.keySerde as Serde<K>),
  };
  return serde;
}

function timeWindowed<K>(inner: Serde<K>, windowSize: number): Serde<Windowed<K>> {
  return {
    serialize(topic, data) {
      if (data === null || data === undefined) return null;
      const key = innerBytes(inner, topic, data.key);
      const out = Buffer.allocUnsafe(key.length + LONG);
      key.copy(out, 0);
      out.writeBigInt64BE(BigInt(data.window.start), key.length);
      return out;
    },
    deserialize(topic, data) {
      if (data === null || data.length === 0) return null as unknown as Windowed<K>;
      if (data.length < LONG) throw new Error(`a time-windowed key needs at least ${LONG} bytes (the window start), got ${data.length} (topic '${topic}')`);
      const start = longAt(data, data.length - LONG);
      return { key: inner.deserialize(topic, data.subarray(0, data.length - LONG)), window: { start, end: windowEnd(start, windowSize) } };
    },
  };
}

function sessionWindowed<K>(inner: Serde<K>): Serde<Windowed<K>> {
  return {
    serialize(topic, data) {
      if (data === null || data === undefined) return null;
      const key = innerBytes(inner, topic, data.key);
      const out = Buffer.allocUnsafe(key.length + 2 * LONG);
      key.copy(out, 0);
      out.writeBigInt64BE(BigInt(data.window.end), key.length);
      out.writeBigInt64BE(BigInt(data.window.start), key.length + LONG);
      return out;
    },
    deserialize(topic, data) {
      if (data === null || data.length === 0) return null as unknown as Windowed<K>;
      if (data.length < 2 * LONG) throw new Error(`a session-windowed key needs at least ${2 * LONG} bytes (the session end and start), got ${data.length} (topic '${topic}')`);
      const keyEnd = data.length - 2 * LONG;
      return { key: inner.deserialize(topic, data.subarray(0, keyEnd)), window: { start: longAt(data, keyEnd + LONG), end: longAt(data, keyEnd) } };
    },
  };
}

export const WindowedSerdes = {
  /** Java's `WindowedSerdes.timeWindowedSerdeFrom(type, windowSize)`: the reader needs the window size to know each window's end. */
  timeWindowedSerdeFrom<K>(inner: Serde<K>, windowSizeMs: number): Serde<Windowed<K>> {
    if (!Number.isSafeInteger(windowSizeMs) || windowSizeMs <= 0) throw new RangeError(`the window size must be a positive whole number of milliseconds, got ${String(windowSizeMs)}`);
    return timeWindowed(inner, windowSizeMs);
  },
  /** Java's `WindowedSerdes.sessionWindowedSerdeFrom(type)`. */
  sessionWindowedSerdeFrom<K>(inner: Serde<K>): Serde<Windowed<K>> {
    return sessionWindowed(inner);
  },
};

/** @internal The key serde of a windowed aggregation's table: the grouping's key serde, or the default one. */
export function timeWindowedKeySerde<K>(inner: Serde<K> | undefined, windowSize: number): Serde<Windowed<K>> {
  return wrapping(inner, (s) => timeWindowed(s, windowSize), 'timeWindowedSerde');
}

/** @internal */
export function sessionWindowedKeySerde<K>(inner: Serde<K> | undefined): Serde<Windowed<K>> {
  return wrapping(inner, (s) => sessionWindowed(s), 'sessionWindowedSerde');
}
