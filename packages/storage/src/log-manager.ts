/**
 * All the partition logs of a data directory, and the topics they belong to.
 *
 * Topic metadata (name, id, partition count, config overrides) lives in one JSON file written
 * atomically; it is the commit point of topic changes. Creating a topic makes its partition logs
 * first and then records the topic; deleting records the removal first and then removes the
 * folders; on open, partition folders no topic owns are removed. So a crash in the middle of
 * either leaves the topic wholly there or wholly gone.
 */
import { randomUuid } from '@sluice/protocol';
import { FileCache } from './file-cache.js';
import { type FileSystem, mkdirDurable, writeFileAtomic } from './fs/types.js';
import { compactLog } from './log/cleaner.js';
import { PartitionLog } from './log/partition-log.js';
import { type LogConfig, resolveTopicConfig, validateTopicConfigs } from './topic-config.js';
import { StorageError } from './errors.js';

export interface TopicMetadata {
  name: string;
  topicId: string;
  partitions: number;
  configs: Record<string, string>;
}

export interface LogManagerOptions {
  fs: FileSystem;
  dataDir: string;
  /** Broker-level settings that give topic config defaults (log.retention.ms…). */
  brokerDefaults?: Record<string, string>;
  maxOpenFiles?: number;
  now?: () => number;
  /** How often retention and compaction run (log.retention.check.interval.ms); 0 to never schedule. */
  maintenanceIntervalMs?: number;
  /** Called while opening many partitions: (opened, total). */
  onProgress?: (opened: number, total: number) => void;
}

const METADATA_FILE = 'topics.json';

export function partitionDirName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

export class LogManager {
  private readonly topicsByName = new Map<string, TopicMetadata>();
  private readonly logs = new Map<string, PartitionLog[]>();
  private readonly cache: FileCache;
  private brokerDefaults: Record<string, string>;
  private timer: NodeJS.Timeout | undefined;
  private maintenance: Promise<void> | null = null;
  private closed = false;
  private metadataWrite: Promise<void> = Promise.resolve();

  private constructor(private readonly options: LogManagerOptions) {
    this.cache = new FileCache(options.fs, options.maxOpenFiles ?? 1000);
    this.brokerDefaults = { ...(options.brokerDefaults ?? {}) };
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
    const interval = options.maintenanceIntervalMs ?? 300_000;
    if (interval > 0) {
      m.timer = setInterval(() => void m.runMaintenance().catch(() => {}), interval);
      m.timer.unref();
    }
    return m;
  }

  private async load(): Promise<void> {
    const { dataDir } = this.options;
    const fs = this.cache.fs;
    await mkdirDurable(fs, dataDir);
    const path = `${dataDir}/${METADATA_FILE}`;
    if (await fs.exists(path)) {
      let parsed: { topics: TopicMetadata[] };
      try {
        parsed = JSON.parse((await fs.readFile(path)).toString());
      } catch (e) {
        throw new StorageError('SLUICE_STORAGE_METADATA', `Cannot read the topic list ${path}: ${(e as Error).message}. Restore it from a backup; the partition folders are untouched.`);
      }
      for (const t of parsed.topics) this.topicsByName.set(t.name, t);
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
    for (const t of this.topicsByName.values()) {
      const logs: PartitionLog[] = [];
      for (let p = 0; p < t.partitions; p++) {
        logs.push(await this.openLog(t, p));
        opened++;
        if (opened % 100 === 0 || opened === total) this.options.onProgress?.(opened, total);
      }
      this.logs.set(t.name, logs);
    }
  }

  /** Only folders holding nothing but a partition log's files (or nothing) are ours to remove. */
  private async isPartitionDir(path: string): Promise<boolean> {
    try {
      return (await this.cache.fs.list(path)).every((n) => /^\d{20}\.(log|index|timeindex)/.test(n) || /^(\.clean-shutdown|log-start-offset|recovery-point|producer-state\.json|compaction\.manifest)/.test(n) || n.endsWith('.tmp'));
    } catch {
      return false;
    }
  }

  private openLog(t: TopicMetadata, partition: number): Promise<PartitionLog> {
    return PartitionLog.open({
      cache: this.cache,
      dir: `${this.options.dataDir}/${partitionDirName(t.name, partition)}`,
      config: this.logConfigOf(t.configs),
      now: this.options.now,
    });
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
      const data = Buffer.from(JSON.stringify({ topics: [...this.topicsByName.values()] }, null, 1));
      return writeFileAtomic(this.cache.fs, `${this.options.dataDir}/${METADATA_FILE}`, data);
    });
    this.metadataWrite = write.catch(() => {});
    return write;
  }

  async createTopic(name: string, partitions: number, configs: Record<string, string> = {}, topicId: string = randomUuid()): Promise<TopicMetadata> {
    if (this.topicsByName.has(name)) throw new StorageError('SLUICE_TOPIC_EXISTS', `Topic ${name} already exists`, 36);
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
    if (t === undefined) throw new StorageError('SLUICE_UNKNOWN_TOPIC', `Topic ${name} does not exist`, 3);
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
    if (t === undefined) throw new StorageError('SLUICE_UNKNOWN_TOPIC', `Topic ${name} does not exist`, 3);
    if (total <= t.partitions) throw new StorageError('SLUICE_INVALID_PARTITIONS', `Topic ${name} has ${t.partitions} partitions; it can only grow`, 37);
    const logs = this.logs.get(name)!;
    for (let p = t.partitions; p < total; p++) logs.push(await this.openLog(t, p));
    await this.cache.fs.syncDir(this.options.dataDir);
    t.partitions = total;
    await this.saveMetadata();
  }

  /** Replaces a topic's overrides (validated first). */
  async setTopicConfigs(name: string, configs: Record<string, string>): Promise<void> {
    const t = this.topicsByName.get(name);
    if (t === undefined) throw new StorageError('SLUICE_UNKNOWN_TOPIC', `Topic ${name} does not exist`, 3);
    validateTopicConfigs(configs);
    t.configs = { ...configs };
    await this.saveMetadata();
    const config = this.logConfigOf(t.configs);
    for (const log of this.logs.get(name) ?? []) log.updateConfig(config);
  }

  /** Retention and compaction over every log, once. */
  async runMaintenance(): Promise<void> {
    if (this.maintenance !== null) return this.maintenance;
    this.maintenance = (async () => {
      try {
        for (const logs of this.logs.values()) {
          for (const log of logs) {
            if (this.closed || log.isClosed) return;
            await log.applyRetention();
            await compactLog(log);
          }
        }
      } finally {
        this.maintenance = null;
      }
    })();
    return this.maintenance;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    if (this.maintenance !== null) await this.maintenance.catch(() => {});
    for (const logs of this.logs.values()) for (const log of logs) await log.close();
  }
}
