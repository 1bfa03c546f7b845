/**
 * A value as Java's toString writes it, for StringConverter, which writes any value as its text:
 * doubles as Double.toString (`1.0`), lists as `[a, b]`, maps as `{k=v}`.
 */
import { BigDecimal, Struct, javaDouble, javaFloat, type Schema } from '@sluice/connect-api';

export function javaToString(schema: Schema | null, value: unknown): string {
  if (typeof value === 'number') {
    const type = schema?.type();
    if (type === 'FLOAT32') return javaFloat(value);
    if (type === 'FLOAT64' || (type === undefined && !Number.isSafeInteger(value))) return javaDouble(value);
    return String(value);
  }
  if (value instanceof BigDecimal || value instanceof Struct) return value.toString();
  if (Array.isArray(value)) {
    const element = schema?.type() === 'ARRAY' ? schema.valueSchema() : null;
    return `[${value.map((v) => (v === null ? 'null' : javaToString(element, v))).join(', ')}]`;
  }
  if (value instanceof Map) {
    const k = schema?.type() === 'MAP' ? schema.keySchema() : null;
    const v = schema?.type() === 'MAP' ? schema.valueSchema() : null;
    return `{${[...value].map(([key, x]) => `${key === null ? 'null' : javaToString(k, key)}=${x === null ? 'null' : javaToString(v, x)}`).join(', ')}}`;
  }
  return String(value);
}
