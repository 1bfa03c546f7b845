/**
 * Runs an async function over a list with at most `limit` calls in flight, results in the list's
 * order. Start-up opens thousands of partitions this way: each open is a chain of small file
 * system calls (and a directory sync) that mostly waits, so one at a time leaves the disk and
 * libuv's thread pool idle, while all at once would queue thousands of calls behind each other.
 *
 * When a call fails no further calls start; the ones in flight are let finish, then the first
 * failure is thrown, so nothing is still running on the caller's behalf once it has its answer.
 */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (e) {
        if (!failed) failure = e;
        failed = true;
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failed) throw failure;
  return results;
}
