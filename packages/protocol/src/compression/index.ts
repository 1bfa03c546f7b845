/**
 * The record-batch compression codecs: attribute bits 0-2 of a batch say which one compressed
 * its records section.
 */
import { gzipCompress, gzipDecompress } from './gzip.ts';
import { lz4Compress, lz4Decompress } from './lz4.ts';
import { snappyCompress, snappyDecompress } from './snappy.ts';
import { zstdCompress, zstdDecompress } from './zstd.ts';

export const CompressionType = { None: 0, Gzip: 1, Snappy: 2, Lz4: 3, Zstd: 4 } as const;
export type CompressionType = (typeof CompressionType)[keyof typeof CompressionType];

const NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionName = (typeof NAMES)[number];

/**
 * Without an explicit limit, refuse to inflate one batch beyond this (a decompression bomb guard).
 * Kafka streams a batch's records and has no such limit; we hold one batch's records at once, and
 * the broker decompresses one batch of a connection at a time. 256 MiB is 256 times the default
 * max.message.bytes (the most a produced batch may be compressed), far beyond what a producer's
 * batch.size makes of real data, and small enough that a few connections cannot exhaust memory.
 *
 * Every codec stops at the limit while decompressing, or refuses before: gzip inflates in chunks
 * up to it (zlib's maxOutputLength); snappy blocks declare their length and are checked first;
 * lz4 and zstd frames are bounded from their headers and block structure before their decoders
 * (which make a whole output at once) run. A zstd frame's bound may exceed its true size by up
 * to one block (128 KiB), which the check after decoding catches.
 */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

export function compressionTypeName(type: number): CompressionName {
  const name = NAMES[type];
  if (name === undefined) throw new RangeError(`unknown compression type ${type}; Kafka knows 0 (none) to 4 (zstd)`);
  return name;
}

/** From Kafka's config values (compression.type): none, gzip, snappy, lz4, zstd. */
export function compressionTypeFromName(name: string): CompressionType {
  const i = NAMES.indexOf(name.trim().toLowerCase() as CompressionName);
  if (i < 0) throw new RangeError(`unknown compression type '${name}'; use one of ${NAMES.join(', ')}`);
  return i as CompressionType;
}

export async function compress(type: CompressionType, data: Buffer, level?: number): Promise<Buffer> {
  switch (type) {
    case CompressionType.None:
      return data;
    case CompressionType.Gzip:
      return gzipCompress(data, level);
    case CompressionType.Snappy:
      return snappyCompress(data);
    case CompressionType.Lz4:
      return lz4Compress(data);
    case CompressionType.Zstd:
      return zstdCompress(data, level);
  }
  throw new RangeError(`unknown compression type ${type as number}`);
}

export async function decompress(type: CompressionType, data: Buffer, maxOutputBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): Promise<Buffer> {
  switch (type) {
    case CompressionType.None:
      return data;
    case CompressionType.Gzip:
      return gzipDecompress(data, maxOutputBytes);
    case CompressionType.Snappy:
      return snappyDecompress(data, maxOutputBytes);
    case CompressionType.Lz4:
      return lz4Decompress(data, maxOutputBytes);
    case CompressionType.Zstd:
      return zstdDecompress(data, maxOutputBytes);
  }
  throw new RangeError(`unknown compression type ${type as number}`);
}
