// murmur2 and the keyed partition choice against values printed by the real Java client
// (fixtures/Murmur2Values.java, run once against kafka-clients 4.3.1; output in murmur2-java.json),
// and the sticky partitioner's switching rules (KIP-794).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StickyPartitioner, murmur2, partitionForKey, toPositive } from '../src/producer/partitioner.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/murmur2-java.json', import.meta.url), 'utf8')) as {
  partitionCounts: number[];
  keys: { hex: string; murmur2: number; partitions: number[] }[];
};

test('murmur2 equals Kafka Utils.murmur2 for every fixture key', () => {
  assert.ok(fixture.keys.length > 100);
  for (const k of fixture.keys) assert.equal(murmur2(Buffer.from(k.hex, 'hex')), k.murmur2, `key ${k.hex}`);
});

test('the keyed partition equals the Java client choice for every partition count', () => {
  for (const k of fixture.keys) {
    const key = Buffer.from(k.hex, 'hex');
    fixture.partitionCounts.forEach((n, i) => assert.equal(partitionForKey(key, n), k.partitions[i], `key ${k.hex}, ${n} partitions`));
  }
});

test('toPositive clears the sign bit like Kafka (not Math.abs)', () => {
  assert.equal(toPositive(-1), 0x7fffffff);
  assert.equal(toPositive(-2147483648), 0);
  assert.equal(toPositive(5), 5);
});

test('the sticky partitioner keeps a partition until batch.size bytes, then switches', () => {
  const p = new StickyPartitioner(100);
  const all = [0, 1, 2, 3, 4, 5, 6, 7];
  const first = p.partition(all, 8);
  for (let i = 0; i < 9; i++) {
    assert.equal(p.partition(all, 8), first);
    p.appended(10, true, all, 8);
  }
  // 90 bytes so far: still sticky. Not-full batches postpone the switch up to twice the size.
  assert.equal(p.partition(all, 8), first);
  p.appended(10, false, all, 8);
  assert.equal(p.partition(all, 8), first);
  const seen = new Set<number>();
  for (let round = 0; round < 200; round++) {
    p.appended(200, false, all, 8);
    seen.add(p.partition(all, 8));
  }
  assert.ok(seen.size > 4, 'switches spread over the partitions');
});

test('the sticky partitioner only picks available partitions, and prefers short queues', () => {
  const p = new StickyPartitioner(1);
  for (let i = 0; i < 100; i++) {
    p.appended(1, true, [2, 5], 8);
    assert.ok([2, 5].includes(p.partition([2, 5], 8)));
  }
  const q = new StickyPartitioner(1);
  q.updateLoad([0, 50, 50, 50], [0, 1, 2, 3], 4);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 2000; i++) {
    q.appended(1, true, [0, 1, 2, 3], 4);
    counts[q.partition([0, 1, 2, 3], 4)]++;
  }
  assert.ok(counts[0] > counts[1] * 10, `weighted towards the empty queue: ${counts}`);
});
