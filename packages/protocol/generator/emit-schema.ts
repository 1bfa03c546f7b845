/**
 * Emits schema.json: the model of every message (names, types, versions, defaults) in a plain
 * form, so that tests can generate values and fuzz frames without the definitions folder.
 */
import type { FieldSpec, MessageSpec, TypeRef } from './model.ts';
import type { Versions } from './versions.ts';
import { isEmpty } from './versions.ts';

type Range = [number, number | null] | null;

function range(v: Versions | null): Range {
  if (isEmpty(v)) return null;
  return [v!.lo, v!.hi === Infinity ? null : v!.hi];
}

function typeText(t: TypeRef): string {
  if (t.kind === 'primitive') return t.name;
  if (t.kind === 'struct') return `struct:${t.struct.typeName}`;
  return `[]${typeText(t.element)}`;
}

function field(f: FieldSpec) {
  return {
    prop: f.prop,
    type: typeText(f.type),
    versions: range(f.versions),
    nullable: range(f.nullableVersions),
    tagged: range(f.taggedVersions),
    tag: f.tag,
    ignorable: f.ignorable,
    default: f.rawDefault === undefined ? null : String(f.rawDefault),
    hasDefault: f.rawDefault !== undefined,
  };
}

export function emitSchema(messages: MessageSpec[]): string {
  const out = messages.map((m) => ({
    name: m.name,
    kind: m.kind,
    apiKey: m.apiKey,
    valid: range(m.validVersions),
    flexible: range(m.flexibleVersions),
    structs: Object.fromEntries(m.structs.map((s) => [s.typeName, { versions: range(s.versions), fields: s.fields.map(field) }])),
  }));
  // One message per line: compact, yet a change to one message shows as a one-line diff.
  return `{"messages": [\n${out.map((m) => JSON.stringify(m)).join(',\n')}\n]}\n`;
}
