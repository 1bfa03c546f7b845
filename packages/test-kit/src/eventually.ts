/**
 * Waiting in tests for something a broker, a client or another process reaches on its own. The
 * limit only turns a hang into a message naming what never happened; it is not a timing check.
 */

/** How often the check runs: often enough for in-process state, gentle on a real broker. */
const EVERY_MS = 20;

/**
 * Runs `check` until it gives something other than `undefined` or `false`, and resolves with
 * that. A check that throws is tried again (a broker still starting answers with errors); after
 * `timeoutMs` the wait fails with `what` and the last error.
 */
export async function eventually<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last === undefined ? '' : `: ${String(last)}`}`);
    }
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
}
