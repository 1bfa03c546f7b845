/**
 * The global stores of an instance (Kafka Streams' `GlobalStateUpdateTask` with its
 * `GlobalStateManager`): each global store's source and processor (Topology.addGlobalStore),
 * fed with every partition of the store's topic. The topic is the store's changelog, so there is
 * no other one; a restart of a persistent global store reads on from the offsets in the
 * `global/.checkpoint` file, an in-memory one from the beginning. Every record goes through the
 * store's processor, also while catching up at start (Java's reprocessing restore), so a custom
 * processor sees the same records either way.
 *
 * Global stores live in `<state.dir>/<application.id>/global/`, locked like a task folder. The
 * runtime's global thread and the test driver both run them through this class.
 */
import { join } from 'node:path';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { Cancellable, Processor, ProcessorContext, RecordMetadata } from '../processor/api.ts';
import { type TimestampExtractor, failOnInvalidTimestamp } from '../processor/timestamps.ts';
import { Record } from '../record.ts';
import type { Deserializer, Serde } from '../serdes.ts';
import type { StateStore, StateStoreContext } from '../state/api.ts';
import type { Topology } from '../topology/topology.ts';
import type { DeserializationExceptionHandler, RawRecord, StreamsLogger } from './handlers.ts';
import { CHECKPOINT_FILE_NAME, OffsetCheckpoint, checkpointKey } from './state-checkpoint.ts';
import { OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT } from './state-manager.ts';
import { GLOBAL_STATE_DIR, type StateDirectory } from './state-directory.ts';
import { threadCacheFor } from './thread-caches.ts';
import type { ThreadCache } from '../state/thread-cache.ts';

export const GLOBAL_TASK_ID = 'global';

export interface GlobalTaskEnvironment {
  applicationId: string;
  stateDirectory: StateDirectory;
  appConfigs: Readonly<{ [setting: string]: unknown }>;
  defaultKeySerde: Serde<unknown>;
  defaultValueSerde: Serde<unknown>;
  defaultTimestampExtractor: TimestampExtractor;
  deserializationExceptionHandler: DeserializationExceptionHandler;
  log: StreamsLogger;
  now(): number;
  /** The record cache of the global stores; without one, the global thread's own (thread-caches.ts). */
  cache?: ThreadCache;
}

interface GlobalStoreRuntime {
  storeName: string;
  topic: string;
  keyDeserializer: Deserializer<unknown>;
  valueDeserializer: Deserializer<unknown>;
  timestampExtractor: TimestampExtractor;
  processorName: string;
  processor: Processor<unknown, unknown, unknown, unknown>;
  store: StateStore | null;
}

export class GlobalStateTask {
  private readonly runtimes: GlobalStoreRuntime[] = [];
  private readonly byTopic = new Map<string, GlobalStoreRuntime>();
  private readonly checkpointFile: OffsetCheckpoint;
  /** Offset of the last record processed per `topic:partition`. */
  private readonly processed = new Map<string, bigint>();
  private current: RawRecord | null = null;
  private readonly cache: ThreadCache;
  private opened = false;
  private closed = false;

  private readonly topology: Topology;
  private readonly env: GlobalTaskEnvironment;

  constructor(topology: Topology, env: GlobalTaskEnvironment) {
    this.topology = topology;
    this.env = env;
    this.checkpointFile = new OffsetCheckpoint(join(env.stateDirectory.taskDir(GLOBAL_STATE_DIR), CHECKPOINT_FILE_NAME));
    this.cache = env.cache ?? threadCacheFor(topology, env.appConfigs);
    for (const g of topology.globalStores()) {
      const source = topology.node(g.sourceName);
      const processor = topology.node(g.processorName);
      if (source.kind !== 'source' || processor.kind !== 'processor') throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `global store '${g.storeName}' needs a source and a processor`);
      const runtime: GlobalStoreRuntime = {
        storeName: g.storeName,
        topic: g.topic,
        keyDeserializer: source.keyDeserializer ?? env.defaultKeySerde,
        valueDeserializer: source.valueDeserializer ?? env.defaultValueSerde,
        timestampExtractor: source.timestampExtractor ?? env.defaultTimestampExtractor,
        processorName: g.processorName,
        processor: processor.supplier(),
        store: null,
      };
      this.runtimes.push(runtime);
      this.byTopic.set(g.topic, runtime);
    }
  }

  /** The topics of the global stores. */
  topics(): string[] {
    return [...this.byTopic.keys()];
  }

  /** Persistent stores that store this topic: a restart may read on from the checkpoint. */
  private persistentTopic(topic: string): boolean {
    return this.byTopic.get(topic)?.store?.persistent() ?? false;
  }

  /**
   * Takes the global folder's lock, opens every global store and starts the processors. Throws
   * when another instance on this machine holds the folder (as Java fails to lock it).
   */
  open(): void {
    if (this.opened) return;
    if (!this.env.stateDirectory.lock(GLOBAL_STATE_DIR)) {
      throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `the global state folder ${join(this.env.stateDirectory.appDir, GLOBAL_STATE_DIR)} is locked by another instance on this machine; give each instance its own state.dir`);
    }
    try {
      for (const r of this.runtimes) {
        const store = this.topology.storeBuilder(r.storeName).build();
        store.init(this.storeContext(r), store);
        if (r.store === null) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `global store '${r.storeName}' did not register itself in init() (it must call context.register)`);
      }
      for (const r of this.runtimes) this.guard(`initialising processor '${r.processorName}'`, () => r.processor.init?.(this.processorContext(r)));
    } catch (e) {
      this.closeStores();
      this.env.stateDirectory.unlock(GLOBAL_STATE_DIR);
      throw e;
    }
    this.opened = true;
  }

  private storeContext(r: GlobalStoreRuntime): StateStoreContext {
    return {
      applicationId: this.env.applicationId,
      taskId: GLOBAL_TASK_ID,
      stateDir: this.env.stateDirectory.taskDir(GLOBAL_STATE_DIR),
      appConfigs: this.env.appConfigs,
      // Restoring goes through the processor (see above): the callback is not needed.
      register: (store) => {
        r.store = store;
      },
      logChange: (storeName) => {
        throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `global store '${storeName}' logged a change; a global store's topic is its changelog, so its logging must be disabled`);
      },
      recordContext: () => {
        const c = this.current;
        return c ? { timestamp: c.timestamp, headers: c.headers, topic: c.topic, partition: c.partition, offset: c.offset } : null;
      },
      cache: this.cache,
    };
  }

  private processorContext(r: GlobalStoreRuntime): ProcessorContext<unknown, unknown> {
    return {
      applicationId: this.env.applicationId,
      taskId: GLOBAL_TASK_ID,
      // A global processor has no children: what it forwards goes nowhere.
      forward: () => {},
      recordMetadata: (): RecordMetadata | null => (this.current ? { topic: this.current.topic, partition: this.current.partition, offset: this.current.offset } : null),
      currentStreamTimeMs: () => this.current?.timestamp ?? -1,
      currentSystemTimeMs: () => this.env.now(),
      schedule: (): Cancellable => {
        throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `processor '${r.processorName}' of global store '${r.storeName}' cannot schedule punctuations: a global processor only keeps its store up to date`);
      },
      commit: () => {},
      getStateStore: <S>(name: string): S => {
        const store = this.store(name);
        if (!store) throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `processor '${r.processorName}' asked for state store '${name}', which is not a global store`);
        return store as S;
      },
    };
  }

  /** A global store by name (for every task's getStateStore), once open. */
  store(name: string): StateStore | undefined {
    return this.runtimes.find((r) => r.storeName === name)?.store ?? undefined;
  }

  storeNameOf(topic: string): string {
    return this.byTopic.get(topic)?.storeName ?? '';
  }

  /** Where each partition starts: one past its checkpointed offset (persistent stores), or undefined for the beginning. */
  startOffset(topic: string, partition: number): bigint | undefined {
    if (!this.persistentTopic(topic)) return undefined;
    const checkpointed = this.readCheckpoint().get(checkpointKey(topic, partition));
    return checkpointed === undefined ? undefined : checkpointed + 1n;
  }

  private checkpointed: Map<string, bigint> | null = null;
  private readCheckpoint(): Map<string, bigint> {
    this.checkpointed ??= this.checkpointFile.read();
    return this.checkpointed;
  }

  /** Processes one record of a global topic into its store. */
  process(raw: RawRecord): void {
    if (this.closed) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'the global stores are closed');
    const r = this.byTopic.get(raw.topic);
    if (!r) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `no global store reads topic '${raw.topic}'`);
    this.current = raw;
    try {
      let key: unknown;
      let value: unknown;
      try {
        key = r.keyDeserializer.deserialize(raw.topic, raw.key, raw.headers);
        value = r.valueDeserializer.deserialize(raw.topic, raw.value, raw.headers);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        const where = `${raw.topic}-${raw.partition} at offset ${raw.offset}`;
        const context = { taskId: GLOBAL_TASK_ID, topic: raw.topic, partition: raw.partition, offset: raw.offset, timestamp: raw.timestamp };
        if (this.env.deserializationExceptionHandler(context, raw, error) === 'CONTINUE') {
          this.env.log.warn(`global store '${r.storeName}': skipping the record of ${where}, which could not be deserialised: ${error.message}`);
          return;
        }
        throw new StreamsError(StreamsErrorCode.DESERIALIZATION_FAILED, `global store '${r.storeName}': the record of ${where} could not be deserialised: ${error.message}`, { cause: error });
      }
      const timestamp = this.timestampOf(r, raw, key, value);
      if (timestamp < 0) return;
      this.guard(`processing the record of ${raw.topic}-${raw.partition} at offset ${raw.offset} into global store '${r.storeName}'`, () => r.processor.process(new Record(key, value, timestamp, raw.headers)));
    } finally {
      this.current = null;
      this.processed.set(checkpointKey(raw.topic, raw.partition), raw.offset);
    }
  }

  private timestampOf(r: GlobalStoreRuntime, raw: RawRecord, key: unknown, value: unknown): number {
    if (r.timestampExtractor === failOnInvalidTimestamp && raw.timestamp >= 0) return raw.timestamp;
    let ts: number;
    try {
      ts = r.timestampExtractor({ topic: raw.topic, partition: raw.partition, offset: raw.offset, timestamp: raw.timestamp, key, value, headers: raw.headers }, -1);
    } catch (e) {
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `global store '${r.storeName}': the timestamp extractor failed on ${raw.topic}-${raw.partition} at offset ${raw.offset}: ${messageOf(e)}`, { cause: e });
    }
    if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 0) {
      this.env.log.warn(`global store '${r.storeName}': skipping the record of ${raw.topic}-${raw.partition} at offset ${raw.offset}: the timestamp extractor returned ${String(ts)}`);
      return -1;
    }
    return ts;
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof StreamsError) throw e;
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `${what} failed: ${messageOf(e)}`, { cause: e, taskId: GLOBAL_TASK_ID });
    }
  }

  /** The offsets processed when the stores were last flushed: empty at first, as Java's. */
  private offsetsAtLastFlush = new Map<string, bigint>();

  /**
   * Every commit interval (Java's GlobalStateUpdateTask.maybeCheckpoint): flushes and checkpoints
   * only once the topics moved more than OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT records since the
   * last flush, so a persistent global store is not synced every interval. True when it did.
   */
  maybeCheckpoint(): boolean {
    let delta = 0n;
    for (const [key, offset] of this.processed) delta += offset - (this.offsetsAtLastFlush.get(key) ?? 0n);
    if (delta <= OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT) return false;
    this.flush();
    return true;
  }

  /** Flushes the stores, then writes the checkpoint of the offsets processed (persistent stores' topics only). */
  flush(): void {
    for (const r of this.runtimes) r.store?.flush();
    this.offsetsAtLastFlush = new Map(this.processed);
    const offsets = new Map(this.readCheckpoint());
    for (const [key, offset] of this.processed) {
      if (this.persistentTopic(key.slice(0, key.lastIndexOf(':')))) offsets.set(key, offset);
    }
    try {
      this.checkpointFile.write(offsets);
      this.checkpointed = offsets;
    } catch (e) {
      this.env.log.warn(`writing the global checkpoint failed: ${messageOf(e)}`);
    }
  }

  /** `clean`: flush and checkpoint first. */
  close(clean: boolean): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.opened) return;
    for (const r of this.runtimes) {
      try {
        r.processor.close?.();
      } catch (e) {
        this.env.log.warn(`closing processor '${r.processorName}' failed: ${messageOf(e)}`);
      }
    }
    if (clean) {
      try {
        this.flush();
      } catch (e) {
        this.env.log.warn(`flushing the global stores failed: ${messageOf(e)}`);
      }
    }
    this.closeStores();
    this.env.stateDirectory.unlock(GLOBAL_STATE_DIR);
  }

  private closeStores(): void {
    for (const r of this.runtimes) {
      try {
        if (r.store?.isOpen()) r.store.close();
      } catch (e) {
        this.env.log.warn(`closing global store '${r.storeName}' failed: ${messageOf(e)}`);
      }
    }
  }

  /** Every store, by name (the test driver's getAllStateStores). */
  stores(): StateStore[] {
    return this.runtimes.flatMap((r) => (r.store ? [r.store] : []));
  }
}
