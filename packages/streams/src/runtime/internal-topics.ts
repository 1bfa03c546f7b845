/**
 * Before the first poll: checks that the source topics exist and creates the internal topics
 * with the right partition count. A repartition topic gets the count given in Repartitioned, or
 * else the largest partition count among the topics the writing sub-topology reads (Kafka's
 * rule), resolved through chains of repartition topics; a changelog topic gets its
 * sub-topology's task count.
 */
import { type Admin, KafkaError } from '@sluice/client';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Topology } from '../topology/topology.ts';

export async function prepareTopics(admin: Admin, topology: Topology, applicationId: string, replicationFactor: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const userSources = topology.sourceTopics().filter((t) => !topology.isInternalTopic(t));
  const missing: string[] = [];
  for (const t of userSources) {
    try {
      const [d] = await admin.describeTopics([t]);
      counts.set(t, d.partitions.length);
    } catch (e) {
      if (e instanceof KafkaError && e.code === 'UNKNOWN_TOPIC_OR_PARTITION') missing.push(t);
      else throw e;
    }
  }
  if (missing.length > 0) {
    throw new StreamsError(StreamsErrorCode.MISSING_SOURCE_TOPIC, `source topic${missing.length > 1 ? 's' : ''} ${missing.map((t) => `'${t}'`).join(', ')} do${missing.length > 1 ? '' : 'es'} not exist; create ${missing.length > 1 ? 'them' : 'it'} before starting the application`);
  }

  // Topics the pattern sources match now count too (Kafka sizes repartition topics from them).
  const matchedBySub = new Map<number, string[]>();
  if (topology.sourcePatterns().length > 0 && topology.internalTopics().length > 0) {
    const named = new Set(topology.sourceTopics().map((t) => topology.physicalTopic(applicationId, t)));
    const matched = (await admin.listTopics()).filter((t) => !named.has(t) && topology.subtopologyOfTopic(t) !== undefined);
    for (const d of matched.length > 0 ? await admin.describeTopics(matched) : []) {
      counts.set(d.name, d.partitions.length);
      const id = topology.subtopologyOfTopic(d.name)!.id;
      matchedBySub.set(id, [...(matchedBySub.get(id) ?? []), d.name]);
    }
  }

  const internal = topology.internalTopics();
  const writers = new Map<string, number[]>();
  for (const name of topology.nodeNames()) {
    const n = topology.node(name);
    if (n.kind === 'sink' && typeof n.topic === 'string' && topology.isInternalTopic(n.topic)) {
      const sub = topology.subtopologies().find((s) => s.nodes.includes(name))!;
      writers.set(n.topic, [...(writers.get(n.topic) ?? []), sub.id]);
    }
  }
  // By number, not position: a global store's sub-topology takes a number but is not listed here.
  const subs = new Map(topology.subtopologies().map((s) => [s.id, s]));
  // A repartition topic feeding a join takes the partition count of the join's other inputs (Java's
  // CopartitionedTopicsEnforcer), unless Repartitioned gives one.
  const groups = topology.copartitionGroups();
  for (const group of groups) {
    const given = group.filter((t) => counts.has(t));
    if (given.length === 0) continue;
    const n = Math.max(...given.map((t) => counts.get(t)!));
    for (const t of internal) if (group.includes(t.name) && t.numberOfPartitions === undefined && !counts.has(t.name)) counts.set(t.name, n);
  }
  // Fixed point: a repartition topic fed from another repartition topic waits for that one.
  for (let round = 0; round <= internal.length; round++) {
    for (const t of internal) {
      if (counts.has(t.name)) continue;
      if (t.numberOfPartitions !== undefined) {
        counts.set(t.name, t.numberOfPartitions);
        continue;
      }
      const inputs = (writers.get(t.name) ?? []).flatMap((id) => [...subs.get(id)!.sourceTopics, ...(matchedBySub.get(id) ?? [])]);
      if (inputs.length > 0 && inputs.every((i) => counts.has(i))) counts.set(t.name, Math.max(...inputs.map((i) => counts.get(i)!)));
    }
  }
  checkCopartitioned(groups, counts);
  const unresolved = internal.filter((t) => !counts.has(t.name));
  if (unresolved.length > 0) throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `cannot work out the partition count of ${unresolved.map((t) => t.name).join(', ')} (a cycle of repartition topics, or a pattern source that matches no topic yet?); set Repartitioned.numberOfPartitions`);

  if (internal.length > 0) {
    const physical = internal.map((t) => ({ name: topology.physicalTopic(applicationId, t.name), partitions: counts.get(t.name)! }));
    await admin.createTopics(
      physical.map((t) => ({ name: t.name, numPartitions: t.partitions, replicationFactor, configs: { 'cleanup.policy': 'delete' } })),
      { ifNotExists: true },
    );
    const described = await admin.describeTopics(physical.map((t) => t.name));
    for (const [i, d] of described.entries()) {
      if (d.partitions.length !== physical[i].partitions) {
        throw new StreamsError(
          StreamsErrorCode.INVALID_TOPOLOGY,
          `internal topic '${d.name}' exists with ${d.partitions.length} partitions but the topology needs ${physical[i].partitions}; delete it (the application must be stopped) or set Repartitioned.numberOfPartitions`,
        );
      }
    }
  }
  await createChangelogTopics(admin, topology, applicationId, replicationFactor, (id) => {
    const inputs = [...subs.get(id)!.sourceTopics, ...(matchedBySub.get(id) ?? [])];
    return Math.max(0, ...inputs.map((i) => counts.get(i) ?? 0));
  });
  const physicalCounts = new Map<string, number>();
  for (const [t, n] of counts) physicalCounts.set(topology.physicalTopic(applicationId, t), n);
  return physicalCounts;
}

/**
 * Refuses to start when the topics of a co-partitioned group (the two sides of a join) have
 * different partition counts: partition p of each would not meet in one task, and records with
 * the same key would never join. Java's TopologyException message, with what to do.
 */
function checkCopartitioned(groups: string[][], counts: Map<string, number>): void {
  for (const group of groups) {
    const known = group.filter((t) => counts.has(t));
    if (new Set(known.map((t) => counts.get(t))).size <= 1) continue;
    const listed = known.map((t) => `${t}=${counts.get(t)}`).join(', ');
    throw new StreamsError(
      StreamsErrorCode.INVALID_TOPOLOGY,
      `Following topics do not have the same number of partitions: [{${listed}}]; a join reads its inputs partition by partition, so give them the same partition count (or repartition() one side with numberOfPartitions)`,
    );
  }
}

/**
 * Creates the changelog topic of every logged store: `<application.id>-<store>-changelog`,
 * compacted (Java's defaults: cleanup.policy=compact, message.timestamp.type=CreateTime, then
 * the store builder's withLoggingEnabled config), with as many partitions as the sub-topology
 * that writes it has tasks. An existing one with another partition count is refused, as Java
 * refuses it: its partitions would no longer match the tasks.
 */
async function createChangelogTopics(admin: Admin, topology: Topology, applicationId: string, replicationFactor: number, taskCount: (subtopology: number) => number): Promise<void> {
  const changelogs = topology.changelogTopics().map((c) => ({ name: topology.changelogTopic(applicationId, c.storeName), partitions: taskCount(c.subtopology), config: c.config }));
  if (changelogs.length === 0) return;
  await admin.createTopics(
    changelogs.map((c) => ({ name: c.name, numPartitions: c.partitions, replicationFactor, configs: { 'cleanup.policy': 'compact', 'message.timestamp.type': 'CreateTime', ...c.config } })),
    { ifNotExists: true },
  );
  const described = await admin.describeTopics(changelogs.map((c) => c.name));
  for (const [i, d] of described.entries()) {
    if (d.partitions.length !== changelogs[i].partitions) {
      throw new StreamsError(
        StreamsErrorCode.INVALID_TOPOLOGY,
        `changelog topic '${d.name}' exists with ${d.partitions.length} partitions but the topology has ${changelogs[i].partitions} tasks writing it; the input topics' partition counts changed? Stop every instance, delete the changelog topic and run KafkaStreams.cleanUp() (the store is rebuilt from the input), or restore the partition count`,
      );
    }
  }
}
