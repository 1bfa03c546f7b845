/**
 * Records a processor skips (a null key, a window already closed) are logged and counted, as
 * Java's `dropped-records-total` task metric counts them. Sluice has no metrics registry yet, so
 * the counts are kept here per application and task and read with `droppedRecordsTotal`.
 */
import type { ProcessorContext } from '../processor/api.ts';

const totals = new Map<string, Map<string, number>>();

/** Counts one dropped record of the task and logs why (`reason`, then where it came from when known, then `details`). */
export function recordDroppedRecord(context: ProcessorContext<unknown, unknown>, reason: string, details = ''): void {
  let byTask = totals.get(context.applicationId);
  if (byTask === undefined) totals.set(context.applicationId, (byTask = new Map()));
  byTask.set(context.taskId, (byTask.get(context.taskId) ?? 0) + 1);
  const m = context.recordMetadata();
  const where = m === null ? 'Topic, partition, and offset not known.' : `topic=[${m.topic}] partition=[${m.partition}] offset=[${m.offset}]`;
  // Java's wording, so a search for a Java log line finds ours too.
  console.warn(`[sluice streams] task ${context.taskId}: ${reason} ${where}${details === '' ? '' : ` ${details}`}`);
}

/** Java's `dropped-records-total`: records dropped by the application's processors, over its tasks in this process (or one task). */
export function droppedRecordsTotal(applicationId: string, taskId?: string): number {
  const byTask = totals.get(applicationId);
  if (byTask === undefined) return 0;
  if (taskId !== undefined) return byTask.get(taskId) ?? 0;
  let sum = 0;
  for (const n of byTask.values()) sum += n;
  return sum;
}
