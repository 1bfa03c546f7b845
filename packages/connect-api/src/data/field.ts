import type { Field as FieldShape, Schema } from './schema.ts';

/** A field of a STRUCT schema (Kafka's Field): its name, position and schema. */
export class Field implements FieldShape {
  readonly name: string;
  readonly index: number;
  readonly schema: Schema;

  constructor(name: string, index: number, schema: Schema) {
    this.name = name;
    this.index = index;
    this.schema = schema;
  }

  equals(other: unknown): boolean {
    return other instanceof Field && other.name === this.name && other.index === this.index && schemaEquals(other.schema, this.schema);
  }

  toString(): string {
    return `Field{name=${this.name}, index=${this.index}, schema=${String(this.schema)}}`;
  }
}

/** Kafka's ConnectSchema.equals, for any two schemas (a builder compares as the schema it builds). */
export function schemaEquals(a: Schema | null, b: Schema | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.type() !== b.type() || a.isOptional() !== b.isOptional() || a.name() !== b.name() || a.version() !== b.version() || a.doc() !== b.doc()) return false;
  if (!valuesEqual(a.defaultValue(), b.defaultValue()) || !recordsEqual(a.parameters(), b.parameters())) return false;
  switch (a.type()) {
    case 'STRUCT': {
      const fa = a.fields();
      const fb = b.fields();
      return fa.length === fb.length && fa.every((f, i) => f.equals(fb[i]));
    }
    case 'ARRAY':
      return schemaEquals(a.valueSchema(), b.valueSchema());
    case 'MAP':
      return schemaEquals(a.keySchema(), b.keySchema()) && schemaEquals(a.valueSchema(), b.valueSchema());
    default:
      return true;
  }
}

function recordsEqual(a: Readonly<Record<string, string>> | null, b: Readonly<Record<string, string>> | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Deep equality of Connect values (Kafka's Objects.deepEquals, with Struct.equals and BigDecimal.equals). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (!valuesEqual(v, b.get(k))) return false;
        continue;
      }
      const match = [...b].find(([k2]) => valuesEqual(k, k2));
      if (!match || !valuesEqual(v, match[1])) return false;
    }
    return true;
  }
  const eq = (a as { equals?: (o: unknown) => boolean }).equals;
  return typeof eq === 'function' ? eq.call(a, b) : false;
}
