/**
 * JSON as Kafka's JsonConverter (Jackson) reads and writes it: numbers keep their source text so
 * that a long above 2^53 or an exact decimal survives, objects keep their key order, and doubles
 * and floats are written as Java's Double.toString and Float.toString write them (`1.0`, `1.0E10`).
 */
import { DataException } from '@sluice/connect-api';

/** A JSON number as written in the text (Jackson's IntNode, LongNode, BigIntegerNode or DecimalNode). */
export class JsonNumber {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
  get isIntegral(): boolean {
    return /^-?\d+$/.test(this.text);
  }
  /** Fits a Java int (Jackson's isInt). */
  get isInt(): boolean {
    if (!this.isIntegral) return false;
    const n = BigInt(this.text);
    return n >= -2147483648n && n <= 2147483647n;
  }
}

/** A parsed JSON value: objects are plain objects, numbers JsonNumbers. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

export function nodeType(node: JsonValue | undefined): string {
  if (node === undefined) return 'MISSING';
  if (node === null) return 'NULL';
  if (typeof node === 'boolean') return 'BOOLEAN';
  if (typeof node === 'string') return 'STRING';
  if (node instanceof JsonNumber) return 'NUMBER';
  return Array.isArray(node) ? 'ARRAY' : 'OBJECT';
}

export function isObject(node: JsonValue | undefined): node is { [key: string]: JsonValue } {
  return nodeType(node) === 'OBJECT';
}

/** Plain parsed JSON (JSON.parse's numbers) as a JsonValue. */
export function toJsonValue(json: unknown): JsonValue {
  if (json instanceof JsonNumber || json === null || typeof json === 'boolean' || typeof json === 'string') return json as JsonValue;
  if (typeof json === 'number' || typeof json === 'bigint') return new JsonNumber(String(json));
  if (Array.isArray(json)) return json.map(toJsonValue);
  if (typeof json === 'object') return Object.fromEntries(Object.entries(json as object).map(([k, v]) => [k, toJsonValue(v)]));
  throw new TypeError(`not JSON: ${String(json)}`);
}

type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/** Parses JSON bytes, keeping every number's text; throws SyntaxError on anything that is not JSON. */
export function parseJson(bytes: Uint8Array): JsonValue {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const reviver: Reviver = (_key, value, context) => (typeof value === 'number' ? new JsonNumber(context?.source ?? String(value)) : value);
  return JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]) as JsonValue;
}

/** Jackson's base64 of a byte array (standard alphabet, padded). */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Jackson's TextNode.binaryValue: strict base64 (MIME-no-linefeeds variant). */
export function fromBase64(text: string, what: string): Uint8Array {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || (clean.length % 4 === 1)) throw new DataException(`Invalid ${what}: ${JSON.stringify(text)} is not base64`);
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

/**
 * A string as Jackson writes it: JSON.stringify's escapes with Jackson's upper-case hex, and every
 * UTF-16 surrogate escaped (Jackson writes a character outside the BMP as two \\uXXXX escapes).
 */
export const quote = (s: string): string =>
  JSON.stringify(s)
    .replace(/(?<!\\)((?:\\\\)*)\\u([0-9a-f]{4})/g, (_m, before: string, hex: string) => `${before}\\u${hex.toUpperCase()}`)
    .replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
