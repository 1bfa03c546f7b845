/**
 * A task: one sub-topology running over one partition number of its input topics (task id
 * `<subtopology>_<partition>`). It owns a processor instance per node, its stream time, its
 * punctuation schedules and the offsets it has processed. The runtime and the test driver both
 * run topologies through tasks, so what the driver tests is what runs in production.
 *
 * A task's state stores belong to it (task-stores.ts): opened under its locked folder, restored
 * from their changelogs before the first record, their caches flushed before a commit and the
 * stores flushed and checkpointed after one when due, which is why the task, not the thread,
 * owns the processors and the offsets.
 */
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import { type Cancellable, type Processor, PunctuationType, type Punctuator, type ProcessorContext, type RecordMetadata } from '../processor/api.ts';
import { Record } from '../record.ts';
import { type TimestampExtractor, failOnInvalidTimestamp } from '../processor/timestamps.ts';
import { eventTimeOf } from './event-time.ts';
import { type Deserializer, type Serde, type Serializer, serdeOrDefault } from '../serdes.ts';
import type { StoreRecordContext } from '../state/api.ts';
import type { SinkNodeDef, SourceNodeDef } from '../topology/nodes.ts';
import type { Subtopology, Topology } from '../topology/topology.ts';
import type { ErrorHandlerContext, RawRecord } from './handlers.ts';
import { PunctuationSchedules, type Schedule } from './punctuation.ts';
import { type TaskEnvironment, errorContextOf } from './task-environment.ts';
import { TaskStores } from './task-stores.ts';
import { UNKNOWN_PARTITION_TIME, encodeCommitMetadata, mergeCommittedMetadata } from './commit-metadata.ts';

export { type RecordCollector, type TaskEnvironment, errorContextOf } from './task-environment.ts';

/** An input record deserialised and timestamped by `StreamTask.prepare`, waiting in the task's partition group. */
export interface PreparedRecord {
  readonly raw: RawRecord;
  readonly key: unknown;
  readonly value: unknown;
  /** The extracted event time. */
  readonly timestamp: number;
  /** The source node that reads the record's topic (the task's own bookkeeping). */
  readonly source: object;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to consume. */
  offset: bigint;
}

interface SourceRuntime {
  def: SourceNodeDef;
  keyDeserializer: Deserializer<unknown>;
  valueDeserializer: Deserializer<unknown>;
  timestampExtractor: TimestampExtractor;
  children: RuntimeNode[];
}

type RuntimeNode =
  | { kind: 'processor'; name: string; processor: Processor<unknown, unknown, unknown, unknown>; children: RuntimeNode[]; childByName: Map<string, RuntimeNode>; stores: readonly string[] }
  | { kind: 'sink'; name: string; def: SinkNodeDef; keySerializer: Serializer<unknown>; valueSerializer: Serializer<unknown> };

export class StreamTask {
  readonly id: string;
  private readonly sources = new Map<string, SourceRuntime>();
  /** Pattern sources by node name: their topics are learnt as records of them arrive. */
  private readonly patternSources = new Map<string, SourceRuntime>();
  private readonly runtimeNodes = new Map<string, RuntimeNode>();
  private readonly processors: { name: string; processor: Processor<unknown, unknown, unknown, unknown> }[] = [];
  private readonly streamTimeSchedules = new PunctuationSchedules();
  private readonly wallClockSchedules = new PunctuationSchedules();
  /** Next offset to consume per input topic (a task reads one partition number of each). */
  private readonly consumed = new Map<string, TopicPartitionOffset>();
  private streamTime = -1;
  /** Largest extracted timestamp per input topic (a task reads one partition of each). */
  private readonly partitionTime = new Map<string, number>();
  private processorMetadata = new Map<string, number>(); // kept across owners, committed with the offsets (commit-metadata.ts)
  /**
   * The record being processed, for metadata, error contexts and the stores: an input record, or
   * while a cache flushes an entry, the context of the write that made it (withRecordContext);
   * null in a punctuation.
   */
  private current: StoreRecordContext | null = null;
  private initialized = false;
  private closed = false;
  /** The task's state stores; null for a stateless task. */
  stores: TaskStores | null;

  readonly subtopology: Subtopology;
  readonly partition: number;
  private readonly topology: Topology;
  private readonly env: TaskEnvironment;

  constructor(subtopology: Subtopology, partition: number, topology: Topology, env: TaskEnvironment) {
    this.subtopology = subtopology;
    this.partition = partition;
    this.topology = topology;
    this.env = env;
    this.id = `${subtopology.id}_${partition}`;
    this.build();
    this.stores = this.makeStores();
  }

  private makeStores(): TaskStores | null {
    if (this.topology.storesOf(this.subtopology).length === 0) return null;
    const state = this.env.state;
    if (!state) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.id} has state stores but was given no state directory`);
    return new TaskStores(this.id, this.partition, this.subtopology, this.topology, this.env.applicationId, state, this.env.collector, this.env.log, this.recordAccess);
  }

  /** How the task's stores read and set the record being processed. */
  private readonly recordAccess = {
    current: (): StoreRecordContext | null => this.current,
    withRecordContext: <T>(recordContext: StoreRecordContext, fn: () => T): T => this.withRecordContext(recordContext, fn),
  };

  /**
   * Runs `fn` as if `recordContext` were the record being processed (StateStoreContext's
   * withRecordContext): a cached store flushing an entry hands it downstream in the context of
   * the write that made it, so processors see that record's metadata and the stores they write
   * log its timestamp, as Java's caching layer sets the entry's record context.
   */
  withRecordContext<T>(recordContext: StoreRecordContext, fn: () => T): T {
    const saved = this.current;
    this.current = recordContext;
    try {
      return fn();
    } finally {
      this.current = saved;
    }
  }

  /**
   * Takes over the open stores of this task's standby (Java recycles a standby task into an
   * active one), so they restore only what the standby had not read yet, in memory ones too.
   */
  adoptStores(stores: TaskStores): void {
    if (this.initialized) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.id} is running; it cannot take over other stores`);
    stores.retarget(this.env.collector, this.recordAccess);
    this.stores = stores;
  }

  /**
   * Opens the task's stores under its locked folder (before restoring them and before init());
   * false when another instance still holds the folder: try again later.
   */
  openStores(): boolean {
    return this.stores === null || this.stores.open();
  }

  // ---------------------------------------------------------------- set-up

  private serdeDefaults(): { keySerde: Serde<unknown>; valueSerde: Serde<unknown> } {
    return { keySerde: this.env.defaultKeySerde, valueSerde: this.env.defaultValueSerde };
  }

  private build(): void {
    const nodes = this.runtimeNodes;
    const make = (name: string): RuntimeNode => {
      const existing = nodes.get(name);
      if (existing) return existing;
      const def = this.topology.node(name);
      let node: RuntimeNode;
      if (def.kind === 'sink') {
        node = {
          kind: 'sink',
          name,
          def,
          keySerializer: serdeOrDefault(def.keySerializer, this.env.defaultKeySerde, this.serdeDefaults()),
          valueSerializer: serdeOrDefault(def.valueSerializer, this.env.defaultValueSerde, this.serdeDefaults()),
        };
      } else if (def.kind === 'processor') {
        const processor = def.supplier();
        if (!processor || typeof processor.process !== 'function') throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `the supplier of processor '${name}' did not return a processor (an object with process(record))`);
        if (this.processors.some((p) => p.processor === processor)) throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `the supplier of processor '${name}' returned the same instance twice; it must make a new processor per call`);
        const children = this.topology.children(name).map(make);
        node = { kind: 'processor', name, processor, children, childByName: new Map(children.map((c) => [c.name, c])), stores: def.stores };
        this.processors.push({ name, processor });
      } else {
        throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `source '${name}' cannot be the child of another node`);
      }
      nodes.set(name, node);
      return node;
    };
    for (const name of this.subtopology.nodes) {
      const def = this.topology.node(name);
      if (def.kind !== 'source') continue;
      const runtime: SourceRuntime = {
        def,
        keyDeserializer: serdeOrDefault(def.keyDeserializer, this.env.defaultKeySerde, this.serdeDefaults()),
        valueDeserializer: serdeOrDefault(def.valueDeserializer, this.env.defaultValueSerde, this.serdeDefaults()),
        timestampExtractor: def.timestampExtractor ?? this.env.defaultTimestampExtractor,
        children: this.topology.children(name).map(make),
      };
      for (const t of def.topics) this.sources.set(this.topology.physicalTopic(this.env.applicationId, t), runtime);
      if (def.anchoredPattern) this.patternSources.set(name, runtime);
    }
  }

  /** Calls every processor's init with its context (after openStores() and the restore). */
  init(): void {
    if (this.initialized) return;
    if (this.stores && !this.stores.isOpen) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.id}: init() before its stores are open`);
    this.initialized = true;
    for (const p of this.processors) {
      const node = this.runtimeNodes.get(p.name) as Extract<RuntimeNode, { kind: 'processor' }>;
      this.guard(`initialising processor '${p.name}'`, () => p.processor.init?.(this.contextFor(node)));
    }
  }

  private contextFor(node: Extract<RuntimeNode, { kind: 'processor' }>): ProcessorContext<unknown, unknown> {
    const task = this;
    return {
      applicationId: this.env.applicationId,
      taskId: this.id,
      forward(record: Record<unknown, unknown>, childName?: string) {
        if (!(record instanceof Record)) throw new TypeError(`processor '${node.name}' forwarded something that is not a Record`);
        if (childName !== undefined) {
          const child = node.childByName.get(childName);
          if (!child) throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `processor '${node.name}' has no child named '${childName}' (children: ${[...node.childByName.keys()].join(', ') || 'none'})`);
          task.deliver(child, record);
        } else {
          for (const c of node.children) task.deliver(c, record);
        }
      },
      recordMetadata(): RecordMetadata | null {
        const c = task.current;
        return c && c.topic !== null && c.offset >= 0n ? { topic: c.topic, partition: c.partition, offset: c.offset } : null;
      },
      currentStreamTimeMs: () => this.streamTime,
      currentSystemTimeMs: () => this.env.now(),
      appConfigs: () => this.env.state?.appConfigs ?? {},
      schedule: (intervalMs: number, type: PunctuationType, punctuator: Punctuator): Cancellable => {
        if (type === PunctuationType.STREAM_TIME) return this.streamTimeSchedules.add(node.name, 0, intervalMs, punctuator);
        if (type === PunctuationType.WALL_CLOCK_TIME) return this.wallClockSchedules.add(node.name, this.env.now() + intervalMs, intervalMs, punctuator);
        throw new TypeError(`unknown punctuation type ${String(type)}; use PunctuationType.STREAM_TIME or WALL_CLOCK_TIME`);
      },
      commit: () => this.env.requestCommit(),
      processorMetadataForKey: (key: string) => this.processorMetadata.get(key) ?? null,
      addProcessorMetadataKeyValue: (key: string, value: number) => void this.processorMetadata.set(key, value),
      getStateStore: <S>(name: string): S => {
        if (this.stores) return this.stores.storeFor(node.name, node.stores, name) as S;
        const global = this.env.state?.globalStore?.(name);
        if (global) return global as S;
        throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `processor '${node.name}' asked for state store '${name}', but it is connected to no store`);
      },
    };
  }

  // ---------------------------------------------------------------- processing

  /** The physical topics this task reads by name, and the pattern-source topics it has met. */
  topics(): string[] {
    return [...this.sources.keys()];
  }

  /** Whether records of `topic` go to this task's sources (by name or by one of its patterns). */
  reads(topic: string): boolean {
    return this.sourceFor(topic) !== undefined;
  }

  private sourceFor(topic: string): SourceRuntime | undefined {
    const known = this.sources.get(topic);
    if (known || this.patternSources.size === 0) return known;
    // Pattern topics are user topics, so their physical name is the topology name. The topology
    // decides which source reads it (and throws if two patterns claim it).
    const def = this.topology.sourceOfTopic(topic);
    const runtime = def ? this.patternSources.get(def.name) : undefined;
    if (runtime) this.sources.set(topic, runtime);
    return runtime;
  }

  /** Processes one input record; user errors come out as StreamsError PROCESSING. */
  process(raw: RawRecord): void {
    const prepared = this.prepare(raw);
    if (prepared) this.processPrepared(prepared);
  }

  /**
   * Deserialises an input record and extracts its event time, which the runtime orders a task's
   * partitions by, so this happens when the record is buffered (as in Java's RecordQueue). Null:
   * the record is skipped (a handler said CONTINUE, or the extractor gave a negative time).
   */
  prepare(raw: RawRecord): PreparedRecord | null {
    if (this.closed) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.id} is closed`);
    const source = this.sourceFor(raw.topic);
    if (!source) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.id} does not read topic '${raw.topic}'`);
    this.current = raw;
    try {
      let key: unknown;
      let value: unknown;
      try {
        key = source.keyDeserializer.deserialize(raw.topic, raw.key, raw.headers);
        value = source.valueDeserializer.deserialize(raw.topic, raw.value, raw.headers);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        const where = `${raw.topic}-${raw.partition} at offset ${raw.offset}`;
        const response = this.env.deserializationExceptionHandler(this.errorContext(), raw, error);
        if (response === 'CONTINUE') {
          this.env.log.warn(`task ${this.id}: skipping the record of ${where}, which could not be deserialised: ${error.message}`);
          return null;
        }
        this.env.log.error(`task ${this.id}: the record of ${where} could not be deserialised: ${error.message}`);
        throw new StreamsError(StreamsErrorCode.DESERIALIZATION_FAILED, `task ${this.id}: the record of ${where} could not be deserialised: ${error.message}`, { cause: error, taskId: this.id });
      }
      const timestamp = this.extractTimestamp(source, raw, key, value);
      if (timestamp < 0) return null;
      return { raw, key, value, timestamp, source };
    } finally {
      this.current = null;
    }
  }

  /** Runs a prepared record through the sub-topology (stream time, processors, sinks, stream-time punctuation). */
  processPrepared(prepared: PreparedRecord): void {
    if (this.closed) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.id} is closed`);
    const raw = prepared.raw;
    const source = prepared.source as SourceRuntime;
    this.current = raw;
    try {
      if (prepared.timestamp > this.streamTime) this.streamTime = prepared.timestamp;
      const record = new Record(prepared.key, prepared.value, prepared.timestamp, raw.headers);
      this.guard(`processing the record of ${raw.topic}-${raw.partition} at offset ${raw.offset}`, () => {
        for (const c of source.children) this.deliver(c, record);
      });
    } finally {
      this.current = null;
    }
    this.punctuateStreamTime();
  }

  /** The record's event time; negative: drop the record (already logged). */
  private extractTimestamp(source: SourceRuntime, raw: RawRecord, key: unknown, value: unknown): number {
    const extractor = source.timestampExtractor;
    // The default needs no record object: keep the hot path lean (the partition time is committed, so it is noted).
    if (extractor === failOnInvalidTimestamp && raw.timestamp >= 0) return this.notePartitionTime(raw.topic, raw.timestamp);
    const ts = eventTimeOf(extractor, raw, key, value, this.partitionTime.get(raw.topic) ?? -1, this.id, this.env.log);
    return ts < 0 ? -1 : this.notePartitionTime(raw.topic, ts);
  }

  private notePartitionTime(topic: string, ts: number): number {
    if (ts > (this.partitionTime.get(topic) ?? -1)) this.partitionTime.set(topic, ts);
    return ts;
  }

  private deliver(node: RuntimeNode, record: Record<unknown, unknown>): void {
    if (node.kind === 'sink') return this.sink(node, record);
    try {
      node.processor.process(record);
    } catch (e) {
      // Handled where it was thrown (the innermost processor); a FAIL arrives here already wrapped.
      if (e instanceof StreamsError) throw e;
      const error = e instanceof Error ? e : new Error(String(e));
      const c = this.current;
      const what = c && c.topic !== null ? `processing the record of ${c.topic}-${c.partition} at offset ${c.offset}` : 'processing a record forwarded by a punctuation';
      const response = this.env.processingExceptionHandler({ ...this.errorContext(), processorNodeId: node.name }, record, error);
      if (response !== 'CONTINUE') {
        throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `task ${this.id}: ${what} failed in processor '${node.name}': ${error.message}`, { cause: error, taskId: this.id });
      }
      this.env.log.warn(`task ${this.id}: ${what} failed in processor '${node.name}'; the record is dropped there: ${error.message}`);
    }
  }

  private errorContext(): ErrorHandlerContext {
    return errorContextOf(this.id, this.current);
  }

  private sink(node: Extract<RuntimeNode, { kind: 'sink' }>, record: Record<unknown, unknown>): void {
    const def = node.def;
    const c = this.current;
    const topic =
      typeof def.topic === 'string'
        ? this.topology.physicalTopic(this.env.applicationId, def.topic)
        : def.topic(record.key, record.value, { topic: c?.topic ?? null, partition: c?.partition ?? -1, offset: c?.offset ?? -1n, timestamp: record.timestamp, headers: record.headers });
    if (typeof topic !== 'string' || topic.length === 0) throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `the topic name extractor of sink '${node.name}' returned ${JSON.stringify(topic)}, not a topic name`);
    let key: Buffer | null;
    let value: Buffer | null;
    try {
      key = node.keySerializer.serialize(topic, record.key, record.headers);
      value = node.valueSerializer.serialize(topic, record.value, record.headers);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const response = this.env.productionExceptionHandler(this.errorContext(), { phase: 'serialization', topic, key: record.key, value: record.value }, error);
      if (response === 'CONTINUE') {
        this.env.log.warn(`task ${this.id}: dropping an output to '${topic}' that could not be serialised: ${error.message}`);
        return;
      }
      throw new StreamsError(StreamsErrorCode.PRODUCTION_FAILED, `task ${this.id}: an output to '${topic}' could not be serialised: ${error.message}`, { cause: error, taskId: this.id });
    }
    const partitioner = def.partitioner;
    this.env.collector.send(
      { topic, key, value, timestamp: record.timestamp, headers: record.headers },
      partitioner ? (n) => partitioner(topic, record.key, record.value, n) : undefined,
      this.id,
      this.current,
    );
  }

  /** Runs user code; anything it throws leaves as a StreamsError naming the task. */
  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof StreamsError) throw e;
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `task ${this.id}: ${what} failed: ${messageOf(e)}`, { cause: e, taskId: this.id });
    }
  }

  // ---------------------------------------------------------------- time

  get currentStreamTime(): number {
    return this.streamTime;
  }

  punctuateStreamTime(): boolean {
    if (this.streamTime < 0 || this.streamTimeSchedules.size === 0) return false;
    return this.streamTimeSchedules.punctuate(this.streamTime, (s, now) => this.runPunctuator(s, now, 'stream-time'));
  }

  punctuateWallClock(now = this.env.now()): boolean {
    if (this.wallClockSchedules.size === 0) return false;
    return this.wallClockSchedules.punctuate(now, (s, t) => this.runPunctuator(s, t, 'wall-clock'));
  }

  /** When the next wall-clock punctuation is due (Infinity: none scheduled). */
  nextWallClockPunctuation(): number {
    return this.wallClockSchedules.nextDue();
  }

  private runPunctuator(s: Schedule, now: number, kind: string): void {
    const saved = this.current;
    this.current = null;
    try {
      this.guard(`the ${kind} punctuation of '${s.nodeName}'`, () => s.punctuator(now));
    } finally {
      this.current = saved;
    }
  }

  // ---------------------------------------------------------------- commits and close

  /**
   * Records that the input partition has been processed up to `nextOffset` (the runtime calls
   * it per fetched batch: cheaper than per record, and right past control records too).
   */
  markProcessed(topic: string, partition: number, nextOffset: bigint): void {
    const entry = this.consumed.get(topic);
    if (entry) entry.offset = nextOffset;
    else this.consumed.set(topic, { topic, partition, offset: nextOffset });
  }

  /** The next offsets to consume, per input partition processed so far. */
  committableOffsets(): TopicPartitionOffset[] {
    return [...this.consumed.values()];
  }

  /** What to commit with the offset of the task's partition of `topic` (commit-metadata.ts). */
  commitMetadata = (topic: string): string => encodeCommitMetadata(this.partitionTime.get(topic) ?? UNKNOWN_PARTITION_TIME, this.processorMetadata);
  /** Before init(): the partition times and processor metadata committed with the offsets (Java's initializeMetadata). */
  initializeMetadata(committed: readonly { topic: string; metadata: string | null }[]): void {
    this.processorMetadata = mergeCommittedMetadata(committed, (topic, time) => void (this.streamTime = Math.max(this.streamTime, this.notePartitionTime(topic, time))));
  }

  /**
   * Before a commit (Java's prepareCommit): the record caches flush, so their entries reach the
   * changelogs (sent through the collector) and downstream; the stores below are not flushed.
   */
  flushCaches(): void {
    this.stores?.flushCache();
  }

  /**
   * After a successful commit (Java's postCommit): the stores are flushed and checkpointed when
   * their changelogs moved enough since the last time, or when `enforceCheckpoint`.
   */
  postCommit(enforceCheckpoint: boolean): void {
    this.stores?.maybeCheckpoint(enforceCheckpoint);
  }

  /**
   * Closes the processors, then the stores (errors are logged: closing must finish). `clean`:
   * the task was committed just before (its stores are checkpointed); otherwise they are not.
   */
  close(clean = true): void {
    if (this.closed) return;
    this.closed = true;
    // A task closed while its stores restored never started its processors: nothing to close.
    for (const p of this.initialized ? this.processors : []) {
      try {
        p.processor.close?.();
      } catch (e) {
        this.env.log.warn(`task ${this.id}: closing processor '${p.name}' failed: ${messageOf(e)}`);
      }
    }
    this.stores?.close(clean);
  }
}
