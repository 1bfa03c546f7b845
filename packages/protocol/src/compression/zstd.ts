/**
 * Zstandard frames through Node's own zlib (Node 22.15 and later; runs on libuv's thread pool like
 * the other zlib codecs), so no native package is needed. See docs/decisions/007.
 */
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';

const ZSTD_MAGIC = 0xfd2fb528;

// Looked up rather than imported by name, so that loading the protocol on a Node without zstd
// fails only when a zstd batch arrives, and then with a message that says what to do.
const nodeZstd = zlib as Partial<Pick<typeof zlib, 'zstdCompress' | 'zstdDecompress'>>;
const compressAsync = nodeZstd.zstdCompress && promisify(nodeZstd.zstdCompress);
const decompressAsync = nodeZstd.zstdDecompress && promisify(nodeZstd.zstdDecompress);

function unsupported(): never {
  throw new Error(`zstd needs Node 22.15 or later (zlib's zstd); this is Node ${process.versions.node}`);
}

export function zstdCompress(data: Buffer, level = 3): Promise<Buffer> {
  if (compressAsync === undefined) unsupported();
  return compressAsync(data, { params: { [zlib.constants.ZSTD_c_compressionLevel]: level } });
}

/** The content size a zstd frame header declares, or null when it does not declare one. */
export function zstdDeclaredSize(data: Buffer): number | null {
  if (data.length < 6 || data.readUInt32LE(0) !== ZSTD_MAGIC) return null;
  const fhd = data[4];
  const fcsFlag = fhd >> 6;
  const singleSegment = (fhd >> 5) & 1;
  const dictIdFlag = fhd & 3;
  const fcsSize = fcsFlag === 0 ? (singleSegment ? 1 : 0) : 1 << fcsFlag;
  if (fcsSize === 0) return null;
  const at = 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][dictIdFlag];
  if (data.length < at + fcsSize) return null;
  switch (fcsSize) {
    case 1:
      return data[at];
    case 2:
      return data.readUInt16LE(at) + 256;
    case 4:
      return data.readUInt32LE(at);
    default:
      return Number(data.readBigUInt64LE(at));
  }
}

export async function zstdDecompress(data: Buffer, maxOutputBytes: number): Promise<Buffer> {
  const declared = zstdDeclaredSize(data);
  if (declared !== null && declared > maxOutputBytes) {
    throw new Error(`zstd data would decompress to ${declared} bytes, above the limit of ${maxOutputBytes}`);
  }
  if (decompressAsync === undefined) unsupported();
  let out: Buffer;
  try {
    out = await decompressAsync(data, { maxOutputLength: maxOutputBytes });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`zstd data decompresses to more than the limit of ${maxOutputBytes} bytes`);
    }
    throw new Error(`zstd data is corrupt: ${(e as Error).message}`);
  }
  if (out.length > maxOutputBytes) throw new Error(`zstd data decompressed to ${out.length} bytes, above the limit of ${maxOutputBytes}`);
  return out;
}
