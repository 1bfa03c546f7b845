/**
 * Java's on-store format of a timestamped value: the 8-byte big-endian timestamp of the record
 * that wrote it, then the plain serialised value. The changelog carries only the plain value,
 * with the timestamp as the record's timestamp; these convert between the two.
 */
import type { Serde } from '../serdes.ts';
import type { ChangelogRecord, StateRestoreCallback, StateStoreContext, ValueAndTimestamp } from './api.ts';
import { overlayContext } from './context-overlay.ts';

const TIMESTAMP_BYTES = 8;

export function timestampedBytes(timestamp: number, rawValue: Buffer): Buffer {
  const out = Buffer.allocUnsafe(TIMESTAMP_BYTES + rawValue.length);
  // The two 32-bit halves of the 64-bit two's complement (a timestamp is a safe integer), with no
  // bigint made for each value written or restored.
  out.writeInt32BE(Math.floor(timestamp / 0x1_0000_0000), 0);
  out.writeUInt32BE(timestamp >>> 0, 4);
  rawValue.copy(out, TIMESTAMP_BYTES);
  return out;
}

/** The plain value of timestamped bytes (a view, no copy). */
export function rawValue(valueAndTimestamp: Buffer): Buffer {
  return valueAndTimestamp.subarray(TIMESTAMP_BYTES);
}

export function timestampOf(valueAndTimestamp: Buffer): number {
  return Number(valueAndTimestamp.readBigInt64BE(0));
}

/**
 * A plain value read from a store that has no timestamps, in the timestamped format with
 * timestamp -1 (Java's `convertToTimestampedFormat`, for a plain persistent store under a
 * timestamped builder).
 */
export function withUnknownTimestamp(plain: Buffer | null): Buffer | null {
  return plain === null ? null : timestampedBytes(-1, plain);
}

/** Java's `ValueAndTimestampSerde`: a value serde to the on-store format and back. */
export function valueAndTimestampSerde<V>(inner: Serde<V>): Serde<ValueAndTimestamp<V> | null> {
  return {
    serialize(topic, data) {
      if (data === null || data === undefined) return null;
      const raw = inner.serialize(topic, data.value);
      // As Java's: a value that serialises to null is stored as null.
      return raw === null ? null : timestampedBytes(data.timestamp, raw);
    },
    deserialize(topic, data) {
      if (data === null) return null;
      if (data.length < TIMESTAMP_BYTES) throw new Error(`a timestamped store value needs at least ${TIMESTAMP_BYTES} bytes (the timestamp), got ${data.length} (topic '${topic}')`);
      return { value: inner.deserialize(topic, rawValue(data)), timestamp: timestampOf(data) };
    },
  };
}

/** A changelog record as the timestamped store holds it: the record's timestamp goes in front of the value. */
function toTimestamped(r: ChangelogRecord): ChangelogRecord {
  return r.value === null ? r : { key: r.key, value: timestampedBytes(r.timestamp, r.value), timestamp: r.timestamp, headers: r.headers };
}

/**
 * The context a timestamped bytes store is initialised with: its restore callback receives
 * changelog records converted to the on-store format (Java's record converter for
 * `TimestampedBytesStore`s).
 */
export function timestampedRestoreContext(context: StateStoreContext): StateStoreContext {
  return overlayContext(context, {
    register: (store, restore: StateRestoreCallback) => context.register(store, (batch) => restore(batch.map(toTimestamped))),
  });
}
