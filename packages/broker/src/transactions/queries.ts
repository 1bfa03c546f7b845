/**
 * What DescribeTransactions and ListTransactions show of the coordinator's state
 * (TransactionStateManager.listTransactionStates and the describe path of Kafka's coordinator).
 */
import { ErrorCode } from '@sluice/protocol';
import { type TransactionMetadata, type TxnStateName, TXN_STATE_NAMES, topicPartitionsOf } from './metadata.ts';

export interface TransactionDescription {
  errorCode: number;
  state: TxnStateName | '';
  timeoutMs: number;
  startTimestamp: number;
  producerId: bigint;
  producerEpoch: number;
  topics: { topic: string; partitions: number[] }[];
}

export interface ListTransactionsFilter {
  states: readonly string[];
  producerIds: readonly bigint[];
  /** Only transactions running longer than this (ms); -1: no filter (KIP-994). */
  minDurationMs: number;
  /** A regular expression the id must match (KIP-1152); null or '': no filter. */
  pattern: string | null;
}

export interface TransactionList {
  errorCode: number;
  unknownStates: string[];
  transactions: { transactionalId: string; producerId: bigint; state: TxnStateName }[];
}

/** `active`: NONE, or why the coordinator cannot answer (INVALID_REQUEST for an empty id, loading). */
export function describeTransaction(active: number, meta: TransactionMetadata | undefined): TransactionDescription {
  const none = { state: '' as const, timeoutMs: 0, startTimestamp: -1, producerId: -1n, producerEpoch: -1, topics: [] };
  if (active !== ErrorCode.NONE) return { errorCode: active, ...none };
  if (meta === undefined || meta.state === 'Dead') return { errorCode: ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, ...none };
  const c = meta.current;
  return {
    errorCode: ErrorCode.NONE,
    state: c.state,
    timeoutMs: c.timeoutMs,
    startTimestamp: c.startTimestamp,
    producerId: c.producerId,
    producerEpoch: c.producerEpoch,
    topics: topicPartitionsOf(c.partitions)
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
      .map((t) => ({ topic: t.topic, partitions: [...t.partitions].sort((x, y) => x - y) })),
  };
}

/**
 * State names we do not know are echoed back and match nothing; Dead ids are never listed. The
 * pattern must match the whole id (Java's Matcher.matches, as Kafka 4.3 answers). The duration
 * is counted from the start time as Kafka does, so an id with no transaction open (start -1)
 * passes any filter shorter than the time since 1970.
 */
export function listTransactions(txns: Iterable<TransactionMetadata>, filter: ListTransactionsFilter, now: number): TransactionList {
  let pattern: RegExp | null = null;
  if (filter.pattern !== null && filter.pattern !== '') {
    try {
      pattern = new RegExp(`^(?:${filter.pattern})$`, 'u');
    } catch {
      return { errorCode: ErrorCode.INVALID_REGULAR_EXPRESSION, unknownStates: [], transactions: [] };
    }
  }
  const known = new Set<string>(TXN_STATE_NAMES);
  const unknownStates = filter.states.filter((s) => !known.has(s));
  const states = new Set(filter.states.filter((s) => known.has(s)));
  const producerIds = new Set(filter.producerIds);
  const transactions = [];
  for (const meta of txns) {
    const c = meta.current;
    if (c.state === 'Dead') continue;
    if (filter.states.length > 0 && !states.has(c.state)) continue;
    if (producerIds.size > 0 && !producerIds.has(c.producerId)) continue;
    if (filter.minDurationMs >= 0 && !(now - c.startTimestamp > filter.minDurationMs)) continue;
    if (pattern !== null && !pattern.test(meta.transactionalId)) continue;
    transactions.push({ transactionalId: meta.transactionalId, producerId: c.producerId, state: c.state });
  }
  return { errorCode: ErrorCode.NONE, unknownStates, transactions };
}
