/**
 * TopologyTestDriver: runs a topology in the test's own call stack, with no broker and no
 * timers (Kafka Streams' driver of the same name). Records piped into an input topic are
 * processed before pipeInput returns; what sinks write is captured per topic and read back
 * through output topics; outputs to a topic the topology itself reads (repartition topics) are
 * processed next, as the runtime would. Wall-clock time is a number the test advances.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Headers } from '../record.ts';
import { type KeyValueStore, type StateStore, type TimestampedKeyValueStore, isKeyValueStore, isTimestampedKeyValueStore } from '../state/api.ts';
import type { Deserializer, Serde, Serializer } from '../serdes.ts';
import { type StreamsConfig, withStreamsDefaults } from '../runtime/config.ts';
import { type OutputRecord, defaultLogger } from '../runtime/handlers.ts';
import { StateDirectory } from '../runtime/state-directory.ts';
import { GlobalStateTask } from '../runtime/global-task.ts';
import { cacheMaxBytes } from '../state/caching-store.ts';
import { ThreadCache } from '../state/thread-cache.ts';
import { type RecordCollector, StreamTask } from '../runtime/task.ts';
import type { Topology } from '../topology/topology.ts';
import { KeyValueStoreFacade } from './store-facade.ts';
import { EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION } from '../kstream/emit-strategy.ts';
import { EMIT_INTERVAL_CONFIG } from '../kstream/outer-join-store.ts';

/** The KafkaStreams settings that mean something without a broker. */
export interface TestDriverConfig
  extends Pick<StreamsConfig, 'defaultKeySerde' | 'defaultValueSerde' | 'deserializationExceptionHandler' | 'productionExceptionHandler' | 'processingExceptionHandler' | 'defaultTimestampExtractor' | 'logger'> {
  /** Prefix of internal topic names (`<applicationId>-<name>-repartition`). Default 'test-driver'. */
  applicationId?: string;
  /** Where persistent stores keep their files (`state.dir`); default: a new temporary folder, deleted by close(). */
  stateDir?: string;
  /** Other settings, handed to stores as StateStoreContext.appConfigs (e.g. `statestore.cache.max.bytes`). */
  [setting: string]: unknown;
}

/** A record read from (or piped into) a test topic. */
export interface TestRecord<K, V> {
  key: K;
  value: V;
  timestamp: number;
  headers: Headers;
}

interface Captured {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: number;
  headers: Headers;
}

/** The KafkaStreams settings the driver takes from its config (the rest only reach the stores). */
const DRIVER_SETTINGS = {
  defaultKeySerde: 1,
  defaultValueSerde: 1,
  deserializationExceptionHandler: 1,
  productionExceptionHandler: 1,
  processingExceptionHandler: 1,
  defaultTimestampExtractor: 1,
  logger: 1,
};

export class TopologyTestDriver {
  readonly applicationId: string;
  private readonly tasks: StreamTask[] = [];
  /** Topic → task, for named topics up front and for pattern-matched topics once met. */
  private readonly taskByTopic = new Map<string, StreamTask>();
  private readonly patterns: RegExp[];
  private readonly outputs = new Map<string, Captured[]>();
  private readonly pending: Captured[] = [];
  private readonly nextOffset = new Map<string, bigint>();
  private readonly changelogOffsets = new Map<string, bigint>();
  private readonly stateDirectory: StateDirectory | null = null;
  private readonly ownedStateDir: string | null = null;
  /** The global stores (Topology.addGlobalStore), fed by records piped into their topics. */
  private readonly globalTask: GlobalStateTask | null = null;
  private wallClock: number;
  private processing = false;
  private closed = false;

  private readonly topology: Topology;

  constructor(topology: Topology, config: TestDriverConfig = {}, initialWallClockTimeMs: number = Date.now()) {
    this.topology = topology;
    topology.validate();
    this.patterns = topology.sourcePatterns();
    this.applicationId = config.applicationId ?? 'test-driver';
    this.wallClock = initialWallClockTimeMs;
    const collector: RecordCollector = {
      send: (record: OutputRecord, partitioner) => {
        partitioner?.(1);
        const captured: Captured = { topic: record.topic, key: record.key, value: record.value, timestamp: record.timestamp, headers: record.headers };
        let list = this.outputs.get(record.topic);
        if (!list) this.outputs.set(record.topic, (list = []));
        list.push(captured);
        if (this.reads(record.topic)) this.pending.push(captured);
        const offsetKey = `${record.topic}:0`;
        this.changelogOffsets.set(offsetKey, (this.changelogOffsets.get(offsetKey) ?? -1n) + 1n);
      },
      offsets: () => this.changelogOffsets,
    };
    // The defaults of KafkaStreams' definitions, unvalidated: the driver needs no bootstrapServers.
    const { stateDir, applicationId: _applicationId, ...rest } = config;
    const settings = withStreamsDefaults(Object.fromEntries(Object.entries(rest).filter(([k]) => k in DRIVER_SETTINGS)));
    const log = settings.logger ?? defaultLogger(`test-driver ${this.applicationId}`);
    const globals = topology.globalStores().length > 0;
    if (globals || topology.subtopologies().some((sub) => topology.storesOf(sub).length > 0)) {
      this.ownedStateDir = stateDir === undefined ? mkdtempSync(join(tmpdir(), 'sluice-test-driver-')) : null;
      this.stateDirectory = new StateDirectory(stateDir ?? this.ownedStateDir!, this.applicationId, log);
    }
    // As Java's driver: windowed aggregations that emit on window close, and left/outer stream-stream
    // joins emitting records without a partner, look for closed windows at every record, not once a second.
    const driverAppConfigs = { [EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION]: 0, [EMIT_INTERVAL_CONFIG]: 0, ...config };
    // One record cache of statestore.cache.max.bytes for every store, as Java's driver has.
    const cache = new ThreadCache(cacheMaxBytes(driverAppConfigs));
    if (cacheMaxBytes(driverAppConfigs) === 0) topology.disableCaching();
    const env = {
      applicationId: this.applicationId,
      defaultTimestampExtractor: settings.defaultTimestampExtractor,
      defaultKeySerde: settings.defaultKeySerde as Serde<unknown>,
      defaultValueSerde: settings.defaultValueSerde as Serde<unknown>,
      collector,
      deserializationExceptionHandler: settings.deserializationExceptionHandler,
      productionExceptionHandler: settings.productionExceptionHandler,
      processingExceptionHandler: settings.processingExceptionHandler,
      log,
      now: () => this.wallClock,
      requestCommit: () => {},
      state: this.stateDirectory ? { stateDirectory: this.stateDirectory, appConfigs: driverAppConfigs, eos: false, cache, globalStore: (name: string) => this.globalTask?.store(name) } : undefined,
    };
    if (globals) {
      this.globalTask = new GlobalStateTask(topology, { ...env, stateDirectory: this.stateDirectory!, appConfigs: { ...config }, cache });
      this.globalTask.open();
    }
    for (const sub of topology.subtopologies()) {
      const task = new StreamTask(sub, 0, topology, env);
      this.tasks.push(task);
      for (const t of task.topics()) this.taskByTopic.set(t, task);
    }
    for (const task of this.tasks) {
      if (!task.openStores()) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${task.id}'s state folder is locked by another instance; give each test driver its own stateDir`);
    }
    for (const task of this.tasks) task.init();
  }

  /** An input topic: pipe records into the topology through it. */
  createInputTopic<K, V>(topic: string, keySerializer: Serializer<K>, valueSerializer: Serializer<V>, options: { startTimestampMs?: number; autoAdvanceMs?: number } = {}): TestInputTopic<K, V> {
    this.assertOpen();
    if (!this.reads(topic)) {
      const patterns = this.topology.nodeNames().flatMap((n) => {
        const def = this.topology.node(n);
        return def.kind === 'source' && def.pattern ? [`/${def.pattern.source}/`] : [];
      });
      const reads = [...this.taskByTopic.keys(), ...patterns];
      throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `the topology does not read topic '${topic}' (it reads: ${reads.join(', ')})`);
    }
    return new TestInputTopic(this, topic, keySerializer, valueSerializer, options.startTimestampMs ?? this.wallClock, options.autoAdvanceMs ?? 0);
  }

  /** An output topic: read back what the topology wrote to it, in order. */
  createOutputTopic<K, V>(topic: string, keyDeserializer: Deserializer<K>, valueDeserializer: Deserializer<V>): TestOutputTopic<K, V> {
    this.assertOpen();
    return new TestOutputTopic(this, topic, keyDeserializer, valueDeserializer);
  }

  /** Topics the topology has written to so far. */
  producedTopicNames(): string[] {
    return [...this.outputs.keys()];
  }

  /** Moves the mock clock and runs the wall-clock punctuations that became due. */
  advanceWallClockTime(ms: number): void {
    this.assertOpen();
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceWallClockTime needs a non-negative number of ms, got ${ms}`);
    this.wallClock += ms;
    for (const t of this.tasks) t.punctuateWallClock(this.wallClock);
    this.drain();
    this.commit();
  }

  /**
   * A commit after every record, as Java's driver does: the caches flush (forwarding what they
   * held; changelogs get their records), then every store flushes and the checkpoint is written
   * (Java's driver enforces the checkpoint: postCommit(true)).
   */
  private commit(): void {
    // A flush can write to a repartition topic (a cached table forwarding its rows), whose records
    // fill the caches of later tasks again: flush until a round writes nothing the topology reads.
    do {
      for (const t of this.tasks) t.flushCaches();
    } while (this.drainSome());
    for (const t of this.tasks) t.postCommit(true);
    this.globalTask?.flush();
  }

  /** drain(), saying whether there was anything to process. */
  private drainSome(): boolean {
    const any = this.pending.length > 0;
    this.drain();
    return any;
  }

  // ---------------------------------------------------------------- stores

  /** A store of the topology (null if there is none of that name); a key-value store is better read through getKeyValueStore. */
  getStateStore(name: string): StateStore | null {
    for (const t of this.tasks) {
      const store = t.stores?.manager.store(name);
      if (store) return store;
    }
    return this.globalTask?.store(name) ?? null;
  }

  /** Every store of the topology, by name. */
  getAllStateStores(): Map<string, StateStore> {
    const out = new Map<string, StateStore>();
    for (const t of this.tasks) for (const r of t.stores?.manager.stores() ?? []) out.set(r.store.name, r.store);
    for (const store of this.globalTask?.stores() ?? []) out.set(store.name, store);
    return out;
  }

  /**
   * A key-value store, or null when there is no key-value store of that name. A timestamped
   * store is returned as a plain one (values without their timestamps), as Java's driver does.
   */
  getKeyValueStore<K, V>(name: string): KeyValueStore<K, V> | null {
    const store = this.getStateStore(name);
    if (!store || !isKeyValueStore(store)) return null;
    if (isTimestampedKeyValueStore(store)) return new KeyValueStoreFacade(store as TimestampedKeyValueStore<K, V>);
    return store as KeyValueStore<K, V>;
  }

  /** A timestamped key-value store (what the DSL's tables and aggregations use), or null. */
  getTimestampedKeyValueStore<K, V>(name: string): TimestampedKeyValueStore<K, V> | null {
    const store = this.getStateStore(name);
    return store && isTimestampedKeyValueStore(store) ? (store as TimestampedKeyValueStore<K, V>) : null;
  }

  get wallClockTimeMs(): number {
    return this.wallClock;
  }

  /** @internal Processes one serialised input record and everything it causes. */
  pipeRaw(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: Headers): void {
    this.assertOpen();
    if (this.processing) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'pipeInput was called from inside the topology');
    this.processOne(topic, key, value, timestamp, headers);
    this.drain();
    this.commit();
  }

  private processOne(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: Headers): void {
    const task = this.taskFor(topic);
    if (!task && this.globalTask?.topics().includes(topic)) {
      const offset = this.nextOffset.get(topic) ?? 0n;
      this.nextOffset.set(topic, offset + 1n);
      this.processing = true;
      try {
        this.globalTask.process({ topic, partition: 0, offset, timestamp, key, value, headers });
      } finally {
        this.processing = false;
      }
      return;
    }
    if (!task) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `unknown topic '${topic}': the topology does not read it`);
    const offset = this.nextOffset.get(topic) ?? 0n;
    this.nextOffset.set(topic, offset + 1n);
    this.processing = true;
    try {
      task.process({ topic, partition: 0, offset, timestamp, key, value, headers });
      task.markProcessed(topic, 0, offset + 1n);
    } finally {
      this.processing = false;
    }
  }

  /**
   * The task reading a topic: by name, or through the pattern source whose regex matches the
   * whole name (a topic matched by two patterns throws an INVALID_TOPOLOGY error, as Kafka does).
   */
  /** Whether the topology reads a topic: through a task or a global store. */
  private reads(topic: string): boolean {
    return this.taskFor(topic) !== undefined || (this.globalTask?.topics().includes(topic) ?? false);
  }

  private taskFor(topic: string): StreamTask | undefined {
    const known = this.taskByTopic.get(topic);
    if (known || this.patterns.length === 0) return known;
    const task = this.tasks.find((t) => t.reads(topic));
    if (task) this.taskByTopic.set(topic, task);
    return task;
  }

  /** Processes records written to topics the topology reads, until there are none. */
  private drain(): void {
    while (this.pending.length > 0) {
      const r = this.pending.shift()!;
      this.processOne(r.topic, r.key, r.value, r.timestamp, r.headers);
    }
  }

  /** @internal */
  takeOutput(topic: string): Captured | undefined {
    return this.outputs.get(topic)?.shift();
  }

  /** @internal */
  outputSize(topic: string): number {
    return this.outputs.get(topic)?.length ?? 0;
  }

  /** Closes every processor and store; deletes the state folder the driver made. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.tasks) t.close(true);
    this.globalTask?.close(true);
    this.stateDirectory?.close();
    if (this.ownedStateDir) rmSync(this.ownedStateDir, { recursive: true, force: true });
  }

  private assertOpen(): void {
    if (this.closed) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'the test driver is closed');
  }
}

export class TestInputTopic<K, V> {
  private currentTime: number;

  private readonly driver: TopologyTestDriver;
  readonly name: string;
  private readonly keySerializer: Serializer<K>;
  private readonly valueSerializer: Serializer<V>;
  private readonly autoAdvanceMs: number;

  /** @internal */
  constructor(
    driver: TopologyTestDriver,
    name: string,
    keySerializer: Serializer<K>,
    valueSerializer: Serializer<V>,
    startTimestampMs: number,
    autoAdvanceMs: number,
  ) {
    this.driver = driver;
    this.name = name;
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
    this.autoAdvanceMs = autoAdvanceMs;
    this.currentTime = startTimestampMs;
  }

  /** Pipes one record; without a timestamp it gets the topic's current time (then auto-advanced). */
  pipeInput(key: K, value: V, timestamp?: number, headers: Headers = []): void {
    let ts = timestamp;
    if (ts === undefined) {
      ts = this.currentTime;
      this.currentTime += this.autoAdvanceMs;
    }
    this.driver.pipeRaw(this.name, this.keySerializer.serialize(this.name, key, headers), this.valueSerializer.serialize(this.name, value, headers), ts, headers);
  }

  /** Pipes a record with a null key. */
  pipeValue(value: V, timestamp?: number): void {
    this.pipeInput(null as K, value, timestamp);
  }

  pipeRecord(record: Partial<TestRecord<K, V>> & { value: V }): void {
    this.pipeInput((record.key ?? null) as K, record.value, record.timestamp, record.headers ?? []);
  }

  pipeRecordList(records: readonly (Partial<TestRecord<K, V>> & { value: V })[]): void {
    for (const r of records) this.pipeRecord(r);
  }

  pipeKeyValueList(pairs: readonly { key: K; value: V }[]): void {
    for (const p of pairs) this.pipeInput(p.key, p.value);
  }

  pipeValueList(values: readonly V[]): void {
    for (const v of values) this.pipeValue(v);
  }

  /** Moves this topic's time for records piped without a timestamp. */
  advanceTime(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceTime needs a non-negative number of ms, got ${ms}`);
    this.currentTime += ms;
  }
}

export class TestOutputTopic<K, V> {
  private readonly driver: TopologyTestDriver;
  readonly name: string;
  private readonly keyDeserializer: Deserializer<K>;
  private readonly valueDeserializer: Deserializer<V>;

  /** @internal */
  constructor(driver: TopologyTestDriver, name: string, keyDeserializer: Deserializer<K>, valueDeserializer: Deserializer<V>) {
    this.driver = driver;
    this.name = name;
    this.keyDeserializer = keyDeserializer;
    this.valueDeserializer = valueDeserializer;
  }

  /** The next record; throws when the topic has none left. */
  readRecord(): TestRecord<K, V> {
    const r = this.driver.takeOutput(this.name);
    if (!r) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `output topic '${this.name}' is empty`);
    return {
      key: this.keyDeserializer.deserialize(this.name, r.key, r.headers),
      value: this.valueDeserializer.deserialize(this.name, r.value, r.headers),
      timestamp: r.timestamp,
      headers: r.headers,
    };
  }

  readKeyValue(): { key: K; value: V } {
    const r = this.readRecord();
    return { key: r.key, value: r.value };
  }

  readValue(): V {
    return this.readRecord().value;
  }

  readRecordsToList(): TestRecord<K, V>[] {
    const out: TestRecord<K, V>[] = [];
    while (!this.isEmpty()) out.push(this.readRecord());
    return out;
  }

  readKeyValuesToList(): { key: K; value: V }[] {
    return this.readRecordsToList().map((r) => ({ key: r.key, value: r.value }));
  }

  readValuesToList(): V[] {
    return this.readRecordsToList().map((r) => r.value);
  }

  /** The latest value per key (a table view of what was written). */
  readKeyValuesToMap(): Map<K, V> {
    const out = new Map<K, V>();
    for (const r of this.readRecordsToList()) {
      if (r.key === null) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `readKeyValuesToMap: a record of '${this.name}' has a null key`);
      out.set(r.key, r.value);
    }
    return out;
  }

  getQueueSize(): number {
    return this.driver.outputSize(this.name);
  }

  isEmpty(): boolean {
    return this.getQueueSize() === 0;
  }
}
