/**
 * `producer-state.json`: the producers' state (epoch, last five batches' sequences and offsets,
 * last update time, and since version 2 their transactions), written on clean close and loaded
 * with a clean start; after an unclean stop it is rebuilt from the batches and markers.
 * Unreadable, the log is scanned to rebuild it.
 * Version 0 (before versions) was the bare array of producers; version 1 is
 * `{"version":1,"producers":[...]}` with the same entries; version 2 adds to each producer
 * `coordinatorEpoch` (-1: no marker yet), `currentTxnFirstOffset` (null: no open transaction) and
 * `lastTimestamp`. Versions 0 and 1 were written before transactions existed, so their producers
 * read with no open transaction and no marker. The snapshot's version also says whether the
 * segments' `.txnindex` files were written beside it (from version 2), which recovery needs to
 * tell a lost index from one that never existed.
 */
import type { ProducerEntry } from '../log/producer-state.ts';
import { type StateFileFormat, offsetField } from './state-file.ts';

type BatchFields = [number, number, string, string, string];
interface ProducerFields {
  producerId: string;
  epoch: number;
  lastUpdateMs: number;
  batches: BatchFields[];
  coordinatorEpoch?: number;
  currentTxnFirstOffset?: string | null;
  lastTimestamp?: string;
}

export interface ProducerSnapshot {
  producers: ProducerEntry[];
  /** The format version read: below 2, the file predates transactions and `.txnindex` files. */
  version: number;
}

/** The first version written with transactional state and beside `.txnindex` files. */
export const TRANSACTIONAL_SNAPSHOT_VERSION = 2;

function int(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`not an integer: ${String(value)}`);
  return value;
}

function decodeEntries(raw: unknown, version: number): ProducerSnapshot | null {
  if (!Array.isArray(raw)) return null;
  const producers = (raw as ProducerFields[]).map((p) => {
    const batches = p.batches.map(([firstSeq, lastSeq, firstOffset, lastOffset, timestamp]) => ({
      firstSeq: int(firstSeq),
      lastSeq: int(lastSeq),
      firstOffset: offsetField(firstOffset),
      lastOffset: offsetField(lastOffset),
      timestamp: offsetField(timestamp),
    }));
    const transactional = version >= TRANSACTIONAL_SNAPSHOT_VERSION;
    return {
      producerId: offsetField(p.producerId),
      epoch: int(p.epoch),
      lastUpdateMs: int(p.lastUpdateMs),
      batches,
      coordinatorEpoch: transactional ? int(p.coordinatorEpoch) : -1,
      currentTxnFirstOffset: transactional && p.currentTxnFirstOffset !== null ? offsetField(p.currentTxnFirstOffset) : null,
      lastTimestamp: transactional ? offsetField(p.lastTimestamp) : batches.length > 0 ? batches[batches.length - 1].timestamp : -1n,
    };
  });
  return { producers, version };
}

export const PRODUCER_SNAPSHOT: StateFileFormat<ProducerSnapshot> = {
  name: 'producer-state.json',
  version: TRANSACTIONAL_SNAPSHOT_VERSION,
  whenNewer: 'Start the newer Sluice again, or remove this file and the .clean-shutdown marker beside it to have this Sluice rebuild the producers from the log (slower, nothing is lost).',
  decode: (version, json) => decodeEntries(version === 0 ? json : (json as { producers?: unknown }).producers, version),
  encode: (snapshot) => ({
    producers: snapshot.producers.map((e) => ({
      producerId: e.producerId.toString(),
      epoch: e.epoch,
      lastUpdateMs: e.lastUpdateMs,
      batches: e.batches.map((b) => [b.firstSeq, b.lastSeq, b.firstOffset.toString(), b.lastOffset.toString(), b.timestamp.toString()]),
      coordinatorEpoch: e.coordinatorEpoch,
      currentTxnFirstOffset: e.currentTxnFirstOffset === null ? null : e.currentTxnFirstOffset.toString(),
      lastTimestamp: e.lastTimestamp.toString(),
    })),
  }),
};
