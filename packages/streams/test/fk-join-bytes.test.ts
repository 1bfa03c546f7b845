// The foreign-key join's value hash and internal records against Kafka Streams 4.3.1 itself:
// fixtures/ForeignKeyJoinBytes.java ran Java's Murmur3.hash128 over byte arrays of every length
// from 0 to 40 (every tail length, one and two blocks) and wrote subscriptions and responses with
// Java's serdes (every instruction, with and without a hash, with and without a foreign value);
// its output is fixtures/kafka-streams-4.3.1-fk-join-bytes.txt. Sluice's must be the same, and
// read back to what was written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { murmur3Hash128 } from '../src/kstream/murmur3.ts';
import { type Instruction, combinedKey, combinedKeyPrefix, decodeResponse, decodeSubscription, encodeResponse, encodeSubscription, splitCombinedKey } from '../src/kstream/fk-join-wrappers.ts';

const golden = readFileSync(new URL('./fixtures/kafka-streams-4.3.1-fk-join-bytes.txt', import.meta.url), 'utf8').trim().split('\n');
const lines = (kind: string): string[][] => golden.filter((l) => l.startsWith(`${kind} `)).map((l) => l.split(' ').slice(1));

/** ForeignKeyJoinBytes.bytes(n): (byte) (i * 31 + 7 * n + 200). */
const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 7 * n + 200) & 0xff));
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

test('murmur3Hash128 is Kafka Streams Murmur3.hash128 for every length from 0 to 40', () => {
  const java = lines('hash');
  assert.equal(java.length, 41);
  for (const [n, h1, h2] of java) assert.deepEqual(murmur3Hash128(bytes(Number(n))), [BigInt(h1!), BigInt(h2!)], `length ${n}`);
});

test('subscriptions are written byte for byte as Java writes them, and read back', () => {
  const java = lines('subscription');
  assert.equal(java.length, 8);
  for (const [i, hex] of java) {
    const n = Number(i);
    const subscription = {
      hash: n % 2 === 0 ? null : murmur3Hash128(utf8(`value-${n}`)),
      instruction: (n % 4) as Instruction,
      primaryKey: utf8(`pk-${n}`),
      primaryPartition: n,
    };
    const written = encodeSubscription(subscription);
    assert.equal(written.toString('hex'), hex, `subscription ${n}`);
    assert.deepEqual(decodeSubscription(written), subscription);
  }
});

test('responses are written byte for byte as Java writes them, and read back', () => {
  const java = lines('response');
  assert.equal(java.length, 4);
  for (const [i, hex] of java) {
    const n = Number(i);
    const response = { hash: n % 2 === 0 ? null : murmur3Hash128(utf8(`value-${n}`)), foreignValue: n < 2 ? null : utf8(`fv-${n}`) };
    const written = encodeResponse(response);
    assert.equal(written.toString('hex'), hex, `response ${n}`);
    assert.deepEqual(decodeResponse(written), response);
  }
});

test('a combined key starts with its foreign key prefix and splits back', () => {
  const key = combinedKey(utf8('fk'), utf8('pk-1'));
  assert.equal(key.toString('hex'), `00000002${utf8('fk').toString('hex')}${utf8('pk-1').toString('hex')}`);
  assert.ok(key.subarray(0, 6).equals(combinedKeyPrefix(utf8('fk'))));
  assert.deepEqual(splitCombinedKey(key), { foreignKey: utf8('fk'), primaryKey: utf8('pk-1') });
  // A garbled subscription says what may be wrong instead of failing somewhere later.
  assert.throws(() => decodeSubscription(Buffer.from([0x05, 0x09])), /malformed foreign-key join subscription/);
});
