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

export const DEFAULT_BOOTSTRAP = '127.0.0.1:9092';

/** --bootstrap-server, else $KAFKA_BOOTSTRAP_SERVERS, else the local broker. */
export function bootstrapFrom(value: string | undefined): string {
  return value ?? process.env.KAFKA_BOOTSTRAP_SERVERS ?? DEFAULT_BOOTSTRAP;
}

export const BOOTSTRAP_OPTION = { 'bootstrap-server': { type: 'string' as const, short: 'b' } };

/** Prints a table with aligned columns. */
export function table(rows: (string | number | bigint)[][]): string {
  const text = rows.map((r) => r.map(String));
  const widths = text[0].map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  return text.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
