/** Small helpers for parsing the command line the way Kafka's tools and rpk users expect. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A bad command line: exit status 2, one line naming what is wrong and pointing at --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the command has already explained in its message: exit status 1, no stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Where a command reads and writes; the process's streams, or a test's buffers. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
};

/**
 * node:util parseArgs (strict), with its errors turned into one-line usage errors that name the
 * option: Node's own messages explain '--' escaping and print option syntax that users never typed.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    // Strict is parseArgs' default, and every caller relies on it.
    const args = config.args && joinNegativeValues(config.args, config.options ?? {});
    return parseArgs<T>({ ...config, args });
  } catch (e) {
    throw usageErrorFromParseArgs(e);
  }
}

/**
 * `--shift-by -2` as `--shift-by=-2`: parseArgs takes a value starting with '-' for an option, so
 * it refuses negative numbers, which Kafka's tools accept after a space.
 */
export function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return [...out, ...args.slice(i)];
    if (takesValue.has(args[i]) && /^-\d+$/.test(args[i + 1] ?? '')) {
      out.push(`${args[i].startsWith('--') ? args[i] : `--${Object.entries(options).find(([, o]) => `-${o.short}` === args[i])![0]}`}=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

export function usageErrorFromParseArgs(e: unknown): unknown {
  const code = (e as { code?: string }).code;
  const message = (e as Error).message ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /^Unknown option '([^']+)'/.exec(message)?.[1];
    return new UsageError(option ? `unknown option ${option}` : message);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-p, --partitions <value>' argument missing": name the long form only.
    const option = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? '';
    if (/argument missing/.test(message)) return new UsageError(`option ${option} needs a value`);
    if (/does not take an argument/.test(message)) return new UsageError(`option ${option} takes no value`);
    if (/ambiguous/.test(message)) return new UsageError(`option ${option} needs a value; write ${option}=VALUE for a value that starts with '-'`);
    return new UsageError(message.split('. ')[0]);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
    return new UsageError(arg === undefined ? message : `unexpected argument '${arg}'`);
  }
  return e;
}

/** The positional arguments: `names` are required (named in the error), `optional` more may follow. */
export function expectPositionals(positionals: readonly string[], names: readonly string[], optional = 0): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names.slice(positionals.length).join(' and ')}`);
  if (positionals.length > names.length + optional) throw new UsageError(`unexpected argument '${positionals[names.length + optional]}'`);
  return [...positionals];
}

/** True when --help or -h appears before a '--' terminator. */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** `--set key=value` pairs into an object; refuses a pair without '='. */
export function parseSettings(pairs: readonly string[] | undefined, option = '--set'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const i = p.indexOf('=');
    if (i <= 0) throw new UsageError(`${option} expects key=value, got ${JSON.stringify(p)}`);
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

/** A whole number of at least `min` for `option`, or undefined when the option was not given. */
export function parseWholeNumber(text: string | undefined, option: string, min = 0): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${option} must be a whole number of at least ${min}, got ${JSON.stringify(text)}`);
  return n;
}

/** An offset (a 64-bit whole number, negative where `signed`) for `option`. */
export function parseOffset(text: string, option: string, signed = false): bigint {
  if (!(signed ? /^[-+]?\d+$/ : /^\d+$/).test(text.trim())) throw new UsageError(`${option} must be a whole number${signed ? '' : ' of at least 0'}, got ${JSON.stringify(text)}`);
  return BigInt(text.trim());
}

/** A point in time: ISO 8601 (Kafka's YYYY-MM-DDTHH:mm:SS.sss, with or without a zone) or epoch milliseconds. */
export function parseTime(text: string, option: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(n)) throw new UsageError(`${option}: cannot read ${JSON.stringify(text)} as a time; give ISO 8601 (2026-12-03T09:30:00Z) or milliseconds since the epoch`);
  return n;
}

/**
 * A duration in milliseconds: ISO 8601 as Kafka's --by-duration takes it (PnDTnHnMnS, e.g. PT1H30M,
 * P1D) or the short form users type (90s, 15m, 2h, 1d, 1h30m).
 */
export function parseDuration(text: string, option: string): number {
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (iso && text.toUpperCase() !== 'P' && !/T$/i.test(text)) {
    const [, d, h, m, s] = iso;
    return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000 + Math.round(Number(s ?? 0) * 1000);
  }
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text);
  if (parts && text !== '') {
    const [, d, h, m, s, ms] = parts;
    return (((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60 + Number(s ?? 0)) * 1000 + Number(ms ?? 0);
  }
  throw new UsageError(`${option}: cannot read ${JSON.stringify(text)} as a duration; give ISO 8601 (PT1H30M, P1D) or e.g. 90s, 15m, 2h, 1d`);
}

/** Prints a table with aligned columns. */
export function table(rows: (string | number | bigint)[][]): string {
  const text = rows.map((r) => r.map(String));
  const widths = text[0].map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  return text.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
