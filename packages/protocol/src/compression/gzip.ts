import { gzip as gzipCallback, gunzip as gunzipCallback, constants } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzipCallback);
const gunzipAsync = promisify(gunzipCallback);

export function gzipCompress(data: Buffer, level = constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return gzipAsync(data, { level });
}

/** zlib reads concatenated gzip members as one stream, as Java's GZIPInputStream does. */
export function gzipDecompress(data: Buffer, maxOutputBytes: number): Promise<Buffer> {
  return gunzipAsync(data, { maxOutputLength: maxOutputBytes });
}
