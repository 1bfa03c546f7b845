import { gzip as gzipCallback, gunzip as gunzipCallback, constants } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzipCallback);
const gunzipAsync = promisify(gunzipCallback);

export function gzipCompress(data: Buffer, level = constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return gzipAsync(data, { level });
}

/**
 * zlib reads concatenated gzip members as one stream, as Java's GZIPInputStream does. It inflates
 * in chunks and stops once `maxOutputBytes` are out (maxOutputLength), so a bomb is refused at
 * the limit, not after.
 */
export async function gzipDecompress(data: Buffer, maxOutputBytes: number): Promise<Buffer> {
  try {
    return await gunzipAsync(data, { maxOutputLength: maxOutputBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`gzip data decompresses to more than ${maxOutputBytes} bytes, above the limit; refused at the limit`);
    throw new Error(`gzip data is corrupt: ${(e as Error).message}`);
  }
}
