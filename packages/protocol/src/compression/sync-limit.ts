/**
 * Up to this many decompressed bytes, gzip and zstd data is decompressed on the calling thread
 * rather than on libuv's thread pool. The pool's round trip costs more than decoding a producer's
 * batch (tens of microseconds for 64 KiB), and in a broker the pool's four threads are busy with
 * file writes and syncs, so a batch waited behind them: validating every produced record halved
 * the throughput of gzip and zstd produce (bench/broker/validation.ts). At 1 MiB the event loop is
 * held for a millisecond or two at most; larger data still goes to the pool.
 */
export const SYNC_DECOMPRESS_BYTES = 1024 * 1024;

/** The largest output buffer made at once from what compressed data says about its own size. */
const MAX_OUTPUT_CHUNK = 16 * 1024 * 1024;

/**
 * zlib's default chunkSize, kept as the smallest: a trailer or header saying a few bytes while the
 * data holds far more (several gzip members, or forged) must not make its decompression take
 * thousands of tiny chunks.
 */
const MIN_OUTPUT_CHUNK = 16 * 1024;

/**
 * The most output per compressed byte that sizes a buffer ahead of decoding. What data says of its
 * own size costs nothing to forge and still decodes (a gzip member followed by zero padding and a
 * made-up trailer; zstd blocks counted at their 128 KiB bound that hold one byte each), and zlib
 * allocates the buffer before it decodes anything: without this, 16 KiB of either claimed 16 MiB.
 * Producers' batches rarely compress better than this; one that does continues in further chunks.
 */
const MAX_EXPECTED_RATIO = 64;

/**
 * zlib's chunkSize for `compressedBytes` of data expected to decompress to `expectedBytes` (from a
 * gzip trailer, a zstd frame header or its block headers): one output buffer that holds it all.
 * zlib's default 16 KiB chunks cost a call into the codec per chunk, a thread-pool round trip per
 * chunk when asynchronous, and a copy to join them: sized, gzip and zstd decompress 2 to 10 times
 * faster (bench/README, record validation). One byte more than expected lets the codec see the end
 * of the stream without asking for another buffer. The expectation only sizes the buffer; it is
 * never trusted as the output's size: data that turns out larger simply continues in further
 * chunks, up to the limit, and the buffer is never larger than the limit allows (plus one byte,
 * so that output past the limit is seen), than MAX_EXPECTED_RATIO times the input, nor than
 * MAX_OUTPUT_CHUNK.
 */
export function outputChunkSize(expectedBytes: number, maxOutputBytes: number, compressedBytes: number): number {
  return Math.max(MIN_OUTPUT_CHUNK, Math.min(expectedBytes + 1, compressedBytes * MAX_EXPECTED_RATIO, maxOutputBytes + 1, MAX_OUTPUT_CHUNK));
}

/**
 * The output on a buffer of its own when it fills less than half of the one zlib made: zlib hands
 * back a view of its output buffer, and the records read from it (consumers' keys and values are
 * views too) would keep the whole buffer alive.
 */
export function compactOutput(out: Buffer): Buffer {
  if (out.buffer.byteLength <= 2 * out.length + MIN_OUTPUT_CHUNK) return out;
  // Not Buffer.from, which may copy into a shared allocation larger than the output.
  const own = Buffer.allocUnsafeSlow(out.length);
  out.copy(own);
  return own;
}
