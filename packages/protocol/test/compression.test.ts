// Each codec against an independent implementation: the gzip, lz4 and zstd command-line tools
// (both directions). Snappy in both framings is covered by real clients' batches in
// record-batches.test.ts (Java and kafka-python write xerial framing, librdkafka, KafkaJS and
// @platformatic/kafka raw snappy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decompressFrameSync } from 'lz4-napi';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CompressionType, compress, compressionTypeFromName, compressionTypeName, decompress } from '../src/index.ts';
import { independentBlocks } from '../src/compression/lz4.ts';
import { snappyCompress } from '../src/compression/snappy.ts';
import { Random } from '@sluice/test-kit';

function tool(name: string): void {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`the '${name}' command is needed for this test: apt-get install -y ${name}`);
  }
}

const SAMPLES = [Buffer.alloc(0), Buffer.from('x'), Buffer.from('kafka '.repeat(200)), randomBytes(1024), Buffer.concat([randomBytes(300_000), Buffer.alloc(800_000, 7)])];

const CLI: [CompressionType, string, string[], string[]][] = [
  [CompressionType.Gzip, 'gzip', ['-c'], ['-dc']],
  [CompressionType.Lz4, 'lz4', ['-c', '-B4', '-BI'], ['-dc']],
  [CompressionType.Zstd, 'zstd', ['-c', '-q'], ['-dc', '-q']],
];

for (const [type, name, packArgs, unpackArgs] of CLI) {
  test(`${name}: the ${name} tool reads ours and we read the ${name} tool's`, async () => {
    tool(name);
    const dir = mkdtempSync(join(tmpdir(), 'sluice-compression-'));
    try {
      for (const [i, sample] of SAMPLES.entries()) {
        const ours = await compress(type, sample);
        writeFileSync(join(dir, `ours-${i}`), ours);
        assert.ok(execFileSync(name, [...unpackArgs, join(dir, `ours-${i}`)], { maxBuffer: 1 << 26 }).equals(sample), `${name} could not read ours (${sample.length} bytes)`);
        writeFileSync(join(dir, `plain-${i}`), sample);
        const theirs = execFileSync(name, [...packArgs, join(dir, `plain-${i}`)], { maxBuffer: 1 << 26 });
        assert.ok((await decompress(type, theirs)).equals(sample), `we could not read ${name}'s (${sample.length} bytes)`);
      }
      // Concatenated gzip members read as one stream, as Java's GZIPInputStream does.
      if (type === CompressionType.Gzip) {
        const two = Buffer.concat([await compress(type, Buffer.from('ab')), await compress(type, Buffer.from('cd'))]);
        assert.equal((await decompress(type, two)).toString(), 'abcd');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('our lz4 frames have the header Java requires: version 1, independent blocks, 64 KiB', async () => {
  const frame = await compress(CompressionType.Lz4, Buffer.from('hello'));
  assert.equal(frame.readUInt32LE(0), 0x184d2204);
  assert.equal(frame[4] & 0xc0, 0x40); // version 01
  assert.equal(frame[4] & 0x20, 0x20); // block independence
  assert.equal((frame[5] >> 4) & 7, 4); // 64 KiB blocks
});

test('snappy round trips and reads the xerial framing', async () => {
  for (const sample of SAMPLES) assert.ok((await decompress(CompressionType.Snappy, await compress(CompressionType.Snappy, sample))).equals(sample));
});

test('corrupt input fails with an error naming the codec', async () => {
  const junk = Buffer.from('this is not compressed data at all, not even close');
  for (const [type, name] of [[CompressionType.Gzip, 'gzip'], [CompressionType.Snappy, 'snappy'], [CompressionType.Lz4, 'lz4'], [CompressionType.Zstd, 'zstd']] as const) {
    await assert.rejects(decompress(type, junk), new RegExp(name));
  }
});

test('decompression stops at the output limit', async () => {
  const big = Buffer.alloc(5_000_000, 1);
  for (const type of [CompressionType.Gzip, CompressionType.Snappy, CompressionType.Lz4, CompressionType.Zstd]) {
    const packed = await compress(type, big);
    await assert.rejects(decompress(type, packed, 1_000_000), /limit|too large|exceed/i, compressionTypeName(type));
    assert.equal((await decompress(type, packed, 5_000_000)).length, 5_000_000);
  }
});

test('codec names follow Kafka compression.type values', () => {
  assert.equal(compressionTypeFromName('ZSTD'), CompressionType.Zstd);
  assert.equal(compressionTypeName(2), 'snappy');
  assert.throws(() => compressionTypeFromName('brotli'), /use one of none, gzip, snappy, lz4, zstd/);
});


test('lz4: frames with independent blocks (every Kafka client, the lz4 tool) take the block decoder, with the frame decoder\'s output', async () => {
  tool('lz4');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-lz4-'));
  try {
    for (const [i, sample] of SAMPLES.entries()) {
      writeFileSync(join(dir, `plain-${i}`), sample);
      // Independent 64 KiB blocks, with the tool's content checksum; then with block checksums too.
      for (const args of [['-B4', '-BI'], ['-B4', '-BI', '-BX'], ['-B5', '-BI', '--content-size']]) {
        const theirs = execFileSync('lz4', ['-c', ...args, join(dir, `plain-${i}`)], { maxBuffer: 1 << 26 });
        assert.ok(independentBlocks(theirs, 1 << 30)?.equals(sample), `lz4 ${args.join(' ')}: ${sample.length} bytes`);
      }
      // Linked blocks are left to the frame decoder, and still read.
      const linked = execFileSync('lz4', ['-c', '-B4', '-BD', join(dir, `plain-${i}`)], { maxBuffer: 1 << 26 });
      if (sample.length > 65536) assert.equal(independentBlocks(linked, 1 << 30), null);
      assert.ok((await decompress(CompressionType.Lz4, linked)).equals(sample));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The batches Kafka stored from Java, librdkafka and kafka-python producers.
  const logs = fileURLToPath(new URL('./fixtures/kafka-log', import.meta.url));
  let batches = 0;
  for (const file of readdirSync(logs).filter((f) => f.endsWith('-lz4.log'))) {
    const segment = readFileSync(join(logs, file));
    for (let p = 0; p < segment.length; p += segment.readInt32BE(p + 8) + 12) {
      const records = segment.subarray(p + 61, p + segment.readInt32BE(p + 8) + 12);
      if ((segment.readInt16BE(p + 21) & 7) !== CompressionType.Lz4) continue;
      assert.ok(independentBlocks(records, 1 << 30)?.equals(decompressFrameSync(records)), file);
      batches++;
    }
  }
  assert.ok(batches >= 3, `${batches} client batches`);
});

test('lz4: whatever the block decoder path accepts of a damaged frame, the frame decoder reads the same', async () => {
  const random = new Random(0x1a4);
  const sample = Buffer.concat([Buffer.from('kafka '.repeat(20_000)), randomBytes(5000)]);
  const frame = await compress(CompressionType.Lz4, sample);
  let accepted = 0;
  for (let i = 0; i < 3000; i++) {
    const damaged = Buffer.from(frame);
    const at = random.int(0, damaged.length - 1);
    damaged[at] = random.int(0, 255);
    if (random.chance(0.3)) damaged[random.int(0, 15)] = random.int(0, 255); // the frame header, more often
    const fast = independentBlocks(damaged, 1 << 30);
    if (fast === null) continue;
    accepted++;
    assert.ok(fast.equals(decompressFrameSync(damaged)), `byte ${at}`);
  }
  assert.ok(accepted > 100, `${accepted} damaged frames decoded`);
});

// Decompression bombs: a few KB that expand far beyond the limit must be refused at the limit or
// before, never after the whole output was made. The frames come from the real tools, with and
// without a declared content size, linked and independent lz4 blocks, raw and xerial snappy.
const BOMB_LIMIT = 1 << 20;
const ZEROS = Buffer.alloc(16 << 20);

function packWith(name: string, args: string[], input: Buffer): Buffer {
  tool(name);
  return execFileSync(name, args, { input, maxBuffer: 1 << 26 });
}

test('bombs: every codec refuses output beyond the limit before or at the limit, with and without a declared size', async () => {
  const half = ZEROS.subarray(0, 8 << 20);
  const bombs: [string, CompressionType, Buffer, number][] = [
    ['gzip', CompressionType.Gzip, packWith('gzip', ['-c', '-9'], ZEROS), ZEROS.length],
    ['zstd with a content size', CompressionType.Zstd, packWith('zstd', ['-c', '-q', '--content-size'], ZEROS), ZEROS.length],
    ['zstd without a content size', CompressionType.Zstd, packWith('zstd', ['-c', '-q', '--no-content-size'], ZEROS), ZEROS.length],
    ['zstd, two frames without a content size', CompressionType.Zstd, Buffer.concat([half, half].map((z) => packWith('zstd', ['-c', '-q', '--no-content-size'], z))), ZEROS.length],
    ['lz4, independent blocks', CompressionType.Lz4, packWith('lz4', ['-c', '-BI', '-B4'], ZEROS), ZEROS.length],
    ['lz4, independent blocks with a content size', CompressionType.Lz4, packWith('lz4', ['-c', '-BI', '-B4', '--content-size'], ZEROS), ZEROS.length],
    ['lz4, linked blocks', CompressionType.Lz4, packWith('lz4', ['-c', '-BD', '-B4'], ZEROS), ZEROS.length],
    ['lz4, linked 4 MiB blocks', CompressionType.Lz4, packWith('lz4', ['-c', '-BD', '-B7'], ZEROS), ZEROS.length],
    ['snappy, xerial blocks', CompressionType.Snappy, xerial([0, 1, 2, 3].map(() => ZEROS.subarray(0, 1 << 19))), 2 << 20],
  ];
  for (const [what, type, bomb, size] of bombs) {
    assert.ok(bomb.length < 100_000, `${what}: ${bomb.length} bytes is a small input`);
    await assert.rejects(decompress(type, bomb, BOMB_LIMIT), /above the limit.*refused (before decompressing|at the limit|at the block)/, what);
    assert.equal((await decompress(type, bomb, size)).length, size, `${what}: read whole under a limit it fits`);
  }
});

test('bombs: a raw snappy block declaring more than the limit is refused before it is decoded', async () => {
  // A preamble of 64 MiB in front of a few bytes: decoding would fail, so the refusal came first.
  const lying = Buffer.concat([Buffer.from([0x80, 0x80, 0x80, 0x20]), Buffer.from('not really snappy')]);
  await assert.rejects(decompress(CompressionType.Snappy, lying, BOMB_LIMIT), /refused before decompressing/);
});

test('bombs: zstd is bounded from its block headers before the decoder runs', async () => {
  // A frame without a content size whose compressed blocks hold garbage: the decoder would call
  // it corrupt, so an answer about the limit shows that nothing was decoded.
  const header = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58]); // no content size, 32 MiB window
  const blocks = Array.from({ length: 20 }, (_, i) => {
    const garbage = Buffer.alloc(100, 0xab);
    const blockHeader = (garbage.length << 3) | (2 << 1) | (i === 19 ? 1 : 0);
    return Buffer.concat([Buffer.from([blockHeader & 0xff, (blockHeader >> 8) & 0xff, blockHeader >> 16]), garbage]);
  });
  const frame = Buffer.concat([header, ...blocks]);
  await assert.rejects(decompress(CompressionType.Zstd, frame, BOMB_LIMIT), /above the limit; refused before decompressing/);
  await assert.rejects(decompress(CompressionType.Zstd, frame, 1 << 30), /zstd data is corrupt/, 'under a larger limit the decoder runs and finds the garbage');
});

/** snappy-java's framing of raw snappy blocks. */
function xerial(blocks: Buffer[]): Buffer {
  const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
  const parts = blocks.map((b) => {
    const packed = snappyCompress(b);
    const size = Buffer.alloc(4);
    size.writeInt32BE(packed.length);
    return Buffer.concat([size, packed]);
  });
  return Buffer.concat([header, ...parts]);
}
