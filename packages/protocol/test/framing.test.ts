// The FrameDecoder: frames split anywhere across socket chunks come out whole and in order,
// empty frames included, and bad size prefixes are refused before anything is buffered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameDecoder, FrameTooLargeError } from '../src/framing.ts';
import { DecodeError } from '../src/primitives/errors.ts';
import { Random } from '@sluice/test-kit';

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

test('an empty frame on its own is returned as an empty frame', () => {
  const d = new FrameDecoder(1024);
  const frames = d.push(Buffer.from([0, 0, 0, 0]));
  assert.deepEqual(frames, [Buffer.alloc(0)]);
  assert.equal(d.buffered, 0);
});

test('frames cut at random points, empty ones among them, come out whole and in order', () => {
  const random = new Random(13);
  for (let round = 0; round < 200; round++) {
    const bodies = Array.from({ length: random.int(1, 8) }, () => random.bytes(random.chance(0.3) ? 0 : random.int(1, 300)));
    const stream = Buffer.concat(bodies.map(frame));
    const d = new FrameDecoder(1024);
    const out: Buffer[] = [];
    for (let at = 0; at < stream.length; ) {
      const end = Math.min(stream.length, at + random.int(1, 40));
      out.push(...d.push(stream.subarray(at, end)));
      at = end;
    }
    assert.deepEqual(out, bodies, `round ${round}`);
    assert.equal(d.buffered, 0);
  }
});

test('an oversized or negative size prefix is refused as soon as it arrives', () => {
  assert.throws(() => new FrameDecoder(1024).push(Buffer.from([0, 0, 4, 1])), (e: unknown) => e instanceof FrameTooLargeError && e.size === 1025 && e.limit === 1024);
  assert.throws(() => new FrameDecoder(1024).push(Buffer.from([0xff, 0xff, 0xff, 0xf0])), (e: unknown) => e instanceof DecodeError && /negative frame size -16/.test(e.message));
});

test('a frame refused by admit stays unread until a later push admits it', () => {
  let room = 0;
  const asked: number[] = [];
  const d = new FrameDecoder(1024, (size) => {
    asked.push(size);
    if (size > room) return false;
    room -= size;
    return true;
  });
  const stream = Buffer.concat([frame(Buffer.from('first')), frame(Buffer.from('second!'))]);
  assert.deepEqual(d.push(stream.subarray(0, 6)), []);
  assert.equal(d.buffered, 6, 'the size prefix is kept');
  room = 5;
  assert.deepEqual(d.push(stream.subarray(6)), [Buffer.from('first')]);
  assert.equal(d.buffered, 11, 'the second frame waits, prefix and all');
  room = 7;
  assert.deepEqual(d.push(Buffer.alloc(0)), [Buffer.from('second!')]);
  assert.equal(d.buffered, 0);
  assert.deepEqual(asked, [5, 5, 7, 7], 'each frame is asked about until admitted, and not after');
});
