// Every generated message, at every version it has, with random values: decode(encode(x)) is x,
// and encoding the decoded value again gives the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Reader, Writer, UnsupportedFieldVersionError } from '../src/index.ts';
import { Random, codecFor, defaultOf, inRange, randomStruct, schema, versionsOf } from '@sluice/test-kit';

const ROUNDS = 12;

test('schema covers the APIs and data messages', () => {
  const names = new Set(schema.messages.map((m) => m.name));
  for (const n of ['ProduceRequest', 'FetchResponse', 'ApiVersionsResponse', 'ConsumerProtocolSubscription', 'OffsetCommitValue']) {
    assert.ok(names.has(n), `missing ${n}`);
  }
});

for (const m of schema.messages) {
  test(`${m.name}: round trip at every version`, () => {
    const { encode, decode } = codecFor(m);
    for (const version of versionsOf(m)) {
      for (let round = 0; round < ROUNDS; round++) {
        const seed = (m.name.length * 7919 + version * 104729 + round) | 0;
        const value = randomStruct(m, m.name, version, new Random(seed));
        const w = new Writer();
        encode(w, value, version);
        const bytes = w.finish();
        const r = new Reader(bytes);
        const decoded = decode(r, version);
        assert.equal(r.remaining, 0, `${m.name} v${version} seed ${seed}: bytes left over`);
        assert.deepStrictEqual(decoded, value, `${m.name} v${version} seed ${seed}`);
        const w2 = new Writer();
        encode(w2, decoded, version);
        assert.ok(w2.finish().equals(bytes), `${m.name} v${version} seed ${seed}: re-encoding differs`);
      }
      // Defaults encode and decode too, and an empty input object means "all defaults".
      const w = new Writer();
      encode(w, defaultOf(m.name), version);
      const decoded = decode(new Reader(w.finish()), version);
      assert.deepStrictEqual(decoded, defaultOf(m.name));
    }
  });
}

test('a non-default value for a field the version lacks is refused, unless the field is ignorable', () => {
  let refused = 0;
  let dropped = 0;
  for (const m of schema.messages) {
    const { encode } = codecFor(m);
    const root = m.structs[m.name];
    for (const f of root.fields) {
      if (f.type !== 'int32' && f.type !== 'string' && f.type !== 'int64') continue;
      for (const version of versionsOf(m)) {
        if (inRange(f.versions, version)) continue;
        const value = defaultOf(m.name);
        value[f.prop] = f.type === 'int32' ? 12345 : f.type === 'int64' ? 12345n : 'not-the-default';
        const attempt = () => encode(new Writer(), value, version);
        if (f.ignorable) {
          attempt();
          dropped++;
        } else {
          assert.throws(attempt, UnsupportedFieldVersionError, `${m.name}.${f.prop} v${version}`);
          refused++;
        }
      }
    }
  }
  assert.ok(refused > 20 && dropped > 20, `refused ${refused}, dropped ${dropped}`);
});

test('a version outside the valid range is refused both ways', () => {
  const m = schema.messages.find((x) => x.name === 'FetchRequest')!;
  const { encode, decode } = codecFor(m);
  assert.throws(() => encode(new Writer(), defaultOf('FetchRequest'), 3), /no version 3/);
  assert.throws(() => decode(new Reader(Buffer.alloc(64)), 99), /no version 99/);
});
