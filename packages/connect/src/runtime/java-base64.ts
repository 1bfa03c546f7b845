/**
 * Base64 read as Java's basic decoder (java.util.Base64.getDecoder()) reads it, because Kafka's
 * InternalRequestSignature decodes a request's signature header with it, and a signature a Java
 * worker accepts must be accepted here too (and one it refuses refused with the same reason).
 * What that decoder does, unlike Node's lenient Buffer.from(text, 'base64'):
 * - padding is optional: a last unit of two or three characters decodes as if padded;
 * - padding that is there must be complete (`xx==`, `xxx=`), and nothing may follow it;
 * - any character outside the standard alphabet (spaces and line breaks too) is an error;
 * - the unused low bits of a last partial unit are ignored.
 * The errors carry the messages of Java's IllegalArgumentException, which Kafka answers with.
 */

export class JavaBase64Error extends Error {
  override name = 'JavaBase64Error';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='
const NOT_BASE64 = -1;
const PADDING = -2;

/** Each byte's value in the alphabet, NOT_BASE64, or PADDING for '='. */
const VALUES: Int8Array = (() => {
  const values = new Int8Array(256).fill(NOT_BASE64);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  values[PAD] = PADDING;
  return values;
})();

/**
 * The bytes Java's decoder makes of `text`, or a JavaBase64Error with its message. Java reads a
 * String's ISO-8859-1 bytes, each character it cannot map becoming '?'.
 */
export function decodeBase64AsJava(text: string): Buffer {
  const src = Uint8Array.from(Array.from(text), (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xff ? 0x3f : code;
  });
  if (src.length === 0) return Buffer.alloc(0);
  if (src.length < 2) throw new JavaBase64Error('Input byte[] should at least have 2 bytes for base64 bytes');
  const out: number[] = [];
  let bits = 0;
  // Where the next character's six bits go in the 24 bits of a unit: 18, 12, 6, 0.
  let shift = 18;
  let at = 0;
  while (at < src.length) {
    const value = VALUES[src[at++]!]!;
    if (value === PADDING) {
      // '=' may only end a unit of two characters followed by a second '=', or one of three.
      if (shift === 18 || (shift === 6 && (at === src.length || src[at++] !== PAD))) throw new JavaBase64Error('Input byte array has wrong 4-byte ending unit');
      break;
    }
    if (value === NOT_BASE64) throw new JavaBase64Error(`Illegal base64 character ${javaByteHex(src[at - 1]!)}`);
    bits |= value << shift;
    shift -= 6;
    if (shift < 0) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      shift = 18;
      bits = 0;
    }
  }
  if (shift === 6) out.push((bits >> 16) & 0xff);
  else if (shift === 0) out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff);
  else if (shift === 12) throw new JavaBase64Error('Last unit does not have enough valid bits');
  if (at < src.length) throw new JavaBase64Error(`Input byte array has incorrect ending byte at ${at}`);
  return Buffer.from(out);
}

/** Java's Integer.toString(b, 16) of a byte, which is signed: 0xe9 is "-17". */
function javaByteHex(b: number): string {
  return (b >= 0x80 ? b - 0x100 : b).toString(16);
}
