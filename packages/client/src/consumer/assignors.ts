/**
 * Partition assignors of the classic "consumer" group protocol. The group leader runs the
 * assignor chosen by the group (the first of the leader's list that every member supports) over
 * every member's subscription. The interface mirrors Java's ConsumerPartitionAssignor, so other
 * assignors (Kafka Streams' "stream" assignor with its own subscription userData, custom ones)
 * plug in the same way.
 */

export interface TopicPartition {
  topic: string;
  partition: number;
}

export type RebalanceProtocol = 'eager' | 'cooperative';

export interface Subscription {
  topics: string[];
  /** Assignor-specific bytes (`subscriptionUserData`). */
  userData: Buffer | null;
  /** What the member owned when it joined (cooperative and sticky assignors use it). */
  ownedPartitions: TopicPartition[];
  /** The generation the owned partitions are from (-1 unknown). */
  generationId: number;
  rackId: string | null;
  groupInstanceId: string | null;
}

export interface Assignment {
  partitions: TopicPartition[];
  userData?: Buffer | null;
}

export interface AssignInput {
  /** Partition counts of every topic any member subscribes to (topics that do not exist are absent). */
  partitionsPerTopic: ReadonlyMap<string, number>;
  /** Subscriptions by member id. */
  members: ReadonlyMap<string, Subscription>;
  /** The protocol the group rebalances with this time. */
  rebalanceProtocol: RebalanceProtocol;
  /** The new generation. */
  generationId: number;
}

export interface PartitionAssignor {
  /** The protocol name members agree on: 'range', 'roundrobin', 'cooperative-sticky', 'stream', ... */
  readonly name: string;
  /** Rebalance protocols the assignor supports; default ['eager']. */
  readonly rebalanceProtocols?: readonly RebalanceProtocol[];
  /** Bytes this member adds to its subscription for this assignor. */
  subscriptionUserData?(topics: readonly string[], info: { generationId: number; ownedPartitions: readonly TopicPartition[] }): Buffer | null;
  /** Leader only: the assignment of every member (members left out get nothing). */
  assign(input: AssignInput): Map<string, Assignment> | Promise<Map<string, Assignment>>;
  /** Every member, after the group settled: this member's assignment. */
  onAssignment?(assignment: Assignment, info: { generationId: number; memberId: string }): void;
}

export function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}

/** Java's MemberInfo order: static members by instance id first, then the rest by member id. */
function compareMembers(a: [string, Subscription], b: [string, Subscription]): number {
  const ai = a[1].groupInstanceId;
  const bi = b[1].groupInstanceId;
  if (ai !== null && bi !== null) return ai < bi ? -1 : ai > bi ? 1 : 0;
  if (ai !== null) return -1;
  if (bi !== null) return 1;
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function emptyAssignment(members: ReadonlyMap<string, Subscription>): Map<string, TopicPartition[]> {
  const out = new Map<string, TopicPartition[]>();
  for (const id of members.keys()) out.set(id, []);
  return out;
}

function wrap(parts: Map<string, TopicPartition[]>): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  for (const [id, list] of parts) out.set(id, { partitions: list.sort(compareTopicPartitions) });
  return out;
}

/** Kafka's RangeAssignor: per topic, consecutive ranges over the members subscribed to it. */
export const rangeAssignor: PartitionAssignor = {
  name: 'range',
  rebalanceProtocols: ['eager'],
  assign({ partitionsPerTopic, members }) {
    const out = emptyAssignment(members);
    const sorted = [...members].sort(compareMembers);
    for (const [topic, count] of [...partitionsPerTopic].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const subscribed = sorted.filter(([, s]) => s.topics.includes(topic));
      const m = subscribed.length;
      if (m === 0) continue;
      const per = Math.floor(count / m);
      const extra = count % m;
      subscribed.forEach(([id], i) => {
        const start = per * i + Math.min(i, extra);
        const length = per + (i < extra ? 1 : 0);
        for (let p = start; p < start + length; p++) out.get(id)!.push({ topic, partition: p });
      });
    }
    return wrap(out);
  },
};

/** Kafka's RoundRobinAssignor: all partitions in topic order, dealt round the sorted members. */
export const roundRobinAssignor: PartitionAssignor = {
  name: 'roundrobin',
  rebalanceProtocols: ['eager'],
  assign({ partitionsPerTopic, members }) {
    const out = emptyAssignment(members);
    const sorted = [...members].sort(compareMembers);
    const topics = new Set<string>();
    for (const s of members.values()) for (const t of s.topics) topics.add(t);
    let cursor = 0;
    for (const topic of [...topics].sort()) {
      const count = partitionsPerTopic.get(topic);
      if (count === undefined) continue;
      for (let p = 0; p < count; p++) {
        // Advance to the next member subscribed to this topic (one exists: the topic came from a subscription).
        while (!sorted[cursor % sorted.length][1].topics.includes(topic)) cursor++;
        out.get(sorted[cursor % sorted.length][0])!.push({ topic, partition: p });
        cursor++;
      }
    }
    return wrap(out);
  },
};

/**
 * A sticky, balanced assignment: members keep what they own (from their subscription's owned
 * partitions; on conflicting claims the newest generation wins), unowned partitions go to the
 * least loaded member subscribed to their topic, then partitions move from the most to the least
 * loaded members until no eligible member has two fewer than another. Moves prefer partitions
 * the member did not own before.
 *
 * With the cooperative protocol a partition that changes owner is left out of this round: its
 * old owner revokes it, rejoins, and the follow-up rebalance hands it to the new owner.
 */
export function stickyAssign(input: AssignInput): Map<string, Assignment> {
  const { partitionsPerTopic, members } = input;
  const ids = [...members.keys()].sort();
  const subscribed = new Map<string, Set<string>>();
  for (const id of ids) subscribed.set(id, new Set(members.get(id)!.topics.filter((t) => partitionsPerTopic.has(t))));

  // Current owners, from the owned partitions members report.
  const owner = new Map<string, { id: string; generation: number; conflict: boolean }>();
  for (const id of ids) {
    const s = members.get(id)!;
    for (const tp of s.ownedPartitions) {
      const count = partitionsPerTopic.get(tp.topic);
      if (count === undefined || tp.partition >= count || !subscribed.get(id)!.has(tp.topic)) continue;
      const key = tpKey(tp.topic, tp.partition);
      const prev = owner.get(key);
      if (!prev || s.generationId > prev.generation) owner.set(key, { id, generation: s.generationId, conflict: false });
      else if (s.generationId === prev.generation) prev.conflict = true;
    }
  }

  const assigned = new Map<string, TopicPartition[]>();
  for (const id of ids) assigned.set(id, []);
  const holder = new Map<string, string>();
  const all: TopicPartition[] = [];
  for (const [topic, count] of [...partitionsPerTopic].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let interested = false;
    for (const id of ids) if (subscribed.get(id)!.has(topic)) interested = true;
    if (!interested) continue;
    for (let p = 0; p < count; p++) all.push({ topic, partition: p });
  }
  const unassigned: TopicPartition[] = [];
  for (const tp of all) {
    const o = owner.get(tpKey(tp.topic, tp.partition));
    if (o && !o.conflict) {
      assigned.get(o.id)!.push(tp);
      holder.set(tpKey(tp.topic, tp.partition), o.id);
    } else {
      unassigned.push(tp);
    }
  }

  // Members holding more than their fair share give the excess back first (keeps moves minimal
  // when all members subscribe to the same topics; the balancing loop below handles the rest).
  const sameTopics = ids.every((id) => sameSet(subscribed.get(id)!, subscribed.get(ids[0])!));
  if (sameTopics && ids.length > 0) {
    const total = all.length;
    const min = Math.floor(total / ids.length);
    let maxSlots = total % ids.length;
    const byLoad = [...ids].sort((a, b) => assigned.get(b)!.length - assigned.get(a)!.length || (a < b ? -1 : 1));
    for (const id of byLoad) {
      const list = assigned.get(id)!;
      let keep = min;
      if (list.length > min && maxSlots > 0) {
        keep = min + 1;
        maxSlots--;
      }
      if (list.length > keep) {
        list.sort(compareTopicPartitions);
        for (const tp of list.splice(keep)) {
          holder.delete(tpKey(tp.topic, tp.partition));
          unassigned.push(tp);
        }
      }
    }
  }

  // Unowned partitions to the least loaded eligible member.
  unassigned.sort(compareTopicPartitions);
  for (const tp of unassigned) {
    let best: string | null = null;
    for (const id of ids) {
      if (!subscribed.get(id)!.has(tp.topic)) continue;
      if (best === null || assigned.get(id)!.length < assigned.get(best)!.length) best = id;
    }
    if (best === null) continue;
    assigned.get(best)!.push(tp);
    holder.set(tpKey(tp.topic, tp.partition), best);
  }

  // Balance: move from the most loaded to a member with at least two fewer that can take it.
  for (let guard = 0; guard < all.length * ids.length + 1; guard++) {
    const order = [...ids].sort((a, b) => assigned.get(b)!.length - assigned.get(a)!.length || (a < b ? -1 : 1));
    let moved = false;
    for (const from of order) {
      const fromList = assigned.get(from)!;
      for (const to of [...order].reverse()) {
        if (assigned.get(to)!.length + 1 >= fromList.length) break;
        const candidates = fromList.filter((tp) => subscribed.get(to)!.has(tp.topic));
        if (candidates.length === 0) continue;
        const notOwned = candidates.find((tp) => owner.get(tpKey(tp.topic, tp.partition))?.id !== from);
        const tp = notOwned ?? candidates[candidates.length - 1];
        fromList.splice(fromList.indexOf(tp), 1);
        assigned.get(to)!.push(tp);
        holder.set(tpKey(tp.topic, tp.partition), to);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) break;
  }

  if (input.rebalanceProtocol === 'cooperative') {
    // A partition still owned by another member waits for that member to revoke it.
    for (const [id, list] of assigned) {
      assigned.set(
        id,
        list.filter((tp) => {
          const o = owner.get(tpKey(tp.topic, tp.partition));
          return !o || o.conflict || o.id === id || !members.has(o.id);
        }),
      );
    }
  }
  return wrap(assigned);
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Kafka's "cooperative-sticky" protocol name, with Sluice's sticky algorithm. */
export const cooperativeStickyAssignor: PartitionAssignor = {
  name: 'cooperative-sticky',
  rebalanceProtocols: ['cooperative', 'eager'],
  assign: stickyAssign,
};

export const builtInAssignors: Readonly<Record<string, PartitionAssignor>> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  'cooperative-sticky': cooperativeStickyAssignor,
};

/**
 * The protocol the group can use: cooperative only when every configured assignor supports it
 * (Java picks the highest protocol common to all of them).
 */
export function commonRebalanceProtocol(assignors: readonly PartitionAssignor[]): RebalanceProtocol {
  return assignors.every((a) => (a.rebalanceProtocols ?? ['eager']).includes('cooperative')) ? 'cooperative' : 'eager';
}
