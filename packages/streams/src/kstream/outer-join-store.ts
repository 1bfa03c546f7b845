/**
 * The store a left or outer stream–stream join keeps its not-yet-joined records in until their
 * window closes (Java's "shared" outer join store, a ListValueStore): keys are Java's
 * TimestampedKeyAndJoinSide bytes, [8-byte timestamp][1 = left side, 0 = right side][key bytes],
 * so iterating the store in byte order visits records oldest first, right before left at one
 * timestamp, as Java's RocksDB store does; each key holds a list of LeftOrRightValues
 * ([1 = left, 0 = right][value bytes]), since one key may see several records at one timestamp.
 *
 * The store is a bytes key-value store below (persistent unless the join's window stores are in
 * memory), logged like any other; this layer resolves the serdes (the application's defaults where
 * StreamJoined gives none) and reads the emit throttle setting.
 */
import type { Serde } from '../serdes.ts';
import type { KeyValueBytesStoreSupplier, KeyValueStore, StateStore, StateStoreContext } from '../state/api.ts';
import { defaultSerde } from '../state/metered-store.ts';
import { AbstractStoreBuilder } from '../state/store-builders.ts';
import { Stores } from '../state/stores.ts';
import { Serdes } from '../serdes.ts';

/** Java's internal setting that throttles the scan for closed windows (wall-clock ms; 1000 by default). */
export const EMIT_INTERVAL_CONFIG = '__emit.interval.ms.kstreams.outer.join.spurious.results.fix__';

export interface OuterJoinEntry<K, V1, V2> {
  key: K;
  timestamp: number;
  leftSide: boolean;
  leftValue: V1 | null;
  rightValue: V2 | null;
  /** The store key's bytes, to delete the entry once emitted. */
  storeKey: Buffer;
}

export class OuterJoinStore<K, V1, V2> implements StateStore {
  private keySerde!: Serde<K>;
  private leftSerde!: Serde<V1>;
  private rightSerde!: Serde<V2>;
  /** The throttle of the closed-window scan, from the application's settings. */
  emitIntervalMs = 1000;

  private readonly inner: KeyValueStore<Buffer, Buffer>;
  private readonly serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V1>; otherValueSerde?: Serde<V2> };

  constructor(inner: KeyValueStore<Buffer, Buffer>, serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V1>; otherValueSerde?: Serde<V2> }) {
    this.inner = inner;
    this.serdes = serdes;
  }

  get name(): string {
    return this.inner.name;
  }

  persistent(): boolean {
    return this.inner.persistent();
  }

  isOpen(): boolean {
    return this.inner.isOpen();
  }

  init(context: StateStoreContext, root: StateStore): void {
    this.keySerde = this.serdes.keySerde ?? defaultSerde(context, 'key', this.name);
    this.leftSerde = this.serdes.valueSerde ?? defaultSerde(context, 'value', this.name);
    this.rightSerde = this.serdes.otherValueSerde ?? defaultSerde(context, 'value', this.name);
    const interval = context.appConfigs[EMIT_INTERVAL_CONFIG];
    if (interval !== undefined && interval !== null) this.emitIntervalMs = Number(interval);
    this.inner.init(context, root);
  }

  flush(): void {
    this.inner.flush();
  }

  close(): void {
    this.inner.close();
  }

  private storeKey(key: K, timestamp: number, leftSide: boolean): Buffer {
    const k = this.keySerde.serialize(this.name, key) as Buffer;
    const b = Buffer.allocUnsafe(9 + k.length);
    b.writeBigInt64BE(BigInt(timestamp), 0);
    b[8] = leftSide ? 1 : 0;
    k.copy(b, 9);
    return b;
  }

  /** Adds a record without a partner yet (Java's put: appends to the key's list). */
  add(key: K, timestamp: number, leftSide: boolean, value: V1 | V2): void {
    const k = this.storeKey(key, timestamp, leftSide);
    const v = (leftSide ? this.leftSerde.serialize(this.name, value as V1) : this.rightSerde.serialize(this.name, value as V2)) as Buffer;
    const element = Buffer.concat([Buffer.from([leftSide ? 1 : 0]), v]);
    const framed = Buffer.allocUnsafe(4 + element.length);
    framed.writeInt32BE(element.length, 0);
    element.copy(framed, 4);
    const old = this.inner.get(k);
    this.inner.put(k, old === null ? framed : Buffer.concat([old, framed]));
  }

  /** The other side's record at `timestamp` found a partner: it is no longer waiting (Java's putIfAbsent(key, null)). */
  joined(key: K, timestamp: number, leftSide: boolean): void {
    const k = this.storeKey(key, timestamp, leftSide);
    if (this.inner.get(k) !== null) this.inner.put(k, null);
  }

  delete(storeKey: Buffer): void {
    this.inner.put(storeKey, null);
  }

  /**
   * Every waiting record, oldest first (one entry per list element), read as the caller goes, so
   * that a scan that stops at the first open window reads no further. Do not write to the store
   * before the iteration ends (return or break closes it).
   */
  *entries(): Generator<OuterJoinEntry<K, V1, V2>> {
    const it = this.inner.all();
    try {
      for (const { key: storeKey, value } of it) {
        if (value === null) continue;
        const timestamp = Number(storeKey.readBigInt64BE(0));
        const leftSide = storeKey[8] === 1;
        const key = this.keySerde.deserialize(this.name, storeKey.subarray(9)) as K;
        for (let at = 0; at < value.length; ) {
          const length = value.readInt32BE(at);
          const element = value.subarray(at + 4, at + 4 + length);
          at += 4 + length;
          const isLeft = element[0] === 1;
          const bytes = element.subarray(1);
          yield {
            key,
            timestamp,
            leftSide,
            leftValue: isLeft ? (this.leftSerde.deserialize(this.name, bytes) as V1) : null,
            rightValue: isLeft ? null : (this.rightSerde.deserialize(this.name, bytes) as V2),
            storeKey,
          };
        }
      }
    } finally {
      it.close();
    }
  }
}

/** Builds the shared store over a bytes key-value store from `supplier`. */
export class OuterJoinStoreBuilder<K, V1, V2> extends AbstractStoreBuilder<OuterJoinStore<K, V1, V2>> {
  private readonly supplier: KeyValueBytesStoreSupplier;
  private readonly serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V1>; otherValueSerde?: Serde<V2> };

  constructor(supplier: KeyValueBytesStoreSupplier, serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V1>; otherValueSerde?: Serde<V2> }) {
    super(supplier.name);
    this.supplier = supplier;
    this.serdes = serdes;
  }

  build(): OuterJoinStore<K, V1, V2> {
    const bytes = Stores.keyValueStoreBuilder(this.supplier, Serdes.Buffer(), Serdes.Buffer());
    if (this.loggingEnabled()) bytes.withLoggingEnabled(this.logConfig());
    else bytes.withLoggingDisabled();
    return new OuterJoinStore<K, V1, V2>(bytes.build() as KeyValueStore<Buffer, Buffer>, this.serdes);
  }
}
