/**
 * Zstandard frames via @mongodb-js/zstd (prebuilt native, runs on libuv's thread pool). Node 20's
 * zlib has no zstd; Node 22's does, and can replace this package once Node 20 is dropped.
 */
import { compress, decompress } from '@mongodb-js/zstd';

const ZSTD_MAGIC = 0xfd2fb528;

export function zstdCompress(data: Buffer, level = 3): Promise<Buffer> {
  return compress(data, level);
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
  let out: Buffer;
  try {
    out = await decompress(data);
  } catch (e) {
    throw new Error(`zstd data is corrupt: ${(e as Error).message}`);
  }
  if (out.length > maxOutputBytes) throw new Error(`zstd data decompressed to ${out.length} bytes, above the limit of ${maxOutputBytes}`);
  return out;
}
