// gzip and zstd data decompress into one output buffer sized from what the data says of its own
// size (gzip's trailer, a zstd frame's declared size or its block headers), and gzip data whose
// trailer says it is large goes to the thread pool at once instead of being inflated up to 1 MiB
// on the calling thread first and thrown away (zlib's default 16 KiB chunks made large batches
// 5 times slower to validate: bench/README, record validation). What the data says only sizes the
// buffer: data that says less or more than it holds decompresses to what it holds or is refused,
// and every record of a large compressed batch is still checked.
//
// The zlib functions are wrapped before the codecs load (they keep references to them), to see
// which ones run and with which chunkSize: so everything under test is imported dynamically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { syncBuiltinESMExports } from 'node:module';

interface Call {
  fn: string;
  chunkSize: number | undefined;
}
const calls: Call[] = [];
for (const fn of ['gunzipSync', 'gunzip', 'zstdDecompressSync', 'zstdDecompress'] as const) {
  const original = zlib[fn] as (...args: unknown[]) => unknown;
  (zlib as unknown as Record<string, unknown>)[fn] = function (this: unknown, data: Buffer, options: zlib.ZlibOptions, ...rest: unknown[]) {
    calls.push({ fn, chunkSize: options?.chunkSize });
    return original.call(this, data, options, ...rest);
  };
}
syncBuiltinESMExports();
const { CompressionType, ErrorCode, InvalidRecordBatchError, decompress, validateBatchesAndRecords } = await import('../src/index.ts');
const { realBatch, rebuilt, zz } = await import('@sluice/test-kit');

const SMALL = 64 * 1024;
const LARGE = 3 * 1024 * 1024;
/** Records-like data: words from a small vocabulary in a varying order, compressing about 3 to 5 times. */
const data = (n: number) => {
  const words = ['order', 'payment', 'amount', 'currency', 'EUR', 'USD', 'status', 'settled', 'pending', 'customer', 'device', 'reading'];
  const out = Buffer.alloc(n);
  let seed = 42;
  for (let i = 0; i < n; ) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    i += out.write(`${words[(seed >>> 16) % words.length]}:${(seed >>> 4) % 10007} `, i); // not the low bits, whose period is short
  }
  return out;
};
const zstdWithoutSize = (b: Buffer) => zlib.zstdCompressSync(b, { params: { [zlib.constants.ZSTD_c_contentSizeFlag]: 0 } });

async function decompressed(type: number, compressed: Buffer): Promise<{ out: Buffer; calls: Call[] }> {
  calls.length = 0;
  const out = await decompress(type as 0, compressed);
  return { out, calls: [...calls] };
}

test('gzip: one output buffer sized from the trailer; large data straight to the thread pool', async () => {
  const small = data(SMALL);
  let r = await decompressed(CompressionType.Gzip, zlib.gzipSync(small));
  assert.deepEqual(r.out, small);
  assert.deepEqual(r.calls, [{ fn: 'gunzipSync', chunkSize: SMALL + 1 }]);

  const large = data(LARGE);
  r = await decompressed(CompressionType.Gzip, zlib.gzipSync(large));
  assert.deepEqual(r.out, large);
  assert.deepEqual(r.calls, [{ fn: 'gunzip', chunkSize: LARGE + 1 }], 'not inflated on the calling thread first');
});

test('zstd: one output buffer sized from the declared size, or else from the block headers', async () => {
  const small = data(SMALL);
  let r = await decompressed(CompressionType.Zstd, zstdWithoutSize(small));
  assert.deepEqual(r.out, small);
  assert.equal(r.calls.length, 1);
  assert.equal(r.calls[0]!.fn, 'zstdDecompressSync');
  // Without a declared size, the bound is the blocks' sizes, a compressed block counting 128 KiB.
  assert.ok(r.calls[0]!.chunkSize! > SMALL && r.calls[0]!.chunkSize! <= SMALL + 128 * 1024 + 1, String(r.calls[0]!.chunkSize));

  const large = data(LARGE);
  r = await decompressed(CompressionType.Zstd, zlib.zstdCompressSync(large, { pledgedSrcSize: LARGE }));
  assert.deepEqual(r.out, large);
  assert.deepEqual(r.calls, [{ fn: 'zstdDecompress', chunkSize: LARGE + 1 }]);
});

test('gzip whose trailer says less than it holds (two members) still decompresses whole', async () => {
  const first = data(LARGE);
  const second = Buffer.from('tail');
  const r = await decompressed(CompressionType.Gzip, Buffer.concat([zlib.gzipSync(first), zlib.gzipSync(second)]));
  assert.deepEqual(r.out, Buffer.concat([first, second]));
  // The trailer said 4 bytes: tried on the calling thread up to 1 MiB, then on the pool.
  assert.deepEqual(r.calls.map((c) => c.fn), ['gunzipSync', 'gunzip']);
  // A trailer saying 4 bytes does not make 1 MiB take thousands of tiny chunks: 16 KiB at least.
  assert.ok(r.calls.every((c) => c.chunkSize! >= 16 * 1024), JSON.stringify(r.calls));
});

test('a forged gzip trailer or a truncated gzip stream is refused as corrupt', async () => {
  for (const size of [SMALL, LARGE]) {
    const gz = zlib.gzipSync(data(size));
    for (const isize of [0, size - 1, size + 1, 0xffffffff]) {
      const forged = Buffer.from(gz);
      forged.writeUInt32LE(isize, forged.length - 4);
      await assert.rejects(decompress(CompressionType.Gzip, forged), /gzip data is corrupt/, `ISIZE ${isize} for ${size} bytes`);
    }
    for (const cut of [gz.length >> 1, gz.length - 4, gz.length - 1]) {
      await assert.rejects(decompress(CompressionType.Gzip, gz.subarray(0, cut)), /gzip data is corrupt/, `${size} bytes cut to ${cut} of ${gz.length}`);
    }
  }
});

test('a zstd frame declaring a wrong size, or truncated, is refused', async () => {
  for (const size of [SMALL, LARGE]) {
    const zs = zlib.zstdCompressSync(data(size), { pledgedSrcSize: size });
    for (const declared of [size - 1000, size - 1, size + 1]) {
      const forged = Buffer.from(zs);
      // Frame header descriptor 0x60: single segment, a 2-byte content size (less 256) right after
      // it; 0x80: a window descriptor, then a 4-byte content size.
      if (zs[4] === 0x60) forged.writeUInt16LE(declared - 256, 5);
      else if (zs[4] === 0x80) forged.writeUInt32LE(declared, 6);
      else assert.fail(`frame header descriptor 0x${zs[4]!.toString(16)}`);
      await assert.rejects(decompress(CompressionType.Zstd, forged), /zstd data is corrupt/, `declared ${declared} for ${size} bytes`);
    }
    const plain = zstdWithoutSize(data(size));
    for (const cut of [plain.length >> 1, plain.length - 1]) {
      await assert.rejects(decompress(CompressionType.Zstd, plain.subarray(0, cut)), /zstd data is corrupt/, `${size} bytes cut to ${cut} of ${plain.length}`);
    }
  }
});

/** `count` records of 1 KiB values, numbered 0 to count - 1. */
function records(count: number): Buffer {
  const value = Buffer.alloc(1024, 'x');
  return Buffer.concat(
    Array.from({ length: count }, (_, i) => {
      const body = Buffer.concat([Buffer.from([0]), zz(0), zz(i), zz(-1), zz(value.length), value, zz(0)]);
      return Buffer.concat([zz(body.length), body]);
    }),
  );
}

test('every record of a large gzip or zstd batch is checked on the pool path', async () => {
  const count = 3000; // about 3 MiB of records: above the calling thread's limit
  const good = records(count);
  const bad = Buffer.from(good);
  bad[bad.length - 1] = 1; // the last record claims one header, and its bytes end there
  for (const [codec, compress] of [['gzip', (b: Buffer) => zlib.gzipSync(b)], ['zstd', zstdWithoutSize]] as const) {
    const base = realBatch(codec);
    const patch = { recordCount: count, lastOffsetDelta: count - 1 };
    calls.length = 0;
    await validateBatchesAndRecords(rebuilt(base, compress(good), patch));
    assert.ok(calls.some((c) => c.fn === 'gunzip' || c.fn === 'zstdDecompress'), `${codec}: decompressed on the pool`);
    await assert.rejects(validateBatchesAndRecords(rebuilt(base, compress(bad), patch)), (e: unknown) => {
      assert.ok(e instanceof InvalidRecordBatchError, String(e));
      assert.equal(e.errorCode, ErrorCode.INVALID_RECORD);
      assert.equal(e.recordIndex, count - 1, e.message);
      return true;
    });
    // One record fewer than declared.
    await assert.rejects(validateBatchesAndRecords(rebuilt(base, compress(records(count - 1)), patch)), InvalidRecordBatchError);
  }
});

test("what data says of its own size, forged, sizes no buffer beyond 64 times its bytes, and the output keeps no larger buffer alive", async () => {
  // A gzip member, zero padding (which gunzip, like Java's GZIPInputStream, ignores) and a made-up trailer of 2 GiB.
  const member = zlib.gzipSync(Buffer.alloc(20_000, 'x'));
  const padded = Buffer.concat([member, Buffer.alloc(16_000), Buffer.from([0xff, 0xff, 0xff, 0x7f])]);
  // A zstd frame without a declared size whose 128 compressed blocks hold one literal byte each, each counted at 128 KiB by the block-header bound.
  const blocks = Array.from({ length: 128 }, (_, i) => {
    const header = (i === 127 ? 1 : 0) | (2 << 1) | (3 << 3); // last flag, compressed block, 3 bytes
    return Buffer.from([header & 0xff, (header >> 8) & 0xff, header >> 16, 0x08, 0x41, 0x00]); // raw literals of 1 byte, no sequences
  });
  const frame = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00]), ...blocks]);
  for (const [type, compressed, expected] of [
    [CompressionType.Gzip, padded, Buffer.alloc(20_000, 'x')],
    [CompressionType.Zstd, frame, Buffer.alloc(128, 'A')],
  ] as const) {
    const { out, calls: made } = await decompressed(type, compressed);
    assert.deepEqual(out, expected);
    assert.ok(made.every((c) => c.chunkSize! <= Math.max(16 * 1024, compressed.length * 64)), JSON.stringify(made));
    assert.ok(out.buffer.byteLength <= 2 * out.length + 16 * 1024, `a ${out.length}-byte output holds a ${out.buffer.byteLength}-byte buffer`);
  }
});
