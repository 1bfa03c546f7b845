// The committed generated code must be exactly what the generator makes from Kafka's message
// definitions. Runs when the definitions folder (../shared/kafka-protocol beside the repository,
// or $SLUICE_KAFKA_DEFINITIONS) is present; the machines of this project have it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { generate, listFiles } from '../generator/generate.js';
import { stripJsonComments } from '../generator/model.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const definitions = resolve(process.env.SLUICE_KAFKA_DEFINITIONS ?? resolve(here, '../../../../shared/kafka-protocol'));
const committed = resolve(here, '../src/generated');
const skip = existsSync(definitions) ? false : `no message definitions at ${definitions}`;

test('generated code matches the message definitions', { skip }, () => {
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

test('the generated code carries no prose from the definitions', { skip }, () => {
  // Long "about" texts only: short ones such as "The topic name." could coincide with our words.
  const abouts = aboutTexts(definitions).filter((a) => a.length > 40);
  assert.ok(abouts.length > 500, `only ${abouts.length} about texts found`);
  const output = listFiles(committed)
    .map((p) => readFileSync(resolve(committed, p), 'utf8'))
    .join('\n');
  assert.deepEqual(abouts.filter((a) => output.includes(a)), []);
});

function aboutTexts(dir: string, out: string[] = []): string[] {
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'about' && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  for (const name of readdirSync(dir)) {
    const path = resolve(dir, name);
    if (statSync(path).isDirectory()) aboutTexts(path, out);
    else if (name.endsWith('.json')) walk(JSON.parse(stripJsonComments(readFileSync(path, 'utf8'))));
  }
  return out;
}
