import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOptions, markdownTable, opt, optionRows, tuned } from '../src/index.ts';

const table = {
  servers: opt.required<string>('string', 'bootstrap.servers', 'Where', (v) => (typeof v === 'string' ? undefined : 'must be a string')),
  lingerMs: opt.int(5, 'linger.ms', 'Wait', { min: 0 }),
  mode: tuned(opt.oneOf(['a', 'b'] as const, 'a', 'mode', 'Mode'), { importance: 'high' }),
  id: tuned(opt.optionalString('client.id', 'Id'), { importance: 'low', defaultText: '<random>' }),
} as const;

test('defaults are filled and given values kept', () => {
  const { values, problems } = checkOptions(table, { servers: 'x:1', lingerMs: 0 });
  assert.deepEqual(problems, []);
  assert.deepEqual(values, { servers: 'x:1', lingerMs: 0, mode: 'a', id: undefined });
});

test('every problem is returned: unknown names, missing required options, bad values', () => {
  const { problems } = checkOptions(table, { lingerMS: 1, lingerMs: -1, mode: 'c', toString: 1 });
  assert.deepEqual(
    problems.map((p) => [p.kind, p.name, p.kind === 'invalid' ? p.complaint : '']),
    [
      ['unknown', 'lingerMS', ''],
      ['unknown', 'toString', ''],
      ['required', 'servers', ''],
      ['invalid', 'lingerMs', 'must be at least 0'],
      ['invalid', 'mode', 'must be one of "a", "b"'],
    ],
  );
});

test('option rows name the option, Kafka\'s setting, the default and the importance', () => {
  assert.equal(
    markdownTable(optionRows(table)),
    [
      '| option | Kafka setting | type | default | valid values | importance | description |',
      '|---|---|---|---|---|---|---|',
      '| `servers` | `bootstrap.servers` | string | `(required)` |  | high | Where |',
      '| `lingerMs` | `linger.ms` | number | `5` | [0,...] | medium | Wait |',
      '| `mode` | `mode` | "a" \\| "b" | `"a"` |  | high | Mode |',
      '| `id` | `client.id` | string | `<random>` | non-empty | low | Id |',
    ].join('\n'),
  );
});
