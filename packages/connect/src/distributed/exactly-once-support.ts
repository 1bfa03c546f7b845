/**
 * The distributed herder's side of exactly-once source support (KIP-618), kept apart from the
 * herder: the worker's `exactly.once.source.support` mode, the settings a source task starts with
 * (its transactional id, the offsets topic, the round of zombie fencing awaited before its producer
 * starts), and that round itself, which only the leader performs (Kafka's
 * DistributedHerder.fenceZombieSourceTasks; another worker asks the leader over REST,
 * `PUT /connectors/{name}/fence`, Kafka's internal endpoint).
 */
import type { ConnectorConfig } from '@sluice/connect-api';
import type { Admin } from '@sluice/client';
import { ConnectRestError, type ConnectorTaskId } from '../runtime/herder.ts';
import { type ExactlyOnceTask, taskTransactionalId } from '../runtime/worker.ts';
import { fenceZombies, fencingPlan, type FencingState } from './zombie-fencing.ts';

export type ExactlyOnceSourceSupport = 'disabled' | 'preparing' | 'enabled';

/** What the herder gives: its view of the config topic and group, and the leader's writes. */
export interface ExactlyOnceHost {
  readonly groupId: string;
  /** The worker's offset.storage.topic. */
  readonly workerOffsetsTopic: string;
  admin(): Admin;
  connectorConfig(connector: string): ConnectorConfig | undefined;
  fencingState(connector: string): FencingState;
  /** Reads the config topic to its end (the leader does before it decides a round). */
  refresh(): Promise<void>;
  isLeader(): boolean;
  leaderUrl(): string | null;
  /** A request to the leader's internal endpoint, signed with the session key (KIP-507). */
  signedRequest(url: URL, method: string, body: string | undefined, timeoutMs: number): Promise<{ status: number; text: string }>;
  putTaskCountRecord(connector: string, taskCount: number): Promise<void>;
  /** The connector's own offsets topic (its offsets.storage.topic), made ready (created, read) before its tasks write to it; null: the worker's topic. */
  connectorOffsetsTopic?(connector: string): { topic: string; ready(): Promise<void>; copyToWorkerStore(offsets: ReadonlyMap<string, string | null>): void } | null;
  log?(line: string): void;
}

/** How long a round of fencing may take (Kafka uses its REST request timeout, 90 s). */
const FENCING_TIMEOUT_MS = 90_000;

export class ExactlyOnceSupport {
  /** Rounds in progress by connector, so concurrent requests share one (Kafka's activeZombieFencings). */
  readonly #rounds = new Map<string, Promise<void>>();

  readonly mode: ExactlyOnceSourceSupport;
  private readonly host: ExactlyOnceHost;

  constructor(mode: ExactlyOnceSourceSupport, host: ExactlyOnceHost) {
    this.mode = mode;
    this.host = host;
  }

  get enabled(): boolean {
    return this.mode === 'enabled';
  }

  /** The exactly-once settings of a source task, or undefined when the worker runs source tasks at least once. */
  taskSettings(id: ConnectorTaskId): ExactlyOnceTask | undefined {
    if (!this.enabled) return undefined;
    // Kafka's task writes its offsets, in its transaction, to the connector's own topic when it has one.
    const own = this.host.connectorOffsetsTopic?.(id.connector) ?? null;
    return {
      transactionalId: taskTransactionalId(this.host.groupId, id.connector, id.task),
      offsetsTopic: own?.topic ?? this.host.workerOffsetsTopic,
      beforeProducer: async () => {
        await this.fenceZombies(id.connector);
        await own?.ready();
      },
      // Kafka's best-effort copy to the worker's topic, which stays the fallback for every worker.
      ...(own === null ? {} : { afterCommit: (offsets) => own.copyToWorkerStore(offsets) }),
    };
  }

  /** A round of zombie fencing for a connector: by this worker when it leads, else by the leader over REST. */
  async fenceZombies(connector: string): Promise<void> {
    if (this.host.isLeader()) return this.fenceAsLeader(connector);
    const leader = this.host.leaderUrl();
    if (leader === null) throw new ConnectRestError(409, 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)');
    const res = await this.host.signedRequest(new URL(`/connectors/${encodeURIComponent(connector)}/fence?forward=true`, leader), 'PUT', undefined, FENCING_TIMEOUT_MS);
    if (res.status < 200 || res.status >= 300) throw new ConnectRestError(res.status, `Failed to perform zombie fencing: the leader at ${leader} answered ${res.status}: ${res.text}`);
  }

  /** The leader's round (Kafka's doFenceZombieSourceTasks); concurrent calls for one connector share it. */
  fenceAsLeader(connector: string): Promise<void> {
    let round = this.#rounds.get(connector);
    if (round === undefined) {
      round = this.#fence(connector).finally(() => this.#rounds.delete(connector));
      this.#rounds.set(connector, round);
    }
    return round;
  }

  async #fence(connector: string): Promise<void> {
    if (!this.host.isLeader()) throw new ConnectRestError(409, 'Only the leader may perform zombie fencing.');
    if (this.host.connectorConfig(connector) === undefined) throw new ConnectRestError(404, `Connector ${connector} not found`);
    await this.host.refresh();
    const plan = fencingPlan(this.host.fencingState(connector));
    if (plan === null) return;
    await fenceZombies(this.host.admin(), this.host.groupId, connector, plan.fence, FENCING_TIMEOUT_MS);
    await this.host.putTaskCountRecord(connector, plan.recordTaskCount);
  }
}
