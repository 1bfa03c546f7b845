/**
 * Snappy as Kafka clients use it. Two framings exist on the wire:
 * - raw snappy (one block), written by librdkafka, KafkaJS (kafkajs-snappy) and @platformatic/kafka;
 * - the "xerial" framing of snappy-java, written by the Java client and kafka-python:
 *   magic 82 'SNAPPY' 00, int32 version, int32 compatible version, then blocks of
 *   [int32 compressed length, raw snappy block].
 * We read both. We write raw snappy: every client reads it (snappy-java's input stream falls back
 * to raw when the magic is absent, which is how Java consumers read librdkafka's data), and it is
 * what most producers send.
 */
import { compressSync, uncompressSync } from 'snappy';

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_SIZE = 16;

export function snappyCompress(data: Buffer): Buffer {
  return compressSync(data);
}

export function isXerialFramed(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_SIZE && data.subarray(0, 8).equals(XERIAL_MAGIC);
}

/** The uncompressed length a raw snappy block declares in its varint preamble. */
function declaredLength(block: Buffer): number {
  let value = 0;
  for (let i = 0, shift = 0; i < 5 && i < block.length; i++, shift += 7) {
    const b = block[i];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return value;
  }
  throw new Error('snappy data is corrupt: bad length preamble');
}

/**
 * A raw block says how long it decodes to, and the decoder makes exactly that or fails: checked
 * against what is left of the limit before any of it is decoded (xerial blocks one by one).
 */
function rawBlock(block: Buffer, budget: number): Buffer {
  const length = declaredLength(block);
  if (length > budget) throw new Error(`snappy data would decompress above the limit (a block of ${length} bytes with ${budget} left of it); refused before decompressing`);
  try {
    return uncompressSync(block, { asBuffer: true }) as Buffer;
  } catch (e) {
    throw new Error(`snappy data is corrupt: ${(e as Error).message}`);
  }
}

export function snappyDecompress(data: Buffer, maxOutputBytes: number): Buffer {
  if (!isXerialFramed(data)) return rawBlock(data, maxOutputBytes);
  const parts: Buffer[] = [];
  let total = 0;
  let pos = XERIAL_HEADER_SIZE;
  while (pos < data.length) {
    if (pos + 4 > data.length) throw new Error('snappy (xerial) data is corrupt: truncated block length');
    const size = data.readInt32BE(pos);
    pos += 4;
    if (size < 0 || pos + size > data.length) throw new Error(`snappy (xerial) data is corrupt: block of ${size} bytes runs past the end`);
    const block = rawBlock(data.subarray(pos, pos + size), maxOutputBytes - total);
    parts.push(block);
    total += block.length;
    pos += size;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
}
