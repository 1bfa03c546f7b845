// CRC-32C (Castagnoli): crc32c() takes a JavaScript table path below 48 bytes and the native
// @node-rs/crc32 above. Both paths are checked here against known check values and against an
// independent bit-by-bit implementation written below, at every length on both sides of the
// threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32c as nativeCrc32c } from '@node-rs/crc32';
import { crc32c } from '../src/crc32c.ts';
import { Random } from '@sluice/test-kit';

/** The reflected CRC-32C, one bit at a time (polynomial 0x82F63B78, init and final xor 0xFFFFFFFF). */
function referenceCrc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}


function randomBytes(random: Random, length: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = random.int(0, 255);
  return b;
}

test('the reference implementation gives the published CRC-32C check values', () => {
  // The catalogue check value (CRC-32/ISCSI) and RFC 3720's iSCSI test vectors (B.4).
  assert.equal(referenceCrc32c(Buffer.from('123456789')), 0xe3069283);
  assert.equal(referenceCrc32c(Buffer.alloc(32, 0x00)), 0x8a9136aa);
  assert.equal(referenceCrc32c(Buffer.alloc(32, 0xff)), 0x62a8ab43);
});

test('crc32c gives the check values on the JavaScript path (below 48 bytes)', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  assert.equal(crc32c(new Uint8Array(0)), 0);
  // RFC 3720 B.4: 32 bytes of zeros, of ones, ascending and descending.
  assert.equal(crc32c(Buffer.alloc(32, 0x00)), 0x8a9136aa);
  assert.equal(crc32c(Buffer.alloc(32, 0xff)), 0x62a8ab43);
  assert.equal(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i))), 0x46dd794e);
  assert.equal(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i))), 0x113fdb5c);
});

test('crc32c gives the check values on the native path (48 bytes and more)', () => {
  // "123456789" repeated past the threshold: the value is the reference's, computed independently.
  const long = Buffer.from('123456789'.repeat(8));
  assert.ok(long.length >= 48);
  assert.equal(crc32c(long), referenceCrc32c(long));
  assert.equal(crc32c(Buffer.alloc(48, 0x00)), referenceCrc32c(Buffer.alloc(48, 0x00)));
  // The native package itself agrees on the catalogue check value.
  assert.equal(nativeCrc32c(Buffer.from('123456789')) >>> 0, 0xe3069283);
});

test('crc32c equals the bit-by-bit reference and the native package at every length 0..200', () => {
  const random = new Random(0xc0ffee);
  for (let length = 0; length <= 200; length++) {
    for (let round = 0; round < 4; round++) {
      const data = randomBytes(random, length);
      const expected = referenceCrc32c(data);
      assert.equal(crc32c(data), expected, `length ${length}, round ${round}`);
      // JS path (below 48) and native path (from 48) both agree with the native package.
      assert.equal(nativeCrc32c(data) >>> 0, expected, `native, length ${length}`);
    }
  }
});

test('crc32c reads only the view it is given (a subarray of a larger buffer)', () => {
  const random = new Random(7);
  const big = randomBytes(random, 400);
  for (const [start, end] of [
    [3, 20],
    [5, 52],
    [1, 47],
    [0, 48],
    [11, 300],
  ]) {
    const view = big.subarray(start, end);
    assert.equal(crc32c(view), referenceCrc32c(Buffer.from(view)), `bytes ${start}..${end}`);
  }
});
