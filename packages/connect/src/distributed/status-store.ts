/**
 * The status topic (Kafka's KafkaStatusBackingStore): each connector's and task's state with the
 * worker that reports it and the group generation it was reported in, and the topics each
 * connector has used. Every worker reads it, so `/status` on any worker shows the whole cluster.
 * A status from an older generation than the one kept is ignored (a worker that was slow to learn
 * of a rebalance must not overwrite the new owner's report), as Kafka's putSafe intends.
 */
import type { ConnectorTaskId } from '../runtime/herder.ts';
import type { KafkaBasedLog } from './kafka-based-log.ts';
import { connectorStatusKey, parseStatusRecord, statusValue, type StoredStatus, taskStatusKey, topicStatusKey, topicStatusValue } from './storage-records.ts';


export class KafkaStatusBackingStore {
  readonly #connectors = new Map<string, StoredStatus>();
  readonly #tasks = new Map<string, Map<number, StoredStatus>>();
  readonly #topics = new Map<string, Set<string>>();
  #log: KafkaBasedLog | null = null;
  /** Writes in flight per key, so that ours land in the order they were made. */
  readonly #writing = new Map<string, Promise<void>>();

  attach(log: KafkaBasedLog): void {
    this.#log = log;
  }

  apply(key: string | null, value: Buffer | null): void {
    if (key === null) return;
    const record = parseStatusRecord(key, value);
    if (record.kind === 'connector') {
      if (record.status === null) this.#connectors.delete(record.connector);
      else this.#connectors.set(record.connector, record.status);
    } else if (record.kind === 'task') {
      let tasks = this.#tasks.get(record.id.connector);
      if (record.status === null) {
        tasks?.delete(record.id.task);
        return;
      }
      if (tasks === undefined) this.#tasks.set(record.id.connector, (tasks = new Map()));
      tasks.set(record.id.task, record.status);
    } else if (record.kind === 'topic') {
      let topics = this.#topics.get(record.connector);
      if (topics === undefined) this.#topics.set(record.connector, (topics = new Set()));
      if (record.active) topics.add(record.topic);
      else topics.delete(record.topic);
    }
  }

  connector(name: string): StoredStatus | undefined {
    return this.#connectors.get(name);
  }

  task(id: ConnectorTaskId): StoredStatus | undefined {
    return this.#tasks.get(id.connector)?.get(id.task);
  }

  /** Every task status of a connector, by task number. */
  tasks(connector: string): [number, StoredStatus][] {
    return [...(this.#tasks.get(connector) ?? [])].sort(([a], [b]) => a - b);
  }

  topics(connector: string): string[] {
    return [...(this.#topics.get(connector) ?? [])].sort();
  }

  #write(key: string, value: Buffer | null): Promise<void> {
    const log = this.#log;
    if (log === null) return Promise.reject(new Error('bug: the status store has no log'));
    const next = (this.#writing.get(key) ?? Promise.resolve()).then(() => log.send(key, value));
    const settled = next.catch(() => undefined);
    this.#writing.set(key, settled);
    void settled.then(() => {
      if (this.#writing.get(key) === settled) this.#writing.delete(key);
    });
    return next;
  }

  /** A status this worker reports; not written over a newer generation's. */
  putConnector(name: string, status: StoredStatus): Promise<void> {
    const kept = this.#connectors.get(name);
    if (kept !== undefined && kept.generation > status.generation && kept.workerId !== status.workerId) return Promise.resolve();
    this.#connectors.set(name, status);
    return this.#write(connectorStatusKey(name), statusValue(status));
  }

  putTask(id: ConnectorTaskId, status: StoredStatus): Promise<void> {
    const kept = this.task(id);
    if (kept !== undefined && kept.generation > status.generation && kept.workerId !== status.workerId) return Promise.resolve();
    let tasks = this.#tasks.get(id.connector);
    if (tasks === undefined) this.#tasks.set(id.connector, (tasks = new Map()));
    tasks.set(id.task, status);
    return this.#write(taskStatusKey(id), statusValue(status));
  }

  putTopic(topic: string, connector: string, task: number): Promise<void> {
    let topics = this.#topics.get(connector);
    if (topics === undefined) this.#topics.set(connector, (topics = new Set()));
    if (topics.has(topic)) return Promise.resolve();
    topics.add(topic);
    return this.#write(topicStatusKey(topic, connector), topicStatusValue(topic, connector, task, Date.now()));
  }

  async deleteTopics(connector: string): Promise<void> {
    const topics = this.topics(connector);
    this.#topics.delete(connector);
    for (const topic of topics) await this.#write(topicStatusKey(topic, connector), null);
  }

  /** Every connector with a status of its own or of a task. */
  connectorNames(): string[] {
    return [...new Set([...this.#connectors.keys(), ...[...this.#tasks].filter(([, t]) => t.size > 0).map(([c]) => c)])];
  }

  /** A task that no longer exists (its connector has fewer tasks now, or none while stopped). */
  async deleteTask(id: ConnectorTaskId): Promise<void> {
    this.#tasks.get(id.connector)?.delete(id.task);
    await this.#write(taskStatusKey(id), null);
  }

  /** A deleted connector's statuses (Kafka writes tombstones when a connector is destroyed). */
  async deleteConnector(name: string, taskCount: number): Promise<void> {
    const known = new Set([...(this.#tasks.get(name)?.keys() ?? []), ...Array.from({ length: taskCount }, (_, i) => i)]);
    this.#connectors.delete(name);
    this.#tasks.delete(name);
    await this.#write(connectorStatusKey(name), null);
    for (const task of known) await this.#write(taskStatusKey({ connector: name, task }), null);
  }
}
