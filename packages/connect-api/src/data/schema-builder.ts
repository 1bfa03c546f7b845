/**
 * Kafka's SchemaBuilder: a Schema under construction. Each part may be set once; a default is
 * checked against the type; `build()` gives the immutable ConnectSchema.
 */
import { DataException, SchemaBuilderException } from '../errors.ts';
import { ConnectSchema } from './connect-schema.ts';
import { Field, schemaEquals } from './field.ts';
import type { Schema, SchemaType } from './schema.ts';
import { validateValue } from './struct.ts';

export class SchemaBuilder implements Schema {
  #optional: boolean | null = null;
  #default: unknown = null;
  #name: string | null = null;
  #version: number | null = null;
  #doc: string | null = null;
  #parameters: Record<string, string> | null = null;
  readonly #fields: Map<string, Field> | null;

  readonly schemaType: SchemaType;
  readonly keySchemaOf: Schema | null;
  readonly valueSchemaOf: Schema | null;

  constructor(schemaType: SchemaType, keySchemaOf: Schema | null = null, valueSchemaOf: Schema | null = null) {
    this.schemaType = schemaType;
    this.keySchemaOf = keySchemaOf;
    this.valueSchemaOf = valueSchemaOf;
    this.#fields = schemaType === 'STRUCT' ? new Map() : null;
  }

  static int8 = (): SchemaBuilder => new SchemaBuilder('INT8');
  static int16 = (): SchemaBuilder => new SchemaBuilder('INT16');
  static int32 = (): SchemaBuilder => new SchemaBuilder('INT32');
  static int64 = (): SchemaBuilder => new SchemaBuilder('INT64');
  static float32 = (): SchemaBuilder => new SchemaBuilder('FLOAT32');
  static float64 = (): SchemaBuilder => new SchemaBuilder('FLOAT64');
  static bool = (): SchemaBuilder => new SchemaBuilder('BOOLEAN');
  static string = (): SchemaBuilder => new SchemaBuilder('STRING');
  static bytes = (): SchemaBuilder => new SchemaBuilder('BYTES');
  static struct = (): SchemaBuilder => new SchemaBuilder('STRUCT');

  /** A builder of any type; ARRAY and MAP need `array()` and `map()`, which take their element schemas. */
  static type(type: SchemaType): SchemaBuilder {
    if (type === 'ARRAY' || type === 'MAP') throw new SchemaBuilderException(`Use SchemaBuilder.${type === 'ARRAY' ? 'array' : 'map'}() to build an ${type} schema, which needs its element schemas`);
    return new SchemaBuilder(type);
  }

  static array(valueSchema: Schema): SchemaBuilder {
    if (valueSchema == null) throw new SchemaBuilderException('valueSchema cannot be null.');
    return new SchemaBuilder('ARRAY', null, valueSchema);
  }

  static map(keySchema: Schema, valueSchema: Schema): SchemaBuilder {
    if (keySchema == null) throw new SchemaBuilderException('keySchema cannot be null.');
    if (valueSchema == null) throw new SchemaBuilderException('valueSchema cannot be null.');
    return new SchemaBuilder('MAP', keySchema, valueSchema);
  }

  type(): SchemaType {
    return this.schemaType;
  }

  isOptional(): boolean {
    return this.#optional ?? false;
  }

  optional(): this {
    this.#check('optional', this.#optional, true);
    this.#optional = true;
    return this;
  }

  required(): this {
    this.#check('optional', this.#optional, false);
    this.#optional = false;
    return this;
  }

  defaultValue(): unknown;
  defaultValue(value: unknown): this;
  defaultValue(...args: [unknown?]): unknown {
    if (args.length === 0) return this.#default;
    const value = args[0] ?? null;
    this.#check('default', this.#default, value);
    try {
      validateValue(this, value);
    } catch (e) {
      throw new SchemaBuilderException(`Invalid default value: ${(e as Error).message}`, { cause: e });
    }
    this.#default = value;
    return this;
  }

  name(): string | null;
  name(name: string): this;
  name(...args: [string?]): string | null | this {
    if (args.length === 0) return this.#name;
    this.#check('name', this.#name, args[0]);
    this.#name = args[0] ?? null;
    return this;
  }

  version(): number | null;
  version(version: number): this;
  version(...args: [number?]): number | null | this {
    if (args.length === 0) return this.#version;
    this.#check('version', this.#version, args[0]);
    this.#version = args[0] ?? null;
    return this;
  }

  doc(): string | null;
  doc(doc: string): this;
  doc(...args: [string?]): string | null | this {
    if (args.length === 0) return this.#doc;
    this.#check('doc', this.#doc, args[0]);
    this.#doc = args[0] ?? null;
    return this;
  }

  parameters(): Readonly<Record<string, string>> | null;
  parameters(parameters: Readonly<Record<string, string>>): this;
  parameters(...args: [Readonly<Record<string, string>>?]): Readonly<Record<string, string>> | null | this {
    if (args.length === 0) return this.#parameters === null ? null : { ...this.#parameters };
    this.#parameters = { ...(this.#parameters ?? {}), ...args[0] };
    return this;
  }

  parameter(name: string, value: string): this {
    (this.#parameters ??= {})[name] = value;
    return this;
  }

  /** Adds a field to a STRUCT schema. */
  field(name: string): Field | null;
  field(name: string, schema: Schema): this;
  field(name: string, schema?: Schema): Field | null | this {
    if (this.#fields === null) {
      if (schema === undefined) throw new DataException('Cannot look up fields on non-struct type');
      throw new SchemaBuilderException(`Cannot create fields on type ${this.schemaType}`);
    }
    if (schema === undefined) return this.#fields.get(name) ?? null;
    if (name == null || name === '') throw new SchemaBuilderException('fieldName cannot be null.');
    if (schema == null) throw new SchemaBuilderException(`fieldSchema for field ${name} cannot be null.`);
    if (this.#fields.has(name)) throw new SchemaBuilderException(`Cannot create field because of field name duplication ${name}`);
    this.#fields.set(name, new Field(name, this.#fields.size, schema));
    return this;
  }

  fields(): readonly Field[] {
    if (this.#fields === null) throw new DataException('Cannot list fields on non-struct type');
    return [...this.#fields.values()];
  }

  keySchema(): Schema {
    if (this.keySchemaOf === null) throw new DataException('Cannot look up key schema on non-map type');
    return this.keySchemaOf;
  }

  valueSchema(): Schema {
    if (this.valueSchemaOf === null) throw new DataException('Cannot look up value schema on non-array and non-map type');
    return this.valueSchemaOf;
  }

  build(): ConnectSchema {
    return new ConnectSchema(this.schemaType, this.isOptional(), this.#default, this.#name, this.#version, this.#doc, this.#parameters === null ? null : Object.freeze({ ...this.#parameters }), this.#fields === null ? null : [...this.#fields.values()], this.keySchemaOf, this.valueSchemaOf);
  }

  schema(): Schema {
    return this.build();
  }

  equals(other: unknown): boolean {
    return typeof other === 'object' && other !== null && typeof (other as Schema).type === 'function' && schemaEquals(this, other as Schema);
  }

  toString(): string {
    return this.#name !== null ? `Schema{${this.#name}:${this.schemaType}}` : `Schema{${this.schemaType}}`;
  }

  #check(part: string, current: unknown, next: unknown): void {
    if (current !== null && current !== next) throw new SchemaBuilderException(`Invalid SchemaBuilder call: ${part} has already been set.`);
  }
}
