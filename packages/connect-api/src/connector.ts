/**
 * The connector contract (Kafka's connect-api `connector`, `source` and `sink` packages): a
 * Connector is configured and splits its work into task configs; the runtime runs each Task,
 * handing it a context. Methods may return a Promise where I/O is natural in Node (poll, put,
 * flush, offset reads); the runtime awaits whatever they return.
 */
import type { ConfigDef, ConfigValue } from './config-def.ts';
import type { SinkRecord, SourceRecord, SourceOffset, SourcePartition } from './records.ts';

export type Awaitable<T> = T | Promise<T>;
export type ConnectorConfig = Record<string, string>;

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** An offset to commit for a partition (Kafka's Map<TopicPartition, OffsetAndMetadata> entry). */
export interface TopicPartitionOffset extends TopicPartition {
  readonly offset: bigint;
  readonly metadata?: string;
}

/** Kafka's ConnectorContext: how a connector talks back to the runtime. */
export interface ConnectorContext {
  /** Asks the runtime to call taskConfigs() again, e.g. after the source's tables changed. */
  requestTaskReconfiguration(): void;
  /** Fails the connector with this error. */
  raiseError(error: Error): void;
}

/** What the runtime's validation gives back (Kafka's Config: the ConfigValues of every setting). */
export interface Config {
  readonly configValues: ConfigValue[];
}

export interface Task {
  version(): string;
  start(props: ConnectorConfig): Awaitable<void>;
  stop(): Awaitable<void>;
}

export type TaskClass<T extends Task = Task> = new () => T;

/** Kafka's Connector: the common part of source and sink connectors. */
export abstract class Connector {
  protected context!: ConnectorContext;

  initialize(context: ConnectorContext, taskConfigs?: ConnectorConfig[]): void {
    void taskConfigs;
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: ConnectorConfig): Awaitable<void>;
  /** The class of this connector's tasks. */
  abstract taskClass(): TaskClass;
  /** At most `maxTasks` configs, one per task to run. */
  abstract taskConfigs(maxTasks: number): Awaitable<ConnectorConfig[]>;
  abstract stop(): Awaitable<void>;
  /** The connector's settings, for validation and the REST API. */
  abstract config(): ConfigDef;

  /** Checks a config against `config()` (Kafka's Connector.validate). */
  validate(connectorConfigs: ConnectorConfig): Config {
    return { configValues: this.config().validate(connectorConfigs) };
  }

  /** Stops and starts with the new config (Kafka's default reconfigure). */
  async reconfigure(props: ConnectorConfig): Promise<void> {
    await this.stop();
    await this.start(props);
  }
}

/** Kafka's ExactlyOnceSupport. */
export type ExactlyOnceSupport = 'SUPPORTED' | 'UNSUPPORTED';
/** Kafka's ConnectorTransactionBoundaries. */
export type ConnectorTransactionBoundaries = 'SUPPORTED' | 'UNSUPPORTED';

export abstract class SourceConnector extends Connector {
  declare protected context: SourceConnectorContext;

  /** Whether the connector can run with exactly-once delivery; null when it cannot tell. */
  exactlyOnceSupport(connectorConfig: ConnectorConfig): ExactlyOnceSupport | null {
    void connectorConfig;
    return null;
  }

  canDefineTransactionBoundaries(connectorConfig: ConnectorConfig): ConnectorTransactionBoundaries {
    void connectorConfig;
    return 'UNSUPPORTED';
  }

  /** Changes the connector's stored offsets (KIP-875); true when it handled them, false to refuse. */
  alterOffsets(connectorConfig: ConnectorConfig, offsets: Map<SourcePartition, SourceOffset | null>): Awaitable<boolean> {
    void connectorConfig;
    void offsets;
    return false;
  }
}

export abstract class SinkConnector extends Connector {
  /** The setting that names a sink's topics (Kafka's SinkConnector.TOPICS_CONFIG). */
  static readonly TOPICS_CONFIG = 'topics';

  /** Changes the connector's consumer offsets (KIP-875); true when it handled them, false to refuse. */
  alterOffsets(connectorConfig: ConnectorConfig, offsets: TopicPartitionOffset[]): Awaitable<boolean> {
    void connectorConfig;
    void offsets;
    return false;
  }
}

/** Kafka's OffsetStorageReader: the offsets the runtime stored for source partitions. */
export interface OffsetStorageReader {
  offset(partition: SourcePartition): Promise<SourceOffset | null>;
  offsets(partitions: SourcePartition[]): Promise<Map<SourcePartition, SourceOffset | null>>;
}

export interface SourceConnectorContext extends ConnectorContext {
  offsetStorageReader(): OffsetStorageReader;
}

/** Kafka's TransactionContext: a task that defines its own transaction boundaries. */
export interface TransactionContext {
  commitTransaction(record?: SourceRecord): void;
  abortTransaction(record?: SourceRecord): void;
}

export interface SourceTaskContext {
  configs(): ConnectorConfig;
  offsetStorageReader(): OffsetStorageReader;
  /** Null unless the connector defines transaction boundaries under exactly-once support. */
  transactionContext(): TransactionContext | null;
}

/** What the producer said about a written record (Kafka's RecordMetadata, as much as a task needs). */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly timestamp: number;
}

/** Kafka's SourceTask.TransactionBoundary, as the `transaction.boundary` setting spells it. */
export type TransactionBoundary = 'poll' | 'interval' | 'connector';

export abstract class SourceTask implements Task {
  /** The connector setting that says where exactly-once transactions end (Kafka's SourceTask.TRANSACTION_BOUNDARY_CONFIG). */
  static readonly TRANSACTION_BOUNDARY_CONFIG = 'transaction.boundary';
  static readonly TRANSACTION_BOUNDARIES: readonly TransactionBoundary[] = ['poll', 'interval', 'connector'];

  protected context!: SourceTaskContext;

  initialize(context: SourceTaskContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: ConnectorConfig): Awaitable<void>;
  /** The next records, or null (or []) when there are none yet; may wait a little for data. */
  abstract poll(): Awaitable<SourceRecord[] | null>;
  abstract stop(): Awaitable<void>;

  /** Called after the runtime committed offsets up to the records polled so far. */
  commit(): Awaitable<void> {}

  /** Called for each record once it was written (metadata) or dropped by a transform (null). */
  commitRecord(record: SourceRecord, metadata: RecordMetadata | null): Awaitable<void> {
    void record;
    void metadata;
  }
}

/** Kafka's ErrantRecordReporter: sends a record the task could not handle to the dead letter queue. */
export interface ErrantRecordReporter {
  report(record: SinkRecord, error: Error): Promise<void>;
}

export interface SinkTaskContext {
  configs(): ConnectorConfig;
  /** Rewinds (or skips) partitions to these offsets before the next put. */
  offset(offsets: TopicPartitionOffset[]): void;
  /** Asks to be called again after this many milliseconds when put threw a RetriableException. */
  timeout(timeoutMs: number): void;
  assignment(): TopicPartition[];
  pause(...partitions: TopicPartition[]): void;
  resume(...partitions: TopicPartition[]): void;
  /** Asks for an offset commit as soon as possible. */
  requestCommit(): void;
  errantRecordReporter(): ErrantRecordReporter | null;
}

export abstract class SinkTask implements Task {
  /** The setting of a sink's topics (Kafka's SinkTask.TOPICS_CONFIG). */
  static readonly TOPICS_CONFIG = 'topics';
  static readonly TOPICS_REGEX_CONFIG = 'topics.regex';

  protected context!: SinkTaskContext;

  initialize(context: SinkTaskContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: ConnectorConfig): Awaitable<void>;
  abstract put(records: SinkRecord[]): Awaitable<void>;
  abstract stop(): Awaitable<void>;

  /** Makes everything put so far durable in the sink. */
  flush(currentOffsets: TopicPartitionOffset[]): Awaitable<void> {
    void currentOffsets;
  }

  /** The offsets safe to commit; by default flushes and commits everything put. */
  async preCommit(currentOffsets: TopicPartitionOffset[]): Promise<TopicPartitionOffset[]> {
    await this.flush(currentOffsets);
    return currentOffsets;
  }

  open(partitions: TopicPartition[]): Awaitable<void> {
    void partitions;
  }

  close(partitions: TopicPartition[]): Awaitable<void> {
    void partitions;
  }
}
