import type { StreamsLogger } from '@sluice/streams';

/** A streams logger that keeps the warnings and errors, for tests that look for what was logged. */
export function recordingLogger(): StreamsLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (m: string) => void warnings.push(m), error: (m: string) => void warnings.push(m) };
}
