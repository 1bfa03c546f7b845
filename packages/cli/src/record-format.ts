/**
 * How `sluice consume` prints a record: the value alone ('text'), one JSON object a line
 * ('json'), or a kcat-style template (%t %p %o %k %v %h %T).
 *
 * In JSON, keys, values and header values are text when their bytes are valid UTF-8, and base64
 * otherwise, flagged by a sibling "keyEncoding"/"valueEncoding": "base64" (absent for text), so
 * that every field keeps one JSON type and binary data survives the trip. Offsets and timestamps
 * are numbers (offsets stay far below 2^53); headers are an array, since Kafka allows a header
 * key more than once. The text and template forms print the bytes as UTF-8, as kcat does.
 */
import { isUtf8 } from 'node:buffer';
import type { ConsumerRecord } from '@sluice/client';
import { UsageError } from './args.ts';

export type RecordFormat = 'text' | 'json' | { template: string };

export function parseFormat(text: string): RecordFormat {
  if (text === 'text' || text === 'json') return text;
  if (!text.includes('%')) throw new UsageError(`--format must be text, json or a template with %t %p %o %k %v %h %T, got ${JSON.stringify(text)}`);
  return { template: text };
}

type Encoded = { text: string | null; base64: boolean };

function encode(bytes: Buffer | null): Encoded {
  if (bytes === null) return { text: null, base64: false };
  return isUtf8(bytes) ? { text: bytes.toString('utf8'), base64: false } : { text: bytes.toString('base64'), base64: true };
}

/** The JSON line of a record (without the newline). */
export function recordJson(r: Pick<ConsumerRecord, 'topic' | 'partition' | 'offset' | 'timestamp' | 'timestampType' | 'key' | 'value' | 'headers'>): string {
  const key = encode(r.key);
  const value = encode(r.value);
  return JSON.stringify({
    topic: r.topic,
    partition: r.partition,
    offset: Number(r.offset),
    timestamp: r.timestamp,
    timestampType: r.timestampType,
    key: key.text,
    ...(key.base64 ? { keyEncoding: 'base64' } : {}),
    value: value.text,
    ...(value.base64 ? { valueEncoding: 'base64' } : {}),
    headers: r.headers.map((h) => {
      const v = encode(h.value);
      return { key: h.key, value: v.text, ...(v.base64 ? { valueEncoding: 'base64' } : {}) };
    }),
  });
}

export function renderRecord(format: RecordFormat, r: ConsumerRecord): string {
  if (format === 'text') return r.value?.toString('utf8') ?? '';
  if (format === 'json') return recordJson(r);
  return format.template.replace(/%([tpokvhT%])/g, (_, c: string) => {
    switch (c) {
      case 't':
        return r.topic;
      case 'p':
        return String(r.partition);
      case 'o':
        return r.offset.toString();
      case 'k':
        return r.key?.toString('utf8') ?? '';
      case 'v':
        return r.value?.toString('utf8') ?? '';
      case 'h':
        return r.headers.map((h) => `${h.key}=${h.value?.toString('utf8') ?? ''}`).join(',');
      case 'T':
        return String(r.timestamp);
      default:
        return '%';
    }
  });
}
