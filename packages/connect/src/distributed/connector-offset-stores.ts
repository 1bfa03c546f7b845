/**
 * A source connector's own offsets topic (KIP-618's `offsets.storage.topic` connector setting), as
 * Kafka's ConnectorOffsetBackingStore combines it with the worker's `offset.storage.topic`: reads
 * take both, the connector's topic winning (the worker's is the fallback for offsets written there
 * before the connector had a topic of its own); writes go to the connector's topic and then, best
 * effort, a copy to the worker's (after the task's transaction commits, for an exactly-once task);
 * a write holding removals (tombstones) writes them to the worker's topic first, so that a removed
 * offset cannot come back from the fallback. The connector's topic is
 * created (compacted) when first used and read like the worker's. Standalone mode has no such topic.
 */
import type { ConnectorConfig } from '@sluice/connect-api';
import type { OffsetBackingStore } from '../runtime/offset-store.ts';
import type { KafkaBasedLog } from './kafka-based-log.ts';
import { KafkaOffsetBackingStore } from './offset-store.ts';

export class ConnectorOffsetBackingStore implements OffsetBackingStore {
  #ready: Promise<void> | null = null;
  readonly #copies = new Set<Promise<void>>();

  readonly topic: string;
  private readonly connectorStore: KafkaOffsetBackingStore;
  private readonly workerStore: OffsetBackingStore;
  private readonly log: (line: string) => void;

  constructor(topic: string, connectorStore: KafkaOffsetBackingStore, workerStore: OffsetBackingStore, log: (line: string) => void) {
    this.topic = topic;
    this.connectorStore = connectorStore;
    this.workerStore = workerStore;
    this.log = log;
  }

  /** Creates the connector's topic if missing and reads it to its end (once; a failed start is tried again next time). */
  ready(): Promise<void> {
    this.#ready ??= this.connectorStore.log.start().catch((e: unknown) => {
      this.#ready = null;
      throw e;
    });
    return this.#ready;
  }

  async get(keys: readonly string[]): Promise<Map<string, string | null>> {
    await this.ready();
    const [fromWorker, fromConnector] = await Promise.all([this.workerStore.get(keys), this.connectorStore.get(keys)]);
    return new Map(keys.map((k) => [k, fromConnector.get(k) ?? fromWorker.get(k) ?? null]));
  }

  async set(values: ReadonlyMap<string, string | null>): Promise<void> {
    await this.ready();
    const tombstones = new Map([...values].filter(([, v]) => v === null));
    if (tombstones.size > 0) await this.workerStore.set(tombstones);
    await this.connectorStore.set(values);
    this.copyToWorkerStore(values);
  }

  /**
   * The copy to the worker's topic of offsets the connector's topic holds: not waited for, and a
   * failure only logged (Kafka's secondary store), since the connector's topic holds them.
   */
  copyToWorkerStore(values: ReadonlyMap<string, string | null>): void {
    const regular = new Map([...values].filter(([, v]) => v !== null));
    if (regular.size === 0) return;
    const copy = this.workerStore.set(regular).catch((e: unknown) => this.log(`Failed to copy offsets written to ${this.topic} to the worker's offsets topic (ignored: ${this.topic} holds them): ${(e as Error).message}`));
    this.#copies.add(copy);
    void copy.finally(() => this.#copies.delete(copy));
  }

  async entries(): Promise<[string, string][]> {
    await this.ready();
    const combined = new Map(await this.workerStore.entries());
    // A key the connector's topic removed stays removed only if the worker's copy was removed too (writes do both).
    for (const [k, v] of await this.connectorStore.entries()) combined.set(k, v);
    return [...combined];
  }

  async stop(): Promise<void> {
    if (this.#ready === null) return;
    await this.#ready.catch(() => undefined);
    await Promise.all(this.#copies);
    await this.connectorStore.log.stop();
  }
}

/**
 * The offset store a distributed worker is given: each key (`["<connector>",{partition}]`) goes to
 * its connector's store, the combined one when the connector names an offsets topic of its own,
 * else the worker's; so tasks, connectors and the `/offsets` endpoints all read and write where
 * Kafka's would.
 */
export class ConnectorOffsetStores implements OffsetBackingStore {
  readonly #byTopic = new Map<string, ConnectorOffsetBackingStore>();

  readonly workerStore: KafkaOffsetBackingStore;
  readonly workerTopic: string;
  private readonly options: {
      connectorConfig(connector: string): ConnectorConfig | undefined;
      /** Every connector in the config topic. */
      connectors(): readonly string[];
      newLog(topic: string, onRecord: (key: Buffer | null, value: Buffer | null) => void): KafkaBasedLog;
      log(line: string): void;
    };

  constructor(
    workerStore: KafkaOffsetBackingStore,
    workerTopic: string,
    options: {
      connectorConfig(connector: string): ConnectorConfig | undefined;
      /** Every connector in the config topic. */
      connectors(): readonly string[];
      newLog(topic: string, onRecord: (key: Buffer | null, value: Buffer | null) => void): KafkaBasedLog;
      log(line: string): void;
    },
  ) {
    this.workerStore = workerStore;
    this.workerTopic = workerTopic;
    this.options = options;
  }

  /** The connector's own offsets topic, or null when it uses the worker's. */
  connectorTopic(connector: string): string | null {
    const own = this.options.connectorConfig(connector)?.['offsets.storage.topic']?.trim();
    return own === undefined || own === '' || own === this.workerTopic ? null : own;
  }

  /** The combined store of a connector with a topic of its own, else null. */
  connectorStore(connector: string): ConnectorOffsetBackingStore | null {
    const topic = this.connectorTopic(connector);
    if (topic === null) return null;
    let store = this.#byTopic.get(topic);
    if (store === undefined) {
      const own = new KafkaOffsetBackingStore();
      own.attach(this.options.newLog(topic, (k, v) => own.apply(k, v)));
      store = new ConnectorOffsetBackingStore(topic, own, this.workerStore, this.options.log);
      this.#byTopic.set(topic, store);
    }
    return store;
  }

  /** The store a connector's offsets are read from and written to. */
  storeFor(connector: string | null): OffsetBackingStore {
    return (connector === null ? null : this.connectorStore(connector)) ?? this.workerStore;
  }

  /** Keys grouped by the store they belong to. */
  #byStore<V>(entries: Iterable<[string, V]>): Map<OffsetBackingStore, Map<string, V>> {
    const grouped = new Map<OffsetBackingStore, Map<string, V>>();
    for (const [k, v] of entries) {
      const store = this.storeFor(connectorOfKey(k));
      let group = grouped.get(store);
      if (group === undefined) grouped.set(store, (group = new Map()));
      group.set(k, v);
    }
    return grouped;
  }

  async get(keys: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const [store, group] of this.#byStore(keys.map((k) => [k, null]))) for (const [k, v] of await store.get([...group.keys()])) out.set(k, v);
    return out;
  }

  async set(values: ReadonlyMap<string, string | null>): Promise<void> {
    await Promise.all([...this.#byStore(values)].map(([store, group]) => store.set(group)));
  }

  async entries(): Promise<[string, string][]> {
    const out = new Map(await this.workerStore.entries());
    for (const connector of this.options.connectors()) {
      const store = this.connectorStore(connector);
      if (store === null) continue;
      for (const [k, v] of await store.entries()) if (connectorOfKey(k) === connector) out.set(k, v);
    }
    return [...out];
  }

  async stop(): Promise<void> {
    for (const s of this.#byTopic.values()) await s.stop();
  }
}

/** The connector an offset key belongs to, or null when the key is not Kafka's `["<connector>",{partition}]`. */
function connectorOfKey(key: string): string | null {
  try {
    const parsed = JSON.parse(key) as unknown;
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed[0] : null;
  } catch {
    return null;
  }
}
