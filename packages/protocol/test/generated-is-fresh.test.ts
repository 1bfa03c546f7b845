// The committed generated code must be exactly what the generator makes from Kafka's message
// definitions, read from Kafka 4.3.1's jars (resolved from Maven Central into ~/.cache/sluice on
// first use, as the other tests that need Kafka do). Never skipped: without Maven, or with the
// jars out of reach, it fails saying so.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { generate, listFiles } from '../generator/generate.ts';
import { kafkaDefinitions } from '../generator/kafka-jars.ts';
import { stripJsonComments, type DefinitionFile } from '../generator/model.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const committed = resolve(here, '../src/generated');
let definitions: DefinitionFile[] = [];

before(async () => {
  definitions = await kafkaDefinitions();
});

test('the jars carry every kind of definition the generator needs', () => {
  const modules = new Set(definitions.map((d) => d.source.split('/')[0]));
  assert.deepEqual([...modules].sort(), ['clients', 'group-coordinator', 'transaction-coordinator']);
  for (const name of ['clients/FetchRequest.json', 'clients/RequestHeader.json', 'group-coordinator/OffsetCommitValue.json', 'transaction-coordinator/TransactionLogValue.json']) {
    assert.ok(definitions.some((d) => d.source === name), `${name} is missing`);
  }
});

test('generated code matches the message definitions', () => {
  const expected = new Map(generate(definitions).map((f) => [f.path, f.content]));
  const actual = listFiles(committed);
  const stale: string[] = [];
  for (const path of actual) {
    if (!expected.has(path)) stale.push(`${path} is committed but no longer generated`);
    else if (readFileSync(resolve(committed, path), 'utf8') !== expected.get(path)) stale.push(`${path} differs`);
  }
  for (const path of expected.keys()) if (!actual.includes(path)) stale.push(`${path} is generated but not committed`);
  assert.deepEqual(stale, [], 'run `npm run generate` and commit the result');
});

test('the generated code carries no prose from the definitions', () => {
  // Long "about" texts only: short ones such as "The topic name." could coincide with our words.
  const abouts = definitions.flatMap((d) => aboutTexts(JSON.parse(stripJsonComments(d.text)))).filter((a) => a.length > 40);
  assert.ok(abouts.length > 500, `only ${abouts.length} about texts found`);
  const output = listFiles(committed)
    .map((p) => readFileSync(resolve(committed, p), 'utf8'))
    .join('\n');
  assert.deepEqual(abouts.filter((a) => output.includes(a)), []);
});

function aboutTexts(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) for (const v of x) aboutTexts(v, out);
  else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'about' && typeof v === 'string') out.push(v);
      else aboutTexts(v, out);
    }
  }
  return out;
}
