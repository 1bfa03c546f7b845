/** What the producer's callers give it: records, their headers and send options, and what partitionsFor answers. */
import type { TopicPartitionInfo } from '../network/partition-info.ts';
import type { HeaderInput } from './batch.ts';

export type RecordHeaders = Readonly<Record<string, Buffer | string | null>> | readonly { key: string; value: Buffer | string | null }[];

export interface ProducerRecord {
  topic: string;
  /** Explicit partition; default: the partitioner's choice. */
  partition?: number;
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: RecordHeaders;
  /** Create time in ms since the epoch (or a Date); default: now. */
  timestamp?: number | Date;
}

/** What partitionsFor answers: a partition's leader and replicas with its topic, as Java's PartitionInfo. */
export interface PartitionInfo extends TopicPartitionInfo {
  topic: string;
}

export interface SendOptions {
  /** Stops waiting for metadata or buffer memory (records already appended are still sent). */
  signal?: AbortSignal;
}

export function normalizeHeaders(h: RecordHeaders | undefined): HeaderInput[] | null {
  if (h === undefined) return null;
  if (Array.isArray(h)) return h.length === 0 ? null : (h as HeaderInput[]);
  const keys = Object.keys(h);
  if (keys.length === 0) return null;
  const out: HeaderInput[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = { key: keys[i], value: (h as Record<string, Buffer | string | null>)[keys[i]] ?? null };
  return out;
}

export function keyBytes(key: Buffer | string): Buffer {
  return typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
}
