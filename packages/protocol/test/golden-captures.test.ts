// Bytes captured from real clients talking to a real Apache Kafka 4.3 broker (see
// fixtures/captures/README.md): every request and response decodes, and encoding what was decoded
// gives back exactly the captured bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Reader,
  Writer,
  apiByKey,
  decodeRequestHeader,
  decodeResponseHeader,
  encodeRequestHeader,
  encodeResponseHeader,
  requestHeaderVersion,
} from '../src/index.ts';

export interface CapturedFrame {
  connection: number;
  dir: 'request' | 'response';
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  frame: string;
}

const capturesDir = fileURLToPath(new URL('./fixtures/captures', import.meta.url));

export function loadCaptures(): { client: string; scenario: string; frames: CapturedFrame[] }[] {
  const out = [];
  for (const client of readdirSync(capturesDir, { withFileTypes: true })) {
    if (!client.isDirectory()) continue;
    for (const file of readdirSync(join(capturesDir, client.name)).filter((f) => f.endsWith('.jsonl'))) {
      const frames = readFileSync(join(capturesDir, client.name, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as CapturedFrame);
      out.push({ client: client.name, scenario: file.replace(/\.jsonl$/, ''), frames });
    }
  }
  return out;
}

const captures = loadCaptures();

/**
 * Requests seen with bytes after their body, which Apache Kafka accepts (it never checks for
 * leftovers): librdkafka 2.16 appends three bytes to Metadata v13.
 */
const TRAILING_BYTES_SEEN = new Set(['confluent-kafka Metadata v13']);

test('captures exist from at least three clients, with flexible and classic versions', () => {
  const clients = new Set(captures.map((c) => c.client));
  assert.ok(clients.size >= 3, `only ${[...clients].join(', ')}`);
  const flexible = captures.some((c) => c.frames.some((f) => f.apiKey === 1 && f.apiVersion >= 12));
  const classic = captures.some((c) => c.frames.some((f) => f.apiKey === 1 && f.apiVersion < 12));
  assert.ok(flexible && classic);
});

for (const { client, scenario, frames } of captures) {
  test(`${client}/${scenario}: every frame decodes and re-encodes byte for byte`, () => {
    let checked = 0;
    for (const f of frames) {
      const api = apiByKey.get(f.apiKey);
      assert.ok(api, `unknown API key ${f.apiKey}`);
      const bytes = Buffer.from(f.frame, 'hex');
      let trailing = 0;
      const r = new Reader(bytes);
      const w = new Writer();
      const where = `${client}/${scenario} ${f.dir} ${api.name} v${f.apiVersion} correlation ${f.correlationId}`;
      if (f.dir === 'request') {
        const hv = requestHeaderVersion(f.apiKey, f.apiVersion);
        const header = decodeRequestHeader(r, hv);
        assert.equal(header.correlationId, f.correlationId, where);
        const body = api.decodeRequest(r, f.apiVersion);
        if (r.remaining !== 0) {
          // Kafka ignores bytes after a request body; so must we (see TRAILING_BYTES_SEEN).
          assert.ok(TRAILING_BYTES_SEEN.has(`${client} ${api.name} v${f.apiVersion}`), `${where}: ${r.remaining} bytes not decoded`);
          trailing = r.remaining;
        }
        encodeRequestHeader(w, header, hv);
        (api.encodeRequest as (w: Writer, v: unknown, version: number) => void)(w, body, f.apiVersion);
      } else {
        const hv = api.responseHeaderVersion(f.apiVersion);
        const header = decodeResponseHeader(r, hv);
        assert.equal(header.correlationId, f.correlationId, where);
        const body = api.decodeResponse(r, f.apiVersion);
        assert.equal(r.remaining, 0, `${where}: ${r.remaining} bytes not decoded`);
        encodeResponseHeader(w, header, hv);
        (api.encodeResponse as (w: Writer, v: unknown, version: number) => void)(w, body, f.apiVersion);
      }
      const again = w.finish();
      if (!again.equals(bytes.subarray(0, bytes.length - trailing))) {
        assert.fail(`${where}: re-encoded bytes differ\n captured ${bytes.toString('hex')}\n encoded  ${again.toString('hex')}`);
      }
      checked++;
    }
    assert.ok(checked > 0);
  });
}
