/**
 * Kafka UUIDs (topic ids, member ids of KIP-848 groups, directory ids) are 16 bytes on the wire.
 * In Sluice they are strings in Kafka's own text form, URL-safe base64 without padding
 * (22 characters, e.g. "MwAcf0XoSAeXIAgfQS6v9A"): what kafka-topics.sh prints and what Kafka
 * users recognise, and cheap to compare and to use as a Map key.
 */

import { randomFillSync } from 'node:crypto';

export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

const UUID_TEXT = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export function isValidUuid(text: string): boolean {
  return UUID_TEXT.test(text);
}

export function uuidToBytes(text: string): Buffer {
  if (!UUID_TEXT.test(text)) throw new TypeError(`not a Kafka UUID (22 characters of URL-safe base64): ${JSON.stringify(text)}`);
  return Buffer.from(text, 'base64url');
}

export function uuidFromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('base64url');
}

/** A random version 4 UUID, as Kafka's Uuid.randomUuid() makes them (never zero, never starting with '-'). */
export function randomUuid(): string {
  for (;;) {
    const bytes = randomFillSync(Buffer.alloc(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const text = bytes.toString('base64url');
    // Kafka avoids ids starting with '-' because they read like command-line flags.
    if (!text.startsWith('-') && text !== ZERO_UUID) return text;
  }
}

/** The conventional 8-4-4-4-12 hex form, for display next to tools that use it. */
export function uuidToHex(text: string): string {
  const h = uuidToBytes(text).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
