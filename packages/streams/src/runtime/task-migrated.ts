/**
 * Java's TaskMigratedException and the failures that mean it: the loop's tasks cannot commit
 * what they did since the last commit (the group refused the offsets of a member no longer in it,
 * another producer took the transactional id over, or the transaction can only be aborted), so
 * they are closed dirty and the instance rejoins.
 */

import { StreamsError, StreamsErrorCode } from '../errors.ts';

/**
 * Java's TaskMigratedException: this loop's tasks cannot commit; close them dirty and rejoin.
 * A StreamsError, as Java's is a StreamsException, so processors' error handling passes it on
 * untouched (a send refused inside a processor is not the processor's failure).
 */
export class TaskMigratedError extends StreamsError {
  constructor(message: string, cause?: unknown) {
    super(StreamsErrorCode.TASK_MIGRATED, message, cause === undefined ? {} : { cause });
    this.name = 'TaskMigratedError';
  }
}

/** A producer error that means another producer with our transactional id took over. */
export function isFencing(e: unknown): boolean {
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    const code = (c as { code?: unknown }).code;
    if (code === 'PRODUCER_FENCED' || code === 'INVALID_PRODUCER_EPOCH' || code === 'TRANSACTIONAL_ID_NOT_FOUND') return true;
  }
  return false;
}

/**
 * Java's CommitFailedException: the group refused the offsets because this member is no longer
 * in its current generation (UNKNOWN_MEMBER_ID: removed after its session or max.poll.interval.ms
 * expired; ILLEGAL_GENERATION: the group rebalanced without it). Its partitions may be another
 * member's already. A rebalance in progress (REBALANCE_IN_PROGRESS, or the consumer rejoining)
 * is not one: the rebalance callbacks deal with the tasks then. That includes such a refusal
 * answered after the consumer had already moved on to rejoining: the client reports it as
 * REBALANCE_IN_PROGRESS (caused by the stale answer), as Java's RebalanceInProgressException.
 */
export function isCommitFailed(e: unknown): boolean {
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    const code = (c as { code?: unknown }).code;
    if (code === 'REBALANCE_IN_PROGRESS') return false;
    if (code === 'UNKNOWN_MEMBER_ID' || code === 'ILLEGAL_GENERATION') return true;
  }
  return false;
}

/**
 * A send refused because the open transaction can only be aborted (KIP-1050's 'abortable': the
 * group refused its offsets, UNKNOWN_MEMBER_ID after the instance was kicked out, or an earlier
 * send failed). The record is not at fault: its transaction is.
 */
export function isTransactionAbortable(e: unknown): boolean {
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    if ((c as { category?: unknown }).category === 'abortable') return true;
  }
  return false;
}
