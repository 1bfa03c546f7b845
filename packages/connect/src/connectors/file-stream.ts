/**
 * Kafka's FileStreamSource and FileStreamSink connectors, with Kafka's class names, settings
 * (`file`, `topic` / `topics`, `batch.size`) and source offsets (`{filename}` → `{position}`, the
 * byte position after the last line read), so offsets stored by one worker read in the other.
 * The source reads lines appended to a file (stdin when `file` is not set) as string values; the
 * sink writes each record's value as a line (stdout when `file` is not set).
 */
import { type FileHandle, open } from 'node:fs/promises';
import { ConfigDef, ConfigValidators, ConnectException, Schema, SinkConnector, SinkTask, SourceConnector, SourceRecord, SourceTask, type ConnectorConfig, type SinkRecord, type TaskClass } from '@sluice/connect-api';

export const FILE_STREAM_VERSION = '4.3.1';
export const FILE_STREAM_SOURCE_CLASS = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
export const FILE_STREAM_SINK_CLASS = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

const FILE = 'file';
const TOPIC = 'topic';
const BATCH_SIZE = 'batch.size';
const FILENAME_FIELD = 'filename';
const POSITION_FIELD = 'position';

export class FileStreamSourceConnector extends SourceConnector {
  #props: ConnectorConfig = {};

  version(): string {
    return FILE_STREAM_VERSION;
  }

  config(): ConfigDef {
    return new ConfigDef()
      .define({ name: FILE, type: 'STRING', defaultValue: null, importance: 'high', documentation: 'Source filename. If not specified, the standard input will be used' })
      .define({ name: TOPIC, type: 'STRING', validator: ConfigValidators.nonEmptyString(), importance: 'high', documentation: 'The topic to publish data to' })
      .define({ name: BATCH_SIZE, type: 'INT', defaultValue: 2000, importance: 'low', documentation: 'The maximum number of records the source task can read from the file each time it is polled' });
  }

  start(props: ConnectorConfig): void {
    this.config().parse(props);
    this.#props = { ...props };
  }

  taskClass(): TaskClass {
    return FileStreamSourceTask;
  }

  /** One task: a file has one reader. */
  taskConfigs(): ConnectorConfig[] {
    return [{ ...this.#props }];
  }

  stop(): void {}

  override exactlyOnceSupport(props: ConnectorConfig): 'SUPPORTED' | 'UNSUPPORTED' {
    // Kafka's answer: exactly once only when reading a file (stdin cannot be re-read).
    return props[FILE] ? 'SUPPORTED' : 'UNSUPPORTED';
  }

  override alterOffsets(props: ConnectorConfig, offsets: Map<Readonly<Record<string, unknown>>, Readonly<Record<string, unknown>> | null>): boolean {
    const file = props[FILE];
    if (!file) throw new ConnectException('Offsets cannot be modified if the \'file\' configuration is unspecified. This is because stdin is used for input and offsets are not tracked.');
    for (const [partition, offset] of offsets) {
      if (offset === null) continue;
      if (partition[FILENAME_FIELD] !== file) throw new ConnectException(`Partitions must have the key '${FILENAME_FIELD}' with the value of the 'file' configuration (${file})`);
      const position = offset[POSITION_FIELD];
      if (!(typeof position === 'number' && Number.isInteger(position) && position >= 0) && typeof position !== 'bigint') throw new ConnectException(`The value for the '${POSITION_FIELD}' key in the offset is expected to be a non-negative whole number`);
    }
    return true;
  }
}

export class FileStreamSourceTask extends SourceTask {
  #file: string | null = null;
  #topic = '';
  #batchSize = 2000;
  #handle: FileHandle | null = null;
  #position = 0;
  #buffer = Buffer.alloc(0);
  #stopped = false;
  #wake: (() => void) | null = null;

  version(): string {
    return FILE_STREAM_VERSION;
  }

  async start(props: ConnectorConfig): Promise<void> {
    this.#file = props[FILE] || null;
    this.#topic = props[TOPIC];
    this.#batchSize = Number(props[BATCH_SIZE] ?? 2000);
    if (this.#file !== null) {
      const offset = await this.context.offsetStorageReader().offset({ [FILENAME_FIELD]: this.#file });
      const stored = offset?.[POSITION_FIELD];
      if (stored !== undefined && stored !== null) this.#position = Number(stored);
    }
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#stopped) return null;
    if (this.#handle === null) {
      if (this.#file === null) {
        this.#handle = await open('/dev/stdin', 'r');
      } else {
        try {
          this.#handle = await open(this.#file, 'r');
        } catch (e) {
          // Kafka waits for a file that is not there yet.
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return this.#idle();
          throw new ConnectException(`Couldn't open file ${this.#file}`, { cause: e });
        }
      }
    }
    const lines: SourceRecord[] = [];
    const chunk = Buffer.allocUnsafe(64 * 1024);
    while (lines.length < this.#batchSize) {
      let nl = this.#buffer.indexOf(10);
      if (nl < 0) {
        const { bytesRead } = await this.#handle.read(chunk, 0, chunk.length, this.#file === null ? null : this.#position + this.#buffer.length);
        if (bytesRead === 0) break;
        this.#buffer = Buffer.concat([this.#buffer, chunk.subarray(0, bytesRead)]);
        nl = this.#buffer.indexOf(10);
        if (nl < 0) continue;
      }
      const end = nl > 0 && this.#buffer[nl - 1] === 13 ? nl - 1 : nl;
      const line = this.#buffer.toString('utf8', 0, end);
      this.#buffer = this.#buffer.subarray(nl + 1);
      this.#position += nl + 1;
      lines.push(
        new SourceRecord({
          sourcePartition: this.#file === null ? null : { [FILENAME_FIELD]: this.#file },
          sourceOffset: this.#file === null ? null : { [POSITION_FIELD]: this.#position },
          topic: this.#topic,
          kafkaPartition: null,
          valueSchema: Schema.STRING_SCHEMA,
          value: line,
          timestamp: Date.now(),
        }),
      );
    }
    return lines.length > 0 ? lines : this.#idle();
  }

  /** Nothing new: waits a second (as Kafka's task does) unless stopped first. */
  async #idle(): Promise<null> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
    return null;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close().catch(() => undefined);
  }
}

export class FileStreamSinkConnector extends SinkConnector {
  #props: ConnectorConfig = {};

  version(): string {
    return FILE_STREAM_VERSION;
  }

  config(): ConfigDef {
    return new ConfigDef().define({ name: FILE, type: 'STRING', defaultValue: null, importance: 'high', documentation: 'Destination filename. If not specified, the standard output will be used' });
  }

  start(props: ConnectorConfig): void {
    this.config().parse(props);
    this.#props = { ...props };
  }

  taskClass(): TaskClass {
    return FileStreamSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorConfig[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.#props }));
  }

  stop(): void {}

  /** Kafka's answer: the sink keeps no offsets of its own, so any change of the consumer's is fine. */
  override alterOffsets(): boolean {
    return true;
  }
}

export class FileStreamSinkTask extends SinkTask {
  #handle: FileHandle | null = null;
  #toStdout = false;

  version(): string {
    return FILE_STREAM_VERSION;
  }

  async start(props: ConnectorConfig): Promise<void> {
    const file = props[FILE];
    if (file) {
      try {
        this.#handle = await open(file, 'a');
      } catch (e) {
        throw new ConnectException(`Couldn't find or create file '${file}' for FileStreamSinkTask`, { cause: e });
      }
    } else this.#toStdout = true;
  }

  /** Each batch is written at once, as Kafka's task prints each record in put; flush makes it durable. */
  async put(records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    let text = '';
    for (const r of records) text += `${javaString(r.value)}\n`;
    if (this.#toStdout) process.stdout.write(text);
    else await this.#handle!.appendFile(text);
  }

  /** Everything put is synced to the file before the worker commits the offsets. */
  override async flush(): Promise<void> {
    await this.#handle?.sync();
  }

  async stop(): Promise<void> {
    await this.flush();
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close();
  }
}

/** A value as Java's println prints it ("null" for null). */
function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}
