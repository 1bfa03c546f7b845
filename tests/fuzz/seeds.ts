/**
 * Seeds for the fuzzers: the request frames real clients sent to Apache Kafka (the protocol's golden
 * captures), and the regression corpus committed next to this file.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const capturesDir = fileURLToPath(new URL('../../packages/protocol/test/fixtures/captures', import.meta.url));
export const corpusDir = fileURLToPath(new URL('./corpus', import.meta.url));
export const failureDir = fileURLToPath(new URL('./failures', import.meta.url));

export interface CapturedRequest {
  /** `<client>/<scenario>`. */
  source: string;
  connection: number;
  apiKey: number;
  apiVersion: number;
  /** The frame without its size prefix. */
  frame: Buffer;
}

/** Every request frame of every capture, scenario by scenario, in wire order. */
export function capturedScenarios(): { source: string; requests: CapturedRequest[] }[] {
  const out: { source: string; requests: CapturedRequest[] }[] = [];
  for (const client of readdirSync(capturesDir, { withFileTypes: true })) {
    if (!client.isDirectory()) continue;
    for (const file of readdirSync(join(capturesDir, client.name)).filter((f) => f.endsWith('.jsonl')).sort()) {
      const source = `${client.name}/${file.replace(/\.jsonl$/, '')}`;
      const requests = readFileSync(join(capturesDir, client.name, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { connection: number; dir: string; apiKey: number; apiVersion: number; frame: string })
        .filter((l) => l.dir === 'request')
        .map((l) => ({ source, connection: l.connection, apiKey: l.apiKey, apiVersion: l.apiVersion, frame: Buffer.from(l.frame, 'hex') }));
      out.push({ source, requests });
    }
  }
  return out.sort((a, b) => a.source.localeCompare(b.source));
}

/** The regression corpus of one target: corpus/<target>/*.bin, by name. */
export function regressionCorpus(target: string): { name: string; bytes: Buffer }[] {
  const dir = join(corpusDir, target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}
