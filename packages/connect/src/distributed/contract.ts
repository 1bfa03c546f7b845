/**
 * What the two halves of a distributed worker agree on: the group membership (which workers are in
 * the Connect group, who leads, and which connectors and tasks each one runs: Kafka's
 * WorkerCoordinator, ConnectProtocol and IncrementalCooperativeAssignor) and the herder (which
 * keeps the cluster's configs, offsets and statuses in their topics and runs what it is assigned:
 * Kafka's DistributedHerder and Kafka*BackingStore). The herder hands the membership a view of the
 * config topic; the membership calls the herder back with each new assignment.
 */
import type { ConnectorTaskId } from '../runtime/herder.ts';

/** `connect.protocol`: Kafka's eager (`default`), cooperative (`compatible`) and `sessioned`. */
export type ConnectProtocolName = 'eager' | 'compatible' | 'sessioned';

/** Kafka's ConnectProtocol.Assignment error codes. */
export const ConnectAssignmentError = { NONE: 0, CONFIG_MISMATCH: 1 } as const;

/** One worker's assignment for a generation, as the leader sent it (ConnectProtocol V0–V2). */
export interface ConnectAssignment {
  error: number;
  /** The leader's member id and REST URL (where writes are forwarded). */
  leader: string;
  leaderUrl: string;
  /** The config topic offset the leader assigned from; a worker behind it reads up to it first. */
  configOffset: bigint;
  /**
   * Everything this worker runs from now on (cooperative: what it kept plus what is new, as Kafka's
   * WorkerCoordinator hands its herder; the leader's bytes carry only the new part).
   */
  connectors: string[];
  tasks: ConnectorTaskId[];
  /** What this worker must stop (cooperative protocols only). */
  revokedConnectors: string[];
  revokedTasks: ConnectorTaskId[];
  /** Cooperative: ms until the leader rebalances again to hand out what departed workers held. */
  delayMs: number;
}

/** The config topic as the herder has read it: what the leader assigns from. */
export interface ClusterConfigSnapshot {
  /** Kafka's config offset: the position after the last config record read (-1 before any), as Java workers send it. */
  readonly offset: bigint;
  /** Every connector with committed task configs, and how many tasks each has. */
  connectors(): string[];
  taskCount(connector: string): number;
}

export interface WorkerRebalanceListener {
  /** A new generation's assignment; the herder starts what it was given. */
  onAssigned(assignment: ConnectAssignment, generation: number): Promise<void> | void;
  /** Before (eager) or at (cooperative) a rebalance: stop these now. */
  onRevoked(leader: string, connectors: string[], tasks: ConnectorTaskId[]): Promise<void> | void;
}

/** The worker's membership of the Connect group, as the herder uses it. */
export interface WorkerGroupMembership {
  /** Starts joining; assignments arrive through the listener. */
  start(): void;
  /** Asks for a rebalance (a connector was added, deleted or its task count changed). */
  requestRejoin(reason: string): void;
  /** Leaves the group (LeaveGroup) so that the others rebalance at once. */
  close(): Promise<void>;
  readonly memberId: string;
  readonly generation: number;
  /** Whether this worker leads the current generation. */
  readonly isLeader: boolean;
  /** The protocol the group chose for the current generation (the configured one before the first join); requests between workers are signed under `sessioned`. */
  readonly currentProtocol: ConnectProtocolName;
  /** The current leader's REST URL, or null before the first assignment. */
  readonly leaderUrl: string | null;
  /** Which worker (REST URL) owns a connector or task in the current generation, if known. */
  ownerUrl(id: string | ConnectorTaskId): string | null;
}

export interface WorkerGroupMembershipOptions {
  groupId: string;
  /** This worker's REST URL, advertised to the others in its join metadata. */
  url: string;
  protocol: ConnectProtocolName;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** `scheduled.rebalance.max.delay.ms`: how long a departed worker's share waits for its return. */
  scheduledRebalanceMaxDelayMs: number;
  /** Client settings (bootstrap.servers, security) for the group coordinator connection. */
  client: Readonly<Record<string, string>>;
  configSnapshot: () => ClusterConfigSnapshot;
  listener: WorkerRebalanceListener;
  log?: (line: string) => void;
}
