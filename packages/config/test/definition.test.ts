import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ConfigDefinition, ConfigError, atLeast, between, definitionRows, listOf, markdownTable, oneOf, parseConfigValue, validator } from '../src/index.ts';

const def = (type: ConfigDefinition['type'], validate?: ConfigDefinition['validate']): ConfigDefinition => ({ name: 'x.y', type, default: null, importance: 'medium', doc: 'd', validate });

test('values are parsed by type', () => {
  assert.equal(parseConfigValue(def('boolean'), ' TRUE '), true);
  assert.equal(parseConfigValue(def('int'), '-5'), -5);
  assert.equal(parseConfigValue(def('long'), '9223372036854775807'), Infinity);
  assert.equal(parseConfigValue(def('long'), '-9223372036854775808'), -9223372036854775808);
  assert.equal(parseConfigValue(def('double'), '0.25'), 0.25);
  assert.deepEqual(parseConfigValue(def('list'), 'compact, delete'), ['compact', 'delete']);
  assert.deepEqual(parseConfigValue(def('list'), ''), []);
  assert.equal(parseConfigValue(def('string'), ' a '), 'a');
});

test('malformed and out-of-range values are refused with the setting named', () => {
  const refused = (d: ConfigDefinition, raw: string, why: string) =>
    assert.throws(() => parseConfigValue(d, raw), (e: unknown) => e instanceof ConfigError && e.code === 'INVALID_CONFIG' && e.message === `Invalid value ${JSON.stringify(raw)} for configuration x.y: ${why}`);
  refused(def('boolean'), 'yes', 'expected true or false');
  refused(def('int'), '1.5', 'expected a whole number');
  refused(def('int'), '2147483648', 'out of the int range');
  refused(def('long'), '9223372036854775808', 'out of the long range');
  refused(def('double'), 'NaN', 'expected a number');
  refused(def('double'), '', 'expected a number');
  refused(def('int', atLeast(1)), '0', 'must be at least 1');
  refused(def('double', between(0, 1)), '1.5', 'must be between 0 and 1');
  refused(def('string', oneOf('a', 'b')), 'c', 'must be one of a, b');
  refused(def('list', listOf('delete', 'compact')), 'delete,keep', 'keep not allowed; use delete, compact');
});

test('validators describe what they accept, for the documentation', () => {
  assert.equal(atLeast(-1).valid, '[-1,...]');
  assert.equal(between(0, 1).valid, '[0,...,1]');
  assert.equal(oneOf('CreateTime', 'LogAppendTime').valid, '[CreateTime, LogAppendTime]');
  assert.equal(validator('[1]', () => undefined).valid, '[1]');
});

test('documentation rows: most important first, then by name, with synonyms and valid values', () => {
  const rows = definitionRows([
    { name: 'b', type: 'int', default: '1', importance: 'medium', doc: 'B.', validate: atLeast(0) },
    { name: 'a', type: 'string', default: null, importance: 'low', doc: 'A | a.' },
    { name: 'c', type: 'string', default: 'x', importance: 'high', doc: 'C.', synonyms: ['cc'], dynamic: true },
  ]);
  assert.deepEqual(rows.map((r) => r.name), ['c', 'b', 'a']);
  assert.equal(
    markdownTable(rows),
    [
      '| name | type | default | valid values | importance | dynamic | description |',
      '|---|---|---|---|---|---|---|',
      '| `c` | string | `x` |  | high | yes | C. Also read as cc. |',
      '| `b` | int | `1` | [0,...] | medium |  | B. |',
      '| `a` | string | `null` |  | low |  | A \\| a. |',
    ].join('\n'),
  );
});
