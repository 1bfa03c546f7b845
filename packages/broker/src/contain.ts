/**
 * Work that runs outside any request — a timer, an event listener, a promise nobody awaits — has
 * no caller to hand an error to, and an exception there would end the process (Node exits on an
 * uncaught exception or an unhandled rejection). Such work is wrapped here: what it throws is
 * logged with what it was doing (the group, the topic-partition), and the broker carries on, the
 * damage kept to that group or partition.
 */
export interface ErrorLog {
  error(message: string, error?: unknown): void;
}

/** Logs to stderr: for components built without the broker's log. */
export const stderrErrorLog: ErrorLog = {
  error: (message, error) => process.stderr.write(`${new Date().toISOString()} ERROR [sluice] ${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
};

/** `fn`, except that what it throws is logged as "`context` failed" instead of escaping. */
export function contained<A extends unknown[]>(log: ErrorLog, context: string | (() => string), fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (e) {
      reportContained(log, context, e);
    }
  };
}

function reportContained(log: ErrorLog, context: string | (() => string), error: unknown): void {
  try {
    log.error(`${typeof context === 'string' ? context : context()} failed`, error);
  } catch {
    // A log that throws must not undo the containment.
  }
}
