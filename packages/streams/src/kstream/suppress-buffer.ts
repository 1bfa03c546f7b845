/**
 * The suppression buffer (Java's InMemoryTimeOrderedKeyValueChangeBuffer): the latest change of
 * each key, ordered by buffer time (then key bytes), in memory. With logging on, the keys changed
 * since the last flush go to the changelog at flush (before each commit), in Java's v3 format
 * (header `v` = 3; value = record context, prior, old and new value, then the buffer time), and a
 * task rebuilds the buffer from it, so nothing held back is lost when a task moves or fails. The
 * task's commit flushes it (`flushCache`, as Java's state manager flushes buffers with the caches).
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { RecordHeader } from '../record.ts';
import { type Serde, serdeOrDefault } from '../serdes.ts';
import type { Change, ChangelogRecord, StateStore, StateStoreContext, StoreRecordContext } from '../state/api.ts';
import { defaultSerde } from '../state/metered-store.ts';
import { SortedBytesMap } from '../state/sorted-bytes-map.ts';

const NULL_VALUE = -1;
const OLD_IS_PRIOR = -2;
const V3_HEADERS: RecordHeader[] = [{ key: 'v', value: Buffer.from([3]) }];

/** One buffered change: the value before the first buffered change (prior), the last change's old and new values, and its record context. */
interface BufferValue {
  readonly prior: Buffer | null;
  readonly old: Buffer | null;
  readonly new: Buffer | null;
  readonly context: StoreRecordContext;
  readonly time: number;
}

export interface Eviction<K, V> {
  readonly key: K;
  readonly value: Change<V>;
  readonly context: StoreRecordContext;
}

/** Java's ProcessorRecordContext.serialize: timestamp, offset, topic, partition, headers. */
function contextBytes(c: StoreRecordContext): Buffer {
  const topic = Buffer.from(c.topic ?? '', 'utf8');
  const parts: Buffer[] = [];
  const head = Buffer.alloc(8 + 8 + 4);
  head.writeBigInt64BE(BigInt(c.timestamp), 0);
  head.writeBigInt64BE(c.offset, 8);
  head.writeInt32BE(topic.length, 16);
  parts.push(head, topic);
  const tail = Buffer.alloc(8);
  tail.writeInt32BE(c.partition, 0);
  tail.writeInt32BE(c.headers.length, 4);
  parts.push(tail);
  for (const h of c.headers) {
    const k = Buffer.from(h.key, 'utf8');
    const v = h.value === null || h.value === undefined ? null : Buffer.isBuffer(h.value) ? h.value : Buffer.from(h.value);
    const sizes = Buffer.alloc(4);
    sizes.writeInt32BE(k.length);
    parts.push(sizes, k);
    const vs = Buffer.alloc(4);
    vs.writeInt32BE(v === null ? -1 : v.length);
    parts.push(vs, ...(v === null ? [] : [v]));
  }
  return Buffer.concat(parts);
}

function lengthPrefixed(value: Buffer | null, sentinel = NULL_VALUE): Buffer[] {
  const n = Buffer.alloc(4);
  n.writeInt32BE(value === null ? sentinel : value.length);
  return value === null ? [n] : [n, value];
}

function encode(v: BufferValue): Buffer {
  const old = v.old === null ? lengthPrefixed(null) : v.prior !== null && v.old.equals(v.prior) ? lengthPrefixed(null, OLD_IS_PRIOR) : lengthPrefixed(v.old);
  const time = Buffer.alloc(8);
  time.writeBigInt64BE(BigInt(v.time));
  return Buffer.concat([contextBytes(v.context), ...lengthPrefixed(v.prior), ...old, ...lengthPrefixed(v.new), time]);
}

function decode(b: Buffer): BufferValue {
  let at = 0;
  const long = () => ((at += 8), b.readBigInt64BE(at - 8));
  const int = () => ((at += 4), b.readInt32BE(at - 4));
  const bytes = (n: number) => ((at += n), b.subarray(at - n, at));
  const timestamp = Number(long());
  const offset = long();
  const topic = bytes(int()).toString('utf8');
  const partition = int();
  const headers: RecordHeader[] = [];
  for (let i = int(); i > 0; i--) {
    const key = bytes(int()).toString('utf8');
    const n = int();
    headers.push({ key, value: n < 0 ? null : Buffer.from(bytes(n)) } as RecordHeader);
  }
  const value = (): Buffer | null | 'prior' => {
    const n = int();
    return n === NULL_VALUE ? null : n === OLD_IS_PRIOR ? 'prior' : Buffer.from(bytes(n));
  };
  const prior = value() as Buffer | null;
  const oldRaw = value();
  const next = value() as Buffer | null;
  const time = Number(long());
  return { prior, old: oldRaw === 'prior' ? prior : oldRaw, new: next, context: { timestamp, offset, topic, partition, headers }, time };
}

/** The table's serde, completed with the application's defaults where it wraps one; the default only when it has none. */
function resolveSerde<T>(given: Serde<T> | undefined, context: StateStoreContext, which: 'key' | 'value', store: string): Serde<T> {
  if (given === undefined) return defaultSerde(context, which, store) as Serde<T>;
  const defaults = { keySerde: context.appConfigs.defaultKeySerde as Serde<unknown>, valueSerde: context.appConfigs.defaultValueSerde as Serde<unknown> };
  return serdeOrDefault(given, given, defaults);
}

/** Orders entries by buffer time, then key bytes (Java's BufferKey). */
function sortKey(time: number, key: Buffer): Buffer {
  const b = Buffer.alloc(8 + key.length);
  // Offset by 2^63 so that unsigned byte order is numeric order for negative times too.
  b.writeBigUInt64BE(BigInt(time) + (1n << 63n));
  key.copy(b, 8);
  return b;
}

export class SuppressionBuffer<K, V> implements StateStore {
  private readonly sorted = new SortedBytesMap<{ key: Buffer; value: BufferValue }>();
  private readonly index = new Map<string, { key: Buffer; value: BufferValue }>();
  private readonly dirty = new Map<string, Buffer>();
  private context: StateStoreContext | null = null;
  private keySerde!: Serde<K>;
  private valueSerde!: Serde<V>;
  private topic = '';
  private bytes = 0;
  private open = false;

  readonly name: string;
  private readonly givenKeySerde: Serde<K> | undefined;
  private readonly givenValueSerde: Serde<V> | undefined;
  private readonly loggingEnabled: boolean;

  constructor(name: string, givenKeySerde: Serde<K> | undefined, givenValueSerde: Serde<V> | undefined, loggingEnabled: boolean) {
    this.name = name;
    this.givenKeySerde = givenKeySerde;
    this.givenValueSerde = givenValueSerde;
    this.loggingEnabled = loggingEnabled;
  }

  persistent(): boolean {
    return false;
  }
  isOpen(): boolean {
    return this.open;
  }

  init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    this.topic = `${context.applicationId}-${this.name}-changelog`;
    this.keySerde = resolveSerde(this.givenKeySerde, context, 'key', this.name);
    this.valueSerde = resolveSerde(this.givenValueSerde, context, 'value', this.name);
    context.register(root, (batch) => this.restore(batch));
    this.open = true;
  }

  private restore(batch: readonly ChangelogRecord[]): void {
    for (const r of batch) {
      if (r.value === null) {
        this.remove(r.key.toString('latin1'));
        continue;
      }
      const version = r.headers.find((h) => h.key === 'v')?.value;
      if (version === undefined || version === null || Buffer.from(version)[0] !== 3) {
        throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `suppression buffer '${this.name}': changelog record in a format other than v3 (the only one Sluice writes or reads)`);
      }
      this.putBytes(Buffer.from(r.key), decode(r.value));
    }
  }

  /** Buffers the change of `key` at `time` (replacing the key's earlier entry, keeping its prior value and its time). */
  put(time: number, key: K, change: Change<V>, context: StoreRecordContext): void {
    const k = this.keySerde.serialize(this.topic, key);
    if (k === null) throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `suppression buffer '${this.name}': the key serde returned null for a key`);
    const newBytes = change.newValue === null ? null : this.valueSerde.serialize(this.topic, change.newValue);
    const oldBytes = change.oldValue === null ? null : this.valueSerde.serialize(this.topic, change.oldValue);
    const existing = this.index.get(k.toString('latin1'));
    const prior = existing === undefined ? oldBytes : existing.value.prior;
    // Non-resetting, as Java's: a key's later change keeps the place (time) of its first one.
    this.putBytes(k, { prior, old: oldBytes, new: newBytes, context, time: existing === undefined ? time : existing.value.time });
    this.dirty.set(k.toString('latin1'), k);
  }

  private putBytes(key: Buffer, value: BufferValue): void {
    const id = key.toString('latin1');
    this.remove(id);
    const entry = { key, value };
    this.sorted.set(sortKey(value.time, key), entry);
    this.index.set(id, entry);
    this.bytes += sizeOf(entry);
  }

  private remove(id: string): void {
    const existing = this.index.get(id);
    if (existing === undefined) return;
    this.sorted.delete(sortKey(existing.value.time, existing.key));
    this.index.delete(id);
    this.bytes -= sizeOf(existing);
  }

  /** The earliest buffer time, or Infinity when empty. */
  minTimestamp(): number {
    const first = this.first();
    return first === undefined ? Infinity : first.value.time;
  }

  private first(): { key: Buffer; value: BufferValue } | undefined {
    for (const [, entry] of this.sorted.entries(undefined, undefined)) return entry;
    return undefined;
  }

  numRecords(): number {
    return this.index.size;
  }

  bufferSize(): number {
    return this.bytes;
  }

  /** Takes entries out in buffer-time order while `condition` holds, handing each to `emit`. */
  evictWhile(condition: () => boolean, emit: (eviction: Eviction<K, V>) => void): void {
    while (this.index.size > 0 && condition()) {
      const { key, value } = this.first()!;
      const id = key.toString('latin1');
      this.remove(id);
      this.dirty.set(id, key);
      const deserialize = (b: Buffer | null): V | null => (b === null ? null : this.valueSerde.deserialize(this.topic, b));
      emit({ key: this.keySerde.deserialize(this.topic, key), value: { newValue: deserialize(value.new), oldValue: deserialize(value.prior) }, context: value.context });
    }
  }

  /**
   * At every commit the task flushes only record caches (`flushCache`); Java's state manager
   * flushes the suppression buffer there too, so that what it holds reaches the changelog with the
   * commit: the same here.
   */
  flushCache(): void {
    this.flush();
  }

  /** Writes the keys changed since the last flush to the changelog: their entry, or a tombstone if evicted. */
  flush(): void {
    if (!this.loggingEnabled || this.context === null) return;
    for (const [id, key] of this.dirty) {
      const entry = this.index.get(id);
      if (entry === undefined) this.context.logChange(this.name, key, null, this.context.recordContext()?.timestamp ?? Date.now());
      else this.context.logChange(this.name, key, encode(entry.value), entry.value.context.timestamp, V3_HEADERS);
    }
    this.dirty.clear();
  }

  close(): void {
    this.sorted.clear();
    this.index.clear();
    this.dirty.clear();
    this.bytes = 0;
    this.open = false;
  }
}

/** Java's estimate of an entry's memory: key, values, buffer time and record context. */
function sizeOf(entry: { key: Buffer; value: BufferValue }): number {
  const v = entry.value;
  const values = (v.prior?.length ?? 0) + (v.old !== null && v.old !== v.prior ? v.old.length : 0) + (v.new?.length ?? 0);
  const context = 8 + 8 + 4 + (v.context.topic?.length ?? 0) + v.context.headers.reduce((n, h) => n + h.key.length + (h.value?.length ?? 0), 0);
  return entry.key.length + 8 + values + context;
}
