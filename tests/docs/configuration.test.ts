// docs/configuration.md and the READMEs' option tables are generated from the settings' definitions; it must be exactly what the
// generator makes from the current code, as the protocol's generated code must be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONFIGURATION_DOC, README_TABLES, configurationMarkdown, withTables } from '../../scripts/generate-config-docs.ts';

test('docs/configuration.md matches the settings\' definitions', () => {
  assert.equal(readFileSync(CONFIGURATION_DOC, 'utf8'), configurationMarkdown(), 'docs/configuration.md is out of date: run npm run docs:config');
});

test('the reference has a section for each component, and every setting in it', () => {
  const doc = configurationMarkdown();
  for (const title of ['Broker', 'Topic', 'Client: common to producer, consumer and admin', 'Producer', 'Consumer', 'Admin', 'Streams']) assert.match(doc, new RegExp(`^## ${title.replace(/[()]/g, '\\$&')}$`, 'm'));
  for (const name of ['`log.dirs`', '`retention.ms`', '`bootstrap.servers`', '`linger.ms`', '`auto.offset.reset`', '`default.api.timeout.ms`', '`application.id`']) assert.ok(doc.includes(`| ${name} |`) || doc.includes(` ${name} |`), name);
});

test('the READMEs\' option tables match the settings\' definitions', () => {
  for (const [path, tables] of Object.entries(README_TABLES)) {
    const readme = readFileSync(path, 'utf8');
    assert.equal(readme, withTables(readme, tables), `${relative(process.cwd(), path)}'s option tables are out of date: run npm run docs:config`);
  }
});

test('a README without the block for a table is an error, not silently skipped', () => {
  assert.throws(() => withTables('# x\n', { streams: '| a |' }), /no <!-- options:streams --> block/);
  assert.equal(withTables('a\n<!-- options:t -->\nold\n<!-- /options:t -->\nb', { t: 'new' }), 'a\n<!-- options:t -->\nnew\n<!-- /options:t -->\nb');
});
