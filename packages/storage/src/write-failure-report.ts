/**
 * Failed writes (a full disk, an I/O error) in the operator's log. Producers are told with
 * KAFKA_STORAGE_ERROR, but the person who can free space reads the broker's log, so it must say
 * so: the first failure at once, with its partition and what to do; later ones at most once per
 * interval, as a count (a full disk fails every append of every partition, thousands a second);
 * and, once every partition writes again, one line saying that.
 */
import type { StorageError } from './errors.ts';

export interface WriteFailureLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const DISK_FULL_ADVICE =
  'Producers get KAFKA_STORAGE_ERROR until there is room: free space on that disk, or lower retention (retention.ms, retention.bytes) or delete topics. Appends resume by themselves; nothing acknowledged was lost.';
const IO_ADVICE = 'Producers get KAFKA_STORAGE_ERROR while it lasts; nothing acknowledged was lost. Check the disk and the system log (dmesg).';

export class WriteFailureReport {
  /** Partitions whose last write failed. */
  private readonly failing = new Set<string>();
  private lastReportMs = -Infinity;
  /** Failures since the last line about them. */
  private unreported = 0;
  /** Whether a failure was reported since every partition last wrote again. */
  private reported = false;

  private readonly log: WriteFailureLog;
  private readonly now: () => number;
  readonly intervalMs: number;

  constructor(log: WriteFailureLog, now: () => number = Date.now, intervalMs = 60_000) {
    this.log = log;
    this.now = now;
    this.intervalMs = intervalMs;
  }

  failed(partition: string, error: StorageError): void {
    this.failing.add(partition);
    const now = this.now();
    if (now - this.lastReportMs < this.intervalMs) {
      this.unreported++;
      return;
    }
    const others = this.unreported > 0 ? ` (and ${this.unreported} more failed writes since the last report; ${this.failing.size} partitions failing now)` : '';
    this.lastReportMs = now;
    this.unreported = 0;
    this.reported = true;
    this.log.error(`Writing to ${partition} failed: ${error.message}${others} ${error.code === 'STORAGE_DISK_FULL' ? DISK_FULL_ADVICE : IO_ADVICE}`);
  }

  succeeded(partition: string): void {
    if (!this.failing.delete(partition) || this.failing.size > 0 || !this.reported) return;
    this.reported = false;
    const others = this.unreported > 0 ? ` (${this.unreported} failed writes after the last report)` : '';
    this.unreported = 0;
    this.log.warn(`Writes succeed again on every partition${others}.`);
  }
}
