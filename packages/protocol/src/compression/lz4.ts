/**
 * LZ4 in the frame format, as Kafka has used it since magic 1. Java's Lz4BlockInputStream only
 * accepts frame version 1 with independent blocks of 64 KiB to 4 MiB; lz4-napi's frames (lz4_flex)
 * are exactly that: FLG 0x60 (version 1, independent blocks, no checksums), BD 0x40 (64 KiB).
 */
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';

export function lz4Compress(data: Buffer): Buffer {
  return compressFrameSync(data);
}

export function lz4Decompress(data: Buffer, maxOutputBytes: number): Buffer {
  // A frame may declare its content size (FLG bit 3, 8 bytes after BD): check it before work.
  if (data.length >= 14 && data.readUInt32LE(0) === 0x184d2204 && (data[4] & 0x08) !== 0) {
    const declared = Number(data.readBigUInt64LE(6));
    if (declared > maxOutputBytes) throw new Error(`lz4 data would decompress to ${declared} bytes, above the limit of ${maxOutputBytes}`);
  }
  let out: Buffer;
  try {
    out = decompressFrameSync(data);
  } catch (e) {
    throw new Error(`lz4 data is corrupt: ${(e as Error).message}`);
  }
  if (out.length > maxOutputBytes) throw new Error(`lz4 data decompressed to ${out.length} bytes, above the limit of ${maxOutputBytes}`);
  return out;
}
