/**
 * The segments of a window or session store (Java's `AbstractRocksDBSegmentedBytesStore` and
 * `Segments`): time is cut into segments of `segmentInterval` ms, each a bytes key-value store
 * of its own (in memory, or a SQLite database in `<task dir>/sqlite/<store>/<store>.<segment
 * start>/`), so that retention drops whole segments instead of deleting key by key.
 *
 * A write goes to the segment of its key's time (a window's start, a session's end) and moves
 * the observed stream time; a write older than the retention period is dropped, as Java drops it
 * ("Skipping record for expired segment"); segments wholly older than it are closed and deleted.
 * Reads see only what is within retention of the observed stream time.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValue } from '../record.ts';
import type { ChangelogRecord, StateStoreContext } from './api.ts';
import { overlayContext } from './context-overlay.ts';
import { InMemoryKeyValueStore } from './in-memory-key-value-store.ts';
import { SqliteKeyValueStore } from './sqlite-key-value-store.ts';
import type { KeyValueBytesStore } from './wrapped-store.ts';

export interface SegmentedOptions {
  readonly name: string;
  readonly retentionPeriod: number;
  readonly segmentInterval: number;
  readonly persistent: boolean;
  /** The time that places a key in a segment. */
  segmentTimestamp(binaryKey: Buffer): number;
}

export class SegmentedBytesStore {
  private readonly segments = new Map<number, KeyValueBytesStore>();
  private context: StateStoreContext | null = null;
  /** The largest key time written or restored; -1 before any (nothing has expired then). */
  observedStreamTime = -1;

  private readonly options: SegmentedOptions;

  constructor(options: SegmentedOptions) {
    this.options = options;
  }

  get isOpen(): boolean {
    return this.context !== null;
  }

  /** Opens the segments a persistent store left on disk. */
  init(context: StateStoreContext): void {
    this.context = context;
    if (!this.options.persistent) return;
    let names: string[] = [];
    try {
      names = readdirSync(this.folder());
    } catch {
      return; // a new store
    }
    const prefix = `${this.options.name}.`;
    for (const n of names) {
      if (!n.startsWith(prefix)) continue;
      const start = Number(n.slice(prefix.length));
      if (Number.isSafeInteger(start) && start % this.options.segmentInterval === 0) this.segment(start / this.options.segmentInterval);
    }
  }

  /** The earliest time still within retention. */
  minLiveTime(): number {
    return this.observedStreamTime - this.options.retentionPeriod + 1;
  }

  segmentId(timestamp: number): number {
    return Math.floor(timestamp / this.options.segmentInterval);
  }

  /** Writes (null deletes); returns false when the key's time has expired and the write was dropped. */
  put(binaryKey: Buffer, value: Buffer | null): boolean {
    const time = this.options.segmentTimestamp(binaryKey);
    this.observedStreamTime = Math.max(this.observedStreamTime, time);
    const id = this.segmentId(time);
    const minLiveSegment = this.segmentId(this.observedStreamTime - this.options.retentionPeriod);
    const live = id >= minLiveSegment;
    if (live) this.segment(id).put(binaryKey, value);
    this.dropSegmentsBefore(minLiveSegment);
    return live;
  }

  get(binaryKey: Buffer): Buffer | null {
    const s = this.segments.get(this.segmentId(this.options.segmentTimestamp(binaryKey)));
    return s ? s.get(binaryKey) : null;
  }

  restore(batch: readonly ChangelogRecord[]): void {
    for (const r of batch) this.put(r.key, r.value);
  }

  /** Entries of the segments from `fromTime`'s to `toTime`'s, each segment's keys within [lower, upper], by segment then key. */
  *scan(fromTime: number, toTime: number, lower: Buffer | undefined, upper: Buffer | undefined): Generator<KeyValue<Buffer, Buffer>> {
    const first = this.segmentId(fromTime);
    const last = this.segmentId(toTime);
    const ids = [...this.segments.keys()].filter((id) => id >= first && id <= last).sort((a, b) => a - b);
    for (const id of ids) {
      const segment = this.segments.get(id);
      if (!segment || !segment.isOpen()) continue; // dropped meanwhile
      const it = segment.range(lower, upper);
      try {
        yield* it;
      } finally {
        it.close();
      }
    }
  }

  flush(): void {
    for (const s of this.segments.values()) s.flush();
  }

  close(): void {
    try {
      for (const s of this.segments.values()) s.close();
    } finally {
      this.segments.clear();
      this.context = null;
    }
  }

  private folder(): string {
    return join(this.context!.stateDir, 'sqlite', this.options.name);
  }

  private segment(id: number): KeyValueBytesStore {
    let s = this.segments.get(id);
    if (s) return s;
    const name = `${this.options.name}.${id * this.options.segmentInterval}`;
    s = this.options.persistent ? new SqliteKeyValueStore(name, join('sqlite', this.options.name, name)) : new InMemoryKeyValueStore(name);
    // Segments are parts of one store: the store registers once, for all of them.
    s.init(overlayContext(this.context!, { register: () => {} }), s);
    this.segments.set(id, s);
    return s;
  }

  private dropSegmentsBefore(minLiveSegment: number): void {
    for (const [id, s] of this.segments) {
      if (id >= minLiveSegment) continue;
      this.segments.delete(id);
      s.close();
      if (this.options.persistent) rmSync(join(this.folder(), `${this.options.name}.${id * this.options.segmentInterval}`), { recursive: true, force: true });
    }
  }
}
