/**
 * A lock between processes on one machine, for preparing what several test files share (a Maven
 * build, a Python virtualenv, a Go binary): the runner runs test files in parallel, and two of them
 * filling one cache at once would leave it half-made. The lock is a folder (mkdir is atomic); one
 * older than `staleMs` is taken to be a killed run's and removed.
 */
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export async function withFileLock<T>(lock: string, body: () => Promise<T>, staleMs = 10 * 60_000): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + staleMs + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > staleMs) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}; remove it if no other test run is preparing the same thing`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await body();
  } finally {
    rmdirSync(lock);
  }
}
