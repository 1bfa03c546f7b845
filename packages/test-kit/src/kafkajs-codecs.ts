// Registers KafkaJS's snappy, lz4 and zstd codecs once (importing this module is enough).
// KafkaJS ships no lz4 or zstd codec; users plug one in. These wrap the same native libraries
// Sluice uses (lz4-napi, and zlib for zstd): KafkaJS still builds and parses the record batches.
import kafkajs from 'kafkajs';
import { createRequire } from 'node:module';
import { CompressionType, compress, decompress } from '@sluice/protocol';

const { CompressionTypes, CompressionCodecs } = kafkajs;
const require = createRequire(import.meta.url);
CompressionCodecs[CompressionTypes.Snappy] = require('kafkajs-snappy');
const plugin = (type: CompressionType) => () => ({
  compress: async (encoder: { buffer: Buffer }) => compress(type, encoder.buffer),
  decompress: async (buffer: Buffer) => decompress(type, buffer),
});
CompressionCodecs[CompressionTypes.LZ4] = plugin(CompressionType.Lz4);
CompressionCodecs[CompressionTypes.ZSTD] = plugin(CompressionType.Zstd);
