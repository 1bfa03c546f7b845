// docs/configuration.md is generated from the settings' definitions; it must be exactly what the
// generator makes from the current code, as the protocol's generated code must be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIGURATION_DOC, configurationMarkdown } from '../../scripts/generate-config-docs.js';

test('docs/configuration.md matches the settings\' definitions', () => {
  assert.equal(readFileSync(CONFIGURATION_DOC, 'utf8'), configurationMarkdown(), 'docs/configuration.md is out of date: run npm run docs:config');
});

test('the reference has a section for each component, and every setting in it', () => {
  const doc = configurationMarkdown();
  for (const title of ['Broker', 'Topic', 'Client: common to producer, consumer and admin', 'Producer', 'Consumer', 'Admin', 'Streams']) assert.match(doc, new RegExp(`^## ${title.replace(/[()]/g, '\\$&')}$`, 'm'));
  for (const name of ['`log.dirs`', '`retention.ms`', '`bootstrap.servers`', '`linger.ms`', '`auto.offset.reset`', '`default.api.timeout.ms`', '`application.id`']) assert.ok(doc.includes(`| ${name} |`) || doc.includes(` ${name} |`), name);
});
