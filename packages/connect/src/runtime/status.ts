/** Connector and task states as Kafka Connect reports them (AbstractStatus.State), and the trace of a failure. */
export type ConnectState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED';

/** The target a user set (Kafka's TargetState). */
export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';

/** A failure as the `trace` of `/status`: the stack, with each cause after "Caused by:", as Java prints it. */
export function traceOf(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 10; depth++) {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    parts.push(depth === 0 ? text : `Caused by: ${text}`);
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join('\n');
}

/** Told of a task's changes of state, so the herder can answer `/status`. */
export interface TaskStatusListener {
  onRunning(): void;
  onPaused(): void;
  onFailed(error: unknown): void;
  onStopped(): void;
}
