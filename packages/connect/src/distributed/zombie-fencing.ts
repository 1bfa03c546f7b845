/**
 * Zombie fencing of exactly-once source tasks (KIP-618), as Kafka's DistributedHerder and Worker
 * do it. Before a new generation of a connector's task configs runs, the leader fences the
 * transactional producers of the previous generation (`<group.id>-<connector>-<task>` for each of
 * its tasks: Admin.fenceProducers), so that a task still running on a worker that lost it can
 * commit nothing more, and then writes a task-count record (`tasks-fencing-<connector>` →
 * `{"task-count": n}`) to the config topic. Task configs committed after the last task-count
 * record mean a fencing is pending; tasks do not start until it is done.
 */
import type { Admin } from '@sluice/client';
import { taskTransactionalId } from '../runtime/worker.ts';

export const TASK_COUNT_KEY_PREFIX = 'tasks-fencing-';

export const taskCountKey = (connector: string): string => `${TASK_COUNT_KEY_PREFIX}${connector}`;

/** TASK_COUNT_RECORD_V0 as Kafka's internal JsonConverter writes it: `{"task-count":n}`. */
export const taskCountValue = (taskCount: number): Buffer => Buffer.from(JSON.stringify({ 'task-count': taskCount }), 'utf8');

/** The task count of a record's value, or null when it is not one Kafka would read (Kafka logs and ignores it). */
export function parseTaskCount(value: Buffer | null): number | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value.toString('utf8')) as unknown;
    const n = (parsed as Record<string, unknown> | null)?.['task-count'];
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
  } catch {
    return null;
  }
}

/** What the config topic says of one connector, for a round of fencing. */
export interface FencingState {
  /** Task configs were committed after the last task-count record. */
  pendingFencing: boolean;
  /** The last task-count record, or null when none was ever written. */
  taskCountRecord: number | null;
  /** Tasks in the latest committed generation. */
  taskCount: number;
}

/**
 * Kafka's doFenceZombieSourceTasks decision: nothing when no fencing is pending; otherwise fence
 * the previous generation's tasks, except when there never was one (no task-count record: no
 * transactional producer ran) or it and the new one have a single task (the new task's
 * initTransactions fences the old one itself), and then record the new task count.
 */
export function fencingPlan(state: FencingState): { fence: number; recordTaskCount: number } | null {
  if (!state.pendingFencing) return null;
  const mustFence = state.taskCountRecord !== null && (state.taskCountRecord !== 1 || state.taskCount !== 1);
  return { fence: mustFence ? state.taskCountRecord! : 0, recordTaskCount: state.taskCount };
}

/** Kafka's Worker.fenceZombies: fences the producers of tasks 0..count-1 of a connector. */
export async function fenceZombies(admin: Admin, groupId: string, connector: string, count: number, timeoutMs: number): Promise<void> {
  if (count <= 0) return;
  await admin.fenceProducers(Array.from({ length: count }, (_, task) => taskTransactionalId(groupId, connector, task)), { timeoutMs });
}
