/**
 * Random Connect schemas (in JsonConverter's schema JSON) with values that fit them (in the tagged
 * form of support.ts), from a seed: every type and logical type, optional fields and nulls,
 * defaults, names, versions, docs and parameters, nested arrays, maps and structs. Numbers are
 * drawn with at most ten significant digits, so both sides' shortest forms are the same digits.
 */
import { Random } from '@sluice/test-kit/random';
import type { Tagged } from './support.ts';

export interface Generated {
  schema: Record<string, unknown>;
  value: () => Tagged;
}

const ALPHABET = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u0001', 'é', 'ß', '中', '🚀', '\u2028', '{', ':'];

function bigint(r: Random, digits: number): bigint {
  let text = String(r.int(1, 9));
  for (let i = 1; i < digits; i++) text += String(r.int(0, 9));
  return (r.chance(0.5) ? -1n : 1n) * BigInt(text);
}

/** A schema node and a generator of its non-null values. */
function node(r: Random, depth: number): Generated {
  const kinds = ['int8', 'int16', 'int32', 'int64', 'float', 'double', 'boolean', 'string', 'bytes', 'decimal', 'date', 'time', 'timestamp', ...(depth < 3 ? ['array', 'map', 'struct', 'struct'] : [])];
  const kind = r.pick(kinds);
  const logical = (type: string, name: string, extra: Record<string, unknown> = {}) => ({ type, name: `org.apache.kafka.connect.data.${name}`, version: 1, ...extra });
  switch (kind) {
    case 'int8':
      return { schema: { type: kind }, value: () => ({ i: String(r.int(-128, 127)) }) };
    case 'int16':
      return { schema: { type: kind }, value: () => ({ i: String(r.int(-32768, 32767)) }) };
    case 'int32':
      return { schema: { type: kind }, value: () => ({ i: String(r.int(-2147483648, 2147483647)) }) };
    case 'int64':
      return { schema: { type: kind }, value: () => ({ i: String(r.chance(0.5) ? BigInt.asIntN(64, bigint(r, r.int(1, 19))) : BigInt(r.int(-1000, 1000))) }) };
    case 'float':
      // Floats stay below 10^7: above it Java 17's Float.toString often writes more digits than
      // the shortest form (JDK-4511638, fixed in Java 19), which we write, as Java 19+ does.
      return { schema: { type: kind }, value: () => ({ f: Math.fround(Number(`${r.int(-99999, 99999)}e${r.int(-8, 2)}`)) }) };
    case 'double':
      return { schema: { type: kind }, value: () => ({ f: Number(`${r.int(-999999999, 999999999)}e${r.int(-30, 30)}`) }) };
    case 'boolean':
      return { schema: { type: kind }, value: () => r.chance(0.5) };
    case 'string':
      return { schema: { type: kind }, value: () => Array.from({ length: r.int(0, 6) }, () => r.pick(ALPHABET)).join('') };
    case 'bytes':
      return { schema: { type: kind }, value: () => ({ b: r.bytes(r.int(0, 8)).toString('base64') }) };
    case 'decimal': {
      const scale = r.int(0, 6);
      return { schema: logical('bytes', 'Decimal', { parameters: { scale: String(scale) } }), value: () => ({ d: String(bigint(r, r.int(1, 30))), scale }) };
    }
    case 'date':
      return { schema: logical('int32', 'Date'), value: () => ({ t: r.int(-20000, 40000) * 86_400_000 }) };
    case 'time':
      return { schema: logical('int32', 'Time'), value: () => ({ t: r.int(0, 86_399_999) }) };
    case 'timestamp':
      return { schema: logical('int64', 'Timestamp'), value: () => ({ t: r.int(-2_000_000_000, 4_000_000_000) * 1000 + r.int(0, 999) }) };
    case 'array': {
      const items = field(r, depth + 1);
      return { schema: { type: 'array', items: items.schema }, value: () => Array.from({ length: r.int(0, 3) }, () => items.value()) };
    }
    case 'map': {
      const stringKeys = r.chance(0.6);
      const values = field(r, depth + 1);
      return {
        schema: { type: 'map', keys: { type: stringKeys ? 'string' : 'int32', optional: false }, values: values.schema },
        value: () => {
          const keys = [...new Set(Array.from({ length: r.int(0, 3) }, () => (stringKeys ? `k${r.int(0, 9)}` : r.int(-5, 5))))];
          return { m: keys.map((k) => [typeof k === 'string' ? k : { i: String(k) }, values.value()]) };
        },
      };
    }
    default: {
      const fields = Array.from({ length: r.int(1, 4) }, (_, i) => ({ name: `f${i}`, ...field(r, depth + 1) }));
      return {
        schema: { type: 'struct', fields: fields.map((f) => ({ ...f.schema, field: f.name })) },
        value: () => ({ struct: Object.fromEntries(fields.map((f) => [f.name, f.value()])) }),
      };
    }
  }
}

/** A schema with its optional flag, metadata and maybe a default; an optional one sometimes gives null. */
export function field(r: Random, depth = 0): Generated {
  const inner = node(r, depth);
  const optional = r.chance(0.3);
  const schema: Record<string, unknown> = { ...inner.schema, optional };
  if (schema.name === undefined) {
    if (r.chance(0.15)) schema.name = `gen.N${r.int(0, 99)}`;
    if (r.chance(0.15)) schema.version = r.int(1, 9);
  }
  if (r.chance(0.1)) schema.doc = `doc ${r.int(0, 9)}`;
  if (schema.parameters === undefined && r.chance(0.1)) schema.parameters = { p: `v${r.int(0, 9)}` };
  if (r.chance(0.15)) {
    const json = defaultJson(schema, inner.value());
    if (json !== undefined) schema.default = json;
  }
  return { schema, value: () => (optional && r.chance(0.25) ? null : inner.value()) };
}

/** A default as JsonConverter's schema JSON holds it (the JSON of the value), for the plain types; undefined for the rest. */
function defaultJson(schema: Record<string, unknown>, value: Tagged): unknown {
  const name = schema.name as string | undefined;
  if (name?.endsWith('.Decimal') || ['array', 'map', 'struct'].includes(schema.type as string)) return undefined;
  const v = value as Record<string, unknown>;
  if (name?.endsWith('.Date')) return (v.t as number) / 86_400_000;
  if (name?.endsWith('.Time') || name?.endsWith('.Timestamp')) return v.t;
  if (typeof value !== 'object' || value === null) return value;
  if ('i' in v) return Number.isSafeInteger(Number(v.i)) ? Number(v.i) : undefined;
  if ('f' in v) return v.f;
  if ('b' in v) return v.b;
  return undefined;
}

/** A required struct schema with its values, for transforms that work on a record's fields. */
export function structField(r: Random): Generated {
  for (;;) {
    const g = field(r, 1);
    if (g.schema.type === 'struct') {
      const schema: Record<string, unknown> = { ...g.schema, optional: false };
      delete schema.default;
      return { schema, value: () => g.value() ?? g.value() ?? { struct: {} } };
    }
  }
}

/** A schemaless value as a pipeline without schemas has them: a map of strings to nested maps, lists and plain values. */
export function schemalessMap(r: Random, depth = 0): Tagged {
  const entries: [Tagged, Tagged][] = [];
  const size = r.int(1, 5);
  for (let i = 0; i < size; i++) entries.push([`f${i}`, schemalessValue(r, depth + 1)]);
  return { m: entries };
}

function schemalessValue(r: Random, depth: number): Tagged {
  switch (r.int(0, depth < 3 ? 8 : 6)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return { i: String(r.chance(0.2) ? BigInt.asIntN(64, bigint(r, r.int(1, 19))) : BigInt(r.int(-100000, 100000))) };
    case 3:
      return { f: Number(`${r.int(-99999, 99999)}e${r.int(-6, 2)}`) + 0.5 };
    case 4:
      return r.pick(['text', '42', '-7', '2.5', 'true', 'FALSE', '', '2024-02-29', 'x y']);
    case 5:
      return { b: r.bytes(r.int(0, 4)).toString('base64') };
    case 6:
      return Array.from({ length: r.int(0, 2) }, () => ({ i: String(r.int(-9, 9)) }));
    default:
      return schemalessMap(r, depth);
  }
}
