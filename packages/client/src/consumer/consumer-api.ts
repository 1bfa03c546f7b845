/** The listener and option types of the Consumer's methods (consumer.ts re-exports them). */
import type { TopicPartition } from './assignors.ts';
import type { CommitTarget } from './offsets.ts';

export interface RebalanceListener {
  /** Partitions now assigned to this member (cooperative: only the added ones). */
  onPartitionsAssigned?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions taken away in an orderly rebalance; commit their progress here if committing manually. */
  onPartitionsRevoked?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions lost without a rebalance (session expired, fenced): others may own them already. Default: onPartitionsRevoked. */
  onPartitionsLost?(partitions: TopicPartition[]): void | Promise<void>;
}

export interface PollOptions {
  /** How long to wait for records; default: until some arrive (or the consumer closes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface CommitOptions {
  /** The offsets to commit: the next offset to consume per partition. Default: every assigned partition's position. */
  offsets?: readonly CommitTarget[];
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface GroupMetadata {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}
