/**
 * A minimal classic-group member over the raw protocol, the same for any broker: joins (with
 * MEMBER_ID_REQUIRED), syncs (the leader hands out empty assignments), heartbeats, and rejoins
 * when told the group is rebalancing. It records when it completed each generation.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { RawConnection } from '@sluice/test-kit';

export class BenchMember {
  memberId = '';
  generation = -1;
  /** When (performance.now()) this member finished SyncGroup for each generation. */
  readonly synced = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private rejoining: Promise<void> | null = null;
  private stopped = false;

  private readonly conn: RawConnection;
  private readonly heartbeatConn: RawConnection;
  private readonly group: string;
  private readonly heartbeatMs: number;

  private constructor(conn: RawConnection, heartbeatConn: RawConnection, group: string, heartbeatMs: number) {
    this.conn = conn;
    this.heartbeatConn = heartbeatConn;
    this.group = group;
    this.heartbeatMs = heartbeatMs;
  }

  static async start(port: number, group: string, heartbeatMs: number): Promise<BenchMember> {
    const m = new BenchMember(await RawConnection.open(port), await RawConnection.open(port), group, heartbeatMs);
    // Kafka creates __consumer_offsets on the first FindCoordinator and answers
    // COORDINATOR_NOT_AVAILABLE until it is loaded; clients retry, so does this.
    for (;;) {
      const r = await m.conn.request(Apis.FindCoordinator, 4, { keyType: 0, coordinatorKeys: [group] });
      if (r.coordinators[0].errorCode === ErrorCode.NONE) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await m.rejoin();
    m.timer = setInterval(() => void m.heartbeat(), heartbeatMs);
    return m;
  }

  private async heartbeat(): Promise<void> {
    if (this.rejoining !== null || this.stopped) return;
    const r = await this.heartbeatConn.request(Apis.Heartbeat, 4, { groupId: this.group, generationId: this.generation, memberId: this.memberId, groupInstanceId: null }).catch(() => null);
    if (r !== null && r.errorCode === ErrorCode.REBALANCE_IN_PROGRESS) void this.rejoin();
  }

  rejoin(): Promise<void> {
    this.rejoining ??= this.joinAndSync().finally(() => (this.rejoining = null));
    return this.rejoining;
  }

  private async joinAndSync(): Promise<void> {
    for (;;) {
      const join = await this.conn.request(Apis.JoinGroup, 9, {
        groupId: this.group,
        sessionTimeoutMs: 30_000,
        rebalanceTimeoutMs: 60_000,
        memberId: this.memberId,
        groupInstanceId: null,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }],
        reason: null,
      });
      if (join.errorCode === ErrorCode.MEMBER_ID_REQUIRED) {
        this.memberId = join.memberId;
        continue;
      }
      if (join.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS || join.errorCode === ErrorCode.COORDINATOR_NOT_AVAILABLE || join.errorCode === ErrorCode.NOT_COORDINATOR) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      if (join.errorCode !== ErrorCode.NONE) throw new Error(`JoinGroup failed with error ${join.errorCode}`);
      this.memberId = join.memberId;
      this.generation = join.generationId;
      const assignments = join.leader === this.memberId ? join.members.map((m: { memberId: string }) => ({ memberId: m.memberId, assignment: Buffer.alloc(0) })) : [];
      const sync = await this.conn.request(Apis.SyncGroup, 5, { groupId: this.group, generationId: this.generation, memberId: this.memberId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments });
      if (sync.errorCode === ErrorCode.REBALANCE_IN_PROGRESS) continue;
      if (sync.errorCode !== ErrorCode.NONE) throw new Error(`SyncGroup failed with error ${sync.errorCode}`);
      this.synced.set(this.generation, performance.now());
      return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.conn.request(Apis.LeaveGroup, 5, { groupId: this.group, members: [{ memberId: this.memberId, groupInstanceId: null, reason: null }] }).catch(() => {});
    this.conn.close();
    this.heartbeatConn.close();
  }
}
