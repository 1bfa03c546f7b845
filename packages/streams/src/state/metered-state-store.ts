/**
 * What the metered (outer, typed) layers of every store kind share — Java's `MeteredKeyValueStore`,
 * `MeteredWindowStore` and `MeteredSessionStore` each repeat it over their `WrappedStateStore`:
 * the serdes, chosen at init (the builder's, or the application's defaults `default.key.serde`,
 * `default.value.serde` when the builder names none) and called with the store's changelog topic
 * name, `<application.id>-<store>-changelog`, as Java's are; and passing a cache flush or clear to
 * the record cache below, if there is one.
 *
 * Java's metered layers also record metrics; Sluice has no metrics registry yet.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { CachedStateStore, StateStore, StateStoreContext } from './api.ts';
import { storeNotInitialised } from './store-errors.ts';
import { WrappedStateStore } from './wrapped-store.ts';

export abstract class MeteredStateStore<S extends StateStore, K, V> extends WrappedStateStore<S> {
  private keySerde: Serde<K> | null = null;
  private valueSerde: Serde<V | null> | null = null;
  protected topic = '';

  readonly metricsScope: string;
  private readonly givenKeySerde: Serde<K> | undefined;
  private readonly givenValueSerde: Serde<any> | undefined;
  /** How the value serde becomes the one the bytes hold (the timestamped format for timestamped stores). */
  private readonly wrapValueSerde: (serde: Serde<any>) => Serde<V | null>;

  constructor(
    wrapped: S,
    metricsScope: string,
    givenKeySerde: Serde<K> | undefined,
    givenValueSerde: Serde<any> | undefined,
    wrapValueSerde: (serde: Serde<any>) => Serde<V | null> = (s) => s,
  ) {
    super(wrapped);
    this.metricsScope = metricsScope;
    this.givenKeySerde = givenKeySerde;
    this.givenValueSerde = givenValueSerde;
    this.wrapValueSerde = wrapValueSerde;
  }

  override init(context: StateStoreContext, root: StateStore = this): void {
    this.topic = `${context.applicationId}-${this.name}-changelog`;
    this.keySerde = this.givenKeySerde ?? defaultSerde(context, 'key', this.name);
    this.valueSerde = this.wrapValueSerde(this.givenValueSerde ?? defaultSerde(context, 'value', this.name));
    this.wrapped.init(context, root);
  }

  /** Flushes only the record cache below, if there is one (see `CachedStateStore.flushCache`). */
  flushCache(): void {
    (this.wrapped as Partial<CachedStateStore<Buffer, Buffer>>).flushCache?.();
  }

  clearCache(): void {
    (this.wrapped as Partial<CachedStateStore<Buffer, Buffer>>).clearCache?.();
  }

  protected keyBytes(key: K): Buffer {
    const bytes = this.serdes().keySerde.serialize(this.topic, key);
    if (bytes === null) throw new TypeError(`the key serializer of store '${this.name}' returned null for a key; a store key must serialise to bytes`);
    return bytes;
  }

  protected valueBytes(value: V | null): Buffer | null {
    return value === null || value === undefined ? null : this.serdes().valueSerde.serialize(this.topic, value);
  }

  protected keyFrom(bytes: Buffer): K {
    return this.serdes().keySerde.deserialize(this.topic, bytes);
  }

  protected valueFrom(bytes: Buffer | null): V | null {
    return bytes === null ? null : this.serdes().valueSerde.deserialize(this.topic, bytes);
  }

  private serdes(): { keySerde: Serde<K>; valueSerde: Serde<V | null> } {
    if (this.keySerde === null || this.valueSerde === null) throw storeNotInitialised(this.name);
    return { keySerde: this.keySerde, valueSerde: this.valueSerde };
  }
}

export function defaultSerde(context: StateStoreContext, which: 'key' | 'value', store: string): Serde<any> {
  const c = context.appConfigs;
  const serde = which === 'key' ? (c.defaultKeySerde ?? c['default.key.serde']) : (c.defaultValueSerde ?? c['default.value.serde']);
  if (serde && typeof (serde as Serde<unknown>).serialize === 'function') return serde as Serde<any>;
  throw new StreamsError(
    StreamsErrorCode.INVALID_CONFIG,
    `store '${store}' has no ${which} serde: give one to its builder (Stores.keyValueStoreBuilder(supplier, keySerde, valueSerde)) or set default${which === 'key' ? 'Key' : 'Value'}Serde`,
  );
}
