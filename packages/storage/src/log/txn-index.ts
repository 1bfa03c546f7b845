/**
 * The aborted-transaction index of one segment (`<base offset>.txnindex`), in Kafka's layout so a
 * Kafka user recognises it: no header, 34-byte big-endian entries
 * `int16 version (0) | int64 producerId | int64 firstOffset | int64 lastOffset | int64 lastStableOffset`,
 * one per transaction an ABORT marker in this segment closed (lastOffset is the marker's offset).
 * Commits and empty transactions leave no entry.
 *
 * Like the offset and time indexes, the entries live in memory while the segment is open and the
 * file is written whole when the segment rolls and on close; after an unclean stop they are
 * rebuilt from the log's markers, which are the truth. Each entry carries its own version, as in
 * Kafka: a reader refuses an entry of a version above the one it knows (STORAGE_UNSUPPORTED_FORMAT,
 * the rule of docs/storage-formats.md) rather than taking it for damage, and a file that is not
 * whole entries, or whose entries do not fit the segment, is rebuilt.
 */
import { UnsupportedStateFileError } from '../errors.ts';

export const TXN_INDEX_ENTRY_SIZE = 34;
export const TXN_INDEX_VERSION = 0;

export interface AbortedTxn {
  producerId: bigint;
  /** Offset of the transaction's first batch on this partition. */
  firstOffset: bigint;
  /** Offset of the ABORT marker that closed it. */
  lastOffset: bigint;
  /**
   * The last stable offset right after the marker: the first offset of the earliest transaction
   * of another producer still open then, else the marker's offset + 1. A search for aborted
   * transactions below an offset is complete at the first entry whose value reaches it.
   */
  lastStableOffset: bigint;
}

/** What a fetch needs of an aborted transaction (Fetch's aborted_transactions). */
export interface AbortedTransaction {
  producerId: bigint;
  /** Offset of the transaction's first batch on the partition. */
  firstOffset: bigint;
}

export class TransactionIndex {
  private entries: AbortedTxn[] = [];

  get size(): number {
    return this.entries.length;
  }

  all(): readonly AbortedTxn[] {
    return this.entries;
  }

  /** Entries arrive in marker order (markers become durable in offset order). */
  append(entry: AbortedTxn): void {
    this.entries.push({ producerId: entry.producerId, firstOffset: entry.firstOffset, lastOffset: entry.lastOffset, lastStableOffset: entry.lastStableOffset });
  }

  /** Forgets entries whose marker is at or after `offset` (a truncation). */
  truncateFrom(offset: bigint): void {
    this.entries = this.entries.filter((e) => e.lastOffset < offset);
  }

  replaceAll(entries: readonly AbortedTxn[]): void {
    this.entries = [...entries];
  }

  /**
   * Kafka's collectAbortedTxns: adds to `out` every entry overlapping [fetchOffset, upperBound)
   * and returns true once an entry shows that no later one can (its last stable offset reaches
   * `upperBound`).
   */
  collect(fetchOffset: bigint, upperBound: bigint, out: AbortedTransaction[]): boolean {
    for (const e of this.entries) {
      if (e.lastOffset >= fetchOffset && e.firstOffset < upperBound) out.push({ producerId: e.producerId, firstOffset: e.firstOffset });
      if (e.lastStableOffset >= upperBound) return true;
    }
    return false;
  }

  encode(): Buffer {
    const b = Buffer.alloc(this.entries.length * TXN_INDEX_ENTRY_SIZE);
    this.entries.forEach((e, i) => {
      const p = i * TXN_INDEX_ENTRY_SIZE;
      b.writeInt16BE(TXN_INDEX_VERSION, p);
      b.writeBigInt64BE(e.producerId, p + 2);
      b.writeBigInt64BE(e.firstOffset, p + 10);
      b.writeBigInt64BE(e.lastOffset, p + 18);
      b.writeBigInt64BE(e.lastStableOffset, p + 26);
    });
    return b;
  }
}

/**
 * Reads a .txnindex file of the segment [baseOffset, nextOffset): its entries, or null when it is
 * not whole entries or they do not fit the segment (the caller rebuilds it from the log). Throws
 * UnsupportedStateFileError for an entry of a newer version.
 */
export function decodeTxnIndex(path: string, bytes: Buffer, baseOffset: bigint, nextOffset: bigint): AbortedTxn[] | null {
  if (bytes.length % TXN_INDEX_ENTRY_SIZE !== 0) return null;
  const out: AbortedTxn[] = [];
  let previous = -1n;
  for (let p = 0; p < bytes.length; p += TXN_INDEX_ENTRY_SIZE) {
    const version = bytes.readInt16BE(p);
    if (version > TXN_INDEX_VERSION) {
      throw new UnsupportedStateFileError(path, version, TXN_INDEX_VERSION, 'Start the newer Sluice again, or remove this file and the .clean-shutdown marker beside it to have this Sluice rebuild the index from the log (slower, nothing is lost).');
    }
    const e: AbortedTxn = { producerId: bytes.readBigInt64BE(p + 2), firstOffset: bytes.readBigInt64BE(p + 10), lastOffset: bytes.readBigInt64BE(p + 18), lastStableOffset: bytes.readBigInt64BE(p + 26) };
    const fits = version === TXN_INDEX_VERSION && e.lastOffset >= baseOffset && e.lastOffset < nextOffset && e.firstOffset <= e.lastOffset && e.lastOffset > previous && e.firstOffset >= 0n && e.lastStableOffset >= 0n;
    if (!fits) return null;
    previous = e.lastOffset;
    out.push(e);
  }
  return out;
}
