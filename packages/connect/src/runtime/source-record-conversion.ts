/**
 * What a source task's record becomes before the producer (shared by the at-least-once and the
 * exactly-once runners): the transforms, then the key, value and header converters, each under
 * the error handler; and the offset entry (Kafka's key and value JSON) the record moves on, which
 * counts even when a transform or a tolerated error dropped the record.
 */
import type { ConnectHeaders, Converter, HeaderConverter, SourceRecord } from '@sluice/connect-api';
import type { ProducerRecord } from '@sluice/client';
import type { TransformationChain } from '../chain.ts';
import { applyTransforms, type RetryWithToleranceOperator, SKIPPED } from './error-handling.ts';
import { pluginClassName } from '../plugins.ts';
import { offsetJson, offsetKey } from './offset-store.ts';

export interface SourceRecordConversion {
  connector: string;
  keyConverter: Converter;
  valueConverter: Converter;
  headerConverter: HeaderConverter;
  chain: TransformationChain;
  errors: RetryWithToleranceOperator;
}

export interface ConvertedSourceRecord {
  /** The offset the record moves its source partition to (`[key, value JSON or null]`), or null when it has no source partition. */
  offset: readonly [string, string | null] | null;
  /** What to send, or null when the record was dropped (a transform returned null, or a tolerated error skipped it). */
  send: ProducerRecord | null;
  /** True when a transform dropped it (Kafka then calls commitRecord(record, null) at once). */
  filtered: boolean;
}

export async function convertSourceRecord(c: SourceRecordConversion, record: SourceRecord): Promise<ConvertedSourceRecord> {
  const { errors, chain, keyConverter, valueConverter, headerConverter } = c;
  const describe = () => record.toString();
  const offset = record.sourcePartition === null ? null : ([offsetKey(c.connector, record.sourcePartition), record.sourceOffset === null ? null : offsetJson(record.sourceOffset)] as const);
  const transformed = await applyTransforms(errors, chain, record, { describe });
  if (transformed === SKIPPED || transformed === null) return { offset, send: null, filtered: true };
  const r = transformed;
  const key = await errors.execute('KEY_CONVERTER', pluginClassName(keyConverter), () => keyConverter.fromConnectData(r.topic, r.keySchema, r.key, r.headers), { describe });
  const value = await errors.execute('VALUE_CONVERTER', pluginClassName(valueConverter), () => valueConverter.fromConnectData(r.topic, r.valueSchema, r.value, r.headers), { describe });
  const headers = await errors.execute('HEADER_CONVERTER', pluginClassName(headerConverter), () => convertHeaders(r.topic, r.headers, headerConverter), { describe });
  if (key === SKIPPED || value === SKIPPED || headers === SKIPPED) return { offset, send: null, filtered: false };
  return { offset, send: { topic: r.topic, partition: r.kafkaPartition ?? undefined, key: toBuffer(key), value: toBuffer(value), headers, timestamp: r.timestamp ?? undefined }, filtered: false };
}

export function toBuffer(bytes: Uint8Array | null): Buffer | null {
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function convertHeaders(topic: string, headers: ConnectHeaders, converter: HeaderConverter): { key: string; value: Buffer | null }[] {
  const out: { key: string; value: Buffer | null }[] = [];
  for (const h of headers) out.push({ key: h.key, value: toBuffer(converter.fromConnectHeader(topic, h.key, h.schema, h.value)) });
  return out;
}
