// Kafka's JsonConverter against Java's own (connect-json 4.3.1 in one JVM, java/ConnectPeer): for
// every schema type and logical type, with schemas on and off and both decimal formats, our
// bytes must equal Java's byte for byte, and what we read from Java's bytes must be what Java
// reads from them. Hand-written JSON (plain values, envelopes, bad input) must read the same or
// fail with Java's message. SimpleHeaderConverter and the plain converters (String, ByteArray,
// the numbers) are checked the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonConverter, SimpleHeaderConverter, builtinPlugins } from '@sluice/connect';
import { Random } from '@sluice/test-kit/random';
import { field } from './random-data.ts';
import { ConnectPeer, decode, encode, normalize, schemaJson, schemaOf, type Tagged } from './support.ts';

const DECIMAL = 'org.apache.kafka.connect.data.Decimal';
const opt = (s: Record<string, unknown>) => ({ ...s, optional: true });
const prim = (type: string, extra: Record<string, unknown> = {}) => ({ type, optional: false, ...extra });
const decimal = (scale: number) => ({ type: 'bytes', optional: false, name: DECIMAL, version: 1, parameters: { scale: String(scale) } });
const date = { type: 'int32', optional: false, name: 'org.apache.kafka.connect.data.Date', version: 1 };
const time = { type: 'int32', optional: false, name: 'org.apache.kafka.connect.data.Time', version: 1 };
const timestamp = { type: 'int64', optional: false, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 };
const i = (n: number | bigint | string) => ({ i: String(n) });
const f = (n: number) => ({ f: n });

const address = { type: 'struct', optional: true, name: 'shop.Address', fields: [{ ...prim('string'), field: 'city' }, { ...prim('int32', { optional: true, default: 75001 }), field: 'zip' }] };
const order = {
  type: 'struct',
  optional: false,
  name: 'shop.Order',
  version: 3,
  doc: 'An order',
  parameters: { source: 'tests' },
  fields: [
    { ...prim('int64'), field: 'id' },
    { ...prim('string'), field: 'item' },
    { ...decimal(2), field: 'price' },
    { ...opt(prim('double')), field: 'weight' },
    { type: 'array', optional: false, items: prim('string'), field: 'tags' },
    { type: 'map', optional: true, keys: prim('string'), values: prim('int32'), field: 'counts' },
    { ...address, field: 'ship_to' },
    { ...timestamp, field: 'at' },
    { ...prim('boolean', { optional: true, default: true }), field: 'gift' },
  ],
};

/** [name, schema JSON, tagged value] for every type and logical type. */
const CASES: [string, unknown, Tagged][] = [
  ['int8', prim('int8'), i(-128)],
  ['int16', prim('int16'), i(31000)],
  ['int32', prim('int32'), i(-2147483648)],
  ['int64 beyond 2^53', prim('int64'), i('9007199254740993')],
  ['int64 min', prim('int64'), i('-9223372036854775808')],
  ['float32', prim('float'), f(Math.fround(1.1))],
  ['float32 large', prim('float'), f(Math.fround(3.4e38))],
  ['float64 whole', prim('double'), f(100)],
  ['float64 exponent', prim('double'), f(1e10)],
  ['float64 small', prim('double'), f(0.00012)],
  ['float64 fraction', prim('double'), f(-123.456)],
  ['boolean', prim('boolean'), false],
  ['string', prim('string'), 'héllo "quoted" \\ \n tab\t 🚀'],
  ['bytes', prim('bytes'), { b: Buffer.from([0, 1, 2, 254, 255]).toString('base64') }],
  ['optional null', opt(prim('string')), null],
  ['default instead of null', prim('int32', { optional: true, default: 7 }), null],
  ['array', { type: 'array', optional: false, items: prim('int64') }, [i(1), i(-2), i('12345678901234567')]],
  ['map with string keys', { type: 'map', optional: false, keys: prim('string'), values: opt(prim('double')) }, { m: [['a', f(1.5)], ['b', null]] }],
  ['map with int keys', { type: 'map', optional: false, keys: prim('int32'), values: prim('string') }, { m: [[i(1), 'one'], [i(2), 'two']] }],
  ['decimal', decimal(2), { d: '-150', scale: 2 }],
  ['decimal wide', decimal(4), { d: '123456789012345678901234567890', scale: 4 }],
  ['decimal zero scale', decimal(0), { d: '42', scale: 0 }],
  ['date', date, { t: Date.UTC(2024, 1, 29) }],
  ['time', time, { t: 3_600_000 + 59_000 + 123 }],
  ['timestamp', timestamp, { t: 1_700_000_000_123 }],
  ['timestamp before 1970', timestamp, { t: -86_400_001 }],
  [
    'struct',
    order,
    {
      struct: {
        id: i('9007199254740995'),
        item: 'tea',
        price: { d: '1250', scale: 2 },
        weight: null,
        tags: ['green', 'loose'],
        counts: { m: [['x', i(3)]] },
        ship_to: { struct: { city: 'Paris', zip: null } },
        at: { t: 1_700_000_000_000 },
        gift: null,
      },
    },
  ],
  ['array of structs', { type: 'array', optional: false, items: { ...address, optional: false } }, [{ struct: { city: 'Lyon', zip: i(69001) } }, { struct: { city: 'Nice', zip: null } }]],
];

/** Plain values (no schema), as a schemaless pipeline has them. */
const SCHEMALESS: [string, Tagged][] = [
  ['string', 'plain'],
  ['long', i(42)],
  ['big long', i('-9223372036854775807')],
  ['double', f(2.5)],
  ['boolean', true],
  ['list', [i(1), 'two', null, [f(0.5)]]],
  ['map', { m: [['k', i(1)], ['nested', { m: [['deep', [true]]] }]] }],
  ['map with non-string keys', { m: [[i(1), 'a'], [i(2), 'b']] }],
  ['bytes', { b: 'AAEC' }],
];

/** JSON as a producer outside Connect may write it, read with schemas off and on. */
const RAW_JSON = [
  '{"a":1,"b":[1,2.5,"x",null],"c":{"d":true}}',
  '12345678901234567890',
  '1e3',
  '"text"',
  'null',
  '{"schema":{"type":"int64","optional":false},"payload":12}',
  '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"n"}],"optional":false},"payload":{"n":1.9}}',
  '{"schema":{"type":"int8","optional":false},"payload":300}',
  '{"schema":{"type":"string","optional":false},"payload":null}',
  '{"schema":{"type":"string","optional":true},"payload":null}',
  '{"schema":{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"string","optional":false},"optional":false},"payload":{"1":"a"}}',
  '{"schema":{"type":"thing","optional":false},"payload":1}',
  '{"schema":{"type":"array","optional":false},"payload":[]}',
  '{"schema":{"optional":false},"payload":1}',
  '{"schema":null,"payload":{"x":1}}',
  '{"schema":{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"3"}},"payload":1.250}',
  '{"schema":{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date"},"payload":"x"}',
  '{"payload":1}',
  '{"schema":null,"payload":1,"extra":2}',
  'not json',
  '{"a":',
  '{"a":5,"b":[1,2.5]}',
  '{"a":null}',
  '42',
];

function converter(config: Record<string, string>): JsonConverter {
  const c = new JsonConverter();
  c.configure(config, false);
  return c;
}

/** Our reading of bytes, or the error, in the peer's answer shape. */
function ourRead(config: Record<string, string>, bytes: Uint8Array | null): { result?: unknown; error?: string } {
  try {
    const read = converter(config).toConnectData('t', bytes);
    return { result: { schema: schemaJson(read.schema), value: encode(read.schema, read.value) } };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

describe('JsonConverter against Java connect-json 4.3.1', { timeout: 20 * 60_000 }, () => {
  let peer: ConnectPeer;
  before(async () => {
    peer = await ConnectPeer.start();
  });
  after(async () => {
    await peer?.close();
  });

  test('our bytes equal Java\'s for every type, and each side reads the other\'s', async () => {
    const configs: Record<string, string>[] = [
      { 'schemas.enable': 'true' },
      { 'schemas.enable': 'false' },
      { 'schemas.enable': 'true', 'decimal.format': 'NUMERIC' },
      { 'schemas.enable': 'false', 'decimal.format': 'NUMERIC', 'replace.null.with.default': 'false' },
    ];
    let compared = 0;
    for (const config of configs) {
      for (const [name, schema, value] of [...CASES, ...SCHEMALESS.map(([n, v]) => [`schemaless ${n}`, null, v] as [string, unknown, Tagged])]) {
        const what = `${name} with ${JSON.stringify(config)}`;
        const java = await peer.ask({ op: 'toJson', config, schema, value });
        assert.equal(java.error, undefined, `${what}: Java failed: ${java.error}`);
        const connectSchema = schemaOf(schema);
        const ours = converter(config).fromConnectData('t', connectSchema, decode(connectSchema, value));
        const javaText = java.result === null ? null : Buffer.from(java.result, 'base64').toString();
        assert.equal(ours === null ? null : Buffer.from(ours).toString(), javaText, `${what}: our bytes differ from Java's`);
        const javaRead = await peer.ask({ op: 'fromJson', config, bytes: java.result });
        const ourReadOfJava = ourRead(config, java.result === null ? null : Buffer.from(java.result, 'base64'));
        assert.deepEqual(normalize(ourReadOfJava), normalize(javaRead), `${what}: we read Java's bytes ${javaText} differently`);
        compared++;
      }
    }
    assert.equal(compared, configs.length * (CASES.length + SCHEMALESS.length));
  });

  test('random schemas and values: each side reads the other\'s bytes as its own (seeds 1-150)', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const r = new Random(seed);
      const generated = field(r);
      const value = generated.value();
      // Defaults are written in the schema's JSON as Java writes them; a default Java refuses we cannot use either.
      for (const config of [{ 'schemas.enable': 'true' }, { 'schemas.enable': seed % 2 === 0 ? 'false' : 'true', 'decimal.format': 'NUMERIC' }] as Record<string, string>[]) {
        const what = `seed ${seed} ${JSON.stringify(config)}: ${JSON.stringify(generated.schema)} = ${JSON.stringify(value)}`;
        const java = await peer.ask({ op: 'toJson', config, schema: generated.schema, value });
        assert.equal(java.error, undefined, `${what}: Java failed: ${java.error}`);
        const schema = schemaOf(generated.schema);
        const ours = converter(config).fromConnectData('t', schema, decode(schema, value));
        // Java 17's Float/Double.toString sometimes writes a digit more than the shortest form
        // (JDK-4511638, fixed in Java 19), which we write; so here each side must read the other's
        // bytes as it reads its own, and the texts must match apart from such digits.
        const javaRead = await peer.ask({ op: 'fromJson', config, bytes: java.result });
        const javaReadsOurs = await peer.ask({ op: 'fromJson', config, bytes: ours === null ? null : Buffer.from(ours).toString('base64') });
        assert.deepEqual(normalize(javaReadsOurs), normalize(javaRead), `${what}: Java reads our ${ours && Buffer.from(ours).toString()} differently`);
        assert.deepEqual(normalize(ourRead(config, java.result === null ? null : Buffer.from(java.result, 'base64'))), normalize(javaRead), `${what}: we read Java's bytes differently`);
        const digitsApart = (text: string | null) => text?.replace(/-?\d+(\.\d+)?(E-?\d+)?/g, '#');
        assert.equal(digitsApart(ours === null ? null : Buffer.from(ours).toString()), digitsApart(java.result === null ? null : Buffer.from(java.result, 'base64').toString()), `${what}: our text differs`);
        compared++;
      }
    }
    assert.equal(compared, 300);
  });

  test('random values as header text: SimpleHeaderConverter writes what Java writes and parses it as Java does (seeds 1-150)', async () => {
    const header = new SimpleHeaderConverter();
    const problems: string[] = [];
    for (let seed = 1; seed <= 150; seed++) {
      const r = new Random(seed);
      const generated = field(r);
      const value = generated.value();
      const java = await peer.ask({ op: 'headerFrom', schema: generated.schema, value });
      const schema = schemaOf(generated.schema);
      let ours: string | null | undefined;
      try {
        const bytes = header.fromConnectHeader('t', 'h', schema, decode(schema, value));
        ours = bytes === null ? null : Buffer.from(bytes).toString();
      } catch (e) {
        ours = `error: ${(e as Error).message}`;
      }
      if (java.error === undefined && ours !== java.result) problems.push(`seed ${seed} ${JSON.stringify(generated.schema)} = ${JSON.stringify(value)}:\n   Java ${JSON.stringify(java.result)}\n   ours ${JSON.stringify(ours)}`);
      // Text that starts with blanks is where Kafka's parser answers oddly ("\n{x" reads as "\n"); those are not compared.
      if (java.error !== undefined || typeof java.result !== 'string' || /^\s/.test(java.result)) continue;
      const javaParse = await peer.ask({ op: 'headerTo', text: java.result });
      let ourParse: { result?: unknown; error?: string };
      try {
        const read = header.toConnectHeader('t', 'h', Buffer.from(java.result));
        ourParse = { result: { schema: schemaJson(read.schema), value: encode(read.schema, read.value) } };
      } catch (e) {
        ourParse = { error: `${(e as Error).name}: ${(e as Error).message}` };
      }
      if (JSON.stringify(normalize(ourParse)) !== JSON.stringify(normalize(javaParse))) problems.push(`seed ${seed} parsing ${JSON.stringify(java.result)}:\n   Java ${JSON.stringify(javaParse)}\n   ours ${JSON.stringify(ourParse)}`);
    }
    assert.deepEqual(problems, []);
  });

  test('hand-written JSON reads as Java reads it, or fails with Java\'s message', async () => {
    const fixedSchema = '{"type":"struct","fields":[{"type":"int64","optional":true,"field":"a"},{"type":"array","items":{"type":"double","optional":false},"optional":true,"field":"b"}],"optional":true}';
    for (const [schemasEnable, schemaContent] of [['false', null], ['true', null], ['true', fixedSchema], ['true', '{"type":"int32","optional":true}']]) {
      // schema.content: every value read has this schema, and the bytes are the bare payload.
      const config: Record<string, string> = schemaContent === null ? { 'schemas.enable': schemasEnable! } : { 'schemas.enable': schemasEnable!, 'schema.content': schemaContent };
      for (const text of RAW_JSON) {
        const bytes = Buffer.from(text);
        const java = await peer.ask({ op: 'fromJson', config, bytes: bytes.toString('base64') });
        const ours = ourRead(config, bytes);
        if (java.error !== undefined) {
          assert.ok(ours.error !== undefined, `${text} (schemas.enable=${schemasEnable}): Java failed (${java.error}) but we read ${JSON.stringify(ours.result)}`);
          // Java's parser words its syntax errors its own way; the rest of the message is Kafka's.
          const kafkaPart = (m: string) => m.replace(/serialization error: .*$/s, 'serialization error: ');
          assert.equal(kafkaPart(ours.error!), kafkaPart(java.error), `${text} (schemas.enable=${schemasEnable})`);
        } else {
          assert.deepEqual(normalize(ours), normalize(java), `${text} (schemas.enable=${schemasEnable})`);
        }
      }
    }
  });

  test('the plain converters write and read what Java\'s do, and refuse what they refuse', async () => {
    const C = 'org.apache.kafka.connect.converters.';
    const S = 'org.apache.kafka.connect.storage.';
    const cases: [string, Record<string, string>, unknown, Tagged][] = [
      [`${S}StringConverter`, {}, prim('string'), 'héllo 🚀'],
      [`${S}StringConverter`, {}, prim('double'), f(1)],
      [`${S}StringConverter`, {}, prim('float'), f(Math.fround(0.1))],
      [`${S}StringConverter`, {}, prim('int64'), i('-9223372036854775808')],
      [`${S}StringConverter`, {}, { type: 'array', optional: false, items: prim('double') }, [f(1), f(2.5)]],
      [`${S}StringConverter`, {}, { type: 'map', optional: false, keys: prim('string'), values: prim('int32') }, { m: [['a', i(1)]] }],
      [`${S}StringConverter`, { 'converter.encoding': 'ISO-8859-1' }, prim('string'), 'café'],
      [`${S}StringConverter`, {}, null, null],
      [`${C}ByteArrayConverter`, {}, prim('bytes'), { b: 'AAEC/w==' }],
      [`${C}ByteArrayConverter`, {}, prim('string'), 'text'],
      [`${C}ShortConverter`, {}, prim('int16'), i(-2)],
      [`${C}IntegerConverter`, {}, prim('int32'), i(2147483647)],
      [`${C}LongConverter`, {}, prim('int64'), i('-9223372036854775807')],
      [`${C}FloatConverter`, {}, prim('float'), f(Math.fround(-1.5))],
      [`${C}DoubleConverter`, {}, prim('double'), f(0.1)],
      [`${C}BooleanConverter`, {}, prim('boolean'), true],
      [`${C}IntegerConverter`, {}, prim('string'), 'seven'],
      [`${C}LongConverter`, {}, opt(prim('int64')), null],
    ];
    for (const [className, config, schema, value] of cases) {
      const what = `${className} ${JSON.stringify(value)}`;
      const java = await peer.ask({ op: 'fromConnect', class: className, config, schema, value });
      let ours: { result?: unknown; error?: string };
      try {
        const c = builtinPlugins().newConverter(className);
        c.configure(config, false);
        const s = schemaOf(schema);
        const bytes = c.fromConnectData('t', s, decode(s, value));
        ours = { result: bytes === null ? null : Buffer.from(bytes).toString('base64') };
      } catch (e) {
        ours = { error: `${(e as Error).name}: ${(e as Error).message}` };
      }
      if (java.error !== undefined) assert.ok(ours.error !== undefined, `${what}: Java refused (${java.error}), we wrote ${JSON.stringify(ours.result)}`);
      else assert.deepEqual(ours, java, what);
    }
    const reads: [string, Record<string, string>, string | null][] = [
      [`${S}StringConverter`, {}, Buffer.from('héllo').toString('base64')],
      [`${C}ByteArrayConverter`, {}, 'AAEC'],
      [`${C}ShortConverter`, {}, 'gAA='],
      [`${C}IntegerConverter`, {}, '/////w=='],
      [`${C}LongConverter`, {}, 'gAAAAAAAAAE='],
      [`${C}FloatConverter`, {}, 'P8AAAA=='],
      [`${C}DoubleConverter`, {}, 'P7mZmZmZmZo='],
      [`${C}BooleanConverter`, {}, 'AQ=='],
      [`${C}IntegerConverter`, {}, 'AAE='],
      [`${C}LongConverter`, {}, null],
      [`${C}BooleanConverter`, {}, 'Ag=='],
    ];
    for (const [className, config, bytes] of reads) {
      const what = `${className} reading ${bytes}`;
      const java = await peer.ask({ op: 'toConnect', class: className, config, bytes });
      let ours: { result?: unknown; error?: string };
      try {
        const c = builtinPlugins().newConverter(className);
        c.configure(config, false);
        const read = c.toConnectData('t', bytes === null ? null : new Uint8Array(Buffer.from(bytes, 'base64')));
        ours = { result: { schema: schemaJson(read.schema), value: encode(read.schema, read.value) } };
      } catch (e) {
        ours = { error: `${(e as Error).name}: ${(e as Error).message}` };
      }
      if (java.error !== undefined) {
        assert.ok(ours.error !== undefined, `${what}: Java refused (${java.error}), we read ${JSON.stringify(ours.result)}`);
        // Java puts the deserializer's reason in the cause; ours adds it to the message.
        assert.ok(ours.error!.startsWith(java.error), `${what}: Java said ${java.error}, we said ${ours.error}`);
      } else assert.deepEqual(normalize(ours), normalize(java), what);
    }
  });

  test('SimpleHeaderConverter writes and parses header text as Java does', async () => {
    const values: [unknown, Tagged][] = [
      [prim('string'), 'hello'],
      [prim('int32'), i(42)],
      [prim('int64'), i('9007199254740993')],
      [prim('double'), f(2.5)],
      [prim('boolean'), true],
      [{ type: 'array', optional: false, items: prim('int32') }, [i(1), i(2)]],
      [{ type: 'map', optional: false, keys: prim('string'), values: prim('string') }, { m: [['a', 'b']] }],
      [timestamp, { t: 1_700_000_000_123 }],
      [date, { t: Date.UTC(2024, 1, 29) }],
      [time, { t: 45_000 }],
    ];
    const header = new SimpleHeaderConverter();
    for (const [schema, value] of values) {
      const java = await peer.ask({ op: 'headerFrom', schema, value });
      const s = schemaOf(schema);
      const ours = header.fromConnectHeader('t', 'h', s, decode(s, value));
      assert.equal(ours === null ? null : Buffer.from(ours).toString(), java.result, `header text of ${JSON.stringify(value)}`);
    }
    const texts = ['hello world', '42', '-129', '70000', '9007199254740993', '2.5', '0.1', 'true', 'null', '[1,2,3]', '{"a":1,"b":2}', '2024-02-29', '12:00:00.000Z', '2024-02-29T12:00:00.000Z', '"quoted"', '', '[1,"a"]'];
    for (const text of texts) {
      const java = await peer.ask({ op: 'headerTo', text });
      let ours: { result?: unknown; error?: string };
      try {
        const read = header.toConnectHeader('t', 'h', Buffer.from(text));
        ours = { result: { schema: schemaJson(read.schema), value: encode(read.schema, read.value) } };
      } catch (e) {
        ours = { error: `${(e as Error).name}: ${(e as Error).message}` };
      }
      assert.deepEqual(normalize(ours), normalize(java), `header text ${JSON.stringify(text)}`);
    }
  });
});
