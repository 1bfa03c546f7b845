/**
 * Murmur3's 128-bit x64 hash as Kafka Streams computes it (its state.internals.Murmur3.hash128,
 * seed 104729): the foreign-key join sends this hash of the serialised left value along with a
 * subscription and drops a response whose hash no longer matches the current value. Sluice and
 * Java instances of one application must agree on it, so it is Java's to the bit; the two halves
 * are returned as signed 64-bit integers, as Java's long[2].
 */
const MASK = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;
const SEED = 104729n;

const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const add = (a: bigint, b: bigint): bigint => (a + b) & MASK;
const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;

function fmix64(h: bigint): bigint {
  h ^= h >> 33n;
  h = mul(h, 0xff51afd7ed558ccdn);
  h ^= h >> 33n;
  h = mul(h, 0xc4ceb9fe1a85ec53n);
  h ^= h >> 33n;
  return h;
}

const mixK1 = (k1: bigint): bigint => mul(rotl(mul(k1, C1), 31n), C2);
const mixK2 = (k2: bigint): bigint => mul(rotl(mul(k2, C2), 33n), C1);

export function murmur3Hash128(data: Uint8Array): [bigint, bigint] {
  let h1 = SEED;
  let h2 = SEED;
  const length = data.length;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const blocks = length >> 4;
  for (let i = 0; i < blocks; i++) {
    const k1 = view.getBigUint64(i * 16, true);
    const k2 = view.getBigUint64(i * 16 + 8, true);
    h1 ^= mixK1(k1);
    h1 = add(mul(add(rotl(h1, 27n), h2), 5n), 0x52dce729n);
    h2 ^= mixK2(k2);
    h2 = add(mul(add(rotl(h2, 31n), h1), 5n), 0x38495ab5n);
  }
  // The tail: up to 15 bytes, little-endian, bytes 8.. into k2 and 0..7 into k1.
  const tail = blocks << 4;
  const rest = length - tail;
  if (rest > 8) {
    let k2 = 0n;
    for (let i = rest - 1; i >= 8; i--) k2 ^= BigInt(data[tail + i]!) << BigInt(8 * (i - 8));
    h2 ^= mixK2(k2);
  }
  if (rest > 0) {
    let k1 = 0n;
    for (let i = Math.min(rest, 8) - 1; i >= 0; i--) k1 ^= BigInt(data[tail + i]!) << BigInt(8 * i);
    h1 ^= mixK1(k1);
  }
  h1 ^= BigInt(length);
  h2 ^= BigInt(length);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  return [BigInt.asIntN(64, h1), BigInt.asIntN(64, h2)];
}
