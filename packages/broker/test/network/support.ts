/** Waits for a condition the broker reaches on its own (a socket read, a close), checking between turns of the event loop. */
export async function eventually(condition: () => boolean, what = 'the condition'): Promise<void> {
  // Generous: a bound against hanging forever, not a timing assertion.
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
