/**
 * One transactional id's state, and the rules of moving it (Kafka's TransactionState and
 * TransactionMetadata). A change is always prepare, durable write, complete: `prepare` checks
 * that the target state may follow the current one and holds the target as pending; only once
 * the record is in __transaction_state does `complete` apply it (or `abandon` drop it when the
 * write failed). While a change is pending, every other request on the id is answered
 * CONCURRENT_TRANSACTIONS by the coordinator.
 */

export type TxnStateName = 'Empty' | 'Ongoing' | 'PrepareCommit' | 'PrepareAbort' | 'CompleteCommit' | 'CompleteAbort' | 'Dead' | 'PrepareEpochFence';

/** Kafka's ids of the states, as TransactionLogValue's TransactionStatus stores them (6 and 7 are never stored). */
const STATE_IDS: Readonly<Record<TxnStateName, number>> = {
  Empty: 0,
  Ongoing: 1,
  PrepareCommit: 2,
  PrepareAbort: 3,
  CompleteCommit: 4,
  CompleteAbort: 5,
  Dead: 6,
  PrepareEpochFence: 7,
};
const STATE_NAMES = Object.keys(STATE_IDS) as TxnStateName[];

export const TXN_STATE_NAMES: readonly TxnStateName[] = STATE_NAMES;

export function stateId(state: TxnStateName): number {
  return STATE_IDS[state];
}

export function stateFromId(id: number): TxnStateName {
  const name = STATE_NAMES.find((n) => STATE_IDS[n] === id);
  if (name === undefined) throw new Error(`unknown transaction state ${id} in __transaction_state`);
  return name;
}

/**
 * The states each state may be entered from (TransactionState.validPreviousStates). PrepareAbort
 * from Empty and the completed states is an abort with no partitions, which only transactions
 * version 2 makes (an EndTxn v5 abort before anything was sent).
 */
const VALID_PREVIOUS: Readonly<Record<TxnStateName, readonly TxnStateName[]>> = {
  Empty: ['Empty', 'CompleteCommit', 'CompleteAbort'],
  Ongoing: ['Ongoing', 'Empty', 'CompleteCommit', 'CompleteAbort'],
  PrepareCommit: ['Ongoing'],
  PrepareAbort: ['Ongoing', 'PrepareEpochFence', 'Empty', 'CompleteCommit', 'CompleteAbort'],
  CompleteCommit: ['PrepareCommit'],
  CompleteAbort: ['PrepareAbort'],
  Dead: ['Empty', 'CompleteAbort', 'CompleteCommit'],
  PrepareEpochFence: ['Ongoing'],
};

/** Kafka keeps the largest epoch back so that the coordinator can always fence (isEpochExhausted). */
export const MAX_EPOCH = 32767;
export function isEpochExhausted(epoch: number): boolean {
  return epoch >= MAX_EPOCH - 1;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** The key of a partition in a transaction's set: the same as the broker's partitionKey. */
export function txnPartitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/**
 * A transaction's partitions grouped by topic, in the order they were added (Kafka writes them in
 * its hash set's order, which no reader depends on; records read back keep the order they had).
 */
export function topicPartitionsOf(partitions: ReadonlyMap<string, TopicPartition>): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions.values()) {
    let list = byTopic.get(topic);
    if (list === undefined) byTopic.set(topic, (list = []));
    list.push(partition);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
}

/** Everything a record of __transaction_state holds, plus the last epoch (memory only): the target of a change. */
export interface TxnSnapshot {
  producerId: bigint;
  /** The producer id before the last rotation (an exhausted epoch gives a new id), -1 if none. */
  previousProducerId: bigint;
  /** Transactions version 2: the id the transaction switches to at completion when its epoch ran out. */
  nextProducerId: bigint;
  producerEpoch: number;
  /** The epoch before the last bump, so that a retried InitProducerId or EndTxn v5 is recognised; -1 if none. */
  lastProducerEpoch: number;
  timeoutMs: number;
  state: TxnStateName;
  partitions: ReadonlyMap<string, TopicPartition>;
  /** When the transaction began (its first partition), -1 when none is open. */
  startTimestamp: number;
  lastUpdateTimestamp: number;
  /** The transactions version the client speaks for this transaction (0 or 2; 1 is never sent by clients). */
  clientTransactionVersion: number;
}

export class TransactionMetadata {
  /** The change being written, if any. */
  pending: TxnSnapshot | null = null;

  readonly transactionalId: string;
  public current: TxnSnapshot;

  constructor(transactionalId: string, current: TxnSnapshot) {
    this.transactionalId = transactionalId;
    this.current = current;
  }

  get state(): TxnStateName {
    return this.current.state;
  }
  get producerId(): bigint {
    return this.current.producerId;
  }
  get producerEpoch(): number {
    return this.current.producerEpoch;
  }

  /** Holds `changes` applied to the current state as the pending change, after checking the move is allowed. */
  prepare(changes: Partial<TxnSnapshot> & { state: TxnStateName }, now: number): TxnSnapshot {
    if (this.pending !== null) throw new Error(`${this.transactionalId}: a change to ${this.pending.state} is already pending`);
    if (!VALID_PREVIOUS[changes.state].includes(this.current.state)) {
      throw new Error(`${this.transactionalId}: ${this.current.state} cannot move to ${changes.state}`);
    }
    const target: TxnSnapshot = { ...this.current, lastUpdateTimestamp: now, ...changes };
    this.checkTarget(target);
    this.pending = target;
    return target;
  }

  /** The pending change was written: it becomes the state. */
  complete(): void {
    if (this.pending === null) throw new Error(`${this.transactionalId}: no change is pending`);
    this.current = this.pending;
    this.pending = null;
  }

  /** The pending change could not be written: the state stays as it was. */
  abandon(): void {
    this.pending = null;
  }

  /** Kafka's completeTransitionTo checks: epochs only move forward, prepares keep what they prepare. */
  private checkTarget(t: TxnSnapshot): void {
    const c = this.current;
    const sameProducer = t.producerId === c.producerId;
    if (sameProducer && t.producerEpoch < c.producerEpoch && c.producerEpoch !== -1) {
      throw new Error(`${this.transactionalId}: the epoch may not go back from ${c.producerEpoch} to ${t.producerEpoch}`);
    }
    if (!sameProducer && t.producerEpoch !== 0 && t.state !== 'PrepareAbort' && t.state !== 'PrepareCommit') {
      throw new Error(`${this.transactionalId}: a new producer id starts at epoch 0, not ${t.producerEpoch}`);
    }
    if (t.state === 'Ongoing') {
      for (const key of c.state === 'Ongoing' ? c.partitions.keys() : []) {
        if (!t.partitions.has(key)) throw new Error(`${this.transactionalId}: partitions only grow while a transaction is ongoing`);
      }
    }
    if ((t.state === 'PrepareCommit' || t.state === 'PrepareAbort') && c.state === 'Ongoing' && t.partitions !== c.partitions) {
      throw new Error(`${this.transactionalId}: preparing to end a transaction keeps its partitions`);
    }
    if ((t.state === 'CompleteCommit' || t.state === 'CompleteAbort') && t.partitions.size !== 0) {
      throw new Error(`${this.transactionalId}: a completed transaction has no partitions`);
    }
    if (t.state === 'Empty' && t.partitions.size !== 0) throw new Error(`${this.transactionalId}: Empty has no partitions`);
  }

  /** Expiration is allowed only with no transaction open or ending, and nothing pending. */
  get mayExpire(): boolean {
    return this.pending === null && (this.state === 'Empty' || this.state === 'CompleteCommit' || this.state === 'CompleteAbort');
  }
}

export const NO_PARTITIONS: ReadonlyMap<string, TopicPartition> = new Map();

/** The state of an id seen for the first time: written only by the InitProducerId that creates it. */
export function newTransaction(producerId: bigint, timeoutMs: number, now: number): TxnSnapshot {
  return {
    producerId,
    previousProducerId: -1n,
    nextProducerId: -1n,
    producerEpoch: -1,
    lastProducerEpoch: -1,
    timeoutMs,
    state: 'Empty',
    partitions: NO_PARTITIONS,
    startTimestamp: -1,
    lastUpdateTimestamp: now,
    clientTransactionVersion: 0,
  };
}
