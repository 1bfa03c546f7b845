/**
 * Generates packages/protocol/src/generated from Kafka's message definitions.
 * Output is deterministic: the same definitions always give byte-identical files, which is what
 * the freshness test relies on.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitApis, emitIndex, pairApis } from './emit-apis.ts';
import { emitMessage, messageModuleName } from './emit-message.ts';
import { emitSchema } from './emit-schema.ts';
import { loadDefinitions, type DefinitionFile } from './model.ts';

export interface GeneratedFile {
  path: string;
  content: string;
}

/** Every generated file, as paths relative to the output folder. */
export function generate(definitions: readonly DefinitionFile[]): GeneratedFile[] {
  const messages = loadDefinitions(definitions).filter((m) => m.kind !== 'header');
  const files: GeneratedFile[] = [];
  for (const m of messages) files.push({ path: `messages/${messageModuleName(m)}.ts`, content: emitMessage(m) });
  files.push({ path: 'apis.ts', content: emitApis(pairApis(messages)) });
  files.push({ path: 'index.ts', content: emitIndex(messages) });
  files.push({ path: 'schema.json', content: emitSchema(messages) });
  return files;
}

/** Replaces the output folder's contents with a fresh generation. */
export function writeGenerated(definitions: readonly DefinitionFile[], outputDir: string): GeneratedFile[] {
  const files = generate(definitions);
  rmSync(outputDir, { recursive: true, force: true });
  for (const f of files) {
    const path = join(outputDir, f.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, f.content);
  }
  return files;
}

export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...listFiles(join(dir, entry.name), `${prefix}${entry.name}/`));
    else out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}
