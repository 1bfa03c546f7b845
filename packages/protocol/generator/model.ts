/**
 * Reads Kafka's message definitions (JSON with comments) into a model the emitters walk.
 * Only names, types, versions and defaults are kept: the prose ("about") is dropped here, so it
 * cannot reach the generated code.
 */
import { type Versions, NO_VERSIONS, parseVersions, isEmpty, intersect } from './versions.ts';

export type PrimitiveName = 'bool' | 'int8' | 'int16' | 'uint16' | 'int32' | 'int64' | 'float64' | 'uuid' | 'string' | 'bytes' | 'records';

export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'struct'; struct: StructSpec }
  | { kind: 'array'; element: TypeRef };

export interface FieldSpec {
  /** The name in Kafka's definition, e.g. "MaxWaitMs". */
  jsonName: string;
  /** The TypeScript property, e.g. "maxWaitMs". */
  prop: string;
  type: TypeRef;
  versions: Versions;
  nullableVersions: Versions | null;
  taggedVersions: Versions | null;
  tag: number | null;
  ignorable: boolean;
  /** The default as written in the definition, or undefined when it has none. */
  rawDefault: string | number | boolean | null | undefined;
  /** Field-level flexibleVersions override (only RequestHeader.ClientId uses it, with "none"). */
  flexibleVersions: Versions | null;
}

export interface StructSpec {
  jsonName: string;
  /** Unique TypeScript type name. */
  typeName: string;
  versions: Versions;
  fields: FieldSpec[];
}

export type MessageKind = 'request' | 'response' | 'header' | 'data' | 'coordinator-key' | 'coordinator-value';

export interface MessageSpec {
  name: string;
  kind: MessageKind;
  apiKey: number | null;
  validVersions: Versions;
  flexibleVersions: Versions;
  latestVersionUnstable: boolean;
  listeners: string[];
  /** The message itself as a struct (typeName = name). */
  root: StructSpec;
  /** Every struct of the message, the root first, in definition order. */
  structs: StructSpec[];
  /** Path of the definition relative to the input folder. */
  source: string;
}

/** Removes // and /* comments outside strings: Kafka's files use Jackson's comment extension. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const PRIMITIVES = new Set<string>(['bool', 'int8', 'int16', 'uint16', 'int32', 'int64', 'float64', 'uuid', 'string', 'bytes', 'records']);

export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

interface RawField {
  name: string;
  type: string;
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  ignorable?: boolean;
  default?: string | number | boolean | null;
  flexibleVersions?: string;
  fields?: RawField[];
}

interface RawMessage {
  apiKey?: number;
  type: MessageKind;
  name: string;
  validVersions: string;
  flexibleVersions: string;
  latestVersionUnstable?: boolean;
  listeners?: string[];
  fields: RawField[];
  commonStructs?: { name: string; versions: string; fields: RawField[] }[];
}

function structTypeName(messageName: string, structName: string): string {
  return structName.startsWith(messageName) ? structName : messageName + structName;
}

export function parseMessage(raw: RawMessage, source: string): MessageSpec {
  const validVersions = parseVersions(raw.validVersions);
  if (validVersions === null) throw new Error(`${source}: validVersions is required`);
  // Definitions of removed APIs ("validVersions": "none") carry no flexibleVersions.
  const flexibleVersions = parseVersions(raw.flexibleVersions, NO_VERSIONS)!;
  const structs: StructSpec[] = [];
  const byName = new Map<string, StructSpec>();
  const common = new Map<string, { versions: string; fields: RawField[] }>();
  for (const c of raw.commonStructs ?? []) common.set(c.name, c);

  const root: StructSpec = { jsonName: raw.name, typeName: raw.name, versions: validVersions, fields: [] };
  structs.push(root);

  const resolveStruct = (name: string, versions: Versions, fields: RawField[] | undefined, where: string): StructSpec => {
    const existing = byName.get(name);
    if (existing) {
      if (fields !== undefined) throw new Error(`${source}: struct ${name} is defined twice (${where})`);
      return existing;
    }
    let own = fields;
    let structVersions = versions;
    if (own === undefined) {
      const c = common.get(name);
      if (!c) throw new Error(`${source}: ${where} refers to unknown struct ${name}`);
      own = c.fields;
      structVersions = parseVersions(c.versions) ?? versions;
    }
    const spec: StructSpec = { jsonName: name, typeName: structTypeName(raw.name, name), versions: structVersions, fields: [] };
    byName.set(name, spec);
    structs.push(spec);
    spec.fields = own.map((f) => parseField(f, spec));
    return spec;
  };

  const parseType = (text: string, field: RawField, versions: Versions, owner: StructSpec): TypeRef => {
    const t = text.trim();
    if (t.startsWith('[]')) {
      const inner = t.slice(2);
      if (PRIMITIVES.has(inner)) return { kind: 'array', element: { kind: 'primitive', name: inner as PrimitiveName } };
      return { kind: 'array', element: { kind: 'struct', struct: resolveStruct(inner, versions, field.fields, `${owner.jsonName}.${field.name}`) } };
    }
    if (PRIMITIVES.has(t)) return { kind: 'primitive', name: t as PrimitiveName };
    return { kind: 'struct', struct: resolveStruct(t, versions, field.fields, `${owner.jsonName}.${field.name}`) };
  };

  const parseField = (f: RawField, owner: StructSpec): FieldSpec => {
    const taggedVersions = parseVersions(f.taggedVersions);
    // A tagged field may omit "versions": it then exists exactly in its tagged versions.
    const versions = parseVersions(f.versions, taggedVersions);
    if (versions === null) throw new Error(`${source}: field ${owner.jsonName}.${f.name} has no versions`);
    if (taggedVersions !== null && (f.tag === undefined || f.tag < 0)) throw new Error(`${source}: tagged field ${f.name} has no tag`);
    const field: FieldSpec = {
      jsonName: f.name,
      prop: camelCase(f.name),
      type: undefined as unknown as TypeRef,
      versions,
      nullableVersions: parseVersions(f.nullableVersions),
      taggedVersions,
      tag: taggedVersions !== null ? f.tag! : null,
      ignorable: f.ignorable === true,
      rawDefault: f.default,
      flexibleVersions: parseVersions(f.flexibleVersions),
    };
    field.type = parseType(f.type, f, versions, owner);
    return field;
  };

  root.fields = raw.fields.map((f) => parseField(f, root));
  for (const name of common.keys()) {
    if (!byName.has(name)) resolveStruct(name, validVersions, undefined, 'commonStructs');
  }
  return {
    name: raw.name,
    kind: raw.type,
    apiKey: raw.apiKey ?? null,
    validVersions,
    flexibleVersions,
    latestVersionUnstable: raw.latestVersionUnstable === true,
    listeners: raw.listeners ?? [],
    root,
    structs,
    source,
  };
}

/** One message definition file: where it came from (`clients/FetchRequest.json`) and its text. */
export interface DefinitionFile {
  source: string;
  text: string;
}

/** Every message definition among `files` that has at least one valid version. */
export function loadDefinitions(files: readonly DefinitionFile[]): MessageSpec[] {
  const messages: MessageSpec[] = [];
  for (const file of [...files].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))) {
    const raw = JSON.parse(stripJsonComments(file.text)) as RawMessage;
    if (typeof raw.name !== 'string' || typeof raw.type !== 'string') continue;
    if (String(raw.validVersions).trim() === 'none') continue;
    messages.push(parseMessage(raw, file.source));
  }
  const seen = new Map<string, string>();
  for (const m of messages) {
    const other = seen.get(m.name);
    if (other) throw new Error(`message ${m.name} is defined in both ${other} and ${m.source}`);
    seen.set(m.name, m.source);
  }
  return messages.sort((a, b) => a.name.localeCompare(b.name));
}

/** The versions in which a struct can actually be encoded within its message. */
export function structScope(message: MessageSpec, struct: StructSpec): Versions {
  return intersect(message.validVersions, struct.versions);
}
