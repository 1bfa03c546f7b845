/**
 * CRC-32C (Castagnoli), the checksum of Kafka record batches.
 * Large inputs go to @node-rs/crc32 (hardware CRC instructions, ~15 GB/s here); below ~48 bytes
 * the call into native code costs more than a table lookup loop in JavaScript (measured: 16 bytes
 * take 22 ns in JS against 83 ns native; 64 bytes 111 ns against 92 ns).
 */
import { crc32c as nativeCrc32c } from '@node-rs/crc32';

const NATIVE_FROM_BYTES = 48;

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** The CRC-32C of `data`, as an unsigned 32-bit number. */
export function crc32c(data: Uint8Array): number {
  if (data.length >= NATIVE_FROM_BYTES) return nativeCrc32c(data) >>> 0;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
