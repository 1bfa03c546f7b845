import { gzip as gzipCallback, gunzip as gunzipCallback, gunzipSync, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { SYNC_DECOMPRESS_BYTES } from './sync-limit.ts';

const gzipAsync = promisify(gzipCallback);
const gunzipAsync = promisify(gunzipCallback);

export function gzipCompress(data: Buffer, level = constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return gzipAsync(data, { level });
}

/**
 * zlib reads concatenated gzip members as one stream, as Java's GZIPInputStream does. It inflates
 * in chunks and stops once `maxOutputBytes` are out (maxOutputLength), so a bomb is refused at
 * the limit, not after. Up to SYNC_DECOMPRESS_BYTES are inflated on the calling thread; only data
 * that turns out larger goes to the thread pool, from the start.
 */
export async function gzipDecompress(data: Buffer, maxOutputBytes: number): Promise<Buffer> {
  try {
    const syncLimit = Math.min(maxOutputBytes, SYNC_DECOMPRESS_BYTES);
    try {
      return gunzipSync(data, { maxOutputLength: syncLimit });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE' || syncLimit === maxOutputBytes) throw e;
    }
    return await gunzipAsync(data, { maxOutputLength: maxOutputBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`gzip data decompresses to more than ${maxOutputBytes} bytes, above the limit; refused at the limit`);
    throw new Error(`gzip data is corrupt: ${(e as Error).message}`);
  }
}
