// Connect's data model and ConfigDef: the checks and messages Kafka's connect-api gives, in
// TypeScript's values (INT64 is a bigint, Decimal a BigDecimal). The JSON and transform
// behaviour against Java's own classes is in tests/connect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BigDecimal,
  ConfigDef,
  ConfigException,
  ConfigValidators,
  ConnectDate,
  ConnectHeaders,
  DataException,
  Decimal,
  Schema,
  SchemaBuilder,
  SchemaBuilderException,
  SourceRecord,
  Struct,
  Time,
  Timestamp,
  Values,
  bigIntToBytes,
  bytesToBigInt,
  configInfos,
  validateValue,
} from '@sluice/connect-api';

const person = SchemaBuilder.struct()
  .name('com.example.Person')
  .field('name', Schema.STRING_SCHEMA)
  .field('age', SchemaBuilder.int32().optional().defaultValue(18).build())
  .field('id', Schema.INT64_SCHEMA)
  .field('tags', SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
  .build();

test('a Struct checks each put against its field and says where it failed', () => {
  const s = new Struct(person).put('name', 'Ada').put('id', 7n);
  assert.equal(s.get('age'), 18, "an unset field gives its schema's default");
  assert.equal(s.getWithoutDefault('age'), null);
  assert.throws(() => s.put('nope', 1), (e: Error) => e instanceof DataException && e.message === 'nope is not a valid field name');
  assert.throws(() => s.put('id', 7), /Invalid value for schema with type INT64: number for field: "id"; expected a bigint/);
  assert.throws(() => s.put('age', 2 ** 31), /with type INT32/);
  assert.throws(() => s.put('tags', ['a', 1]), /for element of array field: "tags"/);
  s.validate();
  assert.throws(() => new Struct(person).put('id', 1n).validate(), /^DataException: Invalid value: null used for required field: "name", schema type: STRING$/);
  assert.ok(new Struct(person).put('name', 'Ada').put('id', 7n).equals(s));
  assert.equal(String(s), 'Struct{name=Ada,id=7}');
});

test('the schema builder refuses what Kafka refuses', () => {
  assert.throws(() => SchemaBuilder.int8().field('a', Schema.STRING_SCHEMA), (e: Error) => e instanceof SchemaBuilderException && e.message === 'Cannot create fields on type INT8');
  assert.throws(() => SchemaBuilder.struct().field('a', Schema.STRING_SCHEMA).field('a', Schema.STRING_SCHEMA), /field name duplication a/);
  assert.throws(() => SchemaBuilder.string().name('a').name('b'), /Invalid SchemaBuilder call: name has already been set./);
  assert.throws(() => SchemaBuilder.int64().defaultValue(5), /Invalid default value/);
  assert.ok(SchemaBuilder.string().optional().build().equals(Schema.OPTIONAL_STRING_SCHEMA));
  assert.ok(!person.equals(SchemaBuilder.struct().name('com.example.Person').build()));
  assert.throws(() => Schema.STRING_SCHEMA.fields(), /Cannot list fields on non-struct type/);
});

test('validateValue checks maps, nested structs and logical types', () => {
  const m = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build();
  validateValue(m, new Map([['a', 1n]]));
  assert.throws(() => validateValue(m, new Map([['a', 1]])), /for value of map value/);
  assert.throws(() => validateValue(m, { a: 1n }), /expected a Map/);
  validateValue(Decimal.schema(2), new BigDecimal(150n, 2));
  assert.throws(() => validateValue(Timestamp.SCHEMA, 5n), /Invalid value for schema "org.apache.kafka.connect.data.Timestamp" with type INT64: bigint/);
  assert.throws(() => validateValue(Schema.STRING_SCHEMA, null), /null used for required value, schema type: STRING/);
});

test('logical types convert as Kafka does', () => {
  for (const n of [0n, 1n, -1n, 127n, 128n, -128n, -129n, 255n, 2n ** 70n, -(2n ** 70n)]) assert.equal(bytesToBigInt(bigIntToBytes(n)), n);
  assert.deepEqual([...bigIntToBytes(128n)], [0, 128]);
  assert.deepEqual([...bigIntToBytes(-129n)], [255, 127]);
  assert.deepEqual([...Decimal.fromLogical(Decimal.schema(2), BigDecimal.parse('1.50'))], [0, 150]);
  assert.throws(() => Decimal.fromLogical(Decimal.schema(3), BigDecimal.parse('1.50')), /mismatching scale/);
  assert.equal(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date('2024-02-29T00:00:00Z')), 19782);
  assert.throws(() => ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date('2024-02-29T00:00:01Z')), /should not have any time fields/);
  assert.equal(Time.fromLogical(Time.SCHEMA, new Date(3_600_000)), 3_600_000);
  assert.equal(Timestamp.fromLogical(Timestamp.SCHEMA, new Date(1_700_000_000_123)), 1_700_000_000_123n);
  assert.throws(() => Timestamp.toLogical(Timestamp.SCHEMA, 9_000_000_000_000_000n), /Timestamp 9000000000000000 is outside what a JavaScript Date holds/);
  assert.throws(() => ConnectDate.toLogical(ConnectDate.SCHEMA, 2_000_000_000), /Date 2000000000 is outside/);
  assert.equal(BigDecimal.parse('0.00000012').toString(), '1.2E-7');
  assert.equal(BigDecimal.parse('-12.340').toString(), '-12.340');
  assert.equal(new BigDecimal(5n, -2).toString(), '5E+2');
});

test('Values reads what it writes', () => {
  const cases: [string, string, unknown][] = [
    ['true', 'BOOLEAN', true],
    ['12', 'INT8', 12],
    ['300', 'INT16', 300],
    ['70000', 'INT32', 70000],
    ['9007199254740993', 'INT64', 9007199254740993n],
    ['1.5', 'FLOAT32', 1.5],
    ['0.1', 'FLOAT32', Math.fround(0.1)],
    ['1.0', 'INT8', 1],
    ['1e400', 'BYTES', undefined],
    ['hello world', 'STRING', 'hello world'],
  ];
  for (const [text, type, value] of cases) {
    const parsed = Values.parseString(text);
    assert.equal(parsed.schema?.type(), type, text);
    if (value !== undefined) assert.equal(parsed.value, value, text);
  }
  const list = Values.parseString('[1,2,3]');
  assert.equal(list.schema?.type(), 'ARRAY');
  assert.deepEqual(list.value, [1, 2, 3]);
  assert.equal(Values.parseString('2024-02-29').schema?.name(), ConnectDate.LOGICAL_NAME);
  // As Kafka's: a Date is written by what it holds, whatever its schema.
  assert.equal(Values.convertToString(Timestamp.SCHEMA, new Date(0)), '00:00:00.000Z');
  assert.equal(Values.convertToString(Timestamp.SCHEMA, new Date(Date.UTC(2024, 1, 29))), '2024-02-29');
  assert.equal(Values.convertToString(Timestamp.SCHEMA, new Date(Date.UTC(2024, 1, 29, 1))), '2024-02-29T01:00:00.000Z');
  assert.equal(Values.convertToString(null, [1.5, 2]), '[1.5,2]');
  assert.equal(Values.convertToString(SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build(), [1, 1e10]), '[1.0,1.0E10]');
  assert.deepEqual(Values.parseString('[1,2.5]').value, [1, 2.5]);
  assert.equal(Values.parseString('[1,2.5]').schema?.valueSchema().type(), 'FLOAT32');
  assert.equal(Values.parseString('[1,null]').value, '[1,null]', 'a null among numbers is text to Kafka');
  assert.equal(Values.convertToString(null, new Map([['a', [1, 'b']]])), '{"a":[1,"b"]}');
});

test('headers check values against their schemas; records copy themselves with newRecord', () => {
  const headers = new ConnectHeaders().addString('a', 'x').addLong('n', 5n).addString('a', 'y');
  assert.equal(headers.lastWithName('a')?.value, 'y');
  assert.equal(headers.duplicate().retainLatest().size, 2);
  assert.throws(() => headers.add('bad', 'text', Schema.INT32_SCHEMA), DataException);
  const typed = new ConnectHeaders().addDecimal('price', BigDecimal.parse('9.99')).addTimestamp('at', new Date(5)).addByte('b', 7);
  assert.deepEqual([...typed].map((h) => `${h.key}:${h.schema?.name() ?? h.schema?.type()}`), ['price:org.apache.kafka.connect.data.Decimal', 'at:org.apache.kafka.connect.data.Timestamp', 'b:INT8']);
  assert.throws(() => new ConnectHeaders().addByte('b', 300), /with type INT8/);
  const r = new SourceRecord({ sourcePartition: { file: 'a' }, sourceOffset: { pos: 3 }, topic: 't', value: 'v', valueSchema: Schema.STRING_SCHEMA, headers });
  const copy = r.newRecord('u', 1, null, null, Schema.STRING_SCHEMA, 'w', 5);
  assert.deepEqual([copy.topic, copy.kafkaPartition, copy.value, copy.timestamp, copy.sourceOffset, copy.headers.size], ['u', 1, 'w', 5, { pos: 3 }, 3]);
  copy.headers.remove('a');
  assert.equal(r.headers.size, 3, "a copy's headers are its own");
});

test('ConfigDef parses with Kafka messages and validates into ConfigInfos', () => {
  const def = new ConfigDef()
    .define({ name: 'file', type: 'STRING', importance: 'high', documentation: 'The file.', group: 'Common', orderInGroup: 1 })
    .define({ name: 'batch.size', type: 'INT', defaultValue: '2000', validator: ConfigValidators.atLeast(1), importance: 'low', documentation: 'Lines per poll.' })
    .define({ name: 'mode', type: 'STRING', defaultValue: 'a', validator: ConfigValidators.in('a', 'b'), importance: 'low', documentation: 'Mode.' });
  assert.deepEqual(def.parse({ file: ' x ', 'batch.size': '10' }), { file: 'x', 'batch.size': 10, mode: 'a' });
  assert.throws(() => def.parse({}), (e: Error) => e instanceof ConfigException && e.message === 'Missing required configuration "file" which has no default value.');
  assert.throws(() => def.parse({ file: 'x', 'batch.size': 'ten' }), /^ConfigException: Invalid value ten for configuration batch.size: Not a number of type INT$/);
  assert.throws(() => def.parse({ file: 'x', 'batch.size': '0' }), /Invalid value 0 for configuration batch.size: Value must be at least 1/);
  const infos = configInfos('FileStreamSource', def, def.validate({ 'batch.size': '0', mode: 'c' }));
  assert.equal(infos.error_count, 3);
  assert.deepEqual(infos.groups, ['Common']);
  assert.deepEqual(infos.configs[0].definition, { name: 'file', type: 'STRING', required: true, default_value: null, importance: 'HIGH', documentation: 'The file.', group: 'Common', order_in_group: 1, width: 'NONE', display_name: 'file', dependents: [] });
  assert.deepEqual(infos.configs[2].value, { name: 'mode', value: 'c', recommended_values: [], errors: ['Invalid value c for configuration mode: String must be one of: a, b'], visible: true });
});
