/**
 * All the partition logs of a data directory, and the topics they belong to.
 *
 * Topic metadata (name, id, partition count, config overrides) lives in one JSON file written
 * atomically; it is the commit point of topic changes. Creating a topic makes its partition logs
 * first and then records the topic; deleting records the removal first and then removes the
 * folders; on open, partition folders no topic owns are removed. So a crash in the middle of
 * either leaves the topic wholly there or wholly gone.
 */
import { ErrorCode, randomUuid } from '@sluice/protocol';
import { FileCache } from './file-cache.ts';
import { type FileSystem, mkdirDurable } from './fs/types.ts';
import { inParallel } from './in-parallel.ts';
import { type UnreadableBatch, compactLog } from './log/cleaner.ts';
import { PartitionLog } from './log/partition-log.ts';
import { type LogConfig, resolveTopicConfig, validateTopicConfigs } from './topic-config.ts';
import { StorageError, UnsupportedStateFileError } from './errors.ts';
import { decodeStateFile, writeStateFile } from './state-files/state-file.ts';
import { PARTITION_STATE_FILES } from './state-files/partition-state-files.ts';
import { TOPIC_LIST, type TopicMetadata } from './state-files/topic-list.ts';
import { WriteFailureReport } from './write-failure-report.ts';

export type { TopicMetadata } from './state-files/topic-list.ts';

export interface LogManagerOptions {
  fs: FileSystem;
  dataDir: string;
  /** Broker-level settings that give topic config defaults (log.retention.ms…). */
  brokerDefaults?: Record<string, string>;
  maxOpenFiles?: number;
  now?: () => number;
  /** How often retention runs (log.retention.check.interval.ms); 0 to never schedule. */
  maintenanceIntervalMs?: number;
  /**
   * How long the cleaner sleeps when no log needed compacting (log.cleaner.backoff.ms, Kafka's
   * default 15000); 0 to never schedule it. Defaults to 0 when maintenanceIntervalMs is 0, which
   * so keeps meaning "no background maintenance" (runMaintenance() only).
   */
  cleanerBackoffMs?: number;
  /** How long an idle producer's state is kept on a partition (producer.id.expiration.ms, Kafka's default 86400000). */
  producerIdExpirationMs?: number;
  /**
   * How often idle producers are looked for (producer.id.expiration.check.interval.ms, Kafka's
   * default 600000); 0 to never schedule it. Defaults to 0 when maintenanceIntervalMs is 0, as the
   * cleaner's backoff does.
   */
  producerIdExpirationCheckIntervalMs?: number;
  /** Timers for every schedule; tests give a manual clock's. */
  timers?: MaintenanceTimers;
  /** Where maintenance reports errors and unreadable batches (the broker's log). */
  log?: MaintenanceLog;
  /** Called while opening many partitions: (opened, total). */
  onProgress?: (opened: number, total: number) => void;
}

export interface MaintenanceTimers {
  setTimeout(fn: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface MaintenanceLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const systemTimers: MaintenanceTimers = {
  setTimeout: (fn, delayMs) => setTimeout(fn, delayMs).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const consoleMaintenanceLog: MaintenanceLog = {
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};


/**
 * Partitions opened at the same time at start-up. Opening one is a dozen small file system calls
 * and a directory sync, nearly all waiting; 16 keep libuv's 4 threads and the disk busy (1,000
 * partitions: 1.5 s one by one, see bench/broker) while the open file bound (maxOpenFiles) still
 * leaves room for the other descriptors each open takes for a moment.
 */
const PARTITIONS_OPENED_AT_ONCE = 16;

export function partitionDirName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

export class LogManager {
  private readonly topicsByName = new Map<string, TopicMetadata>();
  private readonly logs = new Map<string, PartitionLog[]>();
  private readonly cache: FileCache;
  private brokerDefaults: Record<string, string>;
  private readonly timers: MaintenanceTimers;
  private readonly maintenanceLog: MaintenanceLog;
  private retentionTimer: unknown = undefined;
  private cleanerTimer: unknown = undefined;
  private producerExpiryTimer: unknown = undefined;
  /** Maintenance passes, one after another. */
  private maintenance: Promise<void> = Promise.resolve();
  /** Partitions whose last maintenance step failed, with the error logged (logged again only when it changes). */
  private readonly failing = new Map<string, string>();
  /** Unreadable batches already reported, by partition folder and base offset. */
  private readonly reportedUnreadable = new Set<string>();
  private closed = false;
  private metadataWrite: Promise<void> = Promise.resolve();
  /** Failed writes (a full disk) in the log, rate limited. */
  private readonly writeFailures: WriteFailureReport;

  private readonly options: LogManagerOptions;

  private constructor(options: LogManagerOptions) {
    this.options = options;
    this.cache = new FileCache(options.fs, options.maxOpenFiles ?? 1000);
    this.brokerDefaults = { ...(options.brokerDefaults ?? {}) };
    this.timers = options.timers ?? systemTimers;
    this.maintenanceLog = options.log ?? consoleMaintenanceLog;
    this.writeFailures = new WriteFailureReport(this.maintenanceLog, options.now);
  }

  get fs(): FileSystem {
    return this.options.fs;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  static async open(options: LogManagerOptions): Promise<LogManager> {
    const m = new LogManager(options);
    await m.load();
    m.scheduleRetention();
    m.scheduleCleaner(false);
    m.scheduleProducerExpiry();
    return m;
  }

  private async load(): Promise<void> {
    const { dataDir } = this.options;
    const fs = this.cache.fs;
    await mkdirDurable(fs, dataDir);
    const path = `${dataDir}/${TOPIC_LIST.name}`;
    if (await fs.exists(path)) {
      let topics: TopicMetadata[] | null;
      let why = 'it does not hold a topic list';
      try {
        topics = decodeStateFile(TOPIC_LIST, path, await fs.readFile(path));
      } catch (e) {
        if (e instanceof UnsupportedStateFileError) throw e;
        topics = null;
        why = (e as Error).message;
      }
      if (topics === null) throw new StorageError('STORAGE_TOPIC_LIST_UNREADABLE', `Cannot read the topic list ${path}: ${why}. Restore it from a backup; the partition folders are untouched.`);
      for (const t of topics) this.topicsByName.set(t.name, t);
    }
    const wanted = new Set<string>();
    for (const t of this.topicsByName.values()) for (let p = 0; p < t.partitions; p++) wanted.add(partitionDirName(t.name, p));
    // Folders no topic owns are left from a creation or deletion that did not commit.
    for (const entry of await fs.list(dataDir)) {
      if (/^.+-\d+$/.test(entry) && !wanted.has(entry) && (await this.isPartitionDir(`${dataDir}/${entry}`))) {
        await fs.removeDir(`${dataDir}/${entry}`);
      }
    }
    const total = wanted.size;
    let opened = 0;
    const partitions = [...this.topicsByName.values()].flatMap((t) => Array.from({ length: t.partitions }, (_, p) => ({ t, p })));
    const logs = await inParallel(partitions, PARTITIONS_OPENED_AT_ONCE, async ({ t, p }) => {
      const log = await this.openLog(t, p);
      opened++;
      if (opened % 100 === 0 || opened === total) this.options.onProgress?.(opened, total);
      return log;
    });
    let next = 0;
    for (const t of this.topicsByName.values()) {
      this.logs.set(t.name, logs.slice(next, next + t.partitions));
      next += t.partitions;
    }
  }

  /** Only folders holding nothing but a partition log's files (or nothing) are ours to remove. */
  private async isPartitionDir(path: string): Promise<boolean> {
    try {
      return (await this.cache.fs.list(path)).every((n) => /^\d{20}\.(log|index|timeindex|txnindex)/.test(n) || PARTITION_STATE_FILES.some((f) => n.startsWith(f)) || n.endsWith('.tmp'));
    } catch {
      return false;
    }
  }

  private async openLog(t: TopicMetadata, partition: number): Promise<PartitionLog> {
    const name = partitionDirName(t.name, partition);
    const log = await PartitionLog.open({
      cache: this.cache,
      dir: `${this.options.dataDir}/${name}`,
      config: this.logConfigOf(t.configs),
      now: this.options.now,
    });
    log.on('writeFailed', (e: StorageError) => this.writeFailures.failed(name, e));
    log.on('highWatermark', () => this.writeFailures.succeeded(name));
    return log;
  }

  logConfigOf(overrides: Record<string, string>): LogConfig {
    return resolveTopicConfig(overrides, this.brokerDefaults);
  }

  /** Changes broker-level defaults (a dynamic broker config) and applies them to every log. */
  setBrokerDefaults(defaults: Record<string, string>): void {
    this.brokerDefaults = { ...defaults };
    for (const t of this.topicsByName.values()) for (const log of this.logs.get(t.name) ?? []) log.updateConfig(this.logConfigOf(t.configs));
  }

  topics(): TopicMetadata[] {
    return [...this.topicsByName.values()];
  }

  topic(name: string): TopicMetadata | undefined {
    return this.topicsByName.get(name);
  }

  log(topic: string, partition: number): PartitionLog | undefined {
    return this.logs.get(topic)?.[partition];
  }

  /**
   * Writes topics.json, one write at a time: concurrent writes would share the temporary file
   * (a rename then fails with ENOENT, or an older topic list lands last). Each write takes its
   * snapshot when it starts, so it holds every change made before it was asked for.
   */
  private saveMetadata(): Promise<void> {
    const write = this.metadataWrite.then(() => {
      return writeStateFile(this.cache.fs, this.options.dataDir, TOPIC_LIST, [...this.topicsByName.values()]);
    });
    this.metadataWrite = write.catch(() => {});
    return write;
  }

  async createTopic(name: string, partitions: number, configs: Record<string, string> = {}, topicId: string = randomUuid()): Promise<TopicMetadata> {
    if (this.topicsByName.has(name)) throw new StorageError('TOPIC_ALREADY_EXISTS', `Topic ${name} already exists`, ErrorCode.TOPIC_ALREADY_EXISTS);
    validateTopicConfigs(configs);
    const t: TopicMetadata = { name, topicId, partitions, configs: { ...configs } };
    const logs: PartitionLog[] = [];
    for (let p = 0; p < partitions; p++) logs.push(await this.openLog(t, p));
    await this.cache.fs.syncDir(this.options.dataDir);
    this.topicsByName.set(name, t);
    this.logs.set(name, logs);
    await this.saveMetadata();
    return t;
  }

  async deleteTopic(name: string): Promise<void> {
    const t = this.topicsByName.get(name);
    if (t === undefined) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${name} does not exist`, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    this.topicsByName.delete(name);
    const logs = this.logs.get(name) ?? [];
    this.logs.delete(name);
    await this.saveMetadata();
    for (const log of logs) {
      await log.abandon();
      await this.cache.fs.removeDir(log.dir);
    }
    await this.cache.fs.syncDir(this.options.dataDir);
  }

  async addPartitions(name: string, total: number): Promise<void> {
    const t = this.topicsByName.get(name);
    if (t === undefined) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${name} does not exist`, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    if (total <= t.partitions) throw new StorageError('INVALID_PARTITIONS', `Topic ${name} has ${t.partitions} partitions; it can only grow`, ErrorCode.INVALID_PARTITIONS);
    const logs = this.logs.get(name)!;
    for (let p = t.partitions; p < total; p++) logs.push(await this.openLog(t, p));
    await this.cache.fs.syncDir(this.options.dataDir);
    t.partitions = total;
    await this.saveMetadata();
  }

  /** Replaces a topic's overrides (validated first). */
  async setTopicConfigs(name: string, configs: Record<string, string>): Promise<void> {
    const t = this.topicsByName.get(name);
    if (t === undefined) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${name} does not exist`, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    validateTopicConfigs(configs);
    t.configs = { ...configs };
    await this.saveMetadata();
    const config = this.logConfigOf(t.configs);
    for (const log of this.logs.get(name) ?? []) log.updateConfig(config);
  }

  /** Retention and compaction over every log, once (after any pass in progress). */
  runMaintenance(): Promise<void> {
    return this.enqueue(async () => {
      await this.retentionPass();
      await this.cleanerPass();
    });
  }

  /** Resolves once no maintenance pass is running or waiting. */
  async maintenanceIdle(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.maintenance;
      await last;
    } while (last !== this.maintenance);
  }

  private enqueue(pass: () => Promise<unknown>): Promise<void> {
    const run = this.maintenance.then(async () => {
      if (!this.closed) await pass();
    });
    this.maintenance = run.catch((e) => this.maintenanceLog.error('log maintenance failed', e));
    return run;
  }

  private scheduleRetention(): void {
    const interval = this.options.maintenanceIntervalMs ?? 300_000;
    if (interval <= 0 || this.closed) return;
    this.retentionTimer = this.timers.setTimeout(() => {
      void this.enqueue(() => this.retentionPass())
        .catch(() => {}) // logged by enqueue
        .finally(() => this.scheduleRetention());
    }, interval);
  }

  /** Kafka's cleaner threads: right away after a pass that compacted something, else after the backoff. */
  private scheduleCleaner(again: boolean): void {
    const backoff = this.options.cleanerBackoffMs ?? (this.options.maintenanceIntervalMs === 0 ? 0 : 15_000);
    if (backoff <= 0 || this.closed) return;
    this.cleanerTimer = this.timers.setTimeout(
      () => {
        let compacted = false;
        void this.enqueue(async () => (compacted = await this.cleanerPass()))
          .catch(() => {})
          .finally(() => this.scheduleCleaner(compacted));
      },
      again ? 0 : backoff,
    );
  }

  /**
   * Kafka's producer expiration check: without it a partition would remember every producer id
   * that ever wrote to it, for ever (memory, and producer-state.json at every close).
   */
  private scheduleProducerExpiry(): void {
    const interval = this.options.producerIdExpirationCheckIntervalMs ?? (this.options.maintenanceIntervalMs === 0 ? 0 : 600_000);
    if (interval <= 0 || this.closed) return;
    this.producerExpiryTimer = this.timers.setTimeout(() => {
      void this.enqueue(async () => this.expireProducers())
        .catch(() => {}) // logged by enqueue
        .finally(() => this.scheduleProducerExpiry());
    }, interval);
  }

  /** Forgets, on every partition, the producers idle for producer.id.expiration.ms or longer (never one with an open transaction). */
  expireProducers(): void {
    const expirationMs = this.options.producerIdExpirationMs ?? 86_400_000;
    for (const { log } of this.partitions()) if (!log.isClosed) log.expireProducers(expirationMs);
  }

  /** Every partition log with its name, in topic order. */
  private *partitions(): Generator<{ name: string; log: PartitionLog }> {
    for (const [topic, logs] of this.logs) for (let p = 0; p < logs.length; p++) yield { name: partitionDirName(topic, p), log: logs[p] };
  }

  private async retentionPass(): Promise<void> {
    for (const { name, log } of this.partitions()) {
      if (this.closed) return;
      if (log.isClosed) continue;
      await this.isolated('retention', name, log, () => log.applyRetention(), 'It is retried at the next retention check (log.retention.check.interval.ms); meanwhile this partition keeps its expired segments. Check the disk and the folder.');
    }
  }

  /** Compacts every log that needs it; true when any was compacted. */
  private async cleanerPass(): Promise<boolean> {
    let compacted = false;
    for (const { name, log } of this.partitions()) {
      if (this.closed) return compacted;
      if (log.isClosed) continue;
      await this.isolated('compaction', name, log, async () => {
        const result = await compactLog(log);
        if (result === null) return;
        compacted = true;
        for (const batch of result.unreadable) this.reportUnreadable(name, log, batch);
      }, 'The cleaner retries it after log.cleaner.backoff.ms; the other partitions are compacted meanwhile.');
    }
    return compacted;
  }

  /** Runs one partition's maintenance step; an error is logged (once while it lasts) and goes no further. */
  private async isolated(what: string, partition: string, log: PartitionLog, step: () => Promise<unknown>, retry: string): Promise<void> {
    const key = `${what} ${partition}`;
    try {
      await step();
      if (this.failing.delete(key)) this.maintenanceLog.warn(`${what} of ${partition} works again`);
    } catch (e) {
      if (log.isClosed) return; // deleted or closed meanwhile: nothing left to maintain
      const message = (e as Error)?.message ?? String(e);
      if (this.failing.get(key) === message) return;
      this.failing.set(key, message);
      this.maintenanceLog.error(`${what} of ${partition} failed. ${retry}`, e);
    }
  }

  private reportUnreadable(partition: string, log: PartitionLog, batch: UnreadableBatch): void {
    const key = `${log.dir} ${batch.baseOffset}`;
    if (this.reportedUnreadable.has(key)) return;
    this.reportedUnreadable.add(key);
    this.maintenanceLog.warn(
      `compaction of ${partition}: the records of offsets ${batch.baseOffset} to ${batch.lastOffset} (byte ${batch.position} of ${batch.file}) cannot be read (${batch.reason}); ` +
        `the batch is kept as it is and the rest of the partition is compacted around it. Consumers cannot read it either: if its records are not needed, ` +
        `move the log start past it with DeleteRecords (kafka-delete-records.sh, offset ${batch.lastOffset + 1n}).`,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.clearTimeout(this.retentionTimer);
    this.timers.clearTimeout(this.cleanerTimer);
    this.timers.clearTimeout(this.producerExpiryTimer);
    await this.maintenanceIdle();
    // Every partition is closed even when some cannot be (a full disk): each that can is left
    // clean, and the others are named, in the log and in the error thrown at the end.
    const failed: string[] = [];
    let total = 0;
    for (const { name, log } of this.partitions()) {
      total++;
      try {
        await log.close();
      } catch (e) {
        failed.push(name);
        if (failed.length <= 10) this.maintenanceLog.error(`closing ${name} failed: ${(e as Error)?.message ?? e}`);
      }
    }
    if (failed.length > 0) {
      const named = failed.length <= 10 ? failed.join(', ') : `${failed.slice(0, 10).join(', ')} and ${failed.length - 10} more`;
      throw new StorageError(
        'STORAGE_CLOSE_INCOMPLETE',
        `${failed.length} of ${total} partitions could not be closed cleanly (${named})${failed.length < total ? '; the others were' : ''}. The next start scans those partitions to recover them instead of trusting their indexes.`,
      );
    }
  }
}
