// The README's option tables are the generated ones: the docs cannot drift from the options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { optionTables } from '../scripts/options-tables.js';

test('the README option tables match the option definitions', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const [name, table] of Object.entries(optionTables())) {
    const m = new RegExp(`<!-- options:${name} -->\\n([\\s\\S]*?)\\n<!-- /options:${name} -->`).exec(readme);
    assert.ok(m, `the README has an options:${name} block`);
    assert.equal(m[1], table, `options:${name} is out of date: regenerate it with node --conditions=sluice:source --import tsx packages/client/scripts/options-tables.ts`);
  }
});
