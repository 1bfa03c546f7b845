/**
 * The stateful half of the streams assignor: which member gets a stateful task that lost its
 * owner, and which members keep standby replicas of each stateful task (`num.standby.replicas`).
 *
 * A member reports the tasks it keeps standbys of and the tasks whose state it has on disk (a
 * task folder with a checkpoint). A task without a live previous owner goes, balance allowing,
 * to a member that has its state, a standby first: it is promoted with a short restore instead of
 * a full one. Standbys go to members other than the task's active owner, each member at most one
 * copy of a task, the previous standby owner first, then one with the state, then the least
 * loaded (Java's rules, without its lag-based warm-up tasks).
 */
/** What is needed of a task here (the assignor's TaskSpec has more). */
interface TaskSpec {
  readonly id: string;
}

export interface MemberState {
  /** Tasks it keeps standbys of now. */
  standbys: ReadonlySet<string>;
  /** Tasks whose state it has on disk (checkpointed folders). */
  stateful: ReadonlySet<string>;
}

/** The member for an active task without a live owner: under capacity, holding its state if one does, else the least loaded. */
export function memberForTask(task: TaskSpec, memberIds: readonly string[], load: ReadonlyMap<string, readonly TaskSpec[]>, capacity: number, states: ReadonlyMap<string, MemberState>): string {
  const open = memberIds.filter((id) => load.get(id)!.length < capacity);
  const withStandby = open.find((id) => states.get(id)?.standbys.has(task.id));
  if (withStandby !== undefined) return withStandby;
  const withState = open.find((id) => states.get(id)?.stateful.has(task.id));
  if (withState !== undefined) return withState;
  let best = memberIds[0];
  for (const id of memberIds) if (load.get(id)!.length < load.get(best)!.length) best = id;
  return best;
}

/**
 * Standby tasks per member: `replicas` copies of each stateful task, never on its active owner
 * (nor on the member that still runs it, during a cooperative hand-over).
 */
export function placeStandbys(
  tasks: readonly TaskSpec[],
  isStateful: (task: TaskSpec) => boolean,
  memberIds: readonly string[],
  activeOwner: ReadonlyMap<string, string>,
  states: ReadonlyMap<string, MemberState>,
  replicas: number,
): Map<string, string[]> {
  const out = new Map(memberIds.map((id) => [id, [] as string[]]));
  if (replicas <= 0 || memberIds.length < 2) return out;
  for (const task of tasks) {
    if (!isStateful(task)) continue;
    const owner = activeOwner.get(task.id);
    const taken = new Set<string>(owner === undefined ? [] : [owner]);
    for (let r = 0; r < replicas; r++) {
      const candidates = memberIds.filter((id) => !taken.has(id));
      if (candidates.length === 0) break;
      const count = (id: string) => out.get(id)!.length;
      const pick =
        candidates.find((id) => states.get(id)?.standbys.has(task.id)) ??
        candidates.find((id) => states.get(id)?.stateful.has(task.id)) ??
        candidates.reduce((best, id) => (count(id) < count(best) ? id : best));
      out.get(pick)!.push(task.id);
      taken.add(pick);
    }
  }
  return out;
}
