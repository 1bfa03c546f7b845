/**
 * Offsets committed in producers' transactions (TxnOffsetCommit) and not decided yet: Kafka's
 * pendingTransactionalOffsets and openTransactionsByGroup. They are held apart from the committed
 * offsets, by producer, until the marker that ends the transaction on the group's
 * __consumer_offsets partition makes them committed (COMMIT) or drops them (ABORT). Meanwhile
 * they make OffsetFetch with require_stable answer UNSTABLE_OFFSET_COMMIT for their partitions,
 * keep those partitions from expiring, and a deletion tombstones them too.
 *
 * Writes handed to __consumer_offsets and not yet durable are kept here as well: they already
 * make their partitions unstable (as Kafka, whose in-memory state changes at the append), and a
 * marker for their producer waits for them, so that the log holds a transaction's offsets before
 * the marker that decides them.
 */
import type { StoredOffset } from './coordinator-types.ts';

/** The key of a topic partition in the maps of group offsets. */
export const offsetKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

interface PendingGroup {
  offsetsPartition: number;
  offsets: Map<string, StoredOffset>;
}

interface WriteInFlight {
  groupId: string;
  keys: string[];
  done: Promise<unknown>;
}

export class PendingTxnOffsets {
  /** Durable transactional offsets by producer id, then group. */
  private readonly byProducer = new Map<bigint, Map<string, PendingGroup>>();
  /** The producers with durable transactional offsets in each group. */
  private readonly producersByGroup = new Map<string, Set<bigint>>();
  /** Transactional writes handed over and not settled, by producer id. */
  private readonly inFlight = new Map<bigint, Set<WriteInFlight>>();

  /** Records a transactional offset once its record is durable. */
  add(producerId: bigint, groupId: string, offsetsPartition: number, offset: StoredOffset): void {
    let groups = this.byProducer.get(producerId);
    if (groups === undefined) this.byProducer.set(producerId, (groups = new Map()));
    let group = groups.get(groupId);
    if (group === undefined) groups.set(groupId, (group = { offsetsPartition, offsets: new Map() }));
    group.offsets.set(offsetKey(offset.topic, offset.partition), offset);
    let producers = this.producersByGroup.get(groupId);
    if (producers === undefined) this.producersByGroup.set(groupId, (producers = new Set()));
    producers.add(producerId);
  }

  /** Tracks a write until `done` settles; the caller adds its offsets when it succeeded. */
  track(producerId: bigint, groupId: string, partitions: { topic: string; partition: number }[], done: Promise<unknown>): void {
    let writes = this.inFlight.get(producerId);
    if (writes === undefined) this.inFlight.set(producerId, (writes = new Set()));
    const write = { groupId, keys: partitions.map((p) => offsetKey(p.topic, p.partition)), done };
    writes.add(write);
    const untrack = () => {
      writes.delete(write);
      if (writes.size === 0 && this.inFlight.get(producerId) === writes) this.inFlight.delete(producerId);
    };
    done.then(untrack, untrack);
  }

  /** Settles when every write of the producer handed over so far has. */
  async writesSettled(producerId: bigint): Promise<void> {
    const writes = this.inFlight.get(producerId);
    if (writes !== undefined) await Promise.allSettled([...writes].map((w) => w.done));
  }

  /** Whether an open transaction has an offset (durable or on its way) for the partition. */
  has(groupId: string, topic: string, partition: number): boolean {
    const key = offsetKey(topic, partition);
    for (const producerId of this.producersByGroup.get(groupId) ?? []) {
      if (this.byProducer.get(producerId)?.get(groupId)?.offsets.has(key)) return true;
    }
    for (const writes of this.inFlight.values()) for (const w of writes) if (w.groupId === groupId && w.keys.includes(key)) return true;
    return false;
  }

  /** The partitions with a durable transactional offset in a group, each once. */
  partitions(groupId: string): Map<string, { topic: string; partition: number }> {
    const out = new Map<string, { topic: string; partition: number }>();
    for (const producerId of this.producersByGroup.get(groupId) ?? []) {
      for (const [key, o] of this.byProducer.get(producerId)?.get(groupId)?.offsets ?? []) out.set(key, { topic: o.topic, partition: o.partition });
    }
    return out;
  }

  /**
   * Takes out what a marker of the producer on `offsetsPartition` decides: its offsets in the
   * groups kept on that partition (a transaction may span groups on several partitions, each
   * with its own marker).
   */
  take(producerId: bigint, offsetsPartition: number): Map<string, StoredOffset[]> {
    const decided = new Map<string, StoredOffset[]>();
    const groups = this.byProducer.get(producerId);
    if (groups === undefined) return decided;
    for (const [groupId, group] of groups) {
      if (group.offsetsPartition !== offsetsPartition) continue;
      decided.set(groupId, [...group.offsets.values()]);
      groups.delete(groupId);
      const producers = this.producersByGroup.get(groupId);
      producers?.delete(producerId);
      if (producers?.size === 0) this.producersByGroup.delete(groupId);
    }
    if (groups.size === 0) this.byProducer.delete(producerId);
    return decided;
  }

  /** A tombstone of a group's partition also removes it from the group's open transactions (Kafka's replay does). */
  drop(groupId: string, topic: string, partition: number): void {
    const key = offsetKey(topic, partition);
    for (const producerId of this.producersByGroup.get(groupId) ?? []) this.byProducer.get(producerId)?.get(groupId)?.offsets.delete(key);
  }

  /** The producers with undecided offsets, for tests and diagnostics. */
  get openProducers(): bigint[] {
    return [...this.byProducer.keys()];
  }
}
