/** Access to the generated schema.json, and random values that fit a message at a version. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as protocol from '@sluice/protocol';
import { repoRoot } from './processes.ts';
import { Random } from './random.ts';

export { Random };

type Range = [number, number | null] | null;

export interface SchemaField {
  prop: string;
  type: string;
  versions: Range;
  nullable: Range;
  tagged: Range;
  tag: number | null;
  ignorable: boolean;
  default: string | null;
  hasDefault: boolean;
}

export interface SchemaMessage {
  name: string;
  kind: string;
  apiKey: number | null;
  valid: Range;
  flexible: Range;
  structs: Record<string, { versions: Range; fields: SchemaField[] }>;
}

export const schema: { messages: SchemaMessage[] } = JSON.parse(
  // The generator's output beside the protocol package's sources: data, not code, so read by path.
  readFileSync(join(repoRoot, 'packages', 'protocol', 'src', 'generated', 'schema.json'), 'utf8'),
);

export function inRange(r: Range, v: number): boolean {
  return r !== null && v >= r[0] && (r[1] === null || v <= r[1]);
}

export function versionsOf(m: SchemaMessage): number[] {
  const out: number[] = [];
  for (let v = m.valid![0]; v <= m.valid![1]!; v++) out.push(v);
  return out;
}

const codecs = protocol as unknown as Record<string, (...args: unknown[]) => unknown>;

export function codecFor(m: SchemaMessage) {
  return {
    encode: codecs[`encode${m.name}`] as (w: protocol.Writer, v: unknown, version: number) => void,
    decode: codecs[`decode${m.name}`] as (r: protocol.Reader, version: number) => unknown,
  };
}

export function defaultOf(typeName: string): Record<string, unknown> {
  return codecs[`default${typeName}`]() as Record<string, unknown>;
}

const STRINGS = ['', 'a', 'topic-1', 'grüße', '日本語', 'x'.repeat(40)];

function primitive(type: string, rnd: Random): unknown {
  switch (type) {
    case 'bool':
      return rnd.chance(0.5);
    case 'int8':
      return rnd.int(-128, 127);
    case 'int16':
      return rnd.int(-32768, 32767);
    case 'uint16':
      return rnd.int(0, 65535);
    case 'int32':
      return rnd.int(-2147483648, 2147483647);
    case 'int64':
      return BigInt.asIntN(64, (BigInt(rnd.int(0, 0xffffffff)) << 32n) | BigInt(rnd.int(0, 0xffffffff)));
    case 'float64':
      return (rnd.next() - 0.5) * 1e6;
    case 'uuid':
      return rnd.bytes(16).toString('base64url');
    case 'string':
      return STRINGS[rnd.int(0, STRINGS.length - 1)];
    case 'bytes':
    case 'records':
      return rnd.bytes(rnd.int(0, 20));
  }
  throw new Error(`unknown type ${type}`);
}

/** A random value of a struct, as the decoder would return it at `version`. */
export function randomStruct(m: SchemaMessage, typeName: string, version: number, rnd: Random, depth = 0): Record<string, unknown> {
  const s = m.structs[typeName];
  const value = defaultOf(typeName);
  for (const f of s.fields) {
    if (!inRange(f.versions, version)) continue;
    if (f.tagged !== null && inRange(f.tagged, version) && rnd.chance(0.3)) continue; // leave some tagged fields at default
    const nullable = inRange(f.nullable, version);
    if (nullable && rnd.chance(0.2)) {
      value[f.prop] = null;
      continue;
    }
    value[f.prop] = randomValue(m, f.type, version, rnd, depth);
  }
  if (inRange(m.flexible, version) && rnd.chance(0.2)) {
    value._unknownTaggedFields = [{ tag: 1000 + rnd.int(0, 5), data: rnd.bytes(rnd.int(0, 4)) }];
  }
  return value;
}

function randomValue(m: SchemaMessage, type: string, version: number, rnd: Random, depth: number): unknown {
  if (type.startsWith('[]')) {
    const n = depth > 3 ? 0 : rnd.int(0, 3);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(randomValue(m, type.slice(2), version, rnd, depth + 1));
    return out;
  }
  if (type.startsWith('struct:')) return randomStruct(m, type.slice(7), version, rnd, depth + 1);
  return primitive(type, rnd);
}
