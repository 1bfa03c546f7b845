/**
 * Membership of a classic Kafka group (JoinGroup, SyncGroup, Heartbeat, LeaveGroup), independent
 * of what the group is for. The consumer plugs in a handler for protocol type "consumer"
 * (subscriptions, assignors, partitions); Connect can plug in one for "connect" and Streams an
 * assignor of its own: the member only moves opaque protocol metadata and assignment bytes.
 * This is the split of Java's AbstractCoordinator and ConsumerCoordinator.
 *
 * The member runs in the background: it rejoins whenever asked to (or when a heartbeat says the
 * group is rebalancing), heartbeats every `heartbeatIntervalMs` while stable, rediscovers the
 * coordinator when it moves, and reports errors it cannot recover from through `onFatal`.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { memberStateChannel, type ClientMemberStateMessage } from '../diagnostics.ts';
import { ClientErrorCode, KafkaError, brokerError, mustFindCoordinator } from '../errors.ts';
import { type Cluster, CoordinatorType } from '../network/cluster.ts';
import type { Connection } from '../network/connection.ts';
import { backoffMs, sleep } from '../util.ts';
import type { GroupProtocolHandler } from './protocol-handler.ts';

export interface GroupMemberConfig {
  groupId: string;
  groupInstanceId: string | null;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

export type MemberState = 'unjoined' | 'preparing' | 'joining' | 'stable' | 'closed';

class RetryJoin extends Error {
  readonly backoff: boolean;
  constructor(backoff: boolean) {
    super('retry join');
    this.backoff = backoff;
  }
}

export class GroupMember {
  generationId = -1;
  memberId = '';
  protocolName: string | null = null;
  leaderId = '';
  private currentState: MemberState = 'unjoined';
  /** Called when the member hits an error it cannot recover from. */
  onFatal: (error: KafkaError) => void = () => {};
  /** Called after each successful heartbeat and join (liveness for the consumer). */
  onStateChange: (state: MemberState) => void = () => {};

  private rejoinNeeded = true;
  private needsJoinPrepare = true;
  private enabled = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private heartbeatInFlight = false;
  private lastHeartbeatOk = 0;
  private stableWaiters: Array<{ resolve(): void; reject(e: unknown): void }> = [];
  private fatal: KafkaError | null = null;
  private joinAttempt = 0;
  rejoinReason = 'initial join';

  private readonly cluster: Cluster;
  readonly config: GroupMemberConfig;
  private readonly handler: GroupProtocolHandler;

  constructor(cluster: Cluster, config: GroupMemberConfig, handler: GroupProtocolHandler) {
    this.cluster = cluster;
    this.config = config;
    this.handler = handler;
  }

  get state(): MemberState {
    return this.currentState;
  }

  /** Every change of state goes through here, so that sluice:client:member-state sees them all. */
  private set state(next: MemberState) {
    const from = this.currentState;
    this.currentState = next;
    if (from !== next && memberStateChannel.hasSubscribers) {
      const message: ClientMemberStateMessage = { groupId: this.config.groupId, memberId: this.memberId, generationId: this.generationId, from, to: next };
      memberStateChannel.publish(message);
    }
  }

  private isClosed(): boolean {
    return this.state === 'closed';
  }

  get isLeader(): boolean {
    return this.memberId !== '' && this.memberId === this.leaderId;
  }

  get isStable(): boolean {
    return this.state === 'stable' && !this.rejoinNeeded;
  }

  get fatalError(): KafkaError | null {
    return this.fatal;
  }

  /** Starts (or resumes) taking part in the group. */
  start(): void {
    if (this.state === 'closed') return;
    this.enabled = true;
    if (!this.running) this.running = this.loop().finally(() => (this.running = null));
    this.poke();
  }

  /** Asks for a rebalance: the member rejoins as soon as it can. */
  requestRejoin(reason: string): void {
    if (!this.rejoinNeeded) this.rejoinReason = reason;
    this.rejoinNeeded = true;
    this.poke();
  }

  get needsRejoin(): boolean {
    return this.rejoinNeeded;
  }

  /**
   * The member is rejoining: its JoinGroup is sent (or about to be) and no new generation has
   * come of it yet. Java's PREPARING_REBALANCE, which an OffsetCommit answer is judged against
   * (this member only adopts a generation once SyncGroup answers, so its sync phase counts too).
   */
  get isRejoining(): boolean {
    return this.state === 'joining';
  }

  /**
   * Java's resetStateOnResponseError: an answer (an OffsetCommit's) says this member's generation
   * is over. The generation is forgotten (and the member id, unless the member may still be valid:
   * ILLEGAL_GENERATION), so the next join preparation treats the partitions as lost, and the
   * member rejoins.
   */
  resetGenerationOnResponseError(api: string, error: string, resetMemberId: boolean): void {
    this.generationId = -1;
    if (resetMemberId) this.memberId = '';
    this.needsJoinPrepare = true;
    this.requestRejoin(`encountered ${error} from ${api} response`);
  }

  /** Resolves when the member is stable in a generation; rejects on a fatal error. */
  whenStable(signal?: AbortSignal): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.isStable) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const entry = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (e: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      const onAbort = () => {
        this.stableWaiters = this.stableWaiters.filter((w) => w !== entry);
        reject(new KafkaError(ClientErrorCode.ABORTED, 'waiting for the group was aborted', { cause: signal?.reason }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.stableWaiters.push(entry);
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private async loop(): Promise<void> {
    while (this.state !== 'closed' && !this.fatal) {
      if (!this.enabled || !this.rejoinNeeded) {
        await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      try {
        await this.joinRound();
        this.joinAttempt = 0;
      } catch (e) {
        if (this.isClosed()) return;
        if (e instanceof RetryJoin) {
          if (e.backoff) await sleep(backoffMs(this.joinAttempt++, this.config.retryBackoffMs, this.config.retryBackoffMaxMs));
          continue;
        }
        const error = e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `group ${this.config.groupId}: ${(e as Error)?.message ?? e}`, { cause: e });
        if (error.retriable) {
          await sleep(backoffMs(this.joinAttempt++, this.config.retryBackoffMs, this.config.retryBackoffMaxMs));
          continue;
        }
        this.fail(error);
        return;
      }
    }
  }

  private fail(error: KafkaError): void {
    this.fatal = error;
    this.stopHeartbeats();
    for (const w of this.stableWaiters.splice(0)) w.reject(error);
    this.onFatal(error);
  }

  private async coordinatorConnection(): Promise<Connection> {
    const node = await this.cluster.coordinator(CoordinatorType.Group, this.config.groupId);
    try {
      return await this.cluster.connection(node, 'group');
    } catch (e) {
      this.coordinatorUnknown();
      throw e;
    }
  }

  private coordinatorUnknown(): void {
    this.cluster.invalidateCoordinator(CoordinatorType.Group, this.config.groupId);
  }

  private async joinRound(): Promise<void> {
    if (this.needsJoinPrepare) {
      this.state = 'preparing';
      this.onStateChange(this.state);
      this.needsJoinPrepare = false;
      await this.handler.onJoinPrepare({ generationId: this.generationId, memberId: this.memberId });
    }
    if (this.isClosed()) return;
    this.state = 'joining';
    this.stopHeartbeats();
    this.onStateChange(this.state);
    // A rejoin request that arrives from now on needs another round.
    this.rejoinNeeded = false;
    let conn: Connection;
    try {
      conn = await this.coordinatorConnection();
    } catch (e) {
      this.rejoinNeeded = true;
      throw e;
    }
    try {
      await this.joinAndSync(conn);
    } catch (e) {
      this.rejoinNeeded = true;
      if (this.state === 'joining') this.state = 'unjoined';
      if (e instanceof KafkaError && (e.code === ClientErrorCode.CONNECTION_CLOSED || e.code === ClientErrorCode.REQUEST_TIMEOUT)) this.coordinatorUnknown();
      throw e;
    }
  }

  private async joinAndSync(conn: Connection): Promise<void> {
    const { groupId, groupInstanceId } = this.config;
    const joinVersion = conn.requireVersion(Apis.JoinGroup);
    if (groupInstanceId !== null && joinVersion < 5) {
      throw new KafkaError(ClientErrorCode.UNSUPPORTED_API, `static membership (groupInstanceId) needs JoinGroup v5; ${conn.describe()} supports up to v${joinVersion}`);
    }
    const protocols = await this.handler.joinProtocols();
    const join = await conn.request(
      Apis.JoinGroup,
      {
        groupId,
        sessionTimeoutMs: this.config.sessionTimeoutMs,
        rebalanceTimeoutMs: this.config.rebalanceTimeoutMs,
        memberId: this.memberId,
        groupInstanceId,
        protocolType: this.handler.protocolType,
        protocols,
        reason: joinVersion >= 8 ? this.rejoinReason : null,
      },
      { version: joinVersion, timeoutMs: Math.max(this.config.requestTimeoutMs, this.config.rebalanceTimeoutMs + 5000) },
    );
    if (this.isClosed()) return;
    switch (join.errorCode) {
      case 0:
        break;
      case ErrorCode.MEMBER_ID_REQUIRED:
        // KIP-394: rejoin at once with the member id the coordinator gave us.
        this.memberId = join.memberId;
        throw new RetryJoin(false);
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.memberId = '';
        this.generationId = -1;
        throw new RetryJoin(false);
      case ErrorCode.ILLEGAL_GENERATION:
        this.generationId = -1;
        throw new RetryJoin(false);
      case ErrorCode.COORDINATOR_LOAD_IN_PROGRESS:
      case ErrorCode.REBALANCE_IN_PROGRESS:
        throw new RetryJoin(true);
      default:
        if (mustFindCoordinator(join.errorCode)) {
          this.coordinatorUnknown();
          throw new RetryJoin(true);
        }
        // Fatal or not as the error is retriable (loop): FENCED_INSTANCE_ID, GROUP_AUTHORIZATION_FAILED, ... end the member.
        throw brokerError(join.errorCode, `joining group '${groupId}'`);
    }
    const generationId = join.generationId;
    const memberId = join.memberId;
    const protocol = join.protocolName ?? '';
    let assignments: Map<string, Buffer> = new Map();
    if (join.leader === memberId) {
      assignments = await this.handler.performAssignment({
        leaderId: join.leader,
        protocol,
        generationId,
        members: join.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
        skipAssignment: join.skipAssignment,
      });
    }
    const syncVersion = conn.requireVersion(Apis.SyncGroup);
    const sync = await conn.request(
      Apis.SyncGroup,
      {
        groupId,
        generationId,
        memberId,
        groupInstanceId,
        protocolType: syncVersion >= 5 ? this.handler.protocolType : null,
        protocolName: syncVersion >= 5 ? protocol : null,
        assignments: [...assignments].map(([id, assignment]) => ({ memberId: id, assignment })),
      },
      { version: syncVersion, timeoutMs: Math.max(this.config.requestTimeoutMs, this.config.rebalanceTimeoutMs + 5000) },
    );
    if (this.isClosed()) return;
    switch (sync.errorCode) {
      case 0:
        break;
      case ErrorCode.REBALANCE_IN_PROGRESS:
        this.memberId = memberId;
        throw new RetryJoin(false);
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.memberId = '';
        this.generationId = -1;
        throw new RetryJoin(false);
      case ErrorCode.ILLEGAL_GENERATION:
        this.memberId = memberId;
        this.generationId = -1;
        throw new RetryJoin(false);
      default:
        if (mustFindCoordinator(sync.errorCode)) {
          this.coordinatorUnknown();
          throw new RetryJoin(true);
        }
        throw brokerError(sync.errorCode, `syncing group '${groupId}'`);
    }
    this.generationId = generationId;
    this.memberId = memberId;
    this.leaderId = join.leader;
    this.protocolName = protocol;
    this.state = 'stable';
    this.needsJoinPrepare = true;
    this.lastHeartbeatOk = Date.now();
    this.startHeartbeats();
    await this.handler.onJoinComplete({ generationId, memberId, protocol, assignment: sync.assignment, leaderId: join.leader });
    this.onStateChange(this.state);
    if (this.isStable) for (const w of this.stableWaiters.splice(0)) w.resolve();
  }

  // ---------------------------------------------------------------- heartbeats

  private startHeartbeats(): void {
    this.stopHeartbeats();
    const tick = () => {
      this.heartbeatTimer = setTimeout(() => {
        void this.heartbeat().finally(() => {
          if (this.heartbeatTimer !== null && (this.state === 'stable' || this.state === 'preparing')) tick();
        });
      }, this.config.heartbeatIntervalMs);
    };
    tick();
  }

  private stopHeartbeats(): void {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private async heartbeat(): Promise<void> {
    if (this.heartbeatInFlight || this.generationId < 0) return;
    this.heartbeatInFlight = true;
    const generationId = this.generationId;
    try {
      const conn = await this.coordinatorConnection();
      const res = await conn.request(Apis.Heartbeat, {
        groupId: this.config.groupId,
        generationId,
        memberId: this.memberId,
        groupInstanceId: this.config.groupInstanceId,
      });
      if (this.generationId !== generationId || this.state === 'closed') return;
      switch (res.errorCode) {
        case 0:
          this.lastHeartbeatOk = Date.now();
          return;
        case ErrorCode.REBALANCE_IN_PROGRESS:
          this.lastHeartbeatOk = Date.now();
          if (this.state === 'stable') this.requestRejoin('the group is rebalancing');
          return;
        case ErrorCode.ILLEGAL_GENERATION:
          this.generationId = -1;
          this.requestRejoin('the generation is no longer current');
          return;
        case ErrorCode.UNKNOWN_MEMBER_ID:
          this.generationId = -1;
          this.memberId = '';
          this.requestRejoin('the coordinator no longer knows this member');
          return;
        case ErrorCode.FENCED_INSTANCE_ID:
          this.fail(brokerError(res.errorCode, `heartbeat in group '${this.config.groupId}': another member uses group instance id '${this.config.groupInstanceId}'`));
          return;
        default:
          if (mustFindCoordinator(res.errorCode)) this.coordinatorUnknown();
          else if (!brokerError(res.errorCode).retriable) this.fail(brokerError(res.errorCode, `heartbeat in group '${this.config.groupId}'`));
      }
    } catch {
      this.coordinatorUnknown();
    } finally {
      this.heartbeatInFlight = false;
      if (this.state === 'stable' && Date.now() - this.lastHeartbeatOk > this.config.sessionTimeoutMs) {
        // The coordinator has surely expired our session by now.
        this.generationId = -1;
        this.requestRejoin('no heartbeat succeeded within the session timeout');
      }
    }
  }

  /** Seconds since the last successful heartbeat (for diagnostics). */
  get lastHeartbeatAgeMs(): number {
    return Date.now() - this.lastHeartbeatOk;
  }

  // ---------------------------------------------------------------- leaving

  /**
   * Leaves the group (LeaveGroup) and forgets the membership. A static member only leaves when
   * `force` is set: its point is to come back without a rebalance.
   */
  async leave(reason: string, force = false): Promise<void> {
    this.stopHeartbeats();
    const memberId = this.memberId;
    const wasMember = memberId !== '' && this.generationId >= 0;
    this.generationId = -1;
    if (this.config.groupInstanceId === null) this.memberId = '';
    if (!this.isClosed()) this.state = 'unjoined';
    this.needsJoinPrepare = true;
    if (!wasMember || (this.config.groupInstanceId !== null && !force)) return;
    try {
      const conn = await this.coordinatorConnection();
      const version = conn.requireVersion(Apis.LeaveGroup);
      const res = await conn.request(
        Apis.LeaveGroup,
        version >= 3
          ? { groupId: this.config.groupId, members: [{ memberId, groupInstanceId: this.config.groupInstanceId, reason: version >= 5 ? reason : null }] }
          : { groupId: this.config.groupId, memberId },
        { version, timeoutMs: Math.min(this.config.requestTimeoutMs, 5000) },
      );
      void res;
    } catch {
      // Leaving is best effort: the session times out anyway.
    }
  }

  /** Stops the member: leaves the group (unless static) and stops heartbeats. */
  async close(reason = 'the consumer is closing'): Promise<void> {
    if (this.state === 'closed') return;
    this.enabled = false;
    await this.leave(reason);
    this.state = 'closed';
    this.stopHeartbeats();
    this.poke();
    for (const w of this.stableWaiters.splice(0)) w.reject(new KafkaError(ClientErrorCode.CLIENT_CLOSED, 'the group member is closed'));
  }

  /** Stop joining until `start` is called again (a consumer that unsubscribed). */
  pause(): void {
    this.enabled = false;
  }
}
