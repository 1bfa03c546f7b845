/**
 * Emits one TypeScript module per message definition: the decoded type and the input type of
 * every struct, defaults, and synchronous encode/decode functions that branch on the version.
 */
import type { FieldSpec, MessageSpec, StructSpec, TypeRef } from './model.ts';
import { type Versions, condition, contains, formatVersions, intersect, isEmpty } from './versions.ts';
import { kebabCase } from './names.ts';

const SUPPORT = '../../primitives/codec-support.ts';

class Lines {
  readonly lines: string[] = [];
  private depth = 0;
  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }
  open(text: string): this {
    this.line(text);
    this.depth++;
    return this;
  }
  close(text = '}'): this {
    this.depth--;
    return this.line(text);
  }
  dedent(): this {
    this.depth--;
    return this;
  }
  /** A line at the enclosing depth inside an open block, e.g. '} else {'. */
  mid(text: string): this {
    this.depth--;
    this.line(text);
    this.depth++;
    return this;
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

interface Context {
  message: MessageSpec;
  /** The versions the current struct function can be called with. */
  scope: Versions;
  /** Runtime helpers used by the module, for its import line. */
  support: Set<string>;
}

function use(ctx: Context, name: string): string {
  ctx.support.add(name);
  return name;
}

function fieldScope(ctx: Context, f: FieldSpec): Versions {
  return intersect(ctx.scope, f.versions);
}

/** Versions in which the field is written in the main body (present and not tagged). */
function regularVersions(f: FieldSpec): Versions | null {
  if (f.taggedVersions === null) return f.versions;
  // Kafka's definitions tag a field in all of its versions or in a suffix of them.
  if (f.taggedVersions.lo <= f.versions.lo) return null;
  return { lo: f.versions.lo, hi: Math.min(f.versions.hi, f.taggedVersions.lo - 1) };
}

function nullableAnywhere(ctx: Context, f: FieldSpec): boolean {
  return !isEmpty(f.nullableVersions) && !isEmpty(intersect(f.nullableVersions!, fieldScope(ctx, f)));
}

function isPresentInAllVersions(ctx: Context, f: FieldSpec): boolean {
  return f.versions.lo <= ctx.scope.lo && f.versions.hi >= ctx.scope.hi;
}

// ---------------------------------------------------------------- types

function baseType(t: TypeRef, input: boolean): string {
  switch (t.kind) {
    case 'primitive':
      switch (t.name) {
        case 'bool':
          return 'boolean';
        case 'int64':
          return 'bigint';
        case 'string':
        case 'uuid':
          return 'string';
        case 'bytes':
        case 'records':
          return 'Buffer';
        default:
          return 'number';
      }
    case 'struct':
      return input ? `${t.struct.typeName}Input` : t.struct.typeName;
    case 'array': {
      const inner = baseType(t.element, input);
      return input ? `readonly ${inner}[]` : `${inner}[]`;
    }
  }
}

function fieldType(ctx: Context, f: FieldSpec, input: boolean): string {
  let t = baseType(f.type, input);
  if (nullableAnywhere(ctx, f) || defaultIsNull(f)) t += ' | null';
  return t;
}

function defaultIsNull(f: FieldSpec): boolean {
  return f.rawDefault === null || f.rawDefault === 'null';
}

/** Whether a caller may leave the field out when encoding. */
function optionalInInput(ctx: Context, f: FieldSpec): boolean {
  if (f.rawDefault !== undefined) return true;
  if (f.taggedVersions !== null) return true;
  if (!isPresentInAllVersions(ctx, f)) return true;
  return f.type.kind === 'struct';
}

// ---------------------------------------------------------------- defaults

function defaultExpr(ctx: Context, f: FieldSpec): string {
  const raw = f.rawDefault;
  if (defaultIsNull(f)) return 'null';
  const t = f.type;
  if (t.kind === 'array') return '[]';
  if (t.kind === 'struct') return `default${t.struct.typeName}()`;
  const text = raw === undefined ? undefined : String(raw).trim();
  switch (t.name) {
    case 'bool':
      return text === 'true' ? 'true' : 'false';
    case 'int8':
    case 'int16':
    case 'uint16':
    case 'int32':
    case 'float64': {
      if (text === undefined || text === '') return '0';
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`${ctx.message.source}: bad default ${text} for ${f.jsonName}`);
      return String(n);
    }
    case 'int64': {
      if (text === undefined || text === '') return '0n';
      return `${BigInt(text).toString()}n`;
    }
    case 'uuid':
      return use(ctx, 'ZERO_UUID');
    case 'string':
      return JSON.stringify(text ?? '');
    case 'bytes':
      return use(ctx, 'EMPTY_BYTES');
    case 'records':
      return nullableAnywhere(ctx, f) ? 'null' : use(ctx, 'EMPTY_BYTES');
  }
}

/** An expression that is true when `x` (possibly undefined) differs from the field's default. */
function nonDefaultExpr(ctx: Context, f: FieldSpec, x: string): string {
  const t = f.type;
  const d = defaultExpr(ctx, f);
  if (t.kind === 'struct') {
    if (d === 'null') return `${x} != null`;
    return `${x} !== undefined && (${x} === null || !${use(ctx, 'isDefaultValue')}(${x}, ${d}))`;
  }
  if (t.kind === 'array' || (t.kind === 'primitive' && (t.name === 'bytes' || t.name === 'records'))) {
    if (d === 'null') return `${x} != null`;
    return `${x} !== undefined && (${x} === null || ${x}.length > 0)`;
  }
  return `${x} !== undefined && ${x} !== ${d}`;
}

// ---------------------------------------------------------------- encoding

/** Statements writing value expression `x` of type `t` for field `f`. */
function emitWrite(ctx: Context, out: Lines, f: FieldSpec, t: TypeRef, x: string, w: string, flex: string, nullable: string, topLevel: boolean): void {
  const where = `${JSON.stringify(ctx.message.name)}, ${JSON.stringify(f.prop)}, version`;
  const notNull = (expr: string) => (nullable === 'true' || !topLevel ? expr : `${use(ctx, 'nonNull')}(${expr}, ${where})`);
  const pick = (cond: string, yes: string, no: string) => (cond === 'true' ? yes : cond === 'false' ? no : `(${cond} ? ${yes} : ${no})`);
  switch (t.kind) {
    case 'primitive': {
      switch (t.name) {
        case 'bool':
        case 'int8':
        case 'int16':
        case 'uint16':
        case 'int32':
        case 'int64':
        case 'float64':
        case 'uuid':
          out.line(`${w}.${t.name}(${x});`);
          return;
        case 'string':
        case 'bytes':
        case 'records': {
          const kind = t.name === 'string' ? 'String' : 'Bytes';
          if (nullable === 'false' || !topLevel) {
            emitCall(out, flex, `${w}.compact${kind}(${notNull(x)});`, `${w}.${kind.toLowerCase()}(${notNull(x)});`);
          } else if (nullable === 'true') {
            emitCall(out, flex, `${w}.compactNullable${kind}(${x});`, `${w}.nullable${kind}(${x});`);
          } else {
            out.open(`if (${nullable}) {`);
            emitCall(out, flex, `${w}.compactNullable${kind}(${x});`, `${w}.nullable${kind}(${x});`);
            out.mid('} else {');
            emitCall(out, flex, `${w}.compact${kind}(${notNull(x)});`, `${w}.${kind.toLowerCase()}(${notNull(x)});`);
            out.close();
          }
          return;
        }
      }
      return;
    }
    case 'struct': {
      const call = (v: string) => `write${t.struct.typeName}(${w}, ${v}, version);`;
      if (!topLevel || nullable === 'false') {
        out.line(call(notNull(x)));
        return;
      }
      // Nullable structs carry a one-byte presence marker: -1 for null, 1 for a value.
      out.open(`if (${nullable === 'true' ? '' : `(${nullable}) && `}${x} === null) {`);
      out.line(`${w}.int8(-1);`);
      out.mid('} else {');
      if (nullable !== 'true') out.line(`if (${nullable}) ${w}.int8(1);`);
      else out.line(`${w}.int8(1);`);
      out.line(call(use(ctx, 'nonNull') + `(${x}, ${where})`));
      out.close();
      return;
    }
    case 'array': {
      const e = t.element;
      let writeElement: string;
      if (e.kind === 'struct') writeElement = `(ew, e) => write${e.struct.typeName}(ew, e, version)`;
      else if (e.kind === 'primitive' && e.name === 'string') writeElement = pick(flex, use(ctx, 'writeCompactString'), use(ctx, 'writeString'));
      else if (e.kind === 'primitive') writeElement = use(ctx, `write${e.name.charAt(0).toUpperCase()}${e.name.slice(1)}`);
      else throw new Error(`${ctx.message.source}: nested arrays are not supported (${f.jsonName})`);
      const compact = flex;
      if (nullable === 'false') {
        out.line(`${use(ctx, 'writeArray')}(${w}, ${compact}, ${notNull(x)}, ${writeElement});`);
      } else if (nullable === 'true') {
        out.line(`${use(ctx, 'writeNullableArray')}(${w}, ${compact}, ${x}, ${writeElement});`);
      } else {
        out.line(`if (${nullable}) ${use(ctx, 'writeNullableArray')}(${w}, ${compact}, ${x}, ${writeElement});`);
        out.line(`else ${use(ctx, 'writeArray')}(${w}, ${compact}, ${notNull(x)}, ${writeElement});`);
      }
      return;
    }
  }
}

function emitCall(out: Lines, flex: string, compact: string, classic: string): void {
  if (flex === 'true') out.line(compact);
  else if (flex === 'false') out.line(classic);
  else out.line(`if (${flex}) ${compact}`).line(`else ${classic}`);
}

function flexFor(ctx: Context, f: FieldSpec, scope: Versions): string {
  if (f.flexibleVersions !== null) return condition(f.flexibleVersions, scope);
  return condition(ctx.message.flexibleVersions, scope);
}

function emitStructWriter(ctx: Context, out: Lines, s: StructSpec): void {
  const flexible = condition(ctx.message.flexibleVersions, ctx.scope);
  out.open(`function write${s.typeName}(w: Writer, v: ${s.typeName}Input, version: number): void {`);
  const tagged: FieldSpec[] = [];
  for (const f of s.fields) {
    const local = `v_${f.prop}`;
    const regular = regularVersions(f);
    const present = condition(regular, ctx.scope);
    const everTagged = f.taggedVersions !== null && condition(f.taggedVersions, ctx.scope) !== 'false';
    if (everTagged) tagged.push(f);
    const absentCheck = !f.ignorable && !isPresentInAllVersions(ctx, f);
    if (present === 'false' && !absentCheck) continue;
    if (present !== 'false') out.line(`const ${local} = v.${f.prop} === undefined ? ${defaultExpr(ctx, f)} : v.${f.prop};`);
    const scope = regular === null ? ctx.scope : intersect(ctx.scope, regular);
    const flex = flexFor(ctx, f, scope);
    const nullable = condition(f.nullableVersions, scope);
    if (present !== 'false') {
      if (present === 'true') emitWrite(ctx, out, f, f.type, local, 'w', flex, nullable, true);
      else {
        out.open(`if (${present}) {`);
        emitWrite(ctx, out, f, f.type, local, 'w', flex, nullable, true);
        if (!absentCheck) out.close();
      }
    }
    if (absentCheck) {
      const inAnyVersion = condition(f.versions, ctx.scope);
      const guard = nonDefaultExpr(ctx, f, `v.${f.prop}`);
      const stmt = `${use(ctx, 'unsupportedField')}(${JSON.stringify(ctx.message.name)}, ${JSON.stringify(f.prop)}, version);`;
      if (present === 'false' || present === 'true') {
        out.line(`if (!(${inAnyVersion}) && ${guard}) ${stmt}`);
      } else {
        const test = inAnyVersion === present ? guard : `!(${inAnyVersion}) && ${guard}`;
        out.mid(`} else if (${test}) {`);
        out.line(stmt);
        out.close();
      }
    }
  }
  if (flexible !== 'false') {
    const flexScope = intersect(ctx.scope, ctx.message.flexibleVersions);
    const write = (o: Lines) => {
      if (tagged.length === 0) {
        o.line('w.taggedFields(v._unknownTaggedFields);');
        return;
      }
      o.line(`let tagged = v._unknownTaggedFields?.slice();`);
      for (const f of [...tagged].sort((a, b) => a.tag! - b.tag!)) {
        const tv = condition(f.taggedVersions, flexScope);
        const scope = intersect(ctx.scope, f.taggedVersions!);
        const nullable = condition(f.nullableVersions, scope);
        const guard = nonDefaultExpr(ctx, f, `v.${f.prop}`);
        o.open(`if (${tv === 'true' ? '' : `${tv} && `}${guard}) {`);
        o.line(`const x = v.${f.prop}!;`);
        o.open(`(tagged ??= []).push(${use(ctx, 'taggedValue')}(${f.tag}, (tw) => {`);
        emitWrite(ctx, o, f, f.type, 'x', 'tw', 'true', nullable, true);
        o.close('}));');
        o.close();
      }
      o.line('w.taggedFields(tagged);');
    };
    if (flexible === 'true') write(out);
    else {
      out.open(`if (${flexible}) {`);
      write(out);
      out.close();
    }
  }
  out.close();
}

// ---------------------------------------------------------------- decoding

function minSize(ctx: Context, t: TypeRef, visiting = new Set<StructSpec>()): number {
  switch (t.kind) {
    case 'primitive':
      switch (t.name) {
        case 'bool':
        case 'int8':
          return 1;
        case 'int16':
        case 'uint16':
          return 2;
        case 'int32':
          return 4;
        case 'int64':
        case 'float64':
          return 8;
        case 'uuid':
          return 16;
        case 'string':
          return 1; // a compact string takes at least one byte (a classic one two)
        case 'bytes':
        case 'records':
          return 1;
      }
      return 1;
    case 'array':
      return 1;
    case 'struct': {
      if (visiting.has(t.struct)) return 1;
      visiting.add(t.struct);
      // The smallest encoding over every version: only fields present in all versions count.
      let total = 0;
      for (const f of t.struct.fields) {
        if (f.taggedVersions !== null) continue;
        if (f.versions.lo <= ctx.message.validVersions.lo && f.versions.hi >= ctx.message.validVersions.hi) {
          total += minSize(ctx, f.type, visiting);
        }
      }
      visiting.delete(t.struct);
      return Math.max(total, 1);
    }
  }
}

function readExpr(ctx: Context, f: FieldSpec, t: TypeRef, r: string, flex: string, nullable: string): string {
  const pick = (cond: string, yes: string, no: string) => (cond === 'true' ? yes : cond === 'false' ? no : `(${cond} ? ${yes} : ${no})`);
  switch (t.kind) {
    case 'primitive':
      switch (t.name) {
        case 'string':
        case 'bytes':
        case 'records': {
          const kind = t.name === 'string' ? 'String' : 'Bytes';
          const compact = pick(nullable, `${r}.compactNullable${kind}()`, `${r}.compact${kind}()`);
          const classic = pick(nullable, `${r}.nullable${kind}()`, `${r}.${kind.toLowerCase()}()`);
          return pick(flex, compact, classic);
        }
        default:
          return `${r}.${t.name}()`;
      }
    case 'struct': {
      const call = `read${t.struct.typeName}(${r}, version)`;
      if (nullable === 'false') return call;
      return `(${nullable === 'true' ? '' : `(${nullable}) && `}${r}.int8() < 0 ? null : ${call})`;
    }
    case 'array': {
      const e = t.element;
      let readElement: string;
      if (e.kind === 'struct') readElement = `(er) => read${e.struct.typeName}(er, version)`;
      else if (e.kind === 'primitive' && e.name === 'string') readElement = pick(flex, use(ctx, 'readCompactString'), use(ctx, 'readString'));
      else if (e.kind === 'primitive') readElement = use(ctx, `read${e.name.charAt(0).toUpperCase()}${e.name.slice(1)}`);
      else throw new Error(`${ctx.message.source}: nested arrays are not supported (${f.jsonName})`);
      const min = minSize(ctx, e);
      const nonNullRead = `${use(ctx, 'readArray')}(${r}, ${flex}, ${min}, ${readElement})`;
      const nullRead = `${use(ctx, 'readNullableArray')}(${r}, ${flex}, ${min}, ${readElement})`;
      return pick(nullable, nullRead, nonNullRead);
    }
  }
}

function emitStructReader(ctx: Context, out: Lines, s: StructSpec): void {
  const flexible = condition(ctx.message.flexibleVersions, ctx.scope);
  out.open(`function read${s.typeName}(r: Reader, version: number): ${s.typeName} {`);
  const tagged: FieldSpec[] = [];
  for (const f of s.fields) {
    const regular = regularVersions(f);
    const present = condition(regular, ctx.scope);
    if (f.taggedVersions !== null && condition(f.taggedVersions, ctx.scope) !== 'false') tagged.push(f);
    const scope = regular === null ? ctx.scope : intersect(ctx.scope, regular);
    const flex = flexFor(ctx, f, scope);
    const nullable = condition(f.nullableVersions, scope);
    const decl = `let f_${f.prop}: ${fieldType(ctx, f, false)}`;
    const keyword = tagged.includes(f) ? 'let' : 'const';
    const declared = decl.replace(/^let/, keyword);
    if (present === 'true') out.line(`${declared} = ${readExpr(ctx, f, f.type, 'r', flex, nullable)};`);
    else if (present === 'false') out.line(`${declared} = ${defaultExpr(ctx, f)};`);
    else out.line(`${declared} = ${present} ? ${readExpr(ctx, f, f.type, 'r', flex, nullable)} : ${defaultExpr(ctx, f)};`);
  }
  const props = s.fields.map((f) => `${f.prop}: f_${f.prop}`);
  if (flexible === 'false') {
    out.line(`return { ${props.join(', ')} };`);
    out.close();
    return;
  }
  const flexScope = intersect(ctx.scope, ctx.message.flexibleVersions);
  const readTagged = (o: Lines) => {
    if (tagged.length === 0) {
      o.line('const unknown = r.taggedFields(null);');
      return;
    }
    o.open('const unknown = r.taggedFields((tag, tr) => {');
    o.open('switch (tag) {');
    for (const f of [...tagged].sort((a, b) => a.tag! - b.tag!)) {
      const tv = condition(f.taggedVersions, flexScope);
      const scope = intersect(ctx.scope, f.taggedVersions!);
      const nullable = condition(f.nullableVersions, scope);
      o.open(`case ${f.tag}:`);
      if (tv !== 'true') o.line(`if (!(${tv})) return false;`);
      o.line(`f_${f.prop} = ${readExpr(ctx, f, f.type, 'tr', 'true', nullable)};`);
      o.line('return true;');
      o.dedent();
    }
    o.line('default:');
    o.line('  return false;');
    o.close();
    o.close('});');
  };
  if (flexible === 'true') readTagged(out);
  else {
    out.line('let unknown: TaggedField[] | undefined;');
    out.open(`if (${flexible}) {`);
    const inner = new Lines();
    readTagged(inner);
    for (const l of inner.lines) out.line(l.replace(/^const unknown =/, 'unknown ='));
    out.close();
  }
  out.line(`const value: ${s.typeName} = { ${props.join(', ')} };`);
  out.line('if (unknown !== undefined) value._unknownTaggedFields = unknown;');
  out.line('return value;');
  out.close();
}

// ---------------------------------------------------------------- module

function emitTypes(ctx: Context, out: Lines, s: StructSpec, hasFlexible: boolean): void {
  for (const input of [false, true]) {
    const name = input ? `${s.typeName}Input` : s.typeName;
    out.open(`export interface ${name} {`);
    for (const f of s.fields) {
      const optional = input && optionalInInput(ctx, f) ? '?' : '';
      const notes: string[] = [`versions ${formatVersions(f.versions)}`];
      if (f.taggedVersions !== null) notes.push(`tag ${f.tag} in ${formatVersions(f.taggedVersions)}`);
      if (!isEmpty(f.nullableVersions)) notes.push(`nullable ${formatVersions(f.nullableVersions)}`);
      if (f.ignorable) notes.push('ignorable');
      out.line(`${f.prop}${optional}: ${fieldType(ctx, f, input)}; // ${notes.join(', ')}`);
    }
    if (hasFlexible) out.line('_unknownTaggedFields?: TaggedField[];');
    out.close();
    out.line();
  }
}

function emitDefault(ctx: Context, out: Lines, s: StructSpec): void {
  out.open(`export function default${s.typeName}(): ${s.typeName} {`);
  out.line(`return { ${s.fields.map((f) => `${f.prop}: ${defaultExpr(ctx, f)}`).join(', ')} };`);
  out.close();
  out.line();
}

export function messageModuleName(m: MessageSpec): string {
  return kebabCase(m.name);
}

export function emitMessage(m: MessageSpec): string {
  const support = new Set<string>();
  const hasFlexible = !isEmpty(intersect(m.validVersions, m.flexibleVersions));
  const body = new Lines();
  const valid = m.validVersions;
  for (const s of m.structs) {
    const ctx: Context = { message: m, scope: intersect(valid, s.versions), support };
    emitTypes(ctx, body, s, hasFlexible);
  }
  for (const s of m.structs) {
    const ctx: Context = { message: m, scope: intersect(valid, s.versions), support };
    emitDefault(ctx, body, s);
  }
  for (const s of m.structs) {
    const scope = intersect(valid, s.versions);
    if (isEmpty(scope)) continue;
    const ctx: Context = { message: m, scope, support };
    emitStructWriter(ctx, body, s);
    body.line();
    emitStructReader(ctx, body, s);
    body.line();
  }
  const versionArgs = `${valid.lo}, ${valid.hi}`;
  body.open(`export function encode${m.name}(w: Writer, value: ${m.name}Input, version: number): void {`);
  body.line(`checkVersion(${JSON.stringify(m.name)}, version, ${versionArgs});`);
  body.line(`write${m.name}(w, value, version);`);
  body.close();
  body.line();
  body.open(`export function decode${m.name}(r: Reader, version: number): ${m.name} {`);
  body.line(`if (version < ${valid.lo} || version > ${valid.hi}) r.fail(\`${m.name} has no version \${version}\`);`);
  body.line(`return read${m.name}(r, version);`);
  body.close();
  support.add('checkVersion');

  const head = new Lines();
  head.line(`// Generated from Kafka's ${m.source} by packages/protocol/generator. Do not edit.`);
  head.line(`// ${m.kind}${m.apiKey !== null ? ` ${m.apiKey}` : ''}, versions ${formatVersions(valid)}, flexible ${formatVersions(intersect(valid, m.flexibleVersions))}`);
  head.line('/* eslint-disable */');
  const typeImports = hasFlexible ? 'type TaggedField, ' : '';
  head.line(`import { ${typeImports}type Reader, type Writer } from '../../primitives/index.ts';`);
  const sorted = [...support].sort();
  head.line(`import { ${sorted.join(', ')} } from '${SUPPORT}';`);
  head.line();
  return `${head.toString()}\n${body.toString()}\n`;
}

export function isUsable(m: MessageSpec): boolean {
  return !isEmpty(m.validVersions) && contains(m.validVersions, m.validVersions.lo);
}
