// A million mutated and truncated request frames through the request decoder. Only DecodeError
// may come out, every call returns, and what a frame decodes to is never much larger than the
// frame itself (the decoder checks claimed lengths and counts before it allocates for them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError, Writer, apiByKey, decodeRequest, encodeRequestHeader } from '../src/index.ts';
import { Random, codecFor, randomStruct, schema, versionsOf } from '@sluice/test-kit';

const FRAMES = Number(process.env.SLUICE_FUZZ_FRAMES ?? 1_000_000);

/** Valid frames (no size prefix) for every request at every version. */
function seeds(rnd: Random): Buffer[] {
  const out: Buffer[] = [];
  for (const m of schema.messages) {
    if (m.kind !== 'request') continue;
    const api = apiByKey.get(m.apiKey!)!;
    for (const version of versionsOf(m)) {
      for (let i = 0; i < 2; i++) {
        const w = new Writer();
        encodeRequestHeader(w, { apiKey: m.apiKey!, apiVersion: version, correlationId: rnd.int(0, 1e6), clientId: 'fuzz' }, api.requestHeaderVersion(version));
        codecFor(m).encode(w, randomStruct(m, m.name, version, rnd), version);
        out.push(w.finish());
      }
    }
  }
  return out;
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];

function mutate(seed: Buffer, rnd: Random): Buffer {
  const kind = rnd.int(0, 5);
  if (kind === 0) return seed.subarray(0, rnd.int(0, seed.length)); // truncated
  const b = Buffer.from(seed);
  const edits = rnd.int(1, 4);
  for (let e = 0; e < edits && b.length > 0; e++) {
    const at = rnd.int(0, b.length - 1);
    switch (kind) {
      case 1:
        b[at] ^= 1 << rnd.int(0, 7);
        break;
      case 2:
        b[at] = INTERESTING[rnd.int(0, INTERESTING.length - 1)];
        break;
      case 3:
        // A length or count field claiming far more than there is.
        if (at + 4 <= b.length) b.writeInt32BE(rnd.chance(0.5) ? 0x7fffffff : rnd.int(0, 1 << 20), at);
        break;
      case 4:
        b[at] = rnd.int(0, 255);
        break;
      default:
        if (at + 2 <= b.length) b.writeInt16BE(rnd.chance(0.5) ? -1 : 0x7fff, at);
    }
  }
  return b;
}

/** Elements, characters and bytes a decoded value holds: a proxy for what decoding allocated. */
function footprint(v: unknown, depth = 0): number {
  if (depth > 64) throw new Error('decoded value nests too deeply');
  if (v === null || v === undefined) return 1;
  if (typeof v === 'string') return 1 + v.length;
  if (typeof v !== 'object') return 1;
  if (Buffer.isBuffer(v)) return 1; // views into the frame allocate no bytes
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + footprint(x, depth + 1), 1);
  let n = 1;
  for (const x of Object.values(v)) n += footprint(x, depth + 1);
  return n;
}

test(`${FRAMES} mutated frames decode or fail with DecodeError only`, () => {
  const rnd = new Random(20261124);
  const corpus = seeds(rnd);
  assert.ok(corpus.length > 500);
  let decoded = 0;
  let rejected = 0;
  let worstRatio = 0;
  for (let i = 0; i < FRAMES; i++) {
    const frame = mutate(corpus[i % corpus.length], rnd);
    try {
      const { body, header } = decodeRequest(frame);
      decoded++;
      const ratio = (footprint(body) + footprint(header)) / (frame.length + 16);
      if (ratio > worstRatio) worstRatio = ratio;
    } catch (e) {
      if (!(e instanceof DecodeError)) {
        assert.fail(`frame ${i} (${frame.toString('hex')}) threw ${(e as Error)?.stack ?? e}`);
      }
      rejected++;
    }
  }
  // Every field of a decoded message comes from at least one byte of input, except defaults for
  // fields a version lacks, so the footprint stays within a small multiple of the frame.
  console.log(`decoded ${decoded}, rejected ${rejected}, worst footprint ratio ${worstRatio.toFixed(2)}`);
  assert.ok(worstRatio < 16, `a decoded frame is ${worstRatio.toFixed(1)}× its input size`);
  assert.ok(decoded > 0 && rejected > FRAMES / 10, `decoded ${decoded}, rejected ${rejected}`);
});
