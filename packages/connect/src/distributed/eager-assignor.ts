/**
 * Kafka's EagerAssignor (`connect.protocol=eager`): every rebalance starts from nothing (each
 * worker stopped all it ran before joining), connectors and then tasks go round-robin over the
 * members sorted by id, continuing the round where the connectors left off, so that connectors
 * and tasks do not pile up on the same workers.
 */
import type { ConnectorTaskId } from '../runtime/herder.ts';
import { compareStrings, compareTasks } from './connectors-and-tasks.ts';

export function eagerAssign(
  configured: { connectors: readonly string[]; tasks: readonly ConnectorTaskId[] },
  memberIds: readonly string[],
): Map<string, { connectors: string[]; tasks: ConnectorTaskId[] }> {
  const members = [...memberIds].sort(compareStrings);
  const result = new Map(members.map((id) => [id, { connectors: [] as string[], tasks: [] as ConnectorTaskId[] }]));
  if (members.length === 0) return result;
  let next = 0;
  const connectors = [...configured.connectors].sort(compareStrings);
  for (const connector of connectors) result.get(members[next++ % members.length]!)!.connectors.push(connector);
  const known = new Set(connectors);
  for (const task of [...configured.tasks].sort(compareTasks)) {
    if (!known.has(task.connector)) continue;
    result.get(members[next++ % members.length]!)!.tasks.push(task);
  }
  return result;
}
