/**
 * LZ4 in the frame format, as Kafka has used it since magic 1. Java's Lz4BlockInputStream only
 * accepts frame version 1 with independent blocks of 64 KiB to 4 MiB; lz4-napi's frames (lz4_flex)
 * are exactly that: FLG 0x60 (version 1, independent blocks, no checksums), BD 0x40 (64 KiB).
 */
import { compressFrameSync, decompressFrameSync, uncompressSync } from 'lz4-napi';

const FRAME_MAGIC = 0x184d2204;

export function lz4Compress(data: Buffer): Buffer {
  return compressFrameSync(data);
}

/** Thrown when a frame would decompress beyond the limit, before what is beyond is decoded. */
class OverLimit extends Error {}

/** LZ4 cannot expand one input byte to more than 255 output bytes (a match length byte of 255). */
const MAX_EXPANSION = 256;

/**
 * Decompresses at most `maxOutputBytes`. lz4-napi's frame decoder makes its whole output at once,
 * so before it runs, the output is bounded: by the declared content size when there is one, by
 * the blocks' own decoded lengths (read from their sequences, linked blocks too), or, for what
 * does not parse as a version 1 frame, by LZ4's largest expansion of the input.
 */
export function lz4Decompress(data: Buffer, maxOutputBytes: number): Buffer {
  // A frame may declare its content size (FLG bit 3, 8 bytes after BD): check it before work.
  if (data.length >= 14 && data.readUInt32LE(0) === FRAME_MAGIC && (data[4] & 0x08) !== 0) {
    const declared = Number(data.readBigUInt64LE(6));
    if (declared > maxOutputBytes) throw new Error(`lz4 data would decompress to ${declared} bytes, above the limit of ${maxOutputBytes}; refused before decompressing`);
  }
  let out: Buffer | null;
  try {
    out = independentBlocks(data, maxOutputBytes);
  } catch (e) {
    if (e instanceof OverLimit) throw new Error(`lz4 data decompresses to more than ${maxOutputBytes} bytes, above the limit; refused at the block that went past it`);
    throw e;
  }
  if (out !== null) return out;
  const bound = frameOutputBound(data);
  if (bound === null ? data.length * MAX_EXPANSION > maxOutputBytes : bound > maxOutputBytes) {
    throw new Error(`lz4 data would decompress to more than ${maxOutputBytes} bytes${bound === null ? ' (the frame does not parse to tell)' : ` (its blocks decode to ${bound})`}, above the limit; refused before decompressing`);
  }
  try {
    out = decompressFrameSync(data);
  } catch (e) {
    throw new Error(`lz4 data is corrupt: ${(e as Error).message}`);
  }
  if (out.length > maxOutputBytes) throw new Error(`lz4 data decompressed to ${out.length} bytes, above the limit of ${maxOutputBytes}`);
  return out;
}

/**
 * The fast path for the frames every Kafka client writes (independent blocks, no dictionary):
 * lz4-napi's frame decoder runs about ten times slower than its block decoder, which matters now
 * that the broker decompresses every produced lz4 batch to validate it. The frame is walked here
 * and each block handed to the block decoder, which needs the block's exact decoded length in
 * front: that length is summed from the block's sequence tokens. Returns null (and the caller uses
 * the frame decoder, which also gives the error) for anything else: linked blocks, a dictionary,
 * a frame that does not parse, a block the block decoder refuses. Output beyond the limit throws
 * OverLimit at the block that goes past it.
 * The header checksum is verified as the frame decoder does; block and content checksums are not
 * (the batch's CRC-32C already covers these bytes).
 */
export function independentBlocks(data: Buffer, maxOutputBytes: number): Buffer | null {
  if (data.length < 7 || data.readUInt32LE(0) !== FRAME_MAGIC) return null;
  const flg = data[4];
  const version = flg >> 6;
  const independent = (flg & 0x20) !== 0;
  const blockChecksums = (flg & 0x10) !== 0;
  const contentSize = (flg & 0x08) !== 0;
  const contentChecksum = (flg & 0x04) !== 0;
  const dictionary = (flg & 0x01) !== 0;
  if (version !== 1 || !independent || dictionary || (flg & 0x02) !== 0) return null;
  // BD: the block maximum size in bits 4-6 (4 to 7: 64 KiB to 4 MiB), every other bit reserved.
  const bd = data[5];
  const sizeCode = (bd >> 4) & 7;
  if ((bd & 0x8f) !== 0 || sizeCode < 4) return null;
  const maxBlockBytes = 1 << (8 + 2 * sizeCode);
  const descriptorEnd = 6 + (contentSize ? 8 : 0);
  if (data.length < descriptorEnd + 1 || data[descriptorEnd] !== ((xxh32Short(data.subarray(4, descriptorEnd)) >>> 8) & 0xff)) return null;
  let p = descriptorEnd + 1; // past the header checksum
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    if (p + 4 > data.length) return null;
    const word = data.readUInt32LE(p);
    p += 4;
    if (word === 0) break; // end mark
    const size = word & 0x7fffffff;
    if (size > maxBlockBytes || p + size > data.length) return null;
    const block = data.subarray(p, p + size);
    p += size + (blockChecksums ? 4 : 0);
    let out: Buffer;
    if ((word & 0x80000000) !== 0) {
      out = block; // stored as is
    } else {
      const length = decodedLength(block);
      if (length < 0 || length > maxBlockBytes) return null;
      if (total + length > maxOutputBytes) throw new OverLimit();
      const sized = Buffer.allocUnsafe(4 + size);
      sized.writeUInt32LE(length, 0);
      block.copy(sized, 4);
      try {
        out = uncompressSync(sized);
      } catch {
        return null;
      }
      if (out.length !== length) return null;
    }
    parts.push(out);
    total += out.length;
    if (total > maxOutputBytes) throw new OverLimit();
  }
  if (p + (contentChecksum ? 4 : 0) !== data.length) return null;
  return parts.length === 1 && parts[0].buffer !== data.buffer ? parts[0] : Buffer.concat(parts, total);
}

/**
 * What a version 1 frame decodes to, summed over its blocks (stored ones as they are, compressed
 * ones from their sequences; linked or independent alike), or null when it does not parse so.
 * Read without decoding: the bound checked before the frame decoder makes its whole output.
 */
function frameOutputBound(data: Buffer): number | null {
  if (data.length < 7 || data.readUInt32LE(0) !== FRAME_MAGIC) return null;
  const flg = data[4];
  if (flg >> 6 !== 1) return null;
  const maxBlockBytes = 1 << (8 + 2 * ((data[5] >> 4) & 7));
  let p = 6 + ((flg & 0x08) !== 0 ? 8 : 0) + ((flg & 0x01) !== 0 ? 4 : 0) + 1;
  let total = 0;
  for (;;) {
    if (p + 4 > data.length) return null;
    const word = data.readUInt32LE(p);
    p += 4;
    if (word === 0) return total;
    const size = word & 0x7fffffff;
    if (p + size > data.length) return null;
    const length = (word & 0x80000000) !== 0 ? size : decodedLength(data.subarray(p, p + size));
    if (length < 0 || length > maxBlockBytes) return null;
    total += length;
    p += size + ((flg & 0x10) !== 0 ? 4 : 0);
  }
}

/**
 * The length a raw LZ4 block decodes to, from its sequences (token: literal length in the high
 * nibble, match length minus 4 in the low one, 15 meaning more bytes follow, each 255 meaning
 * more again; literals; a 2-byte match offset), or -1 when the block does not parse. The last
 * sequence has literals only.
 */
function decodedLength(block: Buffer): number {
  let p = 0;
  let length = 0;
  while (p < block.length) {
    const token = block[p++];
    let literals = token >> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (p >= block.length) return -1;
        b = block[p++];
        literals += b;
      } while (b === 255);
    }
    p += literals;
    length += literals;
    if (p === block.length) return length;
    p += 2; // match offset
    let match = token & 15;
    if (match === 15) {
      let b: number;
      do {
        if (p >= block.length) return -1;
        b = block[p++];
        match += b;
      } while (b === 255);
    }
    length += match + 4;
  }
  return -1;
}

/** xxHash32 with seed 0 of fewer than 16 bytes (the frame descriptor), for the header checksum. */
function xxh32Short(bytes: Buffer): number {
  const PRIME1 = 2654435761;
  const PRIME2 = 2246822519;
  const PRIME3 = 3266489917;
  const PRIME4 = 668265263;
  const PRIME5 = 374761393;
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  let h = (PRIME5 + bytes.length) | 0;
  let i = 0;
  for (; i + 4 <= bytes.length; i += 4) h = Math.imul(rotl((h + Math.imul(bytes.readUInt32LE(i), PRIME3)) | 0, 17), PRIME4);
  for (; i < bytes.length; i++) h = Math.imul(rotl((h + Math.imul(bytes[i], PRIME5)) | 0, 11), PRIME1);
  h = Math.imul(h ^ (h >>> 15), PRIME2);
  h = Math.imul(h ^ (h >>> 13), PRIME3);
  return (h ^ (h >>> 16)) >>> 0;
}
