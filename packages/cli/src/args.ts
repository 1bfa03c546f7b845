/** Small helpers for parsing the command line the way Kafka's tools and rpk users expect. */

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--set key=value` pairs into an object; refuses a pair without '='. */
export function parseSettings(pairs: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const i = p.indexOf('=');
    if (i <= 0) throw new UsageError(`--set expects key=value, got ${JSON.stringify(p)}`);
    out[p.slice(0, i).trim()] = p.slice(i + 1);
  }
  return out;
}

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got ${JSON.stringify(text)}`);
  return n;
}
