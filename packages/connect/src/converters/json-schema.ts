/**
 * Connect schemas as JSON, in Kafka JsonConverter's envelope format (`{"type":"struct","fields":
 * [...],"optional":false,"name":...}`): the same keys in the same order, so that the bytes match
 * Java's and each side reads the other's.
 */
import { DataException, SchemaBuilder, type Schema } from '@sluice/connect-api';
import { JsonNumber, isObject, quote, type JsonValue } from './json-text.ts';

const TYPE_NAMES: Record<string, string> = { BOOLEAN: 'boolean', BYTES: 'bytes', FLOAT64: 'double', FLOAT32: 'float', INT8: 'int8', INT16: 'int16', INT32: 'int32', INT64: 'int64', STRING: 'string', ARRAY: 'array', MAP: 'map', STRUCT: 'struct' };

/** Kafka's JsonConverter.asJsonSchema, as JSON text; `defaultJson` writes a default value. */
export function asJsonSchema(schema: Schema | null, defaultJson: (schema: Schema, value: unknown) => string): string {
  if (schema === null) return 'null';
  const parts: string[] = [`"type":${quote(TYPE_NAMES[schema.type()])}`];
  switch (schema.type()) {
    case 'ARRAY':
      parts.push(`"items":${asJsonSchema(schema.valueSchema(), defaultJson)}`);
      break;
    case 'MAP':
      parts.push(`"keys":${asJsonSchema(schema.keySchema(), defaultJson)}`, `"values":${asJsonSchema(schema.valueSchema(), defaultJson)}`);
      break;
    case 'STRUCT': {
      const fields = schema.fields().map((f) => {
        const inner = asJsonSchema(f.schema, defaultJson);
        return `${inner.slice(0, -1)},"field":${quote(f.name)}}`;
      });
      parts.push(`"fields":[${fields.join(',')}]`);
      break;
    }
  }
  parts.push(`"optional":${schema.isOptional()}`);
  if (schema.name() !== null) parts.push(`"name":${quote(schema.name()!)}`);
  if (schema.version() !== null) parts.push(`"version":${schema.version()}`);
  if (schema.doc() !== null) parts.push(`"doc":${quote(schema.doc()!)}`);
  const params = schema.parameters();
  if (params !== null) parts.push(`"parameters":{${Object.entries(params).map(([k, v]) => `${quote(k)}:${quote(v)}`).join(',')}}`);
  if (schema.defaultValue() !== null) parts.push(`"default":${defaultJson(schema, schema.defaultValue())}`);
  return `{${parts.join(',')}}`;
}

/** Kafka's JsonConverter.asConnectSchema: a JSON schema to a Connect schema, with Kafka's messages. */
export function asConnectSchema(json: JsonValue | undefined, defaultValue: (builder: Schema, json: JsonValue) => unknown): Schema | null {
  if (json === null || json === undefined) return null;
  const node = isObject(json) ? json : {};
  const type = node.type;
  if (typeof type !== 'string') throw new DataException("Schema must contain 'type' field");
  let builder: SchemaBuilder;
  switch (type) {
    case 'boolean':
      builder = SchemaBuilder.bool();
      break;
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'string':
    case 'bytes':
      builder = SchemaBuilder[type]();
      break;
    case 'float':
      builder = SchemaBuilder.float32();
      break;
    case 'double':
      builder = SchemaBuilder.float64();
      break;
    case 'array': {
      const items = node.items;
      if (items === undefined || items === null) throw new DataException('Array schema did not specify the element type');
      builder = SchemaBuilder.array(asConnectSchema(items, defaultValue)!);
      break;
    }
    case 'map': {
      if (node.keys === undefined || node.keys === null) throw new DataException('Map schema did not specify the key type');
      if (node.values === undefined || node.values === null) throw new DataException('Map schema did not specify the value type');
      builder = SchemaBuilder.map(asConnectSchema(node.keys, defaultValue)!, asConnectSchema(node.values, defaultValue)!);
      break;
    }
    case 'struct': {
      builder = SchemaBuilder.struct();
      const fields = node.fields;
      if (!Array.isArray(fields)) throw new DataException('Struct schema\'s "fields" argument is not an array.');
      for (const field of fields) {
        const name = isObject(field) ? field.field : undefined;
        if (typeof name !== 'string') throw new DataException("Struct schema's field name not specified properly");
        builder.field(name, asConnectSchema(field, defaultValue)!);
      }
      break;
    }
    default:
      throw new DataException(`Unknown schema type: ${type}`);
  }
  if (node.optional === true) builder.optional();
  else builder.required();
  if (typeof node.name === 'string') builder.name(node.name);
  if (node.version instanceof JsonNumber && node.version.isIntegral) builder.version(Number(BigInt.asIntN(32, BigInt(node.version.text))));
  if (typeof node.doc === 'string') builder.doc(node.doc);
  if (isObject(node.parameters)) {
    for (const [k, v] of Object.entries(node.parameters)) {
      if (typeof v !== 'string') throw new DataException('Schema parameters must have string values.');
      builder.parameter(k, v);
    }
  }
  if (node.default !== undefined) builder.defaultValue(defaultValue(builder, node.default));
  return builder.build();
}
