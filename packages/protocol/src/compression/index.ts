/**
 * The record-batch compression codecs: attribute bits 0-2 of a batch say which one compressed
 * its records section.
 */
import { gzipCompress, gzipDecompress } from './gzip.js';
import { lz4Compress, lz4Decompress } from './lz4.js';
import { snappyCompress, snappyDecompress } from './snappy.js';
import { zstdCompress, zstdDecompress } from './zstd.js';

export const CompressionType = { None: 0, Gzip: 1, Snappy: 2, Lz4: 3, Zstd: 4 } as const;
export type CompressionType = (typeof CompressionType)[keyof typeof CompressionType];

const NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionName = (typeof NAMES)[number];

/** Without an explicit limit, refuse to inflate one batch beyond this (a decompression bomb guard). */
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
      try {
        return await gzipDecompress(data, maxOutputBytes);
      } catch (e) {
        throw new Error(`gzip data is corrupt or too large: ${(e as Error).message}`);
      }
    case CompressionType.Snappy:
      return snappyDecompress(data, maxOutputBytes);
    case CompressionType.Lz4:
      return lz4Decompress(data, maxOutputBytes);
    case CompressionType.Zstd:
      return zstdDecompress(data, maxOutputBytes);
  }
  throw new RangeError(`unknown compression type ${type as number}`);
}
