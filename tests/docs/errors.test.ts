// docs/errors.md is generated from the packages' error catalogues; it must be exactly what the
// generator makes from the current code, and every code must have its one-line doc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ErrorCode } from '@sluice/protocol';
import { CATALOGUES, ERRORS_DOC, docComments, errorsMarkdown } from '../../scripts/generate-errors-doc.ts';

test('docs/errors.md matches the error catalogues', () => {
  assert.equal(readFileSync(ERRORS_DOC, 'utf8'), errorsMarkdown(), 'docs/errors.md is out of date: run npm run docs:errors');
});

test('every code of every catalogue has a one-line doc in its source', () => {
  for (const c of CATALOGUES) {
    const docs = docComments(readFileSync(c.file, 'utf8'), c.name);
    for (const key of Object.keys(c.codes)) assert.ok((docs.get(key) ?? '').length > 0, `${c.name}.${key} in ${c.file} has no /** doc */ line`);
  }
});

test('a code without a doc line is found, not skipped', () => {
  const source = "export const X = {\n  /** Documented. */\n  A: 'A',\n  B: 'B',\n} as const;";
  assert.deepEqual([...docComments(source, 'X')], [['A', 'Documented.']]);
  assert.throws(() => docComments(source, 'Y'), /no 'export const Y = \{'/);
});

test("codes are in Kafka's style, stable, and mean one thing across packages", () => {
  const kafkaNames = new Set(Object.keys(ErrorCode));
  const owners = new Map<string, string[]>();
  for (const c of CATALOGUES) {
    for (const [key, value] of Object.entries(c.codes)) {
      assert.match(key, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, `${c.name}.${key}`);
      assert.ok(!key.startsWith('SLUICE_'), `${c.name}.${key}: no product prefix`);
      if (typeof value === 'string') assert.equal(value, key, `${c.name}.${key}: the code is its key`);
      owners.set(key, [...(owners.get(key) ?? []), c.name]);
    }
  }
  // The same code in two packages is allowed only when it is Kafka's name, which means Kafka's condition in both.
  for (const [code, where] of owners) if (where.length > 1) assert.ok(kafkaNames.has(code), `${code} is in ${where.join(' and ')} but is not a Kafka error name`);
});
