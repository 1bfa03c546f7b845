/**
 * Zstandard frames through Node's own zlib (Node 22.15 and later; large data runs on libuv's thread
 * pool like the other zlib codecs, small data on the calling thread: sync-limit.ts), so no native
 * package is needed. See docs/decisions/007.
 */
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
import { SYNC_DECOMPRESS_BYTES, compactOutput, outputChunkSize } from './sync-limit.ts';

const ZSTD_MAGIC = 0xfd2fb528;

// Looked up rather than imported by name, so that loading the protocol on a Node without zstd
// fails only when a zstd batch arrives, and then with a message that says what to do.
const nodeZstd = zlib as Partial<Pick<typeof zlib, 'zstdCompress' | 'zstdDecompress' | 'zstdDecompressSync'>>;
const compressAsync = nodeZstd.zstdCompress && promisify(nodeZstd.zstdCompress);
const decompressAsync = nodeZstd.zstdDecompress && promisify(nodeZstd.zstdDecompress);
const decompressSync = nodeZstd.zstdDecompressSync;

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

/** The largest a compressed block may decode to (the format's Block_Maximum_Size, at most 128 KiB). */
const MAX_BLOCK_OUTPUT = 128 * 1024;

/**
 * The most `data` (one or more zstd frames, skippable frames among them) can decompress to, read
 * from the block headers alone without decompressing anything: raw and RLE blocks say their
 * output size, a compressed block yields at most 128 KiB. For the frames compressors write (full
 * blocks but the last) it is within 128 KiB a frame of the true size. Throws on a frame that does
 * not parse, as the decoder would.
 */
export function zstdOutputBound(data: Buffer): number {
  let bound = 0;
  let p = 0;
  const corrupt = (why: string) => new Error(`zstd data is corrupt: ${why}`);
  while (p < data.length) {
    if (p + 4 > data.length) throw corrupt('truncated frame magic');
    const magic = data.readUInt32LE(p);
    if (magic >>> 4 === 0x184d2a5) {
      // A skippable frame: a 4-byte size, then that many bytes nobody decodes.
      if (p + 8 > data.length) throw corrupt('truncated skippable frame');
      p += 8 + data.readUInt32LE(p + 4);
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw corrupt(`unknown frame magic 0x${magic.toString(16)}`);
    if (p + 5 > data.length) throw corrupt('truncated frame header');
    const fhd = data[p + 4];
    const fcsFlag = fhd >> 6;
    const singleSegment = (fhd >> 5) & 1;
    const checksum = (fhd >> 2) & 1;
    const dictIdBytes = [0, 1, 2, 4][fhd & 3];
    const fcsBytes = fcsFlag === 0 ? singleSegment : 1 << fcsFlag;
    p += 5 + (singleSegment ? 0 : 1) + dictIdBytes + fcsBytes;
    for (let last = false; !last; ) {
      if (p + 3 > data.length) throw corrupt('truncated block header');
      const header = data[p] | (data[p + 1] << 8) | (data[p + 2] << 16);
      p += 3;
      last = (header & 1) === 1;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) throw corrupt('reserved block type');
      bound += type === 2 ? MAX_BLOCK_OUTPUT : size;
      p += type === 1 ? 1 : size;
    }
    p += checksum ? 4 : 0;
  }
  if (p > data.length) throw corrupt('a block runs past the end');
  return bound;
}

/**
 * Decompresses at most `maxOutputBytes`: the library decodes whole inputs only, so the output is
 * bounded before any of it is made, from the declared content size when there is one and from
 * the block headers always (zstdOutputBound), so that a few KB of frames without a declared size
 * cannot expand to gigabytes first.
 */
export async function zstdDecompress(data: Buffer, maxOutputBytes: number): Promise<Buffer> {
  const declared = zstdDeclaredSize(data);
  if (declared !== null && declared > maxOutputBytes) {
    throw new Error(`zstd data would decompress to ${declared} bytes, above the limit of ${maxOutputBytes}; refused before decompressing`);
  }
  const bound = zstdOutputBound(data);
  if (bound > maxOutputBytes + MAX_BLOCK_OUTPUT) {
    throw new Error(`zstd data would decompress to more than ${maxOutputBytes} bytes (its blocks allow up to ${bound}), above the limit; refused before decompressing`);
  }
  if (decompressAsync === undefined || decompressSync === undefined) unsupported();
  let out: Buffer;
  try {
    // What the block headers show to be small is decoded on the calling thread, into one buffer
    // sized from the declared size, never above the block headers' bound (sync-limit.ts).
    const options = { maxOutputLength: maxOutputBytes, chunkSize: outputChunkSize(Math.min(declared ?? bound, bound), maxOutputBytes, data.length) };
    out = bound <= SYNC_DECOMPRESS_BYTES ? decompressSync(data, options) : await decompressAsync(data, options);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`zstd data decompresses to more than the limit of ${maxOutputBytes} bytes`);
    }
    throw new Error(`zstd data is corrupt: ${(e as Error).message}`);
  }
  if (out.length > maxOutputBytes) throw new Error(`zstd data decompressed to ${out.length} bytes, above the limit of ${maxOutputBytes}`);
  return compactOutput(out);
}
