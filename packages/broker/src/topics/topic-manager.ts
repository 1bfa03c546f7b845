/**
 * The broker's topics over the storage engine's LogManager: names and ids, partitions as
 * PartitionViews, configs with Kafka's sources, and notifications for waiting fetches.
 */
import { ErrorCode, ZERO_UUID } from '@sluice/protocol';
import {
  ConfigError,
  type LogManager,
  type PartitionLog,
  type TopicMetadata,
  topicConfigDefinitions,
  validateTopicConfigs,
} from '@sluice/storage';
import type { BrokerConfig } from '../config/broker-config.ts';
import { type DelayedOperations } from '../delayed/delayed-operations.ts';
import { partitionKey } from '../core.ts';
import { TopicError } from '../errors.ts';
import { INTERNAL_TOPICS, collisionKey, validateTopicName } from './names.ts';
import type {
  AbortedTransactionView,
  AppendOutcome,
  CreateTopicOptions,
  PartitionMarker,
  PartitionProducer,
  PartitionView,
  TopicConfigEntry,
  TopicView,
  Topics,
} from './types.ts';

class Partition implements PartitionView {
  readonly topic: string;
  readonly index: number;
  readonly log: PartitionLog;

  constructor(topic: string, index: number, log: PartitionLog) {
    this.topic = topic;
    this.index = index;
    this.log = log;
  }

  get logStartOffset(): bigint {
    return this.log.logStartOffset;
  }
  get logEndOffset(): bigint {
    return this.log.logEndOffset;
  }
  get highWatermark(): bigint {
    return this.log.highWatermark;
  }
  get lastStableOffset(): bigint {
    return this.log.lastStableOffset;
  }
  get settings() {
    return this.log.settings;
  }
  get size(): number {
    return this.log.size;
  }
  bytesAvailable(offset: bigint): number {
    return this.log.bytesAvailable(offset);
  }
  append(batches: Buffer, durable: boolean, transactionVersion?: number): Promise<AppendOutcome> {
    return this.log.append(batches, { acknowledge: durable ? 'durable' : 'written', transactionVersion });
  }
  appendMarker(marker: PartitionMarker): Promise<{ offset: bigint }> {
    return this.log.appendMarker(marker);
  }
  abortedTransactions(fetchOffset: bigint, upperBound: bigint): AbortedTransactionView[] {
    return this.log.abortedTransactions(fetchOffset, upperBound);
  }
  activeProducers(): PartitionProducer[] {
    return this.log.activeProducers();
  }
  read(offset: bigint, maxBytes: number, maxOffset: bigint): Promise<Buffer[]> {
    return this.log.read(offset, maxBytes, maxOffset);
  }
  offsetForTimestamp(timestamp: bigint) {
    return this.log.offsetForTimestamp(timestamp);
  }
  async maxTimestamp() {
    return this.log.maxTimestamp();
  }
  deleteRecordsBefore(offset: bigint): Promise<bigint> {
    return this.log.deleteRecordsBefore(offset);
  }
}

function view(t: TopicMetadata): TopicView {
  return { name: t.name, topicId: t.topicId, partitionCount: t.partitions, internal: INTERNAL_TOPICS.has(t.name), configs: t.configs };
}

export class TopicManager implements Topics {
  private readonly partitions = new Map<string, Partition[]>();
  private readonly byId = new Map<string, string>();
  /**
   * Partitions whose creation is under way: counted against max.partitions before they exist, so
   * creations running at the same time cannot pass the limit together.
   */
  private partitionsBeingCreated = 0;
  /**
   * The last change under way per topic name (by collision key, so 'a.b' and 'a_b' queue
   * together): creation, deletion and partition changes of one name run one after another. Run
   * at the same time, a deletion could remove the logs a creation was about to track, and two
   * creations could open the same partition folders twice.
   */
  private readonly changes = new Map<string, Promise<unknown>>();

  readonly logs: LogManager;
  private readonly config: BrokerConfig;
  private readonly delayed: DelayedOperations;

  constructor(logs: LogManager, config: BrokerConfig, delayed: DelayedOperations) {
    this.logs = logs;
    this.config = config;
    this.delayed = delayed;
    for (const t of logs.topics()) this.track(t);
  }

  private track(t: TopicMetadata): void {
    const list = this.partitions.get(t.name) ?? [];
    for (let p = list.length; p < t.partitions; p++) {
      const log = this.logs.log(t.name, p)!;
      const key = partitionKey(t.name, p);
      log.on('highWatermark', () => this.delayed.notify(key));
      // read_committed fetches wait for the last stable offset. It moves with the high watermark
      // (whose notification already sees the new value), and alone when the log start moves.
      log.on('lastStableOffset', () => this.delayed.notify(key));
      list.push(new Partition(t.name, p, log));
    }
    this.partitions.set(t.name, list);
    this.byId.set(t.topicId, t.name);
  }

  get(name: string): TopicView | undefined {
    const t = this.logs.topic(name);
    return t && view(t);
  }

  getById(topicId: string): TopicView | undefined {
    const name = this.byId.get(topicId);
    return name === undefined ? undefined : this.get(name);
  }

  list(): TopicView[] {
    return this.logs.topics().map(view);
  }

  partition(topic: string, index: number): PartitionView | undefined {
    return this.partitions.get(topic)?.[index];
  }

  /**
   * Refuses to add partitions beyond max.partitions, before anything is created: one request for
   * 2^31-1 partitions would otherwise create folders until the disk or the inode table is full.
   * Internal topics are never refused, so consumer groups keep working at the limit.
   */
  private checkPartitionLimit(name: string, adding: number): void {
    if (INTERNAL_TOPICS.has(name)) return;
    const limit = this.config.int('max.partitions');
    const held = this.logs.topics().reduce((n, t) => n + t.partitions, 0) + this.partitionsBeingCreated;
    if (adding > limit - held) {
      throw new TopicError('POLICY_VIOLATION',
        `Adding ${adding} partitions to topic '${name}' would bring the broker to ${held + adding} partitions, above max.partitions=${limit}. Ask for fewer, delete topics, or raise max.partitions.`,
      );
    }
  }

  private async creatingPartitions<T>(count: number, create: () => Promise<T>): Promise<T> {
    this.partitionsBeingCreated += count;
    try {
      return await create();
    } finally {
      this.partitionsBeingCreated -= count;
    }
  }

  /** Runs `change` after every change of `name` asked for before it. */
  private async serialised<T>(name: string, change: () => Promise<T>): Promise<T> {
    const key = collisionKey(name);
    const previous = this.changes.get(key) ?? Promise.resolve();
    const run = previous.then(change, change);
    const settled = run.catch(() => {});
    this.changes.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.changes.get(key) === settled) this.changes.delete(key);
    }
  }

  async create(name: string, options: CreateTopicOptions): Promise<TopicView> {
    validateTopicName(name);
    return this.serialised(name, () => this.createNow(name, options));
  }

  private async createNow(name: string, options: CreateTopicOptions): Promise<TopicView> {
    if (this.logs.topic(name) !== undefined) throw new TopicError('TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`);
    const clash = this.logs.topics().find((t) => collisionKey(t.name) === collisionKey(name));
    if (clash) throw new TopicError('INVALID_TOPIC_EXCEPTION', `Topic '${name}' collides with existing topic '${clash.name}': '.' and '_' count as the same character`);
    if (options.partitions < 1) throw new TopicError('INVALID_PARTITIONS', `Number of partitions must be at least 1, not ${options.partitions}`);
    try {
      validateTopicConfigs(options.configs);
    } catch (e) {
      if (e instanceof ConfigError) throw new TopicError('INVALID_CONFIG', e.message);
      throw e;
    }
    this.checkPartitionLimit(name, options.partitions);
    if (options.validateOnly) return { name, topicId: ZERO_UUID, partitionCount: options.partitions, internal: INTERNAL_TOPICS.has(name), configs: options.configs };
    const t = await this.creatingPartitions(options.partitions, () => this.logs.createTopic(name, options.partitions, options.configs));
    this.track(t);
    return view(t);
  }

  delete(name: string): Promise<void> {
    return this.serialised(name, () => this.deleteNow(name));
  }

  private async deleteNow(name: string): Promise<void> {
    const t = this.logs.topic(name);
    if (t === undefined) throw new TopicError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist`);
    this.partitions.delete(name);
    this.byId.delete(t.topicId);
    await this.logs.deleteTopic(name);
    for (let p = 0; p < t.partitions; p++) this.delayed.notify(partitionKey(name, p));
  }

  createPartitions(name: string, totalCount: number, validateOnly: boolean): Promise<void> {
    return this.serialised(name, () => this.createPartitionsNow(name, totalCount, validateOnly));
  }

  private async createPartitionsNow(name: string, totalCount: number, validateOnly: boolean): Promise<void> {
    const t = this.logs.topic(name);
    if (t === undefined) throw new TopicError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist`);
    if (totalCount <= t.partitions) throw new TopicError('INVALID_PARTITIONS', `Topic currently has ${t.partitions} partitions; it can only grow`);
    this.checkPartitionLimit(name, totalCount - t.partitions);
    if (validateOnly) return;
    await this.creatingPartitions(totalCount - t.partitions, () => this.logs.addPartitions(name, totalCount));
    this.track(this.logs.topic(name)!);
  }

  describeConfigs(name: string): TopicConfigEntry[] {
    const t = this.logs.topic(name);
    const overrides = t?.configs ?? {};
    const brokerSet = this.config.topicDefaults();
    return topicConfigDefinitions.map((d) => {
      const override = overrides[d.name];
      const brokerValue = d.brokerName !== null ? brokerSet[d.brokerName] : undefined;
      // A broker-level default set while running is described with its layer (this broker's, or the cluster-wide one), as in Kafka.
      const source = override !== undefined ? 'DYNAMIC_TOPIC_CONFIG' : brokerValue !== undefined ? this.config.sourceOf(d.brokerName!) : 'DEFAULT_CONFIG';
      return { name: d.name, value: override ?? brokerValue ?? d.default, source, readOnly: false, sensitive: false, doc: d.doc, type: d.type } satisfies TopicConfigEntry;
    });
  }

  configValue(name: string, config: string): string | null {
    return this.describeConfigs(name).find((c) => c.name === config)?.value ?? null;
  }

  async alterConfigs(name: string, changes: Record<string, string | null>, incremental: boolean, validateOnly: boolean): Promise<void> {
    const t = this.logs.topic(name);
    if (t === undefined) throw new TopicError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist`);
    const next: Record<string, string> = incremental ? { ...t.configs } : {};
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    try {
      validateTopicConfigs(next);
    } catch (e) {
      if (e instanceof ConfigError) throw new TopicError('INVALID_CONFIG', e.message);
      throw e;
    }
    if (!validateOnly) await this.logs.setTopicConfigs(name, next);
  }
}
