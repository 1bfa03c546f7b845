/**
 * The committed offsets of every group: OffsetCommit, OffsetFetch, OffsetDelete and the offsets
 * retention check, kept apart from membership and rebalancing (coordinator.ts), which it reaches
 * only through OffsetGroups. Offsets are written to __consumer_offsets through the GroupStore
 * before they are acknowledged, and rebuilt by replaying those records.
 *
 * `offsets` holds exactly what is durable, in log order: a write changes it when it completes,
 * and writes complete in the order they were handed to the store (one partition per group), so
 * replaying __consumer_offsets always gives back what is served. Decisions taken when a write is
 * handed over (which partitions to tombstone, which may expire) also count the commits still in
 * flight, as Kafka's pendingOffsetCommits do.
 */
import { ErrorCode } from '@sluice/protocol';
import type { BrokerLog } from '../log.js';
import { GroupError } from '../errors.js';
import type { ClassicGroup } from './classic-group.js';
import type { CommittedOffset, GroupConfig, GroupStore, OffsetCommitRequest, StoredOffset } from './coordinator-types.js';
import { type GroupRecord, offsetRecord, offsetTombstone, groupTombstone } from './records.js';

/** What the offset store needs of the groups the coordinator keeps. */
export interface OffsetGroups {
  /** The group kept under this id, if any. */
  get(groupId: string): ClassicGroup | undefined;
  /** The ids of every group kept. */
  ids(): Iterable<string>;
  /** Makes the empty group of a simple consumer's first commit. */
  create(groupId: string): ClassicGroup;
  /** Deletes a group from memory at once, with its timers. */
  remove(group: ClassicGroup): void;
  /** True while `group` is the incarnation kept under its id. */
  isCurrent(group: ClassicGroup): boolean;
  /** Puts back an empty copy of a group whose deletion could not be written, unless its id is taken. */
  restore(group: ClassicGroup, since: number): void;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

const tp = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class OffsetStore {
  /** The durable offsets, by group, then by partition. */
  readonly offsets = new Map<string, Map<string, StoredOffset>>();

  /**
   * Commits handed to the store and not yet durable, per group and partition (Kafka's
   * pendingOffsetCommits): a deletion must tombstone their partitions too, and they keep their
   * partition (and its group) from expiring meanwhile.
   */
  private readonly pendingCommits = new Map<string, Map<string, { topic: string; partition: number; writes: number }>>();

  constructor(
    private readonly config: Pick<GroupConfig, 'offsetsRetentionMs' | 'offsetMetadataMaxBytes'>,
    private readonly store: GroupStore,
    private readonly groups: OffsetGroups,
    private readonly now: () => number,
    private readonly log: Pick<BrokerLog, 'warn'>,
  ) {}

  /** Validates and stores commits; resolves with an error code per partition, in request order. */
  async commit(req: OffsetCommitRequest): Promise<number[]> {
    const all = (code: number) => req.offsets.map(() => code);
    // A simple group (generation -1, no member) that does not exist yet is made only once the
    // commit stores something: one refused for its metadata, or with nothing to commit, leaves
    // no empty group behind, as in Kafka.
    const existing = this.groups.get(req.groupId);
    if (existing === undefined && req.generationId >= 0) return all(ErrorCode.ILLEGAL_GENERATION);
    const group = existing;
    if (group?.state === 'Dead') return all(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    if (group !== undefined && !(req.generationId < 0 && group.state === 'Empty')) {
      if (req.generationId >= 0 || req.memberId !== '' || req.groupInstanceId !== null) {
        try {
          group.validateMember(req.memberId, req.groupInstanceId);
        } catch (e) {
          return all((e as GroupError).errorCode);
        }
        if (req.generationId !== group.generationId) return all(ErrorCode.ILLEGAL_GENERATION);
      } else if (group.state !== 'Empty') return all(ErrorCode.UNKNOWN_MEMBER_ID);
      if (group.state === 'CompletingRebalance') return all(ErrorCode.REBALANCE_IN_PROGRESS);
    }
    const now = BigInt(this.now());
    const codes: number[] = [];
    const records: GroupRecord[] = [];
    const accepted: { key: string; value: StoredOffset }[] = [];
    for (const o of req.offsets) {
      const metadata = o.metadata ?? '';
      if (Buffer.byteLength(metadata) > this.config.offsetMetadataMaxBytes) {
        codes.push(ErrorCode.OFFSET_METADATA_TOO_LARGE);
        continue;
      }
      const value = { topic: o.topic, partition: o.partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata, commitTimestamp: now };
      records.push(offsetRecord(req.groupId, o.topic, o.partition, value));
      accepted.push({ key: tp(o.topic, o.partition), value });
      codes.push(ErrorCode.NONE);
    }
    if (records.length === 0) return codes;
    const created = group === undefined ? this.groups.create(req.groupId) : undefined;
    for (const a of accepted) this.changePending(req.groupId, a.value, +1);
    try {
      await this.store.append(req.groupId, records);
    } catch {
      for (const a of accepted) this.changePending(req.groupId, a.value, -1);
      // The group this commit made stored nothing either: it goes, unless it has been used since.
      if (created !== undefined && this.groups.isCurrent(created) && created.state === 'Empty' && created.members.size === 0 && this.partitionsWithOffsets(req.groupId).length === 0) this.groups.remove(created);
      return codes.map((c) => (c === ErrorCode.NONE ? ErrorCode.COORDINATOR_NOT_AVAILABLE : c));
    }
    for (const a of accepted) this.changePending(req.groupId, a.value, -1);
    let map = this.offsets.get(req.groupId);
    if (map === undefined) this.offsets.set(req.groupId, (map = new Map()));
    for (const a of accepted) map.set(a.key, a.value);
    return codes;
  }

  private changePending(groupId: string, p: TopicPartitionRef, by: 1 | -1): void {
    let byPartition = this.pendingCommits.get(groupId);
    if (byPartition === undefined) this.pendingCommits.set(groupId, (byPartition = new Map()));
    const key = tp(p.topic, p.partition);
    const writes = (byPartition.get(key)?.writes ?? 0) + by;
    if (writes > 0) byPartition.set(key, { topic: p.topic, partition: p.partition, writes });
    else byPartition.delete(key);
    if (byPartition.size === 0) this.pendingCommits.delete(groupId);
  }

  private hasPendingCommit(groupId: string, key: string): boolean {
    return this.pendingCommits.get(groupId)?.has(key) ?? false;
  }

  /** Partitions with an offset, durable or on its way: what a deletion must tombstone. */
  partitionsWithOffsets(groupId: string): TopicPartitionRef[] {
    const out = new Map<string, TopicPartitionRef>();
    for (const [key, o] of this.offsets.get(groupId) ?? []) out.set(key, { topic: o.topic, partition: o.partition });
    for (const [key, p] of this.pendingCommits.get(groupId) ?? []) out.set(key, { topic: p.topic, partition: p.partition });
    return [...out.values()];
  }

  /** Hands tombstones (and `extra` records) to the store; once durable, the offsets leave memory too. */
  async remove(groupId: string, partitions: TopicPartitionRef[], extra: GroupRecord[] = []): Promise<void> {
    const records = [...partitions.map((p) => offsetTombstone(groupId, p.topic, p.partition)), ...extra];
    if (records.length === 0) return;
    await this.store.append(groupId, records);
    const map = this.offsets.get(groupId);
    if (map === undefined) return;
    for (const p of partitions) map.delete(tp(p.topic, p.partition));
    if (map.size === 0) this.offsets.delete(groupId);
  }

  committed(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsets.get(groupId)?.get(tp(topic, partition));
  }

  /** Every committed offset of a group (OffsetFetch with topics = null). */
  allCommitted(groupId: string): StoredOffset[] {
    return [...(this.offsets.get(groupId)?.values() ?? [])];
  }

  /** OffsetDelete: per partition NONE, or GROUP_SUBSCRIBED_TO_TOPIC. Throws GroupError for the group. */
  async deleteOffsets(groupId: string, partitions: TopicPartitionRef[]): Promise<number[]> {
    const group = this.groups.get(groupId);
    if (group === undefined || group.state === 'Dead') throw new GroupError('GROUP_ID_NOT_FOUND', `Group ${groupId} does not exist.`);
    if (group.state !== 'Empty' && group.protocolType !== 'consumer' && group.protocolType !== null) throw new GroupError('NON_EMPTY_GROUP', `Group ${groupId} has members and is not a consumer group; its offsets can only be deleted while it is empty.`);
    const map = this.offsets.get(groupId);
    const codes: number[] = [];
    const doomed: TopicPartitionRef[] = [];
    for (const p of partitions) {
      if (group.state !== 'Empty' && (group.subscribedTopics === null || group.subscribedTopics.has(p.topic))) {
        codes.push(ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC);
        continue;
      }
      codes.push(ErrorCode.NONE);
      const key = tp(p.topic, p.partition);
      if (map?.has(key) || this.hasPendingCommit(groupId, key)) doomed.push(p);
    }
    try {
      await this.remove(groupId, doomed);
    } catch (e) {
      throw new GroupError('COORDINATOR_NOT_AVAILABLE', `Deleting offsets of group ${groupId} could not be written to __consumer_offsets; retry.`, { cause: e });
    }
    return codes;
  }

  /**
   * Removes offsets past offsets.retention.minutes, as Kafka does for each kind of group, except
   * those with a commit in flight; then empty groups left without offsets are deleted (Kafka's
   * cleanupGroupMetadata). Each group on its own: one failing does not stop the others.
   */
  async expireOffsets(): Promise<number> {
    const now = this.now();
    const writes: Promise<number>[] = [];
    for (const groupId of new Set([...this.offsets.keys(), ...this.groups.ids()])) {
      const group = this.groups.get(groupId);
      const map = this.offsets.get(groupId) ?? new Map<string, StoredOffset>();
      let base: ((o: CommittedOffset) => number) | null = null;
      if (group === undefined || group.protocolType === null) base = (o) => Number(o.commitTimestamp);
      else if (group.state === 'Empty') base = () => group.stateTimestamp;
      const expired = base === null ? [] : [...map].filter(([key, o]) => !this.hasPendingCommit(groupId, key) && now - base!(o) >= this.config.offsetsRetentionMs).map(([, o]) => o);
      const left = map.size - expired.length + (this.pendingCommits.get(groupId)?.size ?? 0);
      const deleteGroup = left === 0 && group !== undefined && group.state === 'Empty';
      if (expired.length === 0 && !deleteGroup) continue;
      const since = group?.stateTimestamp ?? now;
      if (deleteGroup) this.groups.remove(group);
      writes.push(
        this.remove(groupId, expired, deleteGroup ? [groupTombstone(groupId)] : []).then(
          () => expired.length,
          (e) => {
            this.log.warn(`expiring offsets of group ${groupId} failed: ${e}`);
            if (deleteGroup) this.groups.restore(group, since);
            return 0;
          },
        ),
      );
    }
    let removed = 0;
    for (const n of await Promise.all(writes)) removed += n;
    return removed;
  }

  /** Replays one offset record of __consumer_offsets (a tombstone when `value` is null). */
  replay(groupId: string, topic: string, partition: number, value: CommittedOffset | null): void {
    let map = this.offsets.get(groupId);
    if (value === null) {
      map?.delete(tp(topic, partition));
      if (map?.size === 0) this.offsets.delete(groupId);
      return;
    }
    if (map === undefined) this.offsets.set(groupId, (map = new Map()));
    map.set(tp(topic, partition), { topic, partition, ...value });
  }
}
