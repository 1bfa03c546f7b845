/**
 * Interactive queries (Kafka Streams' IQ v1): reading a running application's state stores from
 * outside the topology, and finding which instance holds a key.
 *
 * - `KafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()))`
 *   gives a read-only view over every local task's store of that name (one per partition this
 *   instance runs). It looks the stores up again on every call, so it follows rebalances, and
 *   fails with Java's InvalidStateStoreException messages while the instance is not RUNNING or
 *   the store moved away. A timestamped store asked for as a plain key-value store answers
 *   without the timestamps (Java's facade).
 * - `queryMetadataForKey` / `metadataForAllStreamsClients` come from the assignment: each
 *   instance gives its `application.server` in its subscription, and the assignor hands every
 *   member the tasks of every instance (Java's partitionsByHost), so any instance can say which
 *   one holds a key: the store's sub-topology, the key's partition (murmur2 of the serialised
 *   key, as the producer placed it), that task's owner.
 */
import { partitionForKey } from '@sluice/client';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { KeyValue } from '../record.ts';
import type { Serializer } from '../serdes.ts';
import { type KeyValueIterator, type ReadOnlyKeyValueStore, type StateStore, type ValueAndTimestamp, isKeyValueStore, isTimestampedKeyValueStore } from '../state/api.ts';
import { PeekingKeyValueIterator } from '../state/iterators.ts';
import { KeyValueStoreFacade } from '../test-driver/store-facade.ts';
import type { StreamPartitioner } from '../topology/nodes.ts';
import type { Topology } from '../topology/topology.ts';
import type { HostTasks } from './assignor.ts';

/** An instance's `application.server` (Java's HostInfo). */
export interface HostInfo {
  readonly host: string;
  readonly port: number;
}

export const HostInfo = {
  /** Java's HostInfo.unavailable(): what metadata names when no instance is known. */
  unavailable(): HostInfo {
    return { host: 'unavailable', port: -1 };
  },
  /** Parses `host:port`. */
  parse(endpoint: string): HostInfo {
    const i = endpoint.lastIndexOf(':');
    return { host: endpoint.slice(0, i), port: Number(endpoint.slice(i + 1)) };
  },
};

export interface TopicPartitionRef {
  readonly topic: string;
  readonly partition: number;
}

/** One instance of the application (Java's StreamsMetadata). */
export interface StreamsMetadata {
  readonly hostInfo: HostInfo;
  readonly stateStoreNames: string[];
  readonly topicPartitions: TopicPartitionRef[];
  readonly standbyStateStoreNames: string[];
  readonly standbyTopicPartitions: TopicPartitionRef[];
}

/** Where a key lives (Java's KeyQueryMetadata). */
export interface KeyQueryMetadata {
  readonly activeHost: HostInfo;
  readonly standbyHosts: HostInfo[];
  readonly partition: number;
}

export const KeyQueryMetadata = {
  /** Java's KeyQueryMetadata.NOT_AVAILABLE: the instance does not know the assignment (yet). */
  NOT_AVAILABLE: Object.freeze({ activeHost: HostInfo.unavailable(), standbyHosts: [], partition: -1 }) as KeyQueryMetadata,
};

/** What kind of store a query wants, and how to present the local stores as one (Java's QueryableStoreType). */
export interface QueryableStoreType<T> {
  accepts(store: StateStore): boolean;
  create(stores: () => StateStore[], storeName: string): T;
}

export const QueryableStoreTypes = {
  /** Key-value stores, timestamped ones included (read without their timestamps). */
  keyValueStore<K, V>(): QueryableStoreType<ReadOnlyKeyValueStore<K, V>> {
    return {
      accepts: (store) => isKeyValueStore(store),
      create: (stores, name) =>
        new CompositeReadOnlyKeyValueStore<K, V>(
          () => stores().map((s) => (isTimestampedKeyValueStore(s) ? new KeyValueStoreFacade(s) : s) as unknown as ReadOnlyKeyValueStore<K, V>),
          name,
        ),
    };
  },
  /** Timestamped key-value stores, values with the timestamp of the record that wrote them. */
  timestampedKeyValueStore<K, V>(): QueryableStoreType<ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>> {
    return {
      accepts: (store) => isTimestampedKeyValueStore(store),
      create: (stores, name) => new CompositeReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>(() => stores() as unknown as ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>[], name),
    };
  },
};

/** What `KafkaStreams.store()` is asked for (Java's StoreQueryParameters). */
export class StoreQueryParameters<T> {
  readonly storeName: string;
  readonly queryableStoreType: QueryableStoreType<T>;
  readonly partition: number | null;
  readonly staleStoresEnabled: boolean;

  private constructor(storeName: string, queryableStoreType: QueryableStoreType<T>, partition: number | null, staleStoresEnabled: boolean) {
    this.storeName = storeName;
    this.queryableStoreType = queryableStoreType;
    this.partition = partition;
    this.staleStoresEnabled = staleStoresEnabled;
  }

  static fromNameAndType<T>(storeName: string, queryableStoreType: QueryableStoreType<T>): StoreQueryParameters<T> {
    return new StoreQueryParameters(storeName, queryableStoreType, null, false);
  }

  /** Only the store of this partition's task. */
  withPartition(partition: number): StoreQueryParameters<T> {
    return new StoreQueryParameters(this.storeName, this.queryableStoreType, partition, this.staleStoresEnabled);
  }

  /** Standby and restoring stores too, which may lag behind the active ones. */
  enableStaleStores(): StoreQueryParameters<T> {
    return new StoreQueryParameters(this.storeName, this.queryableStoreType, this.partition, true);
  }
}

/**
 * Every local store of one name as one read-only store (Java's CompositeReadOnlyKeyValueStore):
 * `get` answers from the store that has the key, `range` and `all` go through each store in
 * turn (each ordered, not merged, as in Java). The stores are looked up on every call.
 */
export class CompositeReadOnlyKeyValueStore<K, V> implements ReadOnlyKeyValueStore<K, V> {
  private readonly stores: () => ReadOnlyKeyValueStore<K, V>[];
  readonly storeName: string;

  constructor(stores: () => ReadOnlyKeyValueStore<K, V>[], storeName: string) {
    this.stores = stores;
    this.storeName = storeName;
  }

  get(key: K): V | null {
    if (key === null || key === undefined) throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, 'key cannot be null');
    for (const s of this.stores()) {
      const v = this.guard(() => s.get(key));
      if (v !== null && v !== undefined) return v;
    }
    return null;
  }

  range(from: K | undefined, to: K | undefined): KeyValueIterator<K, V> {
    return this.concat((s) => s.range(from, to));
  }

  reverseRange(from: K | undefined, to: K | undefined): KeyValueIterator<K, V> {
    return this.concat((s) => s.reverseRange(from, to));
  }

  all(): KeyValueIterator<K, V> {
    return this.concat((s) => s.all());
  }

  reverseAll(): KeyValueIterator<K, V> {
    return this.concat((s) => s.reverseAll());
  }

  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<K, V> {
    return this.concat((s) => s.prefixScan(prefix, prefixSerializer));
  }

  approximateNumEntries(): number {
    let total = 0;
    for (const s of this.stores()) total += this.guard(() => s.approximateNumEntries());
    return total;
  }

  private concat(open: (store: ReadOnlyKeyValueStore<K, V>) => KeyValueIterator<K, V>): KeyValueIterator<K, V> {
    const stores = this.stores();
    let current: KeyValueIterator<K, V> | null = null;
    const guard = <T>(fn: () => T): T => this.guard(fn);
    function* each(): Generator<KeyValue<K, V>> {
      for (const s of stores) {
        current = guard(() => open(s));
        for (let r = guard(() => current!.next()); !r.done; r = guard(() => current!.next())) yield r.value;
        current.close();
        current = null;
      }
    }
    return new PeekingKeyValueIterator(each(), () => (current as KeyValueIterator<K, V> | null)?.close());
  }

  /** A store closed under the query (its task moved): Java's message says to look it up again. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof StreamsError && e.code === StreamsErrorCode.INVALID_STATE_STORE) {
        throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `State store [${this.storeName}] is not available anymore and may have been migrated to another instance; please re-discover its location from the state metadata.`, { cause: e });
      }
      throw e;
    }
  }
}

/** What the last assignment said about the application's instances. */
export interface ApplicationLayout {
  hosts: readonly HostTasks[];
  taskCounts: ReadonlyMap<number, number>;
}

/**
 * The metadata queries answer from (Java's StreamsMetadataState): the topology says which
 * sub-topology holds a store and which topics it reads; the layout says who runs which task.
 */
export class StreamsMetadataState {
  private readonly topology: Topology;
  private readonly applicationId: string;

  constructor(topology: Topology, applicationId: string) {
    this.topology = topology;
    this.applicationId = applicationId;
  }

  /** The sub-topology that holds the store, or undefined when no sub-topology has it. */
  subtopologyOfStore(storeName: string): number | undefined {
    return this.topology.subtopologies().find((sub) => this.topology.storesOf(sub).includes(storeName))?.id;
  }

  private storesOfSubtopology(id: number): string[] {
    const sub = this.topology.subtopologies().find((s) => s.id === id);
    return sub ? this.topology.storesOf(sub) : [];
  }

  private partitionsOfTask(taskId: string): TopicPartitionRef[] {
    const [sub, partition] = taskId.split('_').map(Number);
    const def = this.topology.subtopologies().find((s) => s.id === sub);
    if (!def) return [];
    return def.sourceTopics.map((t) => ({ topic: this.topology.physicalTopic(this.applicationId, t), partition }));
  }

  /** Global stores are on every instance (Java lists them among every instance's stores). */
  private globalStoreNames(): string[] {
    return this.topology.globalStores().map((g) => g.storeName);
  }

  private metadataOf(h: HostTasks): StreamsMetadata {
    const subs = (tasks: string[]) => [...new Set(tasks.map((t) => Number(t.split('_')[0])))];
    const storesOf = (tasks: string[]) => [...new Set(subs(tasks).flatMap((s) => this.storesOfSubtopology(s)))].sort();
    const partitionsOf = (tasks: string[]) => tasks.flatMap((t) => this.partitionsOfTask(t)).sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
    return {
      hostInfo: HostInfo.parse(h.endpoint),
      stateStoreNames: [...new Set([...storesOf(h.active), ...this.globalStoreNames()])].sort(),
      topicPartitions: partitionsOf(h.active),
      standbyStateStoreNames: storesOf(h.standby),
      standbyTopicPartitions: partitionsOf(h.standby),
    };
  }

  /** Every instance that has an application.server (Java's metadataForAllStreamsClients). */
  allMetadata(layout: ApplicationLayout): StreamsMetadata[] {
    return layout.hosts.map((h) => this.metadataOf(h));
  }

  /** The instances that run a task of the store's sub-topology (Java's streamsMetadataForStore). */
  allMetadataForStore(layout: ApplicationLayout, storeName: string): StreamsMetadata[] {
    return this.allMetadata(layout).filter((m) => m.stateStoreNames.includes(storeName) || m.standbyStateStoreNames.includes(storeName));
  }

  /**
   * Which instance holds `key` in `storeName` (Java's queryMetadataForKey); NOT_AVAILABLE while
   * the instance knows no assignment (or no instance has an application.server).
   */
  keyQueryMetadata<K>(layout: ApplicationLayout | null, storeName: string, key: K, placement: Serializer<K> | StreamPartitioner<K, unknown>, self = ''): KeyQueryMetadata {
    const global = this.globalStoreNames().includes(storeName);
    const sub = this.subtopologyOfStore(storeName);
    if (sub === undefined && !global) throw unknownStore(storeName);
    if (!layout || layout.hosts.length === 0) return KeyQueryMetadata.NOT_AVAILABLE;
    // A global store is whole on every instance: this one answers (Java's rule, partition -1).
    if (global || sub === undefined) return { activeHost: HostInfo.parse(self || layout.hosts[0].endpoint), standbyHosts: [], partition: -1 };
    const partitions = layout.taskCounts.get(sub);
    if (!partitions) return KeyQueryMetadata.NOT_AVAILABLE;
    const topic = this.topology.subtopologies().find((s) => s.id === sub)?.sourceTopics[0] ?? storeName;
    const partition = typeof placement === 'function' ? partitionerPartition(placement, topic, key, partitions, storeName) : serializerPartition(placement, topic, key, partitions, storeName);
    const taskId = `${sub}_${partition}`;
    const active = layout.hosts.find((h) => h.active.includes(taskId));
    return {
      activeHost: active ? HostInfo.parse(active.endpoint) : HostInfo.unavailable(),
      standbyHosts: layout.hosts.filter((h) => h.standby.includes(taskId)).map((h) => HostInfo.parse(h.endpoint)),
      partition,
    };
  }
}

/** Java's UnknownStateStoreException message. */
export function unknownStore(storeName: string): StreamsError {
  return new StreamsError(StreamsErrorCode.UNKNOWN_STATE_STORE, `Cannot get state store ${storeName} because no such store is registered in the topology.`);
}

/** Where the producer put the key: murmur2 of its serialised form (Java's DefaultStreamPartitioner). */
function serializerPartition<K>(keySerializer: Serializer<K>, topic: string, key: K, partitions: number, storeName: string): number {
  const bytes = keySerializer.serialize(topic, key);
  if (bytes === null) throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `the key serializer gave null for the key of a query of store '${storeName}'; a key must serialise to bytes`);
  return partitionForKey(bytes, partitions);
}

/** Where the application's own StreamPartitioner put the key (Java passes a null value). */
function partitionerPartition<K>(partitioner: StreamPartitioner<K, unknown>, topic: string, key: K, partitions: number, storeName: string): number {
  const p = partitioner(topic, key, null, partitions);
  if (p === undefined || !Number.isInteger(p) || p < 0 || p >= partitions) {
    throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `the stream partitioner gave ${String(p)} for the key of a query of store '${storeName}', which has ${partitions} partitions; it must give one of them`);
  }
  return p;
}
