/**
 * The streams partition assignor. Kafka's range or sticky assignors place partitions one by one,
 * which would split a task: a sub-topology reading two co-partitioned topics must get partition
 * p of both on the same instance. This assignor assigns tasks (`<subtopology>_<partition>`),
 * balanced by count, each staying with its previous owner where balance allows (owners report
 * their tasks in the subscription's user data). It also carries the SHUTDOWN_APPLICATION
 * request of one instance to every instance, as Kafka's assignor does.
 *
 * Stateful tasks: a task whose owner left goes to a member with its standby or its state on
 * disk, and `num.standby.replicas` standbys of each are placed on other members
 * (standby-assignment.ts).
 *
 * Rebalancing is cooperative, as in Kafka Streams: an instance keeps processing the tasks it
 * keeps, and a task that moves is first given up by its owner (which then rejoins), and handed to
 * its new owner by the follow-up rebalance.
 */
import type { AssignInput, Assignment, PartitionAssignor, TopicPartition } from '@sluice/client';
import type { Topology } from '../topology/topology.ts';
import { type MemberState, memberForTask, placeStandbys } from './standby-assignment.ts';

interface SubscriptionInfo {
  v: 1;
  tasks: string[];
  shutdown: boolean;
  /** The member's application.server (`host:port`), when it has one. */
  endpoint?: string;
  /** Tasks it keeps standbys of, and tasks whose state it has on disk (standby-assignment.ts). */
  standbys?: string[];
  stateful?: string[];
}

/** Which tasks an instance with an application.server runs: what interactive queries route by. */
export interface HostTasks {
  endpoint: string;
  active: string[];
  standby: string[];
}

interface AssignmentInfo {
  v: 1;
  tasks: string[];
  error: 'SHUTDOWN_APPLICATION' | null;
  /** Every member with an application.server and its tasks (Java's partitionsByHost). */
  hosts?: HostTasks[];
  /** Tasks per sub-topology (the partition count its keys are spread over). */
  taskCounts?: { [subtopology: number]: number };
  /** The standby tasks this member keeps (num.standby.replicas). */
  standbys?: string[];
}

/** What a member learns from its assignment. */
export interface AssignmentNews {
  tasks: string[];
  shutdownApplication: boolean;
  hosts: HostTasks[];
  taskCounts: ReadonlyMap<number, number>;
  /** The standby tasks this instance keeps. */
  standbys: string[];
}

export interface TaskSpec {
  id: string;
  subtopology: number;
  partition: number;
}

export interface AssignorHost {
  ownedTasks(): string[];
  shutdownRequested(): boolean;
  onAssignmentInfo(info: AssignmentNews): void;
  /** This instance's application.server, '' when it has none. */
  userEndpoint?(): string;
  /** The standby tasks it keeps, and the tasks whose state it has on disk. */
  standbyTasks?(): string[];
  statefulTasks?(): string[];
  /** num.standby.replicas. */
  numStandbyReplicas?: number;
}

export const STREAMS_ASSIGNOR_NAME = 'sluice-streams';

function parse<T>(b: Buffer | null | undefined): T | null {
  if (!b || b.length === 0) return null;
  try {
    return JSON.parse(b.toString('utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * The physical topics each sub-topology reads: its named topics, and the subscribed topics its
 * pattern sources match (the group's metadata decides which exist; new ones join on the next
 * rebalance, which the consumer's pattern subscription triggers).
 */
export function topicsBySubtopology(topology: Topology, applicationId: string, partitionsPerTopic: ReadonlyMap<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const named = new Set<string>();
  for (const sub of topology.subtopologies()) {
    const physical = sub.sourceTopics.map((t) => topology.physicalTopic(applicationId, t));
    for (const t of physical) named.add(t);
    out.set(sub.id, physical);
  }
  if (topology.sourcePatterns().length === 0) return out;
  for (const topic of [...partitionsPerTopic.keys()].sort()) {
    if (named.has(topic)) continue;
    const sub = topology.subtopologyOfTopic(topic);
    if (sub) out.get(sub.id)!.push(topic);
  }
  return out;
}

/** Tasks of a topology given the partition counts of its (physical) source topics. */
export function tasksOf(topology: Topology, applicationId: string, partitionsPerTopic: ReadonlyMap<string, number>): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const topics = topicsBySubtopology(topology, applicationId, partitionsPerTopic);
  for (const sub of topology.subtopologies()) {
    let n = 0;
    for (const t of topics.get(sub.id)!) n = Math.max(n, partitionsPerTopic.get(t) ?? 0);
    for (let p = 0; p < n; p++) tasks.push({ id: `${sub.id}_${p}`, subtopology: sub.id, partition: p });
  }
  return tasks;
}

export class StreamsAssignor implements PartitionAssignor {
  readonly name = STREAMS_ASSIGNOR_NAME;
  readonly rebalanceProtocols = ['cooperative', 'eager'] as const;

  private readonly topology: Topology;
  private readonly applicationId: string;
  private readonly host: AssignorHost;

  constructor(topology: Topology, applicationId: string, host: AssignorHost) {
    this.topology = topology;
    this.applicationId = applicationId;
    this.host = host;
  }

  subscriptionUserData(): Buffer {
    const info: SubscriptionInfo = { v: 1, tasks: this.host.ownedTasks(), shutdown: this.host.shutdownRequested() };
    const endpoint = this.host.userEndpoint?.();
    if (endpoint) info.endpoint = endpoint;
    const standbys = this.host.standbyTasks?.() ?? [];
    if (standbys.length > 0) info.standbys = standbys;
    const stateful = this.host.statefulTasks?.() ?? [];
    if (stateful.length > 0) info.stateful = stateful;
    return Buffer.from(JSON.stringify(info));
  }

  assign(input: AssignInput): Map<string, Assignment> {
    const memberIds = [...input.members.keys()].sort();
    const infos = new Map(memberIds.map((id) => [id, parse<SubscriptionInfo>(input.members.get(id)!.userData)]));
    const out = new Map<string, Assignment>();
    if ([...infos.values()].some((i) => i?.shutdown)) {
      const info: AssignmentInfo = { v: 1, tasks: [], error: 'SHUTDOWN_APPLICATION' };
      for (const id of memberIds) out.set(id, { partitions: [], userData: Buffer.from(JSON.stringify(info)) });
      return out;
    }
    // Partition-major order spreads each sub-topology's tasks over the members.
    const tasks = tasksOf(this.topology, this.applicationId, input.partitionsPerTopic).sort((a, b) => a.partition - b.partition || a.subtopology - b.subtopology);
    const capacity = Math.ceil(tasks.length / Math.max(1, memberIds.length));
    const previous = new Map<string, string>();
    for (const id of memberIds) for (const t of infos.get(id)?.tasks ?? []) if (!previous.has(t)) previous.set(t, id);
    const load = new Map(memberIds.map((id) => [id, [] as TaskSpec[]]));
    const unplaced: TaskSpec[] = [];
    for (const t of tasks) {
      const owner = previous.get(t.id);
      if (owner !== undefined && load.get(owner)!.length < capacity) load.get(owner)!.push(t);
      else unplaced.push(t);
    }
    const states = new Map<string, MemberState>(memberIds.map((id) => [id, { standbys: new Set(infos.get(id)?.standbys ?? []), stateful: new Set(infos.get(id)?.stateful ?? []) }]));
    for (const t of unplaced) load.get(memberForTask(t, memberIds, load, capacity, states))!.push(t);
    const activeOwner = new Map<string, string>();
    for (const [id, list] of load) for (const t of list) activeOwner.set(t.id, id);
    const statefulSubs = new Set(this.topology.changelogTopics().map((c) => c.subtopology));
    const standbys = placeStandbys(tasks, (t) => statefulSubs.has((t as TaskSpec).subtopology), memberIds, activeOwner, states, this.host.numStandbyReplicas ?? 0);
    const topicsOf = topicsBySubtopology(this.topology, this.applicationId, input.partitionsPerTopic);
    const members = new Set(memberIds);
    // Interactive queries: every instance learns which instance (by application.server) runs which task.
    const hosts: HostTasks[] = memberIds.flatMap((id) => {
      const endpoint = infos.get(id)?.endpoint;
      return endpoint ? [{ endpoint, active: load.get(id)!.map((t) => t.id).sort(), standby: [...standbys.get(id)!].sort() }] : [];
    });
    const taskCounts: { [subtopology: number]: number } = {};
    for (const t of tasks) taskCounts[t.subtopology] = Math.max(taskCounts[t.subtopology] ?? 0, t.partition + 1);
    for (const id of memberIds) {
      const partitions: TopicPartition[] = [];
      let mine = load.get(id)!;
      if (input.rebalanceProtocol === 'cooperative') {
        // A task another member still runs waits until that member has given it up.
        mine = mine.filter((t) => {
          const owner = previous.get(t.id);
          return owner === undefined || owner === id || !members.has(owner);
        });
      }
      for (const t of mine) {
        for (const topic of topicsOf.get(t.subtopology)!) {
          if (t.partition < (input.partitionsPerTopic.get(topic) ?? 0)) partitions.push({ topic, partition: t.partition });
        }
      }
      // A member giving a task up (cooperative) may keep it as a standby: its state is there already.
      const info: AssignmentInfo = { v: 1, tasks: mine.map((t) => t.id), error: null, hosts, taskCounts, standbys: standbys.get(id)! };
      out.set(id, { partitions, userData: Buffer.from(JSON.stringify(info)) });
    }
    return out;
  }

  onAssignment(assignment: Assignment): void {
    const info = parse<AssignmentInfo>(assignment.userData);
    const counts = new Map(Object.entries(info?.taskCounts ?? {}).map(([sub, n]) => [Number(sub), n]));
    this.host.onAssignmentInfo({ tasks: info?.tasks ?? [], shutdownApplication: info?.error === 'SHUTDOWN_APPLICATION', hosts: info?.hosts ?? [], taskCounts: counts, standbys: info?.standbys ?? [] });
  }
}
