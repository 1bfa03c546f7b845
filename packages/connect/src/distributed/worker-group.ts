/**
 * A distributed worker's membership of the Connect group (Kafka's WorkerCoordinator): joins with
 * its REST URL, config offset and current assignment in Connect's protocol; as leader assigns the
 * configured connectors and tasks (the incremental cooperative assignor, or the eager one when the
 * group settled on `default`); hands each new assignment to the herder's listener.
 *
 * What the membership itself does after an assignment, as Kafka's coordinator and herder together:
 * - eager: everything is revoked before each rejoin; cooperative: only what the leader revokes,
 *   and the worker keeps the rest (the listener gets what it runs from now on, kept and new);
 * - an assignment that revoked something is followed by another rebalance, so that what was
 *   revoked can go elsewhere once stopped;
 * - a failed assignment (CONFIG_MISMATCH: the leader is behind a member's config offset) goes to
 *   the listener, which catches up on the config topic, and is followed by a rejoin;
 * - a delay in the assignment schedules a rebalance when it ends (the held-back share of a
 *   departed worker is handed out then).
 *
 * Where it is stricter than Kafka: a worker that finds itself out of the generation (generation -1
 * at the next join: its session expired, or it missed a rebalance) stops all it ran, where Kafka's
 * does so only when it cannot reach the coordinator; a member's unreadable metadata counts as a
 * member running nothing instead of failing the leader's round.
 */
import { GroupMembership, type GroupProtocolHandler, type JoinedMember, groupMembershipOptions } from '@sluice/client';
import type { ConnectorTaskId } from '../runtime/herder.ts';
import { clientOptionsFrom } from '../runtime/client-settings.ts';
import { CONNECT_PROTOCOL_TYPE, ConnectSubprotocol, connectProtocolOf, decodeAssignment, decodeWorkerState, encodeAssignment, joinProtocols, type ConnectWorkerState } from './connect-protocol.ts';
import { type ClusterConfigSnapshot, type ConnectAssignment, ConnectAssignmentError, type ConnectProtocolName, type WorkerGroupMembership, type WorkerGroupMembershipOptions } from './contract.ts';
import { taskIdKey } from './connectors-and-tasks.ts';
import { eagerAssign } from './eager-assignor.ts';
import { type IncrementalAssignorState, incrementalCooperativeAssign, initialIncrementalAssignorState } from './incremental-assignor.ts';

export function createWorkerGroupMembership(options: WorkerGroupMembershipOptions): WorkerGroupMembership {
  return new WorkerGroup(options);
}

const idOf = (id: string | ConnectorTaskId): string => (typeof id === 'string' ? id : taskIdKey(id));

/** Every configured connector and its tasks, from the herder's view of the config topic. */
export function configuredWork(snapshot: ClusterConfigSnapshot): { connectors: string[]; tasks: ConnectorTaskId[] } {
  const connectors = snapshot.connectors();
  const tasks: ConnectorTaskId[] = [];
  for (const connector of connectors) {
    const count = snapshot.taskCount(connector);
    for (let task = 0; task < count; task++) tasks.push({ connector, task });
  }
  return { connectors, tasks };
}

class WorkerGroup implements WorkerGroupMembership, GroupProtocolHandler {
  readonly protocolType = CONNECT_PROTOCOL_TYPE;
  readonly #options: WorkerGroupMembershipOptions;
  readonly #membership: GroupMembership;
  readonly #log: (line: string) => void;
  /** What this worker runs, as last assigned (null before the first assignment or once revoked). */
  #assignment: ConnectAssignment | null = null;
  /** The protocol of the current generation: the configured one until a join says which the group chose. */
  #currentProtocol: ConnectProtocolName;
  /** The config snapshot taken when joining, which the leader assigns from. */
  #configSnapshot: ClusterConfigSnapshot | null = null;
  #assignorState: IncrementalAssignorState = initialIncrementalAssignorState();
  #lastCompletedGenerationId = -1;
  /** Leader only: who runs what in this generation (member id and URL), for ownerUrl. */
  #owners = new Map<string, string>();
  #scheduledRebalance: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: WorkerGroupMembershipOptions) {
    this.#options = options;
    this.#currentProtocol = options.protocol;
    this.#log = options.log ?? (() => {});
    const { options: clientOptions, unknown } = clientOptionsFrom(groupMembershipOptions, options.client);
    void unknown; // the worker's other client settings (producer.*, ...) are not the membership's
    this.#membership = new GroupMembership(
      {
        ...clientOptions,
        // Kafka's default, as the worker's other clients have it.
        bootstrapServers: (clientOptions.bootstrapServers as string | undefined) ?? 'localhost:9092',
        // client.id is the prefix of the ids of the clients the worker makes.
        clientId: `${options.client['client.id'] || `connect-${options.groupId}`}-group`,
        groupId: options.groupId,
        sessionTimeoutMs: options.sessionTimeoutMs,
        rebalanceTimeoutMs: options.rebalanceTimeoutMs,
        heartbeatIntervalMs: options.heartbeatIntervalMs,
      },
      this,
    );
    this.#membership.onFatal = (error) => {
      this.#log(`Connect group ${options.groupId}: the membership stopped on an error it cannot recover from: ${error.message}`);
      // No longer a member: what this worker runs may be given to others, so it stops all of it.
      const previous = this.#assignment;
      this.#assignment = null;
      this.#clearScheduledRebalance();
      if (previous !== null) void this.#call('onRevoked', () => this.#options.listener.onRevoked(previous.leader, previous.connectors, previous.tasks));
    };
  }

  /**
   * Calls the herder back. What it throws is logged rather than passed to the group member, for
   * which any error from its handler ends the membership: a herder that failed to start or stop
   * something must not also take the worker out of the group.
   */
  async #call(what: string, callback: () => Promise<void> | void): Promise<void> {
    try {
      await callback();
    } catch (e) {
      this.#log(`Connect group ${this.#options.groupId}: the rebalance listener's ${what} failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  // ---------------------------------------------------------------- WorkerGroupMembership

  start(): void {
    this.#membership.start();
  }

  requestRejoin(reason: string): void {
    this.#membership.requestRejoin(reason);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearScheduledRebalance();
    await this.#membership.close('the worker is stopping');
  }

  get memberId(): string {
    return this.#membership.memberId;
  }

  get generation(): number {
    return this.#membership.generationId;
  }

  get currentProtocol(): ConnectProtocolName {
    return this.#currentProtocol;
  }

  get isLeader(): boolean {
    return this.#assignment !== null && this.#assignment.leader === this.#membership.memberId;
  }

  get leaderUrl(): string | null {
    return this.#assignment?.leaderUrl ?? null;
  }

  ownerUrl(id: string | ConnectorTaskId): string | null {
    if (!this.isLeader || this.#membership.needsRejoin) return null;
    return this.#owners.get(idOf(id)) ?? null;
  }

  // ---------------------------------------------------------------- GroupProtocolHandler

  joinProtocols(): { name: string; metadata: Buffer }[] {
    this.#configSnapshot = this.#options.configSnapshot();
    const state: ConnectWorkerState = { url: this.#options.url, configOffset: this.#configSnapshot.offset, assignment: this.#assignment };
    return joinProtocols(this.#options.protocol, state);
  }

  async onJoinPrepare(info: { generationId: number }): Promise<void> {
    this.#owners = new Map();
    this.#clearScheduledRebalance();
    // Generation -1 with work in hand: the group went on without this worker (its session expired,
    // or it missed a rebalance) and may have given that work to others. Like Kafka's coordinator
    // when it cannot reach the group, the worker stops everything and rejoins with nothing.
    const lost = info.generationId < 0 && this.#assignment !== null;
    if (this.#currentProtocol === 'eager' || lost) {
      const previous = this.#assignment;
      // (A failed eager assignment holds nothing; a failed cooperative one what the worker kept.)
      if (previous !== null && previous.connectors.length + previous.tasks.length > 0) {
        await this.#call('onRevoked', () => this.#options.listener.onRevoked(previous.leader, previous.connectors, previous.tasks));
      }
      this.#assignment = null;
    }
  }

  async performAssignment(info: { leaderId: string; protocol: string; generationId: number; members: JoinedMember[] }): Promise<Map<string, Buffer>> {
    const protocol = connectProtocolOf(info.protocol);
    const version = ConnectSubprotocol[protocol].version;
    const members = new Map(info.members.map((m) => [m.memberId, this.#readMember(m)]));
    const leaderUrl = members.get(info.leaderId)?.url ?? this.#options.url;
    const maxOffset = [...members.values()].reduce((max, m) => (m.configOffset > max ? m.configOffset : max), -1n);
    let snapshot = this.#configSnapshot ?? this.#options.configSnapshot();
    if (snapshot.offset < maxOffset) snapshot = this.#options.configSnapshot();
    const base = { leader: info.leaderId, leaderUrl, revokedConnectors: [], revokedTasks: [], delayMs: 0 };
    if (snapshot.offset < maxOffset) {
      // Another member has read further in the config topic than this leader: nobody can be
      // assigned from a stale view. Every member gets CONFIG_MISMATCH, and the leader catches up.
      this.#log(`Was selected to perform assignments, but do not have latest config found in sync request (${snapshot.offset} < ${maxOffset}). Returning an empty configuration to trigger re-sync.`);
      const failed: ConnectAssignment = { ...base, error: ConnectAssignmentError.CONFIG_MISMATCH, configOffset: maxOffset, connectors: [], tasks: [] };
      return new Map([...members.keys()].map((id) => [id, encodeAssignment(failed, version)]));
    }
    const configured = configuredWork(snapshot);
    const urls = new Map([...members].map(([id, m]) => [id, m.url]));
    const out = new Map<string, Buffer>();
    const owners = new Map<string, string>();
    const own = (memberId: string, connectors: string[], tasks: ConnectorTaskId[]) => {
      for (const c of connectors) owners.set(idOf(c), urls.get(memberId)!);
      for (const t of tasks) owners.set(idOf(t), urls.get(memberId)!);
    };
    if (protocol === 'eager') {
      for (const [memberId, work] of eagerAssign(configured, [...members.keys()])) {
        own(memberId, work.connectors, work.tasks);
        out.set(memberId, encodeAssignment({ ...base, error: ConnectAssignmentError.NONE, configOffset: snapshot.offset, ...work }, version));
      }
    } else {
      const { assignment, state } = incrementalCooperativeAssign(this.#assignorState, {
        configured,
        members: new Map([...members].map(([id, m]) => [id, { connectors: m.assignment?.connectors ?? [], tasks: m.assignment?.tasks ?? [] }])),
        lastCompletedGenerationId: this.#lastCompletedGenerationId,
        currentGenerationId: info.generationId,
        now: Date.now(),
        maxDelayMs: this.#options.scheduledRebalanceMaxDelayMs,
      });
      this.#assignorState = state;
      for (const memberId of members.keys()) {
        const all = assignment.all.get(memberId)!;
        own(memberId, all.connectors, all.tasks);
        const assigned = assignment.assigned.get(memberId)!;
        const revoked = assignment.revoked.get(memberId)!;
        out.set(
          memberId,
          encodeAssignment(
            {
              ...base,
              error: ConnectAssignmentError.NONE,
              configOffset: snapshot.offset,
              connectors: assigned.connectors,
              tasks: assigned.tasks,
              revokedConnectors: revoked.connectors,
              revokedTasks: revoked.tasks,
              delayMs: assignment.delayMs,
            },
            version,
          ),
        );
      }
    }
    this.#owners = owners;
    return out;
  }

  /**
   * A member's join metadata. Kafka's leader fails the round on metadata it cannot read; here that
   * member counts as one running nothing (it still gets a share), so that one bad peer cannot take
   * the leader, whose group member would stop on the error, out of the group.
   */
  #readMember(member: JoinedMember): ConnectWorkerState {
    try {
      return decodeWorkerState(member.metadata);
    } catch (e) {
      this.#log(`Connect group ${this.#options.groupId}: the join metadata of member ${member.memberId} cannot be read (${(e as Error).message}); it is taken as running nothing`);
      return { url: '', configOffset: -1n, assignment: null };
    }
  }

  async onJoinComplete(info: { generationId: number; memberId: string; protocol: string; assignment: Buffer; leaderId: string }): Promise<void> {
    let fresh: ConnectAssignment;
    try {
      const { version: _version, ...read } = decodeAssignment(info.assignment);
      fresh = read;
    } catch (e) {
      this.#log(`Connect group ${this.#options.groupId}: the assignment from leader ${info.leaderId} cannot be read (${(e as Error).message}); rejoining`);
      this.requestRejoin('the assignment could not be read');
      return;
    }
    this.#currentProtocol = connectProtocolOf(info.protocol);
    if (info.leaderId !== info.memberId) this.#owners = new Map();
    let next: ConnectAssignment = fresh;
    if (this.#currentProtocol !== 'eager') {
      const revokedAnything = fresh.revokedConnectors.length > 0 || fresh.revokedTasks.length > 0;
      if (revokedAnything) await this.#call('onRevoked', () => this.#options.listener.onRevoked(fresh.leader, fresh.revokedConnectors, fresh.revokedTasks));
      // Cooperative: what this worker keeps is what it had, less what was revoked.
      const previous = this.#assignment;
      if (previous !== null) {
        const revokedConnectors = new Set(fresh.revokedConnectors);
        const revokedTasks = new Set(fresh.revokedTasks.map(idOf));
        const kept = {
          connectors: previous.connectors.filter((c) => !revokedConnectors.has(c)),
          tasks: previous.tasks.filter((t) => !revokedTasks.has(idOf(t))),
        };
        const newConnectors = new Set(fresh.connectors);
        const newTasks = new Set(fresh.tasks.map(idOf));
        next = {
          ...fresh,
          connectors: [...fresh.connectors, ...kept.connectors.filter((c) => !newConnectors.has(c))],
          tasks: [...fresh.tasks, ...kept.tasks.filter((t) => !newTasks.has(idOf(t)))],
        };
      }
    }
    this.#assignment = next;
    this.#lastCompletedGenerationId = info.generationId;
    await this.#call('onAssigned', () => this.#options.listener.onAssigned(next, info.generationId));
    if (this.#closed) return;
    if (next.error !== ConnectAssignmentError.NONE) {
      // Kafka's coordinator rejoins while its assignment is a failed one (the listener has read the
      // config topic to its end by the time it returns); a cooperative worker keeps what it ran.
      this.requestRejoin('the assignment failed (CONFIG_MISMATCH)');
    } else if (next.revokedConnectors.length > 0 || next.revokedTasks.length > 0) {
      this.requestRejoin('connectors or tasks were revoked from this worker and can be assigned elsewhere');
    }
    if (next.delayMs > 0) this.#scheduleRebalance(next.delayMs);
  }

  // ---------------------------------------------------------------- scheduled rebalance

  #scheduleRebalance(delayMs: number): void {
    this.#clearScheduledRebalance();
    this.#scheduledRebalance = setTimeout(() => {
      this.#scheduledRebalance = null;
      this.requestRejoin(`the scheduled rebalance (after ${delayMs} ms) is due`);
    }, delayMs);
    this.#scheduledRebalance.unref?.();
  }

  #clearScheduledRebalance(): void {
    if (this.#scheduledRebalance !== null) clearTimeout(this.#scheduledRebalance);
    this.#scheduledRebalance = null;
  }
}
