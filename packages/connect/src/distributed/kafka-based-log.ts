/**
 * A compacted topic read as a log (Kafka's KafkaBasedLog): created at start if missing, read from
 * the beginning by an unsubscribed consumer that follows every partition, written by a producer
 * with acks=all. `readToEnd()` resolves once the consumer has passed the end offsets the partitions
 * had when it was called, so that whoever wrote before (this worker or another) has been seen.
 * Each store (config, offset, status) keeps its own view from the records handed to `onRecord`.
 */
import { Admin, Consumer, Producer, type ConsumerOptions, type ProducerOptions, type ConsumerRecord } from '@sluice/client';
import { ConnectException } from '@sluice/connect-api';

export interface KafkaBasedLogOptions {
  topic: string;
  /** Partitions and replication factor when the log creates its topic (-1: the broker's defaults). */
  partitions: number;
  replicationFactor: number;
  /** The worker setting that names the topic, for error messages. */
  topicSetting: string;
  admin: Admin;
  /** Client settings for the log's own producer and consumer (bootstrap servers, security, client id). */
  producer: ProducerOptions;
  consumer: ConsumerOptions;
  onRecord(record: ConsumerRecord): void;
  log(line: string): void;
}

const READ_TO_END_TIMEOUT_MS = 30_000;
/** How long stop() waits for writes still unsent. */
const STOP_TIMEOUT_MS = 5_000;

interface EndWaiter {
  ends: Map<number, bigint>;
  resolve(): void;
}

export class KafkaBasedLog {
  readonly topic: string;
  #consumer: Consumer | null = null;
  #producer: Producer | null = null;
  #partitions: number[] = [];
  /** The position of each partition as of the last poll handled. */
  readonly #positions = new Map<number, bigint>();
  readonly #waiters = new Set<EndWaiter>();
  #stopped = false;
  #loop: Promise<void> = Promise.resolve();
  readonly #wake = new AbortController();

  private readonly options: KafkaBasedLogOptions;

  constructor(options: KafkaBasedLogOptions) {
    this.options = options;
    this.topic = options.topic;
  }

  /** Creates the topic if missing, starts reading it from the beginning, and resolves once it has read to the end. */
  async start(): Promise<void> {
    const o = this.options;
    await this.#ensureTopic();
    await this.#requireCompaction();
    const [description] = await o.admin.describeTopics([o.topic]);
    this.#partitions = description.partitions.map((p) => p.partition).sort((a, b) => a - b);
    this.#consumer = new Consumer({ ...o.consumer, autoOffsetReset: 'earliest', enableAutoCommit: false, groupId: undefined } as ConsumerOptions);
    this.#consumer.assign(this.#partitions.map((partition) => ({ topic: o.topic, partition })));
    this.#consumer.seekToBeginning();
    this.#producer = new Producer({ ...o.producer, acks: 'all' } as ProducerOptions);
    this.#loop = this.#pollLoop();
    // The first read takes as long as the topic needs (Kafka's start waits for it too).
    await this.readToEnd(null);
  }

  async #ensureTopic(): Promise<void> {
    const o = this.options;
    try {
      await o.admin.createTopics([{ name: o.topic, numPartitions: o.partitions, replicationFactor: o.replicationFactor, configs: { 'cleanup.policy': 'compact' } }], { ifNotExists: true });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      throw new ConnectException(`Unable to create the topic ${o.topic} (${o.topicSetting}) with ${o.partitions} partition(s) and replication factor ${o.replicationFactor}: ${err.message ?? String(e)}. Create it yourself (compacted), or set ${o.topicSetting.replace(/\.topic$/, '.replication.factor')} to what the cluster allows (-1 for the broker's default)`, { cause: e });
    }
  }

  /** Kafka refuses a storage topic that may delete records (a lost config or offset is lost for good). */
  async #requireCompaction(): Promise<void> {
    const o = this.options;
    const [resource] = await o.admin.describeConfigs([{ type: 'topic', name: o.topic, configNames: ['cleanup.policy'] }]);
    const policy = resource?.configs.find((c) => c.name === 'cleanup.policy')?.value ?? 'compact';
    if (policy.split(',').map((p) => p.trim()).join(',') !== 'compact') {
      throw new ConnectException(`Topic '${o.topic}' supplied via the '${o.topicSetting}' property is required to have 'cleanup.policy=compact' to guarantee consistency and durability of the records it keeps, but found the topic currently has 'cleanup.policy=${policy}'. Continuing would likely result in eventually losing them and problems restarting this Connect cluster in the future. Change the '${o.topicSetting}' property in the Connect worker configurations to use a topic with 'cleanup.policy=compact'.`);
    }
  }

  async #pollLoop(): Promise<void> {
    const consumer = this.#consumer!;
    while (!this.#stopped) {
      let records: ConsumerRecord[] = [];
      try {
        records = await consumer.poll({ timeoutMs: 200, signal: this.#wake.signal });
      } catch (e) {
        if (this.#stopped) return;
        if ((e as Error).name !== 'AbortError') {
          this.options.log(`Reading ${this.topic} failed, retrying: ${(e as Error).message}`);
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      for (const r of records) {
        try {
          this.options.onRecord(r);
        } catch (e) {
          this.options.log(`A record of ${this.topic} at ${r.partition}/${r.offset} could not be applied: ${(e as Error).message}`);
        }
      }
      if (this.#waiters.size === 0) continue;
      try {
        for (const p of this.#partitions) this.#positions.set(p, await consumer.position({ topic: this.topic, partition: p }, { timeoutMs: 5000 }));
      } catch {
        continue;
      }
      for (const w of this.#waiters) {
        if ([...w.ends].every(([p, end]) => (this.#positions.get(p) ?? -1n) >= end)) {
          this.#waiters.delete(w);
          w.resolve();
        }
      }
    }
  }

  /**
   * Resolves once every record written before the call has been read (and handed to onRecord);
   * rejects after `timeoutMs` (Kafka's 30 s for a store's read or write) while the cluster is away.
   */
  async readToEnd(timeoutMs: number | null = READ_TO_END_TIMEOUT_MS): Promise<void> {
    if (this.#consumer === null) throw new Error(`bug: ${this.topic} read before start()`);
    const listed = await this.#consumer.endOffsets(this.#partitions.map((partition) => ({ topic: this.topic, partition })), timeoutMs === null ? {} : { signal: AbortSignal.timeout(timeoutMs) });
    const ends = new Map(listed.map((l) => [l.partition, l.offset]));
    let timer: NodeJS.Timeout | undefined;
    let waiter: EndWaiter | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        waiter = { ends, resolve };
        this.#waiters.add(waiter);
        if (timeoutMs !== null) timer = setTimeout(() => reject(new ConnectException(`Timed out after ${timeoutMs} ms reading the topic ${this.topic} to its end; is the Kafka cluster reachable?`)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      if (waiter !== undefined) this.#waiters.delete(waiter);
    }
  }

  /** Writes one record and resolves once every in-sync replica has it. */
  async send(key: string | Buffer, value: Buffer | null, partition?: number): Promise<void> {
    if (this.#producer === null) throw new Error(`bug: ${this.topic} written before start()`);
    await this.#producer.send({ topic: this.topic, key, value, ...(partition === undefined ? {} : { partition }) });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake.abort();
    for (const w of this.#waiters) w.resolve();
    this.#waiters.clear();
    await this.#loop.catch(() => undefined);
    // Every write that was acknowledged to a caller was awaited by it; what is still unsent (a status
    // written as things stop, with the broker gone) gets a bounded wait, so the worker's stop is bounded.
    await this.#producer?.close({ timeoutMs: STOP_TIMEOUT_MS }).catch(() => undefined);
    await this.#consumer?.close().catch(() => undefined);
  }
}
