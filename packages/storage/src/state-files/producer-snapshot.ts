/**
 * `producer-state.json`: the idempotent producers' state (epoch, last five batches' sequences and
 * offsets, last update time), written on clean close and loaded with a clean start; after an
 * unclean stop it is rebuilt from the batches. Unreadable, the log is scanned to rebuild it.
 * Version 0 (before versions) was the bare array of producers; version 1 is
 * `{"version":1,"producers":[...]}` with the same entries. Transactions will add their state here.
 */
import type { ProducerEntry } from '../log/producer-state.js';
import { type StateFileFormat, offsetField } from './state-file.js';

type BatchFields = [number, number, string, string, string];
interface ProducerFields {
  producerId: string;
  epoch: number;
  lastUpdateMs: number;
  batches: BatchFields[];
}

function int(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`not an integer: ${String(value)}`);
  return value;
}

function decodeEntries(raw: unknown): ProducerEntry[] | null {
  if (!Array.isArray(raw)) return null;
  return (raw as ProducerFields[]).map((p) => ({
    producerId: offsetField(p.producerId),
    epoch: int(p.epoch),
    lastUpdateMs: int(p.lastUpdateMs),
    batches: p.batches.map(([firstSeq, lastSeq, firstOffset, lastOffset, timestamp]) => ({
      firstSeq: int(firstSeq),
      lastSeq: int(lastSeq),
      firstOffset: offsetField(firstOffset),
      lastOffset: offsetField(lastOffset),
      timestamp: offsetField(timestamp),
    })),
  }));
}

export const PRODUCER_SNAPSHOT: StateFileFormat<ProducerEntry[]> = {
  name: 'producer-state.json',
  version: 1,
  whenNewer: 'Start the newer Sluice again, or remove this file and the .clean-shutdown marker beside it to have this Sluice rebuild the producers from the log (slower, nothing is lost).',
  decode: (version, json) => decodeEntries(version === 0 ? json : (json as { producers?: unknown }).producers),
  encode: (entries) => ({
    producers: entries.map((e) => ({
      producerId: e.producerId.toString(),
      epoch: e.epoch,
      lastUpdateMs: e.lastUpdateMs,
      batches: e.batches.map((b) => [b.firstSeq, b.lastSeq, b.firstOffset.toString(), b.lastOffset.toString(), b.timestamp.toString()]),
    })),
  }),
};
