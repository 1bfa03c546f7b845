/**
 * Kafka's MaskField$Key / $Value: replaces fields by their type's empty value (0, false, "",
 * epoch, empty list or map), or by `replacement` parsed as the field's type.
 */
import { BigDecimal, ConfigDef, ConfigValidators, DataException, Struct, type ConnectRecord, type Schema } from '@sluice/connect-api';
import { KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, fieldValue, nullSafeClassName, requireMap, requireStruct } from './util.ts';

const PURPOSE = 'mask fields';

export const MASK_FIELD_CONFIG = new ConfigDef()
  .define({ name: 'fields', type: 'LIST', validator: ConfigValidators.nonEmptyList(), importance: 'high', documentation: 'The fields whose values are masked.' })
  .define({ name: 'replacement', type: 'STRING', defaultValue: null, validator: ConfigValidators.nonEmptyString(), importance: 'low', documentation: 'What masked values become, read as each field\'s type (a number or a non-empty text); by default the type\'s empty value.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

function emptyOf(value: unknown): unknown {
  if (typeof value === 'boolean') return false;
  if (typeof value === 'number') return 0;
  if (typeof value === 'bigint') return 0n;
  if (typeof value === 'string') return '';
  if (value instanceof BigDecimal) return new BigDecimal(0n, 0);
  if (value instanceof Date) return new Date(0);
  if (Array.isArray(value)) return [];
  if (value instanceof Map) return new Map();
  throw new DataException(`Cannot mask value of type: ${nullSafeClassName(value)}`);
}

/** Java's parse of the replacement as the field's type; a schemaless whole number is a long, as Java's JSON gives. */
function replacementFor(value: unknown, schema: Schema | null, replacement: string): unknown {
  const fail = (): never => {
    throw new DataException(`Unable to convert ${replacement} (string) to number`);
  };
  const whole = (bits: number): number | bigint => {
    if (!/^[+-]?\d+$/.test(replacement)) fail();
    const n = BigInt(replacement);
    if (BigInt.asIntN(bits, n) !== n) fail();
    return bits === 64 ? n : Number(n);
  };
  const type = schema?.type();
  if (typeof value === 'string') return replacement;
  if (value instanceof BigDecimal) {
    try {
      return BigDecimal.parse(replacement);
    } catch {
      return fail();
    }
  }
  if (typeof value === 'bigint') return whole(64);
  if (typeof value === 'number') {
    if (type === 'INT8') return whole(8);
    if (type === 'INT16') return whole(16);
    if (type === 'INT32') return whole(32);
    if (type === 'INT64' || (type === undefined && Number.isInteger(value))) return whole(64);
    const n = Number(replacement);
    if (replacement.trim() === '' || Number.isNaN(n)) fail();
    return type === 'FLOAT32' ? Math.fround(n) : n;
  }
  throw new DataException(`Cannot mask value of type ${nullSafeClassName(value)} with custom replacement.`);
}

export class MaskField extends KeyOrValueTransformation {
  static readonly Key: new () => MaskField = class extends MaskField {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => MaskField = class extends MaskField {
    constructor() {
      super('value');
    }
  };

  #fields = new Set<string>();
  #replacement: string | null = null;
  #replaceNull = true;

  config(): ConfigDef {
    return MASK_FIELD_CONFIG;
  }

  protected override configured(): void {
    this.#fields = new Set(this.settings.fields as string[]);
    this.#replacement = (this.settings.replacement as string | null) ?? null;
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
  }

  #masked(value: unknown, schema: Schema | null): unknown {
    if (value === null || value === undefined) return null;
    return this.#replacement === null ? emptyOf(value) : replacementFor(value, schema, this.#replacement);
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const value = this.operatingValue(record);
    if (this.operatingSchema(record) === null) {
      const map = requireMap(value, PURPOSE);
      const updated = new Map(map);
      for (const f of this.#fields) updated.set(f, this.#masked(map.get(f) ?? null, null));
      return this.newRecord(record, null, updated);
    }
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(struct.schema);
    for (const f of struct.schema.fields()) {
      const original = fieldValue(struct, f, this.#replaceNull);
      updated.put(f, this.#fields.has(f.name) ? this.#masked(original, f.schema) : original);
    }
    return this.newRecord(record, struct.schema, updated);
  }
}
