/**
 * Sets of connectors and tasks as the assignors work with them (Kafka's ConnectorsAndTasks and
 * WorkerLoad): insertion-ordered, with a task keyed by connector and number so that two equal ids
 * are one member of a set.
 */
import type { ConnectorTaskId } from '../runtime/herder.ts';

/** A task id as a set or map key. */
export const taskIdKey = (id: ConnectorTaskId): string => JSON.stringify([id.connector, id.task]);

/** Kafka's ConnectorTaskId order: by connector name, then task number. */
export function compareTasks(a: ConnectorTaskId, b: ConnectorTaskId): number {
  if (a.connector !== b.connector) return a.connector < b.connector ? -1 : 1;
  return a.task - b.task;
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An insertion-ordered set of connectors and of tasks. */
export class ConnectorsAndTasks {
  readonly connectors = new Set<string>();
  readonly #tasks = new Map<string, ConnectorTaskId>();

  constructor(connectors: Iterable<string> = [], tasks: Iterable<ConnectorTaskId> = []) {
    this.addConnectors(connectors);
    this.addTasks(tasks);
  }

  static of(value: { connectors: Iterable<string>; tasks: Iterable<ConnectorTaskId> }): ConnectorsAndTasks {
    return new ConnectorsAndTasks(value.connectors, value.tasks);
  }

  get tasks(): ConnectorTaskId[] {
    return [...this.#tasks.values()];
  }

  get isEmpty(): boolean {
    return this.connectors.size === 0 && this.#tasks.size === 0;
  }

  hasTask(id: ConnectorTaskId): boolean {
    return this.#tasks.has(taskIdKey(id));
  }

  addConnectors(connectors: Iterable<string>): this {
    for (const c of connectors) this.connectors.add(c);
    return this;
  }

  addTasks(tasks: Iterable<ConnectorTaskId>): this {
    for (const t of tasks) this.#tasks.set(taskIdKey(t), { connector: t.connector, task: t.task });
    return this;
  }

  addAll(other: ConnectorsAndTasks): this {
    return this.addConnectors(other.connectors).addTasks(other.tasks);
  }

  removeAll(other: ConnectorsAndTasks): this {
    for (const c of other.connectors) this.connectors.delete(c);
    for (const t of other.tasks) this.#tasks.delete(taskIdKey(t));
    return this;
  }

  /** What is in this and not in any of `others`, sorted (Kafka builds these as TreeSets). */
  minus(...others: ConnectorsAndTasks[]): ConnectorsAndTasks {
    const connectors = [...this.connectors].filter((c) => !others.some((o) => o.connectors.has(c))).sort(compareStrings);
    const tasks = this.tasks.filter((t) => !others.some((o) => o.hasTask(t))).sort(compareTasks);
    return new ConnectorsAndTasks(connectors, tasks);
  }

  /** What is in both, in this set's order. */
  intersect(other: ConnectorsAndTasks): ConnectorsAndTasks {
    return new ConnectorsAndTasks(
      [...this.connectors].filter((c) => other.connectors.has(c)),
      this.tasks.filter((t) => other.hasTask(t)),
    );
  }

  copy(): ConnectorsAndTasks {
    return new ConnectorsAndTasks(this.connectors, this.tasks);
  }

  toJSON(): { connectors: string[]; tasks: ConnectorTaskId[] } {
    return { connectors: [...this.connectors], tasks: this.tasks };
  }
}

/** One worker and what it runs (Kafka's WorkerLoad). */
export class WorkerLoad {
  readonly worker: string;
  readonly load: ConnectorsAndTasks;

  constructor(worker: string, load: ConnectorsAndTasks) {
    this.worker = worker;
    this.load = load;
  }

  get connectorCount(): number {
    return this.load.connectors.size;
  }

  get taskCount(): number {
    return this.load.tasks.length;
  }

  get isEmpty(): boolean {
    return this.load.isEmpty;
  }
}

/** Fewest connectors first, then by worker id (Kafka's WorkerLoad.connectorComparator). */
export const byConnectorLoad = (a: WorkerLoad, b: WorkerLoad): number => a.connectorCount - b.connectorCount || compareStrings(a.worker, b.worker);

/** Fewest tasks first, then by worker id (Kafka's WorkerLoad.taskComparator). */
export const byTaskLoad = (a: WorkerLoad, b: WorkerLoad): number => a.taskCount - b.taskCount || compareStrings(a.worker, b.worker);
