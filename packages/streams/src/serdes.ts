/**
 * Serdes: how keys and values become bytes and back. A Serde is a serializer and a deserializer
 * in one object, so anything that asks for a `Serializer<T>` (a test input topic) also takes a
 * Serde. `null` passes through untouched in both directions, as in Kafka (a null value is a
 * tombstone); declare the type as `T | null` where nulls occur.
 */
import type { RecordHeader } from './record.ts';

export interface Serializer<T> {
  serialize(topic: string, data: T, headers?: readonly RecordHeader[]): Buffer | null;
}

export interface Deserializer<T> {
  deserialize(topic: string, data: Buffer | null, headers?: readonly RecordHeader[]): T;
}

export interface Serde<T> extends Serializer<T>, Deserializer<T> {}

function serde<T>(name: string, toBytes: (v: T, topic: string) => Buffer, fromBytes: (b: Buffer, topic: string) => T): Serde<T> {
  return {
    serialize(topic, data) {
      return data === null || data === undefined ? null : toBytes(data, topic);
    },
    deserialize(topic, data) {
      return (data === null ? null : fromBytes(data, topic)) as T;
    },
    toString: () => `Serdes.${name}()`,
  } as Serde<T>;
}

function exactLength(b: Buffer, n: number, what: string, topic: string): void {
  if (b.length !== n) throw new Error(`${what} deserializer expects ${n} bytes but got ${b.length} (topic '${topic}')`);
}

function int32(v: number): Buffer {
  if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new RangeError(`Int32 serde: ${v} is not a 32-bit integer`);
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(v);
  return b;
}

function int64(v: bigint | number): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigInt64BE(typeof v === 'number' ? BigInt(v) : v);
  return b;
}

function double(v: number): Buffer {
  if (typeof v !== 'number') throw new TypeError(`Double serde: ${String(v)} is not a number`);
  const b = Buffer.allocUnsafe(8);
  b.writeDoubleBE(v);
  return b;
}

export const Serdes = {
  /** UTF-8 strings (Kafka's StringSerde). */
  String: (): Serde<string> =>
    serde<string>('String', (v) => {
      if (typeof v !== 'string') throw new TypeError(`String serde: expected a string, got ${typeof v}`);
      return Buffer.from(v, 'utf8');
    }, (b) => b.toString('utf8')),
  /** Raw bytes (Kafka's ByteArraySerde/BytesSerde). */
  Buffer: (): Serde<Buffer> =>
    serde<Buffer>('Buffer', (v) => {
      if (!Buffer.isBuffer(v)) throw new TypeError('Buffer serde: expected a Buffer');
      return v;
    }, (b) => b),
  /** Alias of `Buffer()`, for readers coming from Kafka. */
  Bytes: (): Serde<Buffer> => Serdes.Buffer(),
  /** 4-byte big-endian signed integers (Kafka's IntegerSerde). */
  Int32: (): Serde<number> =>
    serde<number>('Int32', int32, (b, topic) => {
      exactLength(b, 4, 'Int32', topic);
      return b.readInt32BE(0);
    }),
  /** 8-byte big-endian signed integers as bigint (Kafka's LongSerde); numbers are accepted when writing. */
  Int64: (): Serde<bigint> =>
    serde<bigint>('Int64', int64, (b, topic) => {
      exactLength(b, 8, 'Int64', topic);
      return b.readBigInt64BE(0);
    }),
  /** IEEE 754 doubles, big-endian (Kafka's DoubleSerde). */
  Double: (): Serde<number> =>
    serde<number>('Double', double, (b, topic) => {
      exactLength(b, 8, 'Double', topic);
      return b.readDoubleBE(0);
    }),
  /** JSON text in UTF-8; any JSON-serialisable value. */
  JSON: <T = unknown>(): Serde<T> =>
    serde<T>('JSON', (v) => Buffer.from(JSON.stringify(v), 'utf8'), (b, topic) => {
      try {
        return JSON.parse(b.toString('utf8')) as T;
      } catch (e) {
        throw new Error(`JSON serde: the bytes in topic '${topic}' are not JSON (${(e as Error).message})`);
      }
    }),
  /** Kafka's VoidSerde: always null (for keys that are always null). */
  Void: (): Serde<null> => serde<null>('Void', () => Buffer.alloc(0), () => null),
  /** A serde from two functions; they never see null. */
  from: <T>(serialize: (value: T, topic: string) => Buffer, deserialize: (bytes: Buffer, topic: string) => T): Serde<T> =>
    serde<T>('from', serialize, deserialize),
};

export function isSerde(x: unknown): x is Serde<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as Serde<unknown>).serialize === 'function' && typeof (x as Serde<unknown>).deserialize === 'function';
}

/**
 * A serde wrapping another that the topology may leave unset, to be the application's default
 * (Java's WrappingNullableSerde.setIfUnset): the table-aggregation repartition topic's serde of
 * old and new values, over the default value serde when the grouping names none.
 */
export interface WrappingSerde {
  withDefaults(defaults: { keySerde: Serde<unknown>; valueSerde: Serde<unknown> }): Serde<unknown>;
}

/** The serde a node uses: its own (completed with the defaults if it wraps one), else the application's default. */
export function serdeOrDefault<S extends Serializer<unknown> | Deserializer<unknown>>(given: S | undefined, fallback: S, defaults: { keySerde: Serde<unknown>; valueSerde: Serde<unknown> }): S {
  if (given === undefined) return fallback;
  const wrapping = given as Partial<WrappingSerde>;
  return typeof wrapping.withDefaults === 'function' ? (wrapping.withDefaults(defaults) as unknown as S) : given;
}
