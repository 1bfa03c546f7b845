import { gzip as gzipCallback, gunzip as gunzipCallback, gunzipSync, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { SYNC_DECOMPRESS_BYTES, compactOutput, outputChunkSize } from './sync-limit.ts';

const gzipAsync = promisify(gzipCallback);
const gunzipAsync = promisify(gunzipCallback);

/** Deflate's best ratio: a 258-byte match coded in as little as 2 bits, about 1032 to 1. */
const MAX_DEFLATE_RATIO = 1032;

export function gzipCompress(data: Buffer, level = constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return gzipAsync(data, { level });
}

/**
 * What gzip data says it decompresses to: its trailer's ISIZE, the last member's size modulo
 * 2^32 (exact for the one member a producer writes), no more than deflate could make of the
 * bytes. A hint for sizing buffers and choosing the thread, never trusted as the size.
 */
export function gzipExpectedSize(data: Buffer): number {
  if (data.length < 18) return 0;
  return Math.min(data.readUInt32LE(data.length - 4), data.length * MAX_DEFLATE_RATIO);
}

/**
 * zlib reads concatenated gzip members as one stream, as Java's GZIPInputStream does. It inflates
 * in chunks and stops once `maxOutputBytes` are out (maxOutputLength), so a bomb is refused at
 * the limit, not after. The output buffer is sized from the trailer (gzipExpectedSize), and data
 * the trailer puts above SYNC_DECOMPRESS_BYTES goes to the thread pool at once; data that turns
 * out larger than the trailer said (several members) is inflated on the calling thread up to
 * SYNC_DECOMPRESS_BYTES only, then on the pool from the start.
 */
export async function gzipDecompress(data: Buffer, maxOutputBytes: number): Promise<Buffer> {
  const expected = gzipExpectedSize(data);
  try {
    const syncLimit = Math.min(maxOutputBytes, SYNC_DECOMPRESS_BYTES);
    if (expected <= syncLimit) {
      try {
        return compactOutput(gunzipSync(data, { maxOutputLength: syncLimit, chunkSize: outputChunkSize(expected, syncLimit, data.length) }));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE' || syncLimit === maxOutputBytes) throw e;
      }
    }
    // At least SYNC_DECOMPRESS_BYTES a chunk: past a trailer that said less, a round trip per MiB.
    return compactOutput(await gunzipAsync(data, { maxOutputLength: maxOutputBytes, chunkSize: outputChunkSize(Math.max(expected, SYNC_DECOMPRESS_BYTES), maxOutputBytes, data.length) }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`gzip data decompresses to more than ${maxOutputBytes} bytes, above the limit; refused at the limit`);
    throw new Error(`gzip data is corrupt: ${(e as Error).message}`);
  }
}
