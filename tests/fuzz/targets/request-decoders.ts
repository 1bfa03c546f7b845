/**
 * Target: the generated decoder of every request message, through decodeRequest (header, then the
 * body at the header's version). Property: a frame either decodes or fails with DecodeError; and
 * what decodes encodes again at the same version and decodes to the same value (so no decoded
 * value is one the encoder cannot write, and nothing is lost or invented on the way).
 */
import { isDeepStrictEqual } from 'node:util';
import { DecodeError, Writer, apiByKey, decodeRequest, encodeRequestHeader, requestHeaderVersion, type AnyApi } from '@sluice/protocol';
import { Random, codecFor, randomStruct, schema, versionsOf } from '@sluice/test-kit';
import { PropertyViolation, type FuzzTarget } from '../engine/fuzzer.ts';
import { capturedScenarios } from '../seeds.ts';

function reencode(frame: Buffer): void {
  let decoded;
  try {
    decoded = decodeRequest(frame);
  } catch (e) {
    if (e instanceof DecodeError) return;
    throw new PropertyViolation(`decodeRequest threw ${(e as Error)?.name}, not DecodeError: ${(e as Error)?.message}`, { cause: e });
  }
  const { header, api, body } = decoded;
  const version = header.apiVersion;
  const w = new Writer();
  encodeRequestHeader(w, header, requestHeaderVersion(header.apiKey, version));
  (api as AnyApi).encodeRequest(w, body as never, version);
  const again = decodeRequest(w.finish());
  if (!isDeepStrictEqual(again.body, body) || !isDeepStrictEqual(again.header, header)) {
    throw new PropertyViolation(`${api.name} v${version} decodes to a different value after encoding what it decoded`);
  }
}

/** Frames every client captured, and two generated frames for each request at each version. */
function seeds(): Buffer[] {
  const out = capturedScenarios().flatMap((s) => s.requests.map((r) => r.frame));
  const rnd = new Random(20261203);
  for (const m of schema.messages) {
    if (m.kind !== 'request') continue;
    const api = apiByKey.get(m.apiKey!)!;
    for (const version of versionsOf(m)) {
      const w = new Writer();
      encodeRequestHeader(w, { apiKey: m.apiKey!, apiVersion: version, correlationId: 1, clientId: 'fuzz' }, api.requestHeaderVersion(version));
      codecFor(m).encode(w, randomStruct(m, m.name, version, rnd), version);
      out.push(w.finish());
    }
  }
  return out;
}

export function requestDecodersTarget(): FuzzTarget & { seeds(): Buffer[] } {
  return {
    name: 'request-decoders',
    batch: 32,
    maxInputBytes: 64 * 1024,
    covers: (url) => url.includes('/packages/protocol/src/'),
    run: reencode,
    seeds,
  };
}
