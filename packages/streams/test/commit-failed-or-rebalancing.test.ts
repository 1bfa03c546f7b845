// Which refused offset commits are Java's CommitFailedException for the stream thread (a task
// migration: close the tasks dirty and rejoin) and which are a rebalance in progress (the
// rebalance callbacks deal with the tasks). The errors have the shapes @sluice/client gives them:
// COMMIT_FAILED caused by the group's answer, or, for an UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION
// answered after the consumer had already moved on to rejoining (Java's
// RebalanceInProgressException), COMMIT_FAILED caused by REBALANCE_IN_PROGRESS caused by that answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaError } from '@sluice/client';
import { isCommitFailed } from '../src/runtime/task-migrated.ts';

const answer = (code: string, cause?: KafkaError) => new KafkaError(code, `committing offsets: ${code}`, cause ? { cause } : {});
const commitFailed = (cause: KafkaError) => new KafkaError('COMMIT_FAILED', cause.message, { cause });

test('UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION from the group: the member is out of it, a task migration', () => {
  assert.equal(isCommitFailed(commitFailed(answer('UNKNOWN_MEMBER_ID'))), true);
  assert.equal(isCommitFailed(commitFailed(answer('ILLEGAL_GENERATION'))), true);
});

test('a rebalance in progress, also when it is a stale UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION answer: no task migration', () => {
  assert.equal(isCommitFailed(commitFailed(answer('REBALANCE_IN_PROGRESS'))), false);
  for (const stale of ['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION']) {
    assert.equal(isCommitFailed(commitFailed(answer('REBALANCE_IN_PROGRESS', answer(stale)))), false);
  }
});
