/**
 * The public face of the classic group member (member.ts) for groups that are not consumer groups:
 * Kafka Connect's workers (protocol type "connect") or anything else that shares work through the
 * group coordinator with a protocol of its own. The caller brings a GroupProtocolHandler (what to
 * offer when joining, how the leader assigns, what to do with an assignment); this owns the
 * connections, JoinGroup/SyncGroup, heartbeats and LeaveGroup, as Java's AbstractCoordinator does
 * for Connect's WorkerCoordinator.
 */
import { KafkaError } from '../errors.ts';
import { Cluster } from '../network/cluster.ts';
import { commonOptions } from '../network/common-config.ts';
import { type OptionsOf, opt, resolveOptions, tuned } from '../options.ts';
import { GroupMember, type MemberState } from './member.ts';
import type { GroupProtocolHandler } from './protocol-handler.ts';

export type { MemberState } from './member.ts';
export type { GroupProtocolHandler, JoinedMember } from './protocol-handler.ts';

export const groupMembershipOptions = {
  ...commonOptions,
  groupId: opt.required<string>('string', 'group.id', 'The group to join', (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string')),
  groupInstanceId: opt.optionalString('group.instance.id', 'Static membership: a stable id that survives restarts without a rebalance'),
  sessionTimeoutMs: tuned(opt.int(45_000, 'session.timeout.ms', 'The group drops a member it has not heard from for this long', { min: 1 }), { importance: 'high' }),
  rebalanceTimeoutMs: opt.int(60_000, 'rebalance.timeout.ms', 'How long the coordinator waits for every member to rejoin during a rebalance', { min: 1 }),
  heartbeatIntervalMs: tuned(opt.int(3000, 'heartbeat.interval.ms', 'Heartbeat period', { min: 1 }), { importance: 'high' }),
} as const;

export type GroupMembershipOptions = OptionsOf<typeof groupMembershipOptions>;

/** A member of a classic group whose protocol is the handler's. Start with `start()`. */
export class GroupMembership {
  readonly options: ReturnType<typeof resolveOptions<typeof groupMembershipOptions>>;
  readonly #cluster: Cluster;
  readonly #member: GroupMember;

  constructor(options: GroupMembershipOptions, handler: GroupProtocolHandler) {
    const o = resolveOptions(groupMembershipOptions, options, 'group membership');
    this.options = o;
    this.#cluster = new Cluster({ ...o, allowAutoTopicCreation: false });
    this.#member = new GroupMember(
      this.#cluster,
      {
        groupId: o.groupId,
        groupInstanceId: o.groupInstanceId ?? null,
        sessionTimeoutMs: o.sessionTimeoutMs,
        rebalanceTimeoutMs: o.rebalanceTimeoutMs,
        heartbeatIntervalMs: o.heartbeatIntervalMs,
        requestTimeoutMs: o.requestTimeoutMs,
        retryBackoffMs: o.retryBackoffMs,
        retryBackoffMaxMs: o.retryBackoffMaxMs,
      },
      handler,
    );
  }

  /** Called once with an error the member cannot recover from (it stops taking part). */
  set onFatal(callback: (error: KafkaError) => void) {
    this.#member.onFatal = callback;
  }

  /** Starts joining (and rejoining whenever needed) in the background. */
  start(): void {
    this.#member.start();
  }

  /** Asks for a rebalance: the member rejoins as soon as it can; `reason` goes to the coordinator. */
  requestRejoin(reason: string): void {
    this.#member.requestRejoin(reason);
  }

  /** Resolves once the member is stable in a generation; rejects on a fatal error or close. */
  whenStable(signal?: AbortSignal): Promise<void> {
    return this.#member.whenStable(signal);
  }

  /** Leaves the group (LeaveGroup, unless static) and closes the connections. */
  async close(reason = 'the member is closing'): Promise<void> {
    try {
      await this.#member.close(reason);
    } finally {
      this.#cluster.close();
    }
  }

  get memberId(): string {
    return this.#member.memberId;
  }

  get generationId(): number {
    return this.#member.generationId;
  }

  get leaderId(): string {
    return this.#member.leaderId;
  }

  get isLeader(): boolean {
    return this.#member.isLeader;
  }

  /** The protocol the group chose in the current generation, or null before the first. */
  get protocolName(): string | null {
    return this.#member.protocolName;
  }

  get state(): MemberState {
    return this.#member.state;
  }

  /** Whether a rebalance has been asked for and not yet completed. */
  get needsRejoin(): boolean {
    return this.#member.needsRejoin;
  }

  get fatalError(): KafkaError | null {
    return this.#member.fatalError;
  }
}
