/**
 * How window and session stores lay out their keys, Java's `WindowKeySchema` and
 * `SessionKeySchema`: the serialised key followed by big-endian numbers, so that one key's
 * entries sit together in byte order, by time. These bytes are also the changelog keys, so a
 * changelog written by Java restores here and the other way round.
 *
 * - window: key ‖ window start (8 bytes) ‖ sequence number (4 bytes; counts puts when duplicates are kept, else 0)
 * - session: key ‖ session end (8 bytes) ‖ session start (8 bytes)
 */
const LONG = 8;
const INT = 4;
export const WINDOW_SUFFIX = LONG + INT;
export const SESSION_SUFFIX = LONG + LONG;

export function windowKey(key: Buffer, windowStart: number, seqnum: number): Buffer {
  const out = Buffer.allocUnsafe(key.length + WINDOW_SUFFIX);
  key.copy(out, 0);
  out.writeBigInt64BE(BigInt(windowStart), key.length);
  out.writeInt32BE(seqnum, key.length + LONG);
  return out;
}

export function windowKeyParts(binary: Buffer): { key: Buffer; windowStart: number; seqnum: number } {
  const at = binary.length - WINDOW_SUFFIX;
  if (at < 0) throw new Error(`a window store key needs at least ${WINDOW_SUFFIX} bytes, got ${binary.length}`);
  return { key: binary.subarray(0, at), windowStart: Number(binary.readBigInt64BE(at)), seqnum: binary.readInt32BE(at + LONG) };
}

export function sessionKey(key: Buffer, start: number, end: number): Buffer {
  const out = Buffer.allocUnsafe(key.length + SESSION_SUFFIX);
  key.copy(out, 0);
  out.writeBigInt64BE(BigInt(end), key.length);
  out.writeBigInt64BE(BigInt(start), key.length + LONG);
  return out;
}

export function sessionKeyParts(binary: Buffer): { key: Buffer; start: number; end: number } {
  const at = binary.length - SESSION_SUFFIX;
  if (at < 0) throw new Error(`a session store key needs at least ${SESSION_SUFFIX} bytes, got ${binary.length}`);
  return { key: binary.subarray(0, at), end: Number(binary.readBigInt64BE(at)), start: Number(binary.readBigInt64BE(at + LONG)) };
}
