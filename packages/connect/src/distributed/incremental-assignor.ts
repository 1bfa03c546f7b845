/**
 * Kafka's IncrementalCooperativeAssignor (KIP-415) as a pure function: the leader's view of what
 * every member runs now, the configured connectors and tasks, the clock and the assignor's state
 * from the previous round in; each member's newly assigned and revoked connectors and tasks, the
 * scheduled rebalance delay and the next state out. Nothing here reads a clock or a random source,
 * so the same inputs always give the same assignment.
 *
 * Its rules, as Kafka's:
 * - only what moves is revoked: deleted connectors and tasks, duplicates (one thing running on two
 *   workers), and, to balance, the surplus of workers above their fair share;
 * - what a departed worker ran is "lost": it is held back for `scheduled.rebalance.max.delay.ms`
 *   (the delay goes out with the assignment, and the workers rejoin when it ends) in case the
 *   worker returns; then it goes to the workers that joined empty meanwhile, or to everyone;
 * - new connectors and tasks, and lost ones due, go round-robin to the least loaded workers;
 * - successive rounds that each revoke to balance are spaced by an exponential backoff, so a
 *   flapping group does not revoke on every rebalance.
 */
import type { ConnectorTaskId } from '../runtime/herder.ts';
import { ConnectorsAndTasks, WorkerLoad, byConnectorLoad, byTaskLoad, compareStrings, taskIdKey } from './connectors-and-tasks.ts';

/** What the assignor remembers between the rounds it leads (Kafka keeps it in fields). */
export interface IncrementalAssignorState {
  readonly previousAssignment: ConnectorsAndTasks;
  readonly previousRevocation: ConnectorsAndTasks;
  readonly revokedInPrevious: boolean;
  readonly candidateWorkersForReassignment: readonly string[];
  /** When the held-back share of departed workers is handed out (ms; 0 when none is scheduled). */
  readonly scheduledRebalance: number;
  readonly delay: number;
  readonly previousGenerationId: number;
  readonly previousMembers: readonly string[];
  readonly numSuccessiveRevokingRebalances: number;
}

export function initialIncrementalAssignorState(): IncrementalAssignorState {
  return {
    previousAssignment: new ConnectorsAndTasks(),
    previousRevocation: new ConnectorsAndTasks(),
    revokedInPrevious: false,
    candidateWorkersForReassignment: [],
    scheduledRebalance: 0,
    delay: 0,
    previousGenerationId: -1,
    previousMembers: [],
    numSuccessiveRevokingRebalances: 0,
  };
}

export interface IncrementalAssignInput {
  /** Every configured connector, and every task of them. */
  configured: { connectors: readonly string[]; tasks: readonly ConnectorTaskId[] };
  /** Each member's current assignment, as its join metadata says. */
  members: ReadonlyMap<string, { connectors: readonly string[]; tasks: readonly ConnectorTaskId[] }>;
  /** The generation the leader last completed, and the one being assigned. */
  lastCompletedGenerationId: number;
  currentGenerationId: number;
  now: number;
  /** `scheduled.rebalance.max.delay.ms`. */
  maxDelayMs: number;
}

export interface MemberChanges {
  connectors: string[];
  tasks: ConnectorTaskId[];
}

export interface ClusterAssignment {
  /** What each member starts in this round. */
  assigned: Map<string, MemberChanges>;
  /** What each member stops in this round. */
  revoked: Map<string, MemberChanges>;
  /** What each member runs once the round is done (what it kept plus what it was assigned). */
  all: Map<string, MemberChanges>;
  /** When > 0, the members rejoin after this many ms (a held-back share or a backoff). */
  delayMs: number;
}

/** Kafka's backoff between successive revoking rebalances: 40× per round from 1 ms, up to the max delay. */
export function revokingRebalanceBackoff(attempts: number, maxDelayMs: number): number {
  const initial = Math.min(maxDelayMs, maxDelayMs === 0 ? 0 : 1);
  const multiplier = 40;
  const expMax = maxDelayMs > initial ? Math.log(maxDelayMs / Math.max(initial, 1)) / Math.log(multiplier) : 0;
  if (expMax === 0) return initial;
  const term = initial * multiplier ** Math.min(attempts, expMax);
  return Math.min(Math.trunc(term), maxDelayMs);
}

/** Mutable working copy of the state for one round. */
interface Round {
  previousAssignment: ConnectorsAndTasks;
  previousRevocation: ConnectorsAndTasks;
  revokedInPrevious: boolean;
  candidates: Set<string>;
  scheduledRebalance: number;
  delay: number;
  numSuccessiveRevokingRebalances: number;
}

export function incrementalCooperativeAssign(state: IncrementalAssignorState, input: IncrementalAssignInput): { assignment: ClusterAssignment; state: IncrementalAssignorState } {
  const round: Round = {
    previousAssignment: state.previousGenerationId !== input.lastCompletedGenerationId ? new ConnectorsAndTasks() : state.previousAssignment.copy(),
    previousRevocation: state.previousRevocation.copy(),
    revokedInPrevious: state.revokedInPrevious,
    candidates: new Set(state.candidateWorkersForReassignment),
    scheduledRebalance: state.scheduledRebalance,
    delay: state.delay,
    numSuccessiveRevokingRebalances: state.numSuccessiveRevokingRebalances,
  };
  const memberIds = [...input.members.keys()].sort(compareStrings);
  const memberAssignments = new Map(memberIds.map((id) => [id, ConnectorsAndTasks.of(input.members.get(id)!)]));
  const configured = new ConnectorsAndTasks([...input.configured.connectors].sort(compareStrings), input.configured.tasks);
  const active = new ConnectorsAndTasks();
  for (const a of memberAssignments.values()) active.addAll(a);

  // A revocation of the previous round that did not happen (the thing still runs): start over from what runs.
  if (!round.previousRevocation.isEmpty) {
    const stillRunning = [...round.previousRevocation.connectors].some((c) => active.connectors.has(c)) || round.previousRevocation.tasks.some((t) => active.hasTask(t));
    if (stillRunning) round.previousAssignment = active.copy();
    round.previousRevocation = new ConnectorsAndTasks();
  }

  const deleted = round.previousAssignment.minus(configured);
  const duplicated = duplicatedAssignments(memberAssignments);
  const lost = round.previousAssignment.minus(active, deleted);
  const created = configured.minus(round.previousAssignment, active);

  const current = new Map(memberIds.map((id) => [id, memberAssignments.get(id)!.minus(deleted)]));
  const toRevoke = new Map<string, ConnectorsAndTasks>();
  const deletedToRevoke = intersection(deleted, memberAssignments);
  const duplicatedToRevoke = intersection(duplicated, memberAssignments);
  addAll(toRevoke, deletedToRevoke);
  addAll(toRevoke, duplicatedToRevoke);

  const next = memberIds.map((id) => new WorkerLoad(id, memberAssignments.get(id)!.copy()));
  removeAll(next, deletedToRevoke);
  removeAll(next, duplicatedToRevoke);

  const lostToReassign = handleLostAssignments(round, lost, next, state.previousMembers, input);

  // No balancing while a delayed rebalance is pending: the departed worker may come back.
  if (round.delay === 0) {
    const balancing = loadBalancingRevocations(configured, next);
    if (round.revokedInPrevious && balancing.size > 0) {
      round.numSuccessiveRevokingRebalances++;
      round.delay = revokingRebalanceBackoff(round.numSuccessiveRevokingRebalances, input.maxDelayMs);
      if (round.delay !== 0) {
        round.scheduledRebalance = input.now + round.delay;
      } else {
        addAll(toRevoke, balancing);
        removeAll(next, balancing);
      }
    } else if (balancing.size > 0) {
      addAll(toRevoke, balancing);
      removeAll(next, balancing);
      round.revokedInPrevious = true;
    } else if (round.revokedInPrevious) {
      // Balanced again: successive revocations start their backoff over.
      round.revokedInPrevious = false;
      round.numSuccessiveRevokingRebalances = 0;
    }
  } else {
    round.revokedInPrevious = false;
  }

  const toAssign = created.copy().addAll(lostToReassign);
  assignConnectors(next, [...toAssign.connectors]);
  assignTasks(next, toAssign.tasks);

  const assigned = new Map<string, MemberChanges>();
  const revoked = new Map<string, MemberChanges>();
  const all = new Map<string, MemberChanges>();
  const nextAll = new ConnectorsAndTasks();
  for (const worker of next) {
    const was = current.get(worker.worker)!;
    const revokedHere = toRevoke.get(worker.worker) ?? new ConnectorsAndTasks();
    assigned.set(worker.worker, changes(worker.load.minus(was), worker.load));
    revoked.set(worker.worker, changes(revokedHere, revokedHere));
    all.set(worker.worker, changes(worker.load.minus(revokedHere), worker.load));
    nextAll.addAll(worker.load);
  }
  // What runs after this round, as the next round's "previous": revocations are out of it until
  // they are seen done, and what was lost stays in it until it is handed out.
  for (const r of toRevoke.values()) {
    nextAll.removeAll(r);
    round.previousRevocation.addAll(r);
  }
  nextAll.addAll(lost);

  return {
    assignment: { assigned, revoked, all, delayMs: round.delay },
    state: {
      previousAssignment: nextAll,
      previousRevocation: round.previousRevocation,
      revokedInPrevious: round.revokedInPrevious,
      candidateWorkersForReassignment: [...round.candidates],
      scheduledRebalance: round.scheduledRebalance,
      delay: round.delay,
      previousGenerationId: input.currentGenerationId,
      previousMembers: memberIds,
      numSuccessiveRevokingRebalances: round.numSuccessiveRevokingRebalances,
    },
  };
}

/** The members' view as lists, in the order of `order` (which keeps the worker's own order). */
function changes(set: ConnectorsAndTasks, order: ConnectorsAndTasks): MemberChanges {
  return {
    connectors: [...order.connectors].filter((c) => set.connectors.has(c)).concat([...set.connectors].filter((c) => !order.connectors.has(c))),
    tasks: order.tasks.filter((t) => set.hasTask(t)).concat(set.tasks.filter((t) => !order.hasTask(t))),
  };
}

function duplicatedAssignments(members: Map<string, ConnectorsAndTasks>): ConnectorsAndTasks {
  const connectorCounts = new Map<string, number>();
  const taskCounts = new Map<string, { id: ConnectorTaskId; n: number }>();
  for (const a of members.values()) {
    for (const c of a.connectors) connectorCounts.set(c, (connectorCounts.get(c) ?? 0) + 1);
    for (const t of a.tasks) {
      const key = taskIdKey(t);
      const entry = taskCounts.get(key) ?? { id: t, n: 0 };
      entry.n++;
      taskCounts.set(key, entry);
    }
  }
  return new ConnectorsAndTasks(
    [...connectorCounts].filter(([, n]) => n > 1).map(([c]) => c),
    [...taskCounts.values()].filter((e) => e.n > 1).map((e) => e.id),
  );
}

function intersection(set: ConnectorsAndTasks, members: Map<string, ConnectorsAndTasks>): Map<string, ConnectorsAndTasks> {
  const out = new Map<string, ConnectorsAndTasks>();
  for (const [id, a] of members) {
    const both = a.intersect(set);
    if (!both.isEmpty) out.set(id, both);
  }
  return out;
}

function addAll(into: Map<string, ConnectorsAndTasks>, add: Map<string, ConnectorsAndTasks>): void {
  for (const [id, a] of add) {
    const existing = into.get(id);
    if (existing) existing.addAll(a);
    else into.set(id, a.copy());
  }
}

function removeAll(loads: WorkerLoad[], remove: Map<string, ConnectorsAndTasks>): void {
  for (const w of loads) {
    const r = remove.get(w.worker);
    if (r) w.load.removeAll(r);
  }
}

/**
 * What departed workers ran: held back while their return is awaited, then handed out (to the
 * workers that joined empty meanwhile if there are any, else as new work). Returns what goes out
 * as new work in this round; updates the delay and schedule in `round`.
 */
function handleLostAssignments(round: Round, lost: ConnectorsAndTasks, next: WorkerLoad[], previousMembers: readonly string[], input: IncrementalAssignInput): ConnectorsAndTasks {
  const resetDelay = () => {
    round.candidates.clear();
    round.scheduledRebalance = 0;
    round.delay = 0;
  };
  if (lost.isEmpty && !round.revokedInPrevious) {
    resetDelay();
    return new ConnectorsAndTasks();
  }
  const activeMembers = new Set(next.map((w) => w.worker));
  if (round.scheduledRebalance <= 0 && previousMembers.every((m) => activeMembers.has(m))) {
    // Nobody left: the members just did not get their assignment last time. Assign again.
    return lost.copy();
  }
  if (input.maxDelayMs === 0) return lost.copy();
  if (round.scheduledRebalance > 0 && input.now >= round.scheduledRebalance) {
    const candidates = [...round.candidates].map((id) => next.find((w) => w.worker === id)).filter((w): w is WorkerLoad => w !== undefined);
    let toReassign = new ConnectorsAndTasks();
    if (candidates.length > 0) {
      [...lost.connectors].forEach((c, i) => candidates[i % candidates.length]!.load.addConnectors([c]));
      lost.tasks.forEach((t, i) => candidates[i % candidates.length]!.load.addTasks([t]));
    } else {
      toReassign = lost.copy();
    }
    resetDelay();
    // The full delay has passed: successive revoking rebalances are allowed again.
    round.revokedInPrevious = false;
    return toReassign;
  }
  for (const w of next) if (w.isEmpty) round.candidates.add(w.worker);
  if (input.now < round.scheduledRebalance) {
    const remaining = round.scheduledRebalance - input.now;
    round.delay = remaining > 0 ? Math.min(remaining, input.maxDelayMs) : 0;
  } else {
    round.delay = input.maxDelayMs;
  }
  round.scheduledRebalance = input.now + round.delay;
  return new ConnectorsAndTasks();
}

/** Revocations that bring every worker down to its fair share (the floor, or one more for some). */
function loadBalancingRevocations(configured: ConnectorsAndTasks, workers: WorkerLoad[]): Map<string, ConnectorsAndTasks> {
  const result = new Map<string, ConnectorsAndTasks>();
  if (workers.every((w) => w.isEmpty) || configured.isEmpty) return result;
  const connectorRevocations = surplus(configured.connectors.size, workers, (w) => [...w.load.connectors]);
  const taskRevocations = surplus(configured.tasks.length, workers, (w) => w.load.tasks);
  for (const [id, connectors] of connectorRevocations) result.set(id, new ConnectorsAndTasks(connectors));
  for (const [id, tasks] of taskRevocations) {
    const existing = result.get(id);
    if (existing) existing.addTasks(tasks);
    else result.set(id, new ConnectorsAndTasks([], tasks));
  }
  return result;
}

function surplus<E>(total: number, workers: WorkerLoad[], allocation: (w: WorkerLoad) => E[]): Map<string, E[]> {
  const result = new Map<string, E[]>();
  const minPerWorker = Math.floor(total / workers.length);
  const workersWithExtra = total % workers.length;
  const sizes = workers.map((w) => allocation(w).length);
  const atMin = sizes.filter((n) => n === minPerWorker).length;
  const atMinPlusOne = sizes.filter((n) => n === minPerWorker + 1).length;
  if (atMinPlusOne === workersWithExtra && atMin + atMinPlusOne === workers.length) return result;
  let extrasGiven = 0;
  for (const w of workers) {
    const items = allocation(w);
    if (items.length <= minPerWorker) continue;
    let max: number;
    if (extrasGiven < workersWithExtra) {
      extrasGiven++;
      if (items.length === minPerWorker + 1) continue;
      max = minPerWorker + 1;
    } else {
      max = minPerWorker;
    }
    result.set(w.worker, items.slice(0, items.length - max));
  }
  return result;
}

/** Round-robin over the least loaded workers, as Kafka's assignConnectors. */
function assignConnectors(workers: WorkerLoad[], connectors: string[]): void {
  roundRobin(workers, connectors, byConnectorLoad, (w) => w.connectorCount, (w, c) => w.load.addConnectors([c]));
}

function assignTasks(workers: WorkerLoad[], tasks: ConnectorTaskId[]): void {
  roundRobin(workers, tasks, byTaskLoad, (w) => w.taskCount, (w, t) => w.load.addTasks([t]));
}

function roundRobin<E>(workers: WorkerLoad[], items: E[], order: (a: WorkerLoad, b: WorkerLoad) => number, size: (w: WorkerLoad) => number, give: (w: WorkerLoad, item: E) => void): void {
  if (items.length === 0 || workers.length === 0) return;
  workers.sort(order);
  const first = workers[0]!;
  let i = 0;
  while (i < items.length) {
    const firstLoad = size(first);
    let upTo = workers.findIndex((w) => size(w) > firstLoad);
    if (upTo < 0) upTo = workers.length;
    for (const w of workers.slice(0, upTo)) {
      give(w, items[i++]!);
      if (i >= items.length) break;
    }
  }
}
