// Kafka's single message transforms and predicates against Java's own (connect-transforms 4.3.1
// in one JVM, java/ConnectPeer): each transform, with each config below, is applied by both to
// the same records (with schemas and without, keys and values, a tombstone, a sink record with
// an offset) and the results, or the failures, must be the same. A config Kafka refuses must be
// refused here with Kafka's message.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinPlugins } from '@sluice/connect';
import { configInfos, type Predicate, type Transformation } from '@sluice/connect-api';
import { Random } from '@sluice/test-kit/random';
import { schemalessMap, structField } from './random-data.ts';
import { ConnectPeer, fromRecord, normalize, toRecord, type RecordJson } from './support.ts';

const T = 'org.apache.kafka.connect.transforms.';
const P = 'org.apache.kafka.connect.transforms.predicates.';
const prim = (type: string, extra: Record<string, unknown> = {}) => ({ type, optional: false, ...extra });
const i = (n: number | string) => ({ i: String(n) });
const timestamp = { type: 'int64', optional: true, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 };
const address = { type: 'struct', optional: true, name: 'demo.Address', fields: [{ ...prim('string'), field: 'city' }, { ...prim('int32', { optional: true }), field: 'zip' }] };
const person = {
  type: 'struct',
  optional: false,
  name: 'demo.Person',
  version: 2,
  fields: [
    { ...prim('int64'), field: 'id' },
    { ...prim('string'), field: 'name' },
    { ...prim('int32', { optional: true, default: 18 }), field: 'age' },
    { ...prim('string', { optional: true }), field: 'email' },
    { ...prim('double'), field: 'score' },
    { ...prim('boolean'), field: 'active' },
    { ...timestamp, field: 'born' },
    { ...address, field: 'address' },
    { type: 'array', optional: true, items: prim('string'), field: 'tags' },
    { type: 'bytes', optional: true, name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: '2' }, field: 'price' },
    { ...prim('string', { optional: true }), field: 'when' },
    { ...prim('int64', { optional: true }), field: 'millis' },
  ],
};
const headers = [
  { key: 'trace', schema: prim('string'), value: 'abc' },
  { key: 'n', schema: prim('int32'), value: i(5) },
  { key: 'trace', schema: prim('string'), value: 'def' },
];

const FULL: RecordJson = {
  topic: 'orders-eu',
  partition: 3,
  offset: 42,
  timestamp: 1_700_000_000_123,
  keySchema: prim('string'),
  key: 'k1',
  valueSchema: person,
  value: {
    struct: {
      id: i('9007199254740993'),
      name: 'Ada',
      age: i(36),
      email: 'ada@example.com',
      score: { f: 12.75 },
      active: true,
      born: { t: -1_000_000_000_000 },
      address: { struct: { city: 'London', zip: i(12345) } },
      tags: ['math', 'engines'],
      price: { d: '1999', scale: 2 },
      when: '2024-02-29 13:45:10',
      millis: i('1700000000123'),
    },
  },
  headers,
};
const SPARSE: RecordJson = {
  topic: 'orders-us',
  partition: null,
  timestamp: null,
  keySchema: null,
  key: null,
  valueSchema: person,
  value: { struct: { id: i(2), name: 'Bob', age: null, score: { f: -0.5 }, active: false } },
};
const SCHEMALESS: RecordJson = {
  topic: 'clicks',
  partition: 0,
  timestamp: 86_400_000 * 19_782 + 5_000,
  keySchema: null,
  key: 'user-7',
  valueSchema: null,
  value: {
    m: [
      ['id', i(7)],
      ['name', 'x'],
      ['nested', { m: [['a', i(1)], ['b', { m: [['c', true]] }]] }],
      ['ts', i('1700000000000')],
      ['when', '2024-02-29 12:00:00'],
      ['score', { f: 2.5 }],
      ['flag', 'true'],
      ['n', '42'],
      ['list', [i(1), i(2)]],
      ['nothing', null],
    ],
  },
  headers: [{ key: 'source', schema: null, value: 'web' }],
};
const TOMBSTONE: RecordJson = { topic: 'orders-eu', partition: 1, offset: 7, timestamp: 1_700_000_000_000, keySchema: prim('string'), key: 'gone', valueSchema: { ...person, optional: true }, value: null };
const SCHEMALESS_TOMBSTONE: RecordJson = { topic: 'clicks', partition: 0, timestamp: 5, key: 'gone', value: null };
const STRUCT_KEY: RecordJson = {
  topic: 'keys',
  partition: 2,
  timestamp: 1_000,
  keySchema: { ...address, optional: false },
  key: { struct: { city: 'Oslo', zip: i(150) } },
  valueSchema: prim('int64'),
  value: i(99),
};
const PRIMITIVE: RecordJson = { topic: 'numbers', partition: 0, timestamp: 1_234_567, keySchema: prim('int32'), key: i(12), valueSchema: prim('double'), value: { f: 3.9 } };

const RECORDS = [FULL, SPARSE, SCHEMALESS, TOMBSTONE, SCHEMALESS_TOMBSTONE, STRUCT_KEY, PRIMITIVE];

/** [class, config]: every transform, its $Key and $Value variants, and its settings. */
const CASES: [string, Record<string, string>][] = [
  [`${T}InsertField$Value`, { 'topic.field': 'topic', 'partition.field': 'part!', 'timestamp.field': 'ts', 'static.field': 'origin', 'static.value': 'tests' }],
  [`${T}InsertField$Value`, { 'offset.field': 'offset' }],
  [`${T}InsertField$Key`, { 'topic.field': 'topic?' }],
  [`${T}ReplaceField$Value`, { exclude: 'email,score', renames: 'name:full_name,id:person_id' }],
  [`${T}ReplaceField$Value`, { include: 'id,name,nested,nothing', renames: 'name:n' }],
  [`${T}ReplaceField$Key`, { exclude: 'zip' }],
  [`${T}MaskField$Value`, { fields: 'name,age,score,active,born,tags,email,nested,list,id' }],
  [`${T}MaskField$Value`, { fields: 'name,email', replacement: '***' }],
  [`${T}MaskField$Value`, { fields: 'age,id', replacement: '0' }],
  [`${T}MaskField$Key`, { fields: 'city' }],
  [`${T}ValueToKey`, { fields: 'id,name' }],
  [`${T}ExtractField$Value`, { field: 'name' }],
  [`${T}ExtractField$Value`, { field: 'age' }],
  [`${T}ExtractField$Value`, { field: 'address.city', 'field.syntax.version': 'V2' }],
  [`${T}ExtractField$Value`, { field: 'nested.b.c', 'field.syntax.version': 'V2' }],
  [`${T}ExtractField$Key`, { field: 'city' }],
  [`${T}HoistField$Value`, { field: 'wrapped' }],
  [`${T}HoistField$Key`, { field: 'k' }],
  [`${T}Cast$Value`, { spec: 'age:string,score:int32,active:int8,id:float64,born:int64,millis:string,price:float64' }],
  [`${T}Cast$Value`, { spec: 'id:string,score:int16,flag:boolean,n:int32' }],
  [`${T}Cast$Value`, { spec: 'nested:string' }],
  [`${T}Cast$Value`, { spec: 'list:string,when:float32' }],
  [`${T}Cast$Value`, { spec: 'name:int32' }],
  [`${T}Cast$Value`, { spec: 'string' }],
  [`${T}Cast$Value`, { spec: 'int8' }],
  [`${T}Cast$Key`, { spec: 'float32' }],
  [`${T}Cast$Key`, { spec: 'zip:int64' }],
  [`${T}TimestampConverter$Value`, { field: 'born', 'target.type': 'string', format: "yyyy-MM-dd'T'HH:mm:ss.SSS" }],
  [`${T}TimestampConverter$Value`, { field: 'millis', 'target.type': 'Timestamp' }],
  [`${T}TimestampConverter$Value`, { field: 'when', 'target.type': 'unix', format: 'yyyy-MM-dd HH:mm:ss', 'unix.precision': 'seconds' }],
  [`${T}TimestampConverter$Value`, { field: 'millis', 'target.type': 'Date' }],
  [`${T}TimestampConverter$Value`, { field: 'millis', 'target.type': 'Time' }],
  [`${T}TimestampConverter$Value`, { field: 'ts', 'target.type': 'string', format: 'yyyyMMdd HHmmss' }],
  [`${T}TimestampConverter$Value`, { field: 'millis', 'target.type': 'unix', 'unix.precision': 'microseconds' }],
  [`${T}TimestampConverter$Key`, { 'target.type': 'Timestamp' }],
  [`${T}TimestampRouter`, {}],
  [`${T}TimestampRouter`, { 'topic.format': 'archive-${timestamp}-${topic}', 'timestamp.format': 'yyyy-MM' }],
  [`${T}RegexRouter`, { regex: 'orders-(.*)', replacement: 'shop-$1' }],
  [`${T}RegexRouter`, { regex: '(?<kind>[a-z]+)', replacement: '${kind}-copy' }],
  [`${T}Flatten$Value`, {}],
  [`${T}Flatten$Value`, { delimiter: '_' }],
  [`${T}Flatten$Key`, {}],
  [`${T}Filter`, {}],
  [`${T}SetSchemaMetadata$Value`, { 'schema.name': 'demo.Renamed', 'schema.version': '9' }],
  [`${T}SetSchemaMetadata$Key`, { 'schema.name': 'demo.Key' }],
  [`${T}InsertHeader`, { header: 'added', 'value.literal': '42' }],
  [`${T}InsertHeader`, { header: 'added', 'value.literal': 'hello world' }],
  [`${T}InsertHeader`, { header: 'list', 'value.literal': '[1,2,3]' }],
  [`${T}DropHeaders`, { headers: 'trace,source' }],
  [`${T}HeaderFrom$Value`, { fields: 'id,name', headers: 'hid,hname', operation: 'copy' }],
  [`${T}HeaderFrom$Value`, { fields: 'name', headers: 'moved', operation: 'move' }],
  [`${T}HeaderFrom$Key`, { fields: 'city', headers: 'city', operation: 'copy' }],
];

const PREDICATES: [string, Record<string, string>][] = [
  [`${P}TopicNameMatches`, { pattern: 'orders-.*' }],
  [`${P}TopicNameMatches`, { pattern: 'clicks|keys' }],
  [`${P}HasHeaderKey`, { name: 'trace' }],
  [`${P}RecordIsTombstone`, {}],
];

/** Configs Kafka refuses, and so must we, with the same message. */
const BAD_CONFIGS: [string, Record<string, string>][] = [
  [`${T}Cast$Value`, { spec: 'age:bytes' }],
  [`${T}Cast$Value`, { spec: 'age:int32,string' }],
  [`${T}Cast$Value`, { spec: 'a:b:c' }],
  [`${T}ReplaceField$Value`, { renames: 'nocolon' }],
  [`${T}MaskField$Value`, {}],
  [`${T}TimestampConverter$Value`, { 'target.type': 'string' }],
  [`${T}TimestampConverter$Value`, { 'target.type': 'Epoch' }],
  [`${T}TimestampConverter$Value`, { 'target.type': 'unix', 'unix.precision': 'days' }],
  [`${T}SetSchemaMetadata$Value`, {}],
  [`${T}HeaderFrom$Value`, { fields: 'a,b', headers: 'a', operation: 'copy' }],
  [`${T}HeaderFrom$Value`, { fields: 'a', headers: 'a', operation: 'rename' }],
  [`${T}ExtractField$Value`, {}],
  [`${T}ValueToKey`, { fields: '' }],
  [`${T}InsertHeader`, { header: 'h' }],
  [`${T}DropHeaders`, { headers: '' }],
  [`${T}SetSchemaMetadata$Value`, { 'schema.version': 'two' }],
  [`${T}ExtractField$Value`, { field: 'x', 'field.syntax.version': 'V3' }],
  [`${P}HasHeaderKey`, {}],
  [`${P}TopicNameMatches`, { pattern: '' }],
];

/**
 * A failure message in Kafka's words with the value's type left out: Java names a class
 * (`found: java.lang.Long`, `of type: class [B`, `of type class java.util.Date with`), we name the
 * JavaScript type (`bigint`, `Uint8Array`, `Date`).
 */
function kafkaWords(message: string): string {
  return message.replace(/(found|type|transformation):? (class )?[\w.$[]+/g, '$1 <type>');
}

function ours(className: string, config: Record<string, string>, records: RecordJson[]): { result?: unknown; error?: string } {
  let t: Transformation;
  try {
    t = builtinPlugins().newTransformation(className);
    t.configure(config);
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
  return {
    result: records.map((r) => {
      try {
        const out = t.apply(toRecord(r));
        return out === null ? { dropped: true } : fromRecord(out);
      } catch (e) {
        return { error: `${(e as Error).name}: ${(e as Error).message}` };
      }
    }),
  };
}

describe('transforms and predicates against Java connect-transforms 4.3.1', { timeout: 20 * 60_000 }, () => {
  let peer: ConnectPeer;
  before(async () => {
    peer = await ConnectPeer.start();
  });
  after(async () => {
    await peer?.close();
  });

  test('every transform gives what Java gives for the same records', async () => {
    const problems: string[] = [];
    let outcomes = 0;
    for (const [className, config] of CASES) {
      const java = await peer.ask({ op: 'transform', class: className, config, records: RECORDS });
      assert.equal(java.error, undefined, `${className} ${JSON.stringify(config)}: Java refused the config: ${java.error}`);
      const mine = ours(className, config, RECORDS);
      assert.equal(mine.error, undefined, `${className} ${JSON.stringify(config)}: we refused the config: ${mine.error}`);
      (java.result as unknown[]).forEach((expected, n) => {
        const actual = (mine.result as unknown[])[n];
        outcomes++;
        const e = expected as { error?: string };
        const a = actual as { error?: string };
        // A failure must be a failure on both sides, with Kafka's words where Kafka wrote them (a
        // JDK exception such as a NullPointerException has none); a value's type is named the
        // JavaScript way (`found: bigint` for Java's `found: java.lang.Long`).
        if (e.error !== undefined || a.error !== undefined) {
          if (e.error === undefined || a.error === undefined || (/^(DataException|ConnectException|ConfigException):/.test(e.error) && kafkaWords(e.error) !== kafkaWords(a.error))) {
            problems.push(`${className} ${JSON.stringify(config)} record ${n}: Java ${JSON.stringify(expected)}\n   ours ${JSON.stringify(actual)}`);
          }
          return;
        }
        try {
          assert.deepEqual(normalize(actual), normalize(expected));
        } catch {
          problems.push(`${className} ${JSON.stringify(config)} record ${n}:\n   Java ${JSON.stringify(expected)}\n   ours ${JSON.stringify(actual)}`);
        }
      });
    }
    assert.deepEqual(problems, []);
    assert.equal(outcomes, CASES.length * RECORDS.length);
  });

  test('transforms on random structs give what Java gives (seeds 1-60)', async () => {
    const configs: [string, Record<string, string>][] = [
      [`${T}Flatten$Value`, { delimiter: '__' }],
      [`${T}ReplaceField$Value`, { exclude: 'f0', renames: 'f1:g1,f2:g2' }],
      [`${T}MaskField$Value`, { fields: 'f0,f2' }],
      [`${T}HoistField$Value`, { field: 'wrapped' }],
      [`${T}ValueToKey`, { fields: 'f0' }],
      [`${T}InsertField$Value`, { 'static.field': 'origin', 'static.value': 'random', 'timestamp.field': 'ts!' }],
      [`${T}HeaderFrom$Value`, { fields: 'f0', headers: 'h0', operation: 'move' }],
      [`${T}SetSchemaMetadata$Value`, { 'schema.name': 'random.Renamed' }],
      [`${T}ExtractField$Value`, { field: 'f1' }],
      [`${T}Cast$Value`, { spec: 'f0:string' }],
      [`${T}Cast$Value`, { spec: 'f0:int8,f1:int64,f2:float32,f3:boolean' }],
      [`${T}Cast$Value`, { spec: 'f0:float64,f1:string,f2:int16,f3:int32' }],
      [`${T}MaskField$Value`, { fields: 'f1,f3', replacement: '7' }],
      [`${T}TimestampConverter$Value`, { field: 'f0', 'target.type': 'string', format: 'yyyy-MM-dd HH:mm:ss.SSS' }],
      [`${T}TimestampConverter$Value`, { field: 'f1', 'target.type': 'unix', 'unix.precision': 'seconds' }],
      [`${T}TimestampConverter$Value`, { field: 'f0', 'target.type': 'Date' }],
    ];
    const problems: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const r = new Random(seed);
      const g = structField(r);
      const records: RecordJson[] = [0, 1].map((n) => ({ topic: `random-${seed}`, partition: n, timestamp: 1_700_000_000_000 + seed, keySchema: null, key: `k${n}`, valueSchema: g.schema, value: g.value() }));
      for (const [className, config] of configs) {
        const java = await peer.ask({ op: 'transform', class: className, config, records });
        const mine = ours(className, config, records);
        (java.result as { error?: string }[]).forEach((expected, n) => {
          const actual = (mine.result as { error?: string }[])[n];
          // As above: failures on both sides, in Kafka's words where Kafka words them, values' types named the JavaScript way.
          // The one difference allowed: a timestamp beyond a JavaScript Date's range (Java's reaches further) is refused with its own message.
          if (expected.error === undefined && actual.error?.includes('outside what a JavaScript Date holds')) return;
          const same =
            expected.error !== undefined || actual.error !== undefined
              ? expected.error !== undefined && actual.error !== undefined && (!/^(DataException|ConnectException|ConfigException):/.test(expected.error) || kafkaWords(expected.error) === kafkaWords(actual.error))
              : JSON.stringify(normalize(actual)) === JSON.stringify(normalize(expected));
          if (!same) problems.push(`seed ${seed} ${className} ${JSON.stringify(config)} on ${JSON.stringify(g.schema)} = ${JSON.stringify(records[n].value)}:\n   Java ${JSON.stringify(expected)}\n   ours ${JSON.stringify(actual)}`);
        });
      }
    }
    assert.deepEqual(problems, []);
  });

  test('transforms on random schemaless maps give what Java gives (seeds 1-60)', async () => {
    const configs: [string, Record<string, string>][] = [
      [`${T}Flatten$Value`, {}],
      [`${T}ReplaceField$Value`, { exclude: 'f1', renames: 'f0:g0' }],
      [`${T}MaskField$Value`, { fields: 'f0,f2' }],
      [`${T}InsertField$Value`, { 'topic.field': 'topic', 'timestamp.field': 'ts', 'static.field': 's', 'static.value': 'v' }],
      [`${T}Cast$Value`, { spec: 'f0:string,f1:int32,f2:float64,f3:boolean' }],
      [`${T}Cast$Value`, { spec: 'f0:int64,f1:float32' }],
      [`${T}ValueToKey`, { fields: 'f0,f1' }],
      [`${T}HeaderFrom$Value`, { fields: 'f0,f1', headers: 'a,b', operation: 'copy' }],
      [`${T}ExtractField$Value`, { field: 'f0' }],
      [`${T}HoistField$Value`, { field: 'all' }],
    ];
    const problems: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const r = new Random(1000 + seed);
      const records: RecordJson[] = [0, 1].map((n) => ({ topic: `loose-${seed}`, partition: n, timestamp: 1_600_000_000_000 + seed, key: `k${n}`, value: schemalessMap(r) }));
      for (const [className, config] of configs) {
        const java = await peer.ask({ op: 'transform', class: className, config, records });
        const mine = ours(className, config, records);
        (java.result as { error?: string }[]).forEach((expected, n) => {
          const actual = (mine.result as { error?: string }[])[n];
          const same =
            expected.error !== undefined || actual.error !== undefined
              ? expected.error !== undefined && actual.error !== undefined && (!/^(DataException|ConnectException|ConfigException):/.test(expected.error) || kafkaWords(expected.error) === kafkaWords(actual.error))
              : JSON.stringify(normalize(actual)) === JSON.stringify(normalize(expected));
          if (!same) problems.push(`seed ${seed} ${className} ${JSON.stringify(config)} on ${JSON.stringify(records[n].value)}:\n   Java ${JSON.stringify(expected)}\n   ours ${JSON.stringify(actual)}`);
        });
      }
    }
    assert.deepEqual(problems, []);
  });

  test('predicates answer as Java does', async () => {
    for (const [className, config] of PREDICATES) {
      const java = await peer.ask({ op: 'predicate', class: className, config, records: RECORDS });
      const p: Predicate = builtinPlugins().newPredicate(className);
      p.configure(config);
      assert.deepEqual(
        RECORDS.map((r) => p.test(toRecord(r))),
        java.result,
        `${className} ${JSON.stringify(config)}`,
      );
    }
  });

  test('each plugin\'s ConfigDef validates into the ConfigInfos Kafka Connect answers with', async () => {
    // The documentation is each side's own prose; every other part of the answer must match.
    const withoutDocs = (infos: any) => ({ ...infos, configs: infos.configs.map((c: any) => ({ ...c, definition: c.definition && { ...c.definition, documentation: undefined } })) });
    const plugins = builtinPlugins();
    const converters: [string, Record<string, string>][] = [
      ['org.apache.kafka.connect.json.JsonConverter', { 'converter.type': 'value', 'decimal.format': 'numeric' }],
      ['org.apache.kafka.connect.json.JsonConverter', { 'schemas.enable': 'maybe', 'schemas.cache.size': 'many' }],
      ['org.apache.kafka.connect.storage.StringConverter', { 'converter.type': 'key' }],
      ['org.apache.kafka.connect.storage.StringConverter', { 'converter.type': 'sideways' }],
    ];
    const problems: string[] = [];
    for (const [className, config] of [...CASES, ...BAD_CONFIGS, ...PREDICATES, ...converters]) {
      const java = await peer.ask({ op: 'validate', class: className, config });
      assert.equal(java.error, undefined, `${className}: ${java.error}`);
      const type = className.includes('.predicates.') ? 'predicate' : className.includes('Converter') && !className.includes('TimestampConverter') ? 'converter' : 'transformation';
      const plugin = plugins.create<{ config(): import('@sluice/connect-api').ConfigDef }>(className, type, 'type');
      const def = plugin.config();
      const ours = configInfos(className, def, def.validate(config));
      const j = withoutDocs(java.result);
      const o = withoutDocs(ours);
      try {
        assert.deepEqual({ ...o, configs: o.configs.length }, { ...j, configs: j.configs.length });
      } catch {
        problems.push(`${className} ${JSON.stringify(config)}: Java ${JSON.stringify({ ...j, configs: undefined })} ours ${JSON.stringify({ ...o, configs: undefined })}`);
      }
      j.configs.forEach((c: unknown, n: number) => {
        if (JSON.stringify(c) !== JSON.stringify(o.configs[n])) problems.push(`${className} ${JSON.stringify(config)} config ${n}:\n   Java ${JSON.stringify(c)}\n   ours ${JSON.stringify(o.configs[n])}`);
      });
    }
    assert.deepEqual(problems, []);
  });

  test('a config Kafka refuses is refused with Kafka\'s message', async () => {
    const problems: string[] = [];
    for (const [className, config] of BAD_CONFIGS) {
      const op = className.startsWith(P) ? 'predicate' : 'transform';
      const java = await peer.ask({ op, class: className, config, records: [] });
      assert.ok(java.error !== undefined, `${className} ${JSON.stringify(config)}: Java accepted it`);
      let mine: string | undefined;
      try {
        const plugin = op === 'predicate' ? builtinPlugins().newPredicate(className) : builtinPlugins().newTransformation(className);
        plugin.configure(config);
      } catch (e) {
        mine = `${(e as Error).name}: ${(e as Error).message}`;
      }
      if (mine !== java.error) problems.push(`${className} ${JSON.stringify(config)}:\n   Java ${java.error}\n   ours ${mine}`);
    }
    assert.deepEqual(problems, []);
  });
});
