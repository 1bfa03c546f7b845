/**
 * What a classic group carries, seen from the member (GroupMember): the contract between the
 * membership (JoinGroup, SyncGroup, Heartbeat) and the protocol that plugs into it, a consumer's
 * subscriptions and assignors, Connect's or Streams' own. The member moves the opaque metadata and
 * assignment bytes; the handler gives and reads them.
 */
export interface JoinedMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface GroupProtocolHandler {
  /** The group's protocol type: 'consumer', 'connect', ... */
  readonly protocolType: string;
  /** The protocols offered when joining, in order of preference, each with its metadata bytes. */
  joinProtocols(): Promise<{ name: string; metadata: Buffer }[]> | { name: string; metadata: Buffer }[];
  /**
   * Called once before each rebalance this member takes part in. `generationId` is -1 when the
   * previous membership was lost (the member must not assume it still owns anything).
   */
  onJoinPrepare(info: { generationId: number; memberId: string }): Promise<void>;
  /** The leader's job: every member's assignment bytes, by member id. */
  performAssignment(info: {
    leaderId: string;
    protocol: string;
    generationId: number;
    members: JoinedMember[];
    /** A static leader rejoined without changes (JoinGroup v9): keep the current assignment. */
    skipAssignment: boolean;
  }): Promise<Map<string, Buffer>>;
  /** This member's assignment for the new generation. */
  onJoinComplete(info: { generationId: number; memberId: string; protocol: string; assignment: Buffer; leaderId: string }): Promise<void>;
}
