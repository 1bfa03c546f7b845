/**
 * Kafka's ExtractField$Key / $Value: the key or value becomes one of its fields. With
 * `field.syntax.version=V2` (KIP-821) the name is a dotted path into nested structs or maps,
 * where a name with dots is written in backticks.
 */
import { ConfigDef, ConfigValidators, DataException, Struct, type ConnectRecord, type Field, type Schema } from '@sluice/connect-api';
import { KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, fieldValue, requireMapOrNull, requireStructOrNull } from './util.ts';

const PURPOSE = 'field extraction';

export const EXTRACT_FIELD_CONFIG = new ConfigDef()
  .define({ name: 'field', type: 'STRING', importance: 'medium', documentation: 'The field the key or value is replaced by.' })
  .define(REPLACE_NULL_WITH_DEFAULT)
  .define({ name: 'field.syntax.version', type: 'STRING', defaultValue: 'V1', validator: ConfigValidators.caseInsensitiveIn('V1', 'V2'), importance: 'high', documentation: 'V1: the field name is a top-level field. V2: it is a dotted path into nested structs and maps, a name containing dots written in backticks.' });

/** Splits a V2 path: dots separate steps, backticks quote a step that holds dots. */
export function parsePath(path: string): string[] {
  const steps: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '`' && (quoted ? path[i + 1] === '.' || i + 1 === path.length : current === '')) quoted = !quoted;
    else if (c === '.' && !quoted) {
      steps.push(current);
      current = '';
    } else current += c;
  }
  steps.push(current);
  return steps;
}

export class ExtractField extends KeyOrValueTransformation {
  static readonly Key: new () => ExtractField = class extends ExtractField {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => ExtractField = class extends ExtractField {
    constructor() {
      super('value');
    }
  };

  #name = '';
  #path: string[] = [];
  #replaceNull = true;

  config(): ConfigDef {
    return EXTRACT_FIELD_CONFIG;
  }

  protected override configured(): void {
    this.#name = this.settings.field as string;
    this.#path = String(this.settings['field.syntax.version']).toUpperCase() === 'V2' ? parsePath(this.#name) : [this.#name];
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const schema = this.operatingSchema(record);
    if (schema === null) {
      let value: unknown = requireMapOrNull(this.operatingValue(record), PURPOSE);
      for (const step of this.#path) value = value instanceof Map ? (value.get(step) ?? null) : null;
      return this.newRecord(record, null, value);
    }
    const struct = requireStructOrNull(this.operatingValue(record), PURPOSE);
    let field: Field | null = null;
    let current: Schema | null = schema;
    for (const step of this.#path) {
      field = current !== null && current.type() === 'STRUCT' ? current.field(step) : null;
      current = field?.schema ?? null;
    }
    if (field === null) throw new DataException(`Unknown field: ${this.#name}`);
    let value: unknown = struct;
    for (const step of this.#path) value = value instanceof Struct ? fieldValue(value, step, this.#replaceNull) : null;
    return this.newRecord(record, field.schema, value);
  }
}
