/**
 * Connect's logical types, as Kafka's Decimal, Date, Time and Timestamp classes: a schema name on
 * a primitive schema, and the conversions between the logical value (a BigDecimal, a Date) and
 * the primitive one that is serialised. Kafka's `Date` is exported as `ConnectDate`, since `Date`
 * is JavaScript's own.
 */
import { DataException } from '../errors.ts';
import { BigDecimal } from './big-decimal.ts';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, DECIMAL_SCALE_FIELD, TIMESTAMP_LOGICAL_NAME, TIME_LOGICAL_NAME } from './logical-names.ts';
import type { Schema } from './schema.ts';
import { SchemaBuilder } from './schema-builder.ts';

const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;
/** The milliseconds a JavaScript Date holds either side of the epoch (years -271821 to 275760). */
const MAX_DATE_MILLIS = 8_640_000_000_000_000;

/** A Date of these milliseconds; Java's Date reaches further, and a value beyond JavaScript's is refused rather than made an invalid Date. */
function dateOf(millis: number, what: string, value: unknown): Date {
  if (!(Math.abs(millis) <= MAX_DATE_MILLIS)) throw new DataException(`${what} ${String(value)} is outside what a JavaScript Date holds (years -271821 to 275760)`);
  return new Date(millis);
}

/** Two's complement, big-endian, as few bytes as hold the sign (Java's BigInteger.toByteArray). */
export function bigIntToBytes(n: bigint): Uint8Array {
  let bytes = 1;
  while (n < -(1n << BigInt(8 * bytes - 1)) || n >= 1n << BigInt(8 * bytes - 1)) bytes++;
  let v = BigInt.asUintN(8 * bytes, n);
  const out = new Uint8Array(bytes);
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Java's `new BigInteger(bytes)`: two's complement, big-endian. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw new DataException('Zero length BigInteger');
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return BigInt.asIntN(8 * bytes.length, v);
}

export const Decimal = Object.freeze({
  LOGICAL_NAME: DECIMAL_LOGICAL_NAME,
  SCALE_FIELD: DECIMAL_SCALE_FIELD,
  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes().name(DECIMAL_LOGICAL_NAME).parameter(DECIMAL_SCALE_FIELD, String(scale)).version(1);
  },
  schema(scale: number): Schema {
    return Decimal.builder(scale).build();
  },
  scale(schema: Schema): number {
    const text = schema.parameters()?.[DECIMAL_SCALE_FIELD];
    if (text === undefined) throw new DataException('Invalid Decimal schema: scale parameter not found.');
    const scale = Number(text);
    if (!Number.isInteger(scale)) throw new DataException(`Invalid scale parameter found in Decimal schema: ${text}`);
    return scale;
  },
  fromLogical(schema: Schema, value: BigDecimal): Uint8Array {
    if (value.scale !== Decimal.scale(schema)) throw new DataException('BigDecimal has mismatching scale value for given Decimal schema');
    return bigIntToBytes(value.unscaled);
  },
  toLogical(schema: Schema, value: Uint8Array): BigDecimal {
    return new BigDecimal(bytesToBigInt(value), Decimal.scale(schema));
  },
});

export const ConnectDate = Object.freeze({
  LOGICAL_NAME: DATE_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1).build() as Schema,
  /** Days since the epoch; the Date must be midnight UTC. */
  fromLogical(schema: Schema, value: Date): number {
    if (schema.name() !== DATE_LOGICAL_NAME) throw new DataException('Requested conversion of Date object but the schema does not match.');
    const millis = value.getTime();
    if (((millis % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY !== 0) throw new DataException('Kafka Connect Date type should not have any time fields set to non-zero values.');
    return Math.trunc(millis / MILLIS_PER_DAY);
  },
  toLogical(schema: Schema, value: number): Date {
    if (schema.name() !== DATE_LOGICAL_NAME) throw new DataException('Requested conversion of Date object but the schema does not match.');
    return dateOf(value * MILLIS_PER_DAY, 'Date', value);
  },
});

export const Time = Object.freeze({
  LOGICAL_NAME: TIME_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1).build() as Schema,
  /** Milliseconds since midnight; the Date must be on 1970-01-01 UTC. */
  fromLogical(schema: Schema, value: Date): number {
    if (schema.name() !== TIME_LOGICAL_NAME) throw new DataException('Requested conversion of Time object but the schema does not match.');
    const millis = value.getTime();
    if (millis < 0 || millis > MILLIS_PER_DAY) throw new DataException('Kafka Connect Time type should not have any date fields set to non-zero values.');
    return millis;
  },
  toLogical(schema: Schema, value: number): Date {
    if (schema.name() !== TIME_LOGICAL_NAME) throw new DataException('Requested conversion of Date object but the schema does not match.');
    if (value < 0 || value > MILLIS_PER_DAY) throw new DataException('Time values must use number of milliseconds greater than 0 and less than 86400000');
    return new Date(value);
  },
});

export const Timestamp = Object.freeze({
  LOGICAL_NAME: TIMESTAMP_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1).build() as Schema,
  /** Milliseconds since the epoch, as an INT64 (bigint). */
  fromLogical(schema: Schema, value: Date): bigint {
    if (schema.name() !== TIMESTAMP_LOGICAL_NAME) throw new DataException('Requested conversion of Timestamp object but the schema does not match.');
    return BigInt(value.getTime());
  },
  toLogical(schema: Schema, value: bigint | number): Date {
    if (schema.name() !== TIMESTAMP_LOGICAL_NAME) throw new DataException('Requested conversion of Timestamp object but the schema does not match.');
    return dateOf(Number(value), 'Timestamp', value);
  },
});
