/**
 * GlobalKTable: a table read in full by every instance (all partitions of its topic), kept in a
 * global store by the global thread, and looked up by any task, whatever its partition. Created by
 * `StreamsBuilder.globalTable`; its store is always materialized, without a changelog (the topic
 * itself is the changelog), as in Java.
 */
export class GlobalKTable<K, V> {
  /** The global store's name (what `context.getStateStore` takes in a processor that looks rows up). */
  readonly storeName: string;
  private readonly queryableName: string | null;

  /** @internal */
  constructor(storeName: string, queryableName: string | null) {
    this.storeName = storeName;
    this.queryableName = queryableName;
  }

  /** The store name to query it by, or null when the store's name was generated. */
  queryableStoreName(): string | null {
    return this.queryableName;
  }

  /** @internal Phantom members, so a GlobalKTable<K, V> is not assignable to one of other types. */
  declare readonly __types?: [K, V];
}
