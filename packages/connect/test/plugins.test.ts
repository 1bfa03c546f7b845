// Loading plugins by Kafka's class names and aliases, and a connector's transformation chain with
// predicates and negate, from its config as Kafka Connect reads it. (What each transform does is
// compared with Java's in tests/connect.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigException, DataException, Schema, SourceRecord } from '@sluice/connect-api';
import { InsertField, JsonConverter, SimpleHeaderConverter, StringConverter, builtinPlugins, transformationChain } from '@sluice/connect';

const record = (topic: string, value: unknown, headers: [string, string][] = []) => {
  const r = new SourceRecord({ sourcePartition: null, sourceOffset: null, topic, value, valueSchema: value === null ? null : Schema.OPTIONAL_STRING_SCHEMA });
  for (const [k, v] of headers) r.headers.addString(k, v);
  return r;
};

test('plugins load by class name, simple name, or the name without its kind', () => {
  const plugins = builtinPlugins();
  assert.ok(plugins.newConverter('org.apache.kafka.connect.json.JsonConverter') instanceof JsonConverter);
  assert.ok(plugins.newConverter('JsonConverter') instanceof JsonConverter);
  assert.ok(plugins.newConverter('Json') instanceof JsonConverter);
  assert.ok(plugins.newConverter('String') instanceof StringConverter);
  assert.ok(plugins.newHeaderConverter('Simple') instanceof SimpleHeaderConverter);
  assert.ok(plugins.newHeaderConverter('JsonConverter') instanceof JsonConverter);
  assert.ok(plugins.newTransformation('InsertField$Value') instanceof InsertField.Value);
  assert.ok(plugins.newTransformation('org.apache.kafka.connect.transforms.InsertField$Key') instanceof InsertField.Key);
  assert.equal(plugins.resolve('RecordIsTombstone'), 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone');
  assert.throws(() => plugins.newTransformation('com.example.Nope', 'transforms.x.type'), (e: Error) => e instanceof ConfigException && e.message === 'Invalid value com.example.Nope for configuration transforms.x.type: Class com.example.Nope could not be found.');
  assert.throws(() => plugins.newConverter('RegexRouter', 'value.converter'), /Class org.apache.kafka.connect.transforms.RegexRouter is not a converter/);
  // A plugin added later (a connector from an npm package) joins the aliases; a clash removes the alias.
  plugins.register('com.example.StringConverter', ['converter'], () => new StringConverter());
  assert.equal(plugins.resolve('StringConverter'), null);
  assert.equal(plugins.resolve('org.apache.kafka.connect.storage.StringConverter'), 'org.apache.kafka.connect.storage.StringConverter');
});

test('a chain applies its transforms in order, each only where its predicate (or its negation) holds', () => {
  const chain = transformationChain(
    {
      transforms: 'route, tag, drop',
      'transforms.route.type': 'RegexRouter',
      'transforms.route.regex': 'orders-(.*)',
      'transforms.route.replacement': 'shop-$1',
      'transforms.tag.type': 'InsertHeader',
      'transforms.tag.header': 'seen',
      'transforms.tag.value.literal': 'yes',
      'transforms.tag.predicate': 'traced',
      'transforms.tag.negate': 'true',
      'transforms.drop.type': 'org.apache.kafka.connect.transforms.Filter',
      'transforms.drop.predicate': 'tombstone',
      predicates: 'traced,tombstone',
      'predicates.traced.type': 'HasHeaderKey',
      'predicates.traced.name': 'trace',
      'predicates.tombstone.type': 'RecordIsTombstone',
    },
    builtinPlugins(),
  );
  const plain = chain.apply(record('orders-eu', 'x'))!;
  assert.equal(plain.topic, 'shop-eu');
  assert.equal(plain.headers.lastWithName('seen')?.value, 'yes', 'not traced, so the negated predicate holds');
  const traced = chain.apply(record('orders-eu', 'x', [['trace', '1']]))!;
  assert.equal(traced.headers.lastWithName('seen'), null);
  assert.equal(chain.apply(record('orders-eu', null)), null, 'a tombstone is filtered out');
  assert.equal(chain.apply(record('other', 'x'))!.topic, 'other');
});

test('a chain config Kafka would refuse is refused, naming the setting', () => {
  const plugins = builtinPlugins();
  assert.throws(() => transformationChain({ transforms: 'a' }, plugins), /Missing required configuration "transforms.a.type" which has no default value./);
  assert.throws(() => transformationChain({ transforms: 'a,a', 'transforms.a.type': 'Filter' }, plugins), /Duplicate alias provided/);
  assert.throws(() => transformationChain({ transforms: 'a', 'transforms.a.type': 'Filter', 'transforms.a.predicate': 'p' }, plugins), /transforms.a.predicate: Unknown predicate alias/);
  assert.throws(() => transformationChain({ transforms: 'a', 'transforms.a.type': 'Filter', 'transforms.a.negate': 'true' }, plugins), /only applicable to transformations with a predicate/);
  assert.throws(() => transformationChain({ transforms: 'a', 'transforms.a.type': 'Cast$Value', 'transforms.a.spec': 'x:bytes' }, plugins), /Cast transformation does not support casting to BYTES/);
  assert.equal(transformationChain({}, plugins).stages.length, 0);
});

test('converters refuse bad settings with ConfigException', () => {
  const json = new JsonConverter();
  assert.throws(() => json.configure({ 'decimal.format': 'HEX' }, false), /Invalid value HEX for configuration decimal.format: String must be one of \(case insensitive\): BASE64, NUMERIC/);
  assert.throws(() => json.configure({}), /Missing required configuration "converter.type" which has no default value./);
  assert.throws(() => new StringConverter().configure({ 'converter.encoding': 'EBCDIC' }, true), (e: Error) => e instanceof ConfigException && e.message === 'Invalid value EBCDIC for configuration converter.encoding: Unsupported encoding; use UTF-8, ISO-8859-1, US-ASCII or UTF-16LE');
});

test('JSON nested deeper than the stack allows is a DataException, not a crash', () => {
  const json = new JsonConverter();
  json.configure({ 'schemas.enable': 'false' }, false);
  const deep = Buffer.from('['.repeat(200_000) + ']'.repeat(200_000));
  assert.throws(() => json.toConnectData('t', deep), (e: Error) => e instanceof DataException && /Converting byte\[\] to Kafka Connect data failed/.test(e.message));
});
