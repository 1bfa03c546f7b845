/**
 * The worker (Kafka's Worker): makes connector and task instances from their configs, gives each
 * task its converters, transforms, error handling and clients, and stops them. It keeps no
 * configs of its own; a herder (standalone or distributed) tells it what to run.
 */
import { Admin, Consumer, Producer, adminOptions, consumerOptions, producerOptions, type ProducerOptions, type ConsumerOptions } from '@sluice/client';
import { type Connector, type ConnectorConfig, type Converter, type HeaderConverter, type OffsetStorageReader, type TransactionBoundary, SinkConnector, SinkTask, SourceConnector, SourceTask, ConnectException } from '@sluice/connect-api';
import { transformationChain } from '../chain.ts';
import type { Plugins } from '../plugins.ts';
import { clientOptionsFrom } from './client-settings.ts';
import { sinkConnectorConfigDef, sourceConnectorConfigDef } from './connector-config.ts';
import { DeadLetterQueueReporter, errorSettings, LogReporter, RetryWithToleranceOperator } from './error-handling.ts';
import { ConnectorOffsetReader, type OffsetBackingStore } from './offset-store.ts';
import { ExactlyOnceSourceTaskRunner } from './exactly-once-source-task-runner.ts';
import { SinkTaskRunner } from './sink-task-runner.ts';
import { SourceTaskRunner } from './source-task-runner.ts';
import type { TargetState, TaskStatusListener } from './status.ts';
import type { WorkerConfig } from './worker-config.ts';

export type ConnectorType = 'source' | 'sink';

/** How a source task runs under exactly-once support (distributed mode). */
export interface ExactlyOnceTask {
  /** Kafka's `${group.id}-${connector}-${task}` (exactlyOnceTransactionalId). */
  transactionalId: string;
  /** The connector's offsets.storage.topic, else the worker's offset.storage.topic. */
  offsetsTopic: string;
  /** Where the task reads its offsets (committed ones only); default the worker's offset store. */
  offsetReader?: OffsetStorageReader;
  /** The herder's round of zombie fencing, awaited before the task's producer starts (Kafka's preProducerCheck). */
  beforeProducer?: () => Promise<void>;
  /** Throws when the task's generation or ownership is no longer current (Kafka's postProducerCheck). */
  afterProducer?: () => void;
  /** Offsets a transaction committed, to copy to the worker's offsets topic when the connector has a topic of its own. */
  afterCommit?: (offsets: ReadonlyMap<string, string | null>) => void;
}

/** Kafka's transactional id of an exactly-once source task (ExactlyOnceWorkerSourceTask / Worker.taskTransactionalId). */
export function taskTransactionalId(groupId: string, connector: string, task: number): string {
  return `${groupId}-${connector}-${task}`;
}

export interface TaskHandle {
  readonly id: string;
  setTarget(target: TargetState): void;
  /** Stops the task and resolves once it has. */
  stop(): Promise<void>;
}

/** Splits a config into what it says and what it means (Kafka's ConnectorConfig.originals / values). */
export interface ParsedConnectorConfig {
  readonly originals: ConnectorConfig;
  readonly values: Record<string, unknown>;
  readonly type: ConnectorType;
  readonly className: string;
}

export class Worker {
  workerId: string;
  readonly #log: (line: string) => void;
  #admin: Admin | null = null;

  readonly config: WorkerConfig;
  readonly plugins: Plugins;
  readonly offsetStore: OffsetBackingStore;

  constructor(
    config: WorkerConfig,
    plugins: Plugins,
    offsetStore: OffsetBackingStore,
    options: { workerId: string; log?: (line: string) => void },
  ) {
    this.config = config;
    this.plugins = plugins;
    this.offsetStore = offsetStore;
    this.workerId = options.workerId;
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  log(line: string): void {
    this.#log(line);
  }

  get bootstrapServers(): string[] {
    return this.config.list('bootstrap.servers');
  }

  admin(): Admin {
    this.#admin ??= new Admin({ ...this.#clientOptions(adminOptions, 'admin.'), bootstrapServers: this.bootstrapServers, clientId: this.#clientId('admin') } as never);
    return this.#admin;
  }

  async clusterId(): Promise<string | null> {
    return (await this.admin().describeCluster()).clusterId;
  }

  /** A new instance of the connector class a config names; a ConfigException when there is none. */
  newConnector(className: string): { connector: Connector; type: ConnectorType; className: string } {
    const resolved = this.plugins.resolve(className.trim());
    const found = resolved === null ? undefined : this.plugins.list().find((d) => d.className === resolved && (d.type === 'source' || d.type === 'sink'));
    if (found === undefined) throw new ConnectException(`Failed to find any class that implements Connector and which name matches ${className}, available connectors are: ${this.plugins.list().filter((d) => d.type === 'source' || d.type === 'sink').map((d) => `PluginDesc{klass=class ${d.className}, name='${d.className}', version='${d.version}', encodedVersion=${d.version}, type=${d.type}, typeName='${d.type}', location='builtin'}`).join(', ')}`);
    const connector = found.create() as Connector;
    return { connector, type: connector instanceof SinkConnector ? 'sink' : 'source', className: found.className };
  }

  /** The config parsed by the connector-level definition of its kind. */
  parseConnectorConfig(config: ConnectorConfig): ParsedConnectorConfig {
    const { type, className } = this.newConnector(config['connector.class'] ?? '');
    const def = type === 'sink' ? sinkConnectorConfigDef() : sourceConnectorConfigDef();
    return { originals: config, values: def.parse(config), type, className };
  }

  #clientId(suffix: string): string {
    const prefix = this.config.string('client.id');
    return prefix ? `${prefix}-${suffix}` : suffix;
  }

  /** Client options from the worker's `<prefix>*` settings, then the connector's `<prefix>override.*`. */
  #clientOptions(table: typeof producerOptions | typeof consumerOptions | typeof adminOptions, prefix: string, connector: ConnectorConfig = {}): Record<string, unknown> {
    const worker = clientOptionsFrom(table, this.config.withPrefix(prefix));
    const overrides = this.config.string('connector.client.config.override.policy') === 'None' ? { options: {}, unknown: [] } : clientOptionsFrom(table, withPrefix(connector, `${prefix.slice(0, -1)}.override.`));
    return { ...worker.options, ...overrides.options };
  }

  #converter(config: ConnectorConfig, setting: 'key.converter' | 'value.converter'): Converter {
    const own = config[setting];
    const name = own ?? this.config.string(setting)!;
    const settings = own !== undefined ? withPrefix(config, `${setting}.`) : this.config.withPrefix(`${setting}.`);
    const converter = this.plugins.newConverter(name, setting);
    converter.configure(settings, setting === 'key.converter');
    return converter;
  }

  #headerConverter(config: ConnectorConfig): HeaderConverter {
    const own = config['header.converter'];
    const name = own ?? this.config.string('header.converter')!;
    const settings = own !== undefined ? withPrefix(config, 'header.converter.') : this.config.withPrefix('header.converter.');
    const converter = this.plugins.newHeaderConverter(name, 'header.converter');
    converter.configure({ ...settings, 'converter.type': 'header' });
    return converter;
  }

  /**
   * Starts a task from its connector's config and its own; errors in setting it up fail it through
   * the listener. With `exactlyOnce` (distributed mode, exactly.once.source.support=enabled), a
   * source task runs transactionally (ExactlyOnceSourceTaskRunner); the herder must have fenced the
   * previous generation's producers first.
   */
  startTask(connector: string, taskNumber: number, connectorConfig: ConnectorConfig, taskConfig: ConnectorConfig, target: TargetState, listener: TaskStatusListener, onTopicUsed: (topic: string) => void, exactlyOnce?: ExactlyOnceTask): TaskHandle {
    const id = `${connector}-${taskNumber}`;
    try {
      const parsed = this.parseConnectorConfig(connectorConfig);
      const { connector: instance } = this.newConnector(parsed.className);
      const TaskClass = instance.taskClass();
      const task = new TaskClass();
      const keyConverter = this.#converter(connectorConfig, 'key.converter');
      const valueConverter = this.#converter(connectorConfig, 'value.converter');
      const headerConverter = this.#headerConverter(connectorConfig);
      const chain = transformationChain(connectorConfig, this.plugins);
      const settings = errorSettings(parsed.values);
      const logReporter = new LogReporter(id, settings, (line) => this.#log(line));
      const flushIntervalMs = this.config.number('offset.flush.interval.ms');
      if (parsed.type === 'source') {
        if (!(task instanceof SourceTask)) throw new ConnectException(`${TaskClass.name} is not a SourceTask, but ${parsed.className} is a source connector`);
        if (exactlyOnce !== undefined) return this.#startExactlyOnceTask({ id, connector, taskNumber, connectorConfig, taskConfig, parsed, task, keyConverter, valueConverter, headerConverter, chain, logReporter, settings, target, listener, onTopicUsed, exactlyOnce });
        const producer = new Producer({ ...this.#clientOptions(producerOptions, 'producer.', connectorConfig), bootstrapServers: this.bootstrapServers, clientId: this.#clientId(`connector-producer-${id}`) } as ProducerOptions);
        let runner: SourceTaskRunner | null = null;
        const errors = new RetryWithToleranceOperator(settings, [logReporter], () => runner?.stopping ?? false);
        const reader = new ConnectorOffsetReader(connector, this.offsetStore, (line) => this.#log(line));
        runner = new SourceTaskRunner({
          connector,
          taskId: taskNumber,
          task,
          context: { configs: () => ({ ...taskConfig }), offsetStorageReader: () => reader, transactionContext: () => null },
          props: taskConfig,
          keyConverter,
          valueConverter,
          headerConverter,
          chain,
          producer,
          offsetStore: this.offsetStore,
          errors,
          listener,
          flushIntervalMs,
          flushTimeoutMs: this.config.number('offset.flush.timeout.ms'),
          log: (line) => this.#log(line),
          onTopicUsed,
        });
        runner.setTarget(target);
        const r = runner;
        return {
          id,
          setTarget: (t) => r.setTarget(t),
          stop: async () => {
            r.stop();
            const stopped = await this.#awaitStop(id, r.done);
            chain.close();
            await closeTaskProducer(producer, stopped);
          },
        };
      }
      if (!(task instanceof SinkTask)) throw new ConnectException(`${TaskClass.name} is not a SinkTask, but ${parsed.className} is a sink connector`);
      const topicsText = String(parsed.values['topics.regex'] ?? '');
      const topics = topicsText !== '' ? new RegExp(topicsText) : (parsed.values['topics'] as string[]);
      const consumer = new Consumer({
        autoOffsetReset: 'earliest',
        ...this.#clientOptions(consumerOptions, 'consumer.', connectorConfig),
        bootstrapServers: this.bootstrapServers,
        groupId: `connect-${connector}`,
        enableAutoCommit: false,
        clientId: this.#clientId(`connector-consumer-${id}`),
      } as ConsumerOptions);
      const reporters = [logReporter];
      let dlqProducer: Producer | null = null;
      if (settings.dlqTopic !== '') {
        dlqProducer = new Producer({ ...this.#clientOptions(producerOptions, 'producer.', connectorConfig), bootstrapServers: this.bootstrapServers, clientId: this.#clientId(`connector-dlq-producer-${id}`) } as ProducerOptions);
        const ensureTopic = () => this.admin().createTopics([{ name: settings.dlqTopic, numPartitions: 1, replicationFactor: settings.dlqReplicationFactor }], { ifNotExists: true }).then(() => undefined);
        reporters.push(new DeadLetterQueueReporter(connector, taskNumber, settings, dlqProducer, ensureTopic) as never);
      }
      const runner = new SinkTaskRunner({
        connector,
        taskId: taskNumber,
        task,
        props: taskConfig,
        topics,
        keyConverter,
        valueConverter,
        headerConverter,
        chain,
        consumer,
        errors: new RetryWithToleranceOperator(settings, reporters),
        errantRecordReporting: settings.dlqTopic !== '' || settings.logEnable,
        listener,
        flushIntervalMs,
      });
      runner.setTarget(target);
      return {
        id,
        setTarget: (t) => runner.setTarget(t),
        stop: async () => {
          runner.stop();
          await this.#awaitStop(id, runner.done);
          chain.close();
          await dlqProducer?.close();
        },
      };
    } catch (e) {
      // A task that cannot even be set up is FAILED with why, as in Kafka; the worker carries on.
      queueMicrotask(() => listener.onFailed(e));
      return { id, setTarget: () => undefined, stop: async () => undefined };
    }
  }

  #startExactlyOnceTask(t: {
    id: string;
    connector: string;
    taskNumber: number;
    connectorConfig: ConnectorConfig;
    taskConfig: ConnectorConfig;
    parsed: ParsedConnectorConfig;
    task: SourceTask;
    keyConverter: Converter;
    valueConverter: Converter;
    headerConverter: HeaderConverter;
    chain: ReturnType<typeof transformationChain>;
    logReporter: LogReporter;
    settings: ReturnType<typeof errorSettings>;
    target: TargetState;
    listener: TaskStatusListener;
    onTopicUsed: (topic: string) => void;
    exactlyOnce: ExactlyOnceTask;
  }): TaskHandle {
    // Kafka's producer settings for exactly-once source tasks: the task's transactional id, idempotence, acks=all.
    const producer = new Producer({
      ...this.#clientOptions(producerOptions, 'producer.', t.connectorConfig),
      bootstrapServers: this.bootstrapServers,
      clientId: this.#clientId(`connector-producer-${t.id}`),
      transactionalId: t.exactlyOnce.transactionalId,
      idempotent: true,
      acks: 'all',
    } as ProducerOptions);
    let runner: ExactlyOnceSourceTaskRunner | null = null;
    const errors = new RetryWithToleranceOperator(t.settings, [t.logReporter], () => runner?.stopping ?? false);
    const boundary = String(t.parsed.values['transaction.boundary'] ?? 'poll').toLowerCase() as TransactionBoundary;
    const interval = t.parsed.values['transaction.boundary.interval.ms'];
    runner = new ExactlyOnceSourceTaskRunner({
      connector: t.connector,
      taskId: t.taskNumber,
      task: t.task,
      props: t.taskConfig,
      offsetReader: t.exactlyOnce.offsetReader ?? new ConnectorOffsetReader(t.connector, this.offsetStore, (line) => this.#log(line)),
      producer,
      offsetsTopic: t.exactlyOnce.offsetsTopic,
      boundary,
      boundaryIntervalMs: typeof interval === 'number' ? interval : this.config.number('offset.flush.interval.ms'),
      keyConverter: t.keyConverter,
      valueConverter: t.valueConverter,
      headerConverter: t.headerConverter,
      chain: t.chain,
      errors,
      listener: t.listener,
      log: (line) => this.#log(line),
      onTopicUsed: t.onTopicUsed,
      beforeProducer: t.exactlyOnce.beforeProducer,
      afterProducer: t.exactlyOnce.afterProducer,
      afterCommit: t.exactlyOnce.afterCommit,
    });
    runner.setTarget(t.target);
    const r = runner;
    return {
      id: t.id,
      setTarget: (target) => r.setTarget(target),
      stop: async () => {
        r.stop();
        const stopped = await this.#awaitStop(t.id, r.done);
        t.chain.close();
        await closeTaskProducer(producer, stopped);
      },
    };
  }

  /** Waits for a stopping task up to task.shutdown.graceful.timeout.ms; one that takes longer is abandoned, as in Kafka. */
  async #awaitStop(id: string, done: Promise<void>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([done.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.config.number('task.shutdown.graceful.timeout.ms'))))]);
    clearTimeout(timer);
    if (!stopped) this.#log(`Graceful stop of task ${id} failed: it did not stop within task.shutdown.graceful.timeout.ms; it is abandoned`);
    return stopped;
  }

  async close(): Promise<void> {
    await this.#admin?.close();
    this.#admin = null;
  }
}

/**
 * Closes a source task's producer. A task that stopped has flushed for its last commit; one that was
 * abandoned (it did not stop in time, e.g. waiting on a broker that is gone) has its producer closed
 * at once, failing what is unsent, as Kafka's cancel() does with producer.close(Duration.ZERO): else
 * the close waits out delivery.timeout.ms and the worker's stop with it. Unsent records' offsets are
 * never committed, so nothing acknowledged is lost.
 */
async function closeTaskProducer(producer: Producer, stopped: boolean): Promise<void> {
  await producer.close(stopped ? {} : { timeoutMs: 0 });
}

export function withPrefix(config: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

export { SourceConnector, SinkConnector };
