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
 *
 * Transactional commits (TxnOffsetCommit) are written in the producer's transaction and held
 * apart (txn-offsets.ts) until the transaction's marker on the group's partition commits them
 * (completeTransaction) or drops them; replay rebuilds them the same way from the records and the
 * markers, and those of a transaction with no marker yet stay pending until its coordinator,
 * loaded after the groups, sends it.
 */
import { ErrorCode } from '@sluice/protocol';
import type { BrokerLog } from '../log.ts';
import { GroupError } from '../errors.ts';
import type { ClassicGroup } from './classic-group.ts';
import type { CommittedOffset, GroupConfig, GroupStore, OffsetCommitRequest, OffsetsTxnMarker, StoredOffset, TxnOffsetCommitRequest } from './coordinator-types.ts';
import { type GroupRecord, offsetRecord, offsetTombstone, groupTombstone } from './records.ts';
import { PendingTxnOffsets, offsetKey as tp } from './txn-offsets.ts';

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

/** Where a replayed record was found in __consumer_offsets, and the producer whose transaction wrote it (null: none). */
export interface ReplayPosition {
  offsetsPartition: number;
  recordOffset: bigint;
  producerId: bigint | null;
}

/** Records replayed without a position (tests): none is transactional, and each is later than the ones before. */
const NO_POSITION: ReplayPosition = { offsetsPartition: -1, recordOffset: -1n, producerId: null };

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

/** The storage refusals a transactional write answers with as they are: the producer is fenced or out of step. */
const PRODUCER_REFUSALS: ReadonlySet<number> = new Set([ErrorCode.INVALID_PRODUCER_EPOCH, ErrorCode.INVALID_TXN_STATE, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER]);

export class OffsetStore {
  /** The durable offsets, by group, then by partition. */
  readonly offsets = new Map<string, Map<string, StoredOffset>>();

  /**
   * Commits handed to the store and not yet durable, per group and partition (Kafka's
   * pendingOffsetCommits): a deletion must tombstone their partitions too, and they keep their
   * partition (and its group) from expiring meanwhile.
   */
  private readonly pendingCommits = new Map<string, Map<string, { topic: string; partition: number; writes: number }>>();

  /** Offsets of open transactions, waiting for their marker. */
  readonly transactional = new PendingTxnOffsets();

  private readonly config: Pick<GroupConfig, 'offsetsRetentionMs' | 'offsetMetadataMaxBytes'>;
  private readonly store: GroupStore;
  private readonly groups: OffsetGroups;
  private readonly now: () => number;
  private readonly log: Pick<BrokerLog, 'warn'>;

  constructor(
    config: Pick<GroupConfig, 'offsetsRetentionMs' | 'offsetMetadataMaxBytes'>,
    store: GroupStore,
    groups: OffsetGroups,
    now: () => number,
    log: Pick<BrokerLog, 'warn'>,
  ) {
    this.config = config;
    this.store = store;
    this.groups = groups;
    this.now = now;
    this.log = log;
  }

  /**
   * Kafka's ClassicGroup.validateOffsetCommit: NONE, or the error every partition of the commit
   * gets. A transactional commit skips the two rules for plain ones (a member-less commit to a
   * group with members, a commit during CompletingRebalance): the producer may commit for a
   * group it is not a live member of.
   */
  private validateCommit(req: OffsetCommitRequest, transactional: boolean): number {
    // A simple group (generation -1, no member) that does not exist yet is made only once the
    // commit stores something (see store()).
    const group = this.groups.get(req.groupId);
    if (group === undefined) return req.generationId >= 0 ? ErrorCode.ILLEGAL_GENERATION : ErrorCode.NONE;
    if (group.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (req.generationId < 0 && group.state === 'Empty') return ErrorCode.NONE;
    if (req.generationId >= 0 || req.memberId !== '' || req.groupInstanceId !== null) {
      try {
        group.validateMember(req.memberId, req.groupInstanceId);
      } catch (e) {
        return (e as GroupError).errorCode;
      }
      if (req.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    } else if (!transactional && group.state !== 'Empty') return ErrorCode.UNKNOWN_MEMBER_ID;
    if (!transactional && group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    return ErrorCode.NONE;
  }

  /** The records of a commit's offsets, and a code per partition (OFFSET_METADATA_TOO_LARGE refuses one). */
  private recordsOf(req: OffsetCommitRequest): { codes: number[]; records: GroupRecord[]; accepted: Omit<StoredOffset, 'recordOffset'>[] } {
    const now = BigInt(this.now());
    const codes: number[] = [];
    const records: GroupRecord[] = [];
    const accepted: Omit<StoredOffset, 'recordOffset'>[] = [];
    for (const o of req.offsets) {
      const metadata = o.metadata ?? '';
      if (Buffer.byteLength(metadata) > this.config.offsetMetadataMaxBytes) {
        codes.push(ErrorCode.OFFSET_METADATA_TOO_LARGE);
        continue;
      }
      const value = { topic: o.topic, partition: o.partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata, commitTimestamp: now };
      records.push(offsetRecord(req.groupId, o.topic, o.partition, value));
      accepted.push(value);
      codes.push(ErrorCode.NONE);
    }
    return { codes, records, accepted };
  }

  /** The group a simple consumer's first commit makes goes again when that commit stored nothing, unless it has been used since. */
  private dropIfUnused(groupId: string, created: ClassicGroup | undefined): void {
    if (created !== undefined && this.groups.isCurrent(created) && created.state === 'Empty' && created.members.size === 0 && this.partitionsWithOffsets(groupId).length === 0) this.groups.remove(created);
  }

  /** Validates and stores commits; resolves with an error code per partition, in request order. */
  async commit(req: OffsetCommitRequest): Promise<number[]> {
    const refused = this.validateCommit(req, false);
    if (refused !== ErrorCode.NONE) return req.offsets.map(() => refused);
    const { codes, records, accepted } = this.recordsOf(req);
    if (records.length === 0) return codes;
    const created = this.groups.get(req.groupId) === undefined ? this.groups.create(req.groupId) : undefined;
    for (const a of accepted) this.changePending(req.groupId, a, +1);
    let first: bigint;
    try {
      first = await this.store.append(req.groupId, records);
    } catch {
      for (const a of accepted) this.changePending(req.groupId, a, -1);
      this.dropIfUnused(req.groupId, created);
      return codes.map((c) => (c === ErrorCode.NONE ? ErrorCode.COORDINATOR_NOT_AVAILABLE : c));
    }
    for (const a of accepted) this.changePending(req.groupId, a, -1);
    accepted.forEach((a, i) => this.putCommitted(req.groupId, { ...a, recordOffset: first + BigInt(i) }));
    return codes;
  }

  /**
   * Makes an offset committed unless the one committed has a later record: a plain commit
   * always has, in log order; a transaction's offset made visible by its marker may not (a plain
   * commit written between the transaction's offset and its marker wins, as in Kafka).
   */
  private putCommitted(groupId: string, value: StoredOffset): void {
    let map = this.offsets.get(groupId);
    if (map === undefined) this.offsets.set(groupId, (map = new Map()));
    const key = tp(value.topic, value.partition);
    const existing = map.get(key);
    if (existing === undefined || value.recordOffset > existing.recordOffset) map.set(key, value);
  }

  // ------------------------------------------------------------------ transactions

  /**
   * TxnOffsetCommit: `verify` asks the transaction coordinator whether the group's
   * __consumer_offsets partition is in the producer's transaction (or adds it, transactions
   * version 2) and answers NONE or the error for every partition; then the group is checked as
   * for a plain commit (Kafka's validateTransactionalOffsetCommit) and the offsets are written in
   * the transaction, pending until its marker. Resolves with a code per partition.
   *
   * Nothing runs between the verification's answer and the append but this code: a marker cannot
   * land between them, so an offset is never written after the marker of the transaction it
   * was verified for.
   */
  async commitTransactional(req: TxnOffsetCommitRequest, verify: (offsetsPartition: number) => Promise<number>): Promise<number[]> {
    const all = (code: number) => req.offsets.map(() => code);
    let offsetsPartition: number;
    try {
      offsetsPartition = await this.store.offsetsPartition(req.groupId);
    } catch {
      return all(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    }
    let verified: number;
    try {
      verified = await verify(offsetsPartition);
    } catch (e) {
      this.log.warn(`verifying the transaction of ${req.transactionalId} for group ${req.groupId} failed: ${e}`);
      verified = ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    if (verified !== ErrorCode.NONE) return all(verified);
    const refused = this.validateCommit(req, true);
    if (refused !== ErrorCode.NONE) return all(refused);
    const { codes, records, accepted } = this.recordsOf(req);
    if (records.length === 0) return codes;
    const created = this.groups.get(req.groupId) === undefined ? this.groups.create(req.groupId) : undefined;
    const writing = this.store.appendTransactional(req.groupId, { producerId: req.producerId, producerEpoch: req.producerEpoch }, records);
    this.transactional.track(req.producerId, req.groupId, accepted, writing);
    let first: bigint;
    try {
      first = await writing;
    } catch (e) {
      this.dropIfUnused(req.groupId, created);
      const code = (e as { errorCode?: unknown } | null)?.errorCode;
      const answer = typeof code === 'number' && PRODUCER_REFUSALS.has(code) ? code : ErrorCode.COORDINATOR_NOT_AVAILABLE;
      return codes.map((c) => (c === ErrorCode.NONE ? answer : c));
    }
    accepted.forEach((a, i) => this.transactional.add(req.producerId, req.groupId, offsetsPartition, { ...a, recordOffset: first + BigInt(i) }));
    return codes;
  }

  /**
   * Ends a producer's transaction on one __consumer_offsets partition, for its coordinator: the
   * marker is written (after the producer's offset writes still in flight, so the log has them
   * before it), then its offsets in the groups of that partition become committed (COMMIT) or
   * are dropped (ABORT). Rejects, changing nothing, when the marker cannot be written (the
   * partition's refusal carries Kafka's errorCode: INVALID_PRODUCER_EPOCH for a marker already
   * superseded); the coordinator retries or gives up as Kafka's does.
   */
  async completeTransaction(offsetsPartition: number, marker: OffsetsTxnMarker): Promise<void> {
    await this.transactional.writesSettled(marker.producerId);
    const written = await this.store.appendMarker(offsetsPartition, marker);
    // No partition, nothing was ever written there in a transaction.
    if (written) this.settleTransaction(offsetsPartition, marker.producerId, marker.commit);
  }

  private settleTransaction(offsetsPartition: number, producerId: bigint, commit: boolean): void {
    // Offsets alone make no group in memory, as with plain commits: a simple consumer's group
    // made by its first commit is there already, and a replay keeps offsets by group id.
    for (const [groupId, offsets] of this.transactional.take(producerId, offsetsPartition)) {
      if (commit) for (const o of offsets) this.putCommitted(groupId, o);
    }
  }

  /** Whether an open transaction holds an offset of the partition (OffsetFetch's require_stable). */
  hasPendingTransactionalOffset(groupId: string, topic: string, partition: number): boolean {
    return this.transactional.has(groupId, topic, partition);
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

  /** A commit in flight, or an open transaction's offset, for the partition: it must not expire. */
  private hasPendingCommit(groupId: string, key: string): boolean {
    return (this.pendingCommits.get(groupId)?.has(key) ?? false) || this.transactional.partitions(groupId).has(key);
  }

  /** Partitions with an offset, durable, on its way or in an open transaction: what a deletion must tombstone. */
  partitionsWithOffsets(groupId: string): TopicPartitionRef[] {
    const out = new Map<string, TopicPartitionRef>();
    for (const [key, o] of this.offsets.get(groupId) ?? []) out.set(key, { topic: o.topic, partition: o.partition });
    for (const [key, p] of this.pendingCommits.get(groupId) ?? []) out.set(key, { topic: p.topic, partition: p.partition });
    for (const [key, p] of this.transactional.partitions(groupId)) out.set(key, p);
    return [...out.values()];
  }

  /** Hands tombstones (and `extra` records) to the store; once durable, the offsets leave memory too. */
  async remove(groupId: string, partitions: TopicPartitionRef[], extra: GroupRecord[] = []): Promise<void> {
    const records = [...partitions.map((p) => offsetTombstone(groupId, p.topic, p.partition)), ...extra];
    if (records.length === 0) return;
    await this.store.append(groupId, records);
    for (const p of partitions) this.transactional.drop(groupId, p.topic, p.partition);
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
      const left = map.size - expired.length + (this.pendingCommits.get(groupId)?.size ?? 0) + this.transactional.partitions(groupId).size;
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

  /**
   * Replays one offset record of __consumer_offsets (a tombstone when `value` is null), found at
   * `at.recordOffset` of partition `at.offsetsPartition`; `at.producerId` is set when the record
   * was written in a transaction: it then waits for its marker (replayMarker).
   */
  replay(groupId: string, topic: string, partition: number, value: CommittedOffset | null, at: ReplayPosition = NO_POSITION): void {
    if (value === null) {
      const map = this.offsets.get(groupId);
      map?.delete(tp(topic, partition));
      if (map?.size === 0) this.offsets.delete(groupId);
      this.transactional.drop(groupId, topic, partition);
      return;
    }
    const stored = { topic, partition, ...value, recordOffset: at.recordOffset };
    if (at.producerId !== null) return this.transactional.add(at.producerId, groupId, at.offsetsPartition, stored);
    // In log order: the record read last is the later one.
    let map = this.offsets.get(groupId);
    if (map === undefined) this.offsets.set(groupId, (map = new Map()));
    map.set(tp(topic, partition), stored);
  }

  /** Replays a COMMIT or ABORT marker of __consumer_offsets: what it decided of the producer's offsets there. */
  replayMarker(offsetsPartition: number, producerId: bigint, commit: boolean): void {
    this.settleTransaction(offsetsPartition, producerId, commit);
  }
}
