/**
 * Runs a compiled Go test binary (`go test -c`) with `-test.v` over an allow-list and reads the
 * verdict of each top-level test from its `--- PASS/FAIL/SKIP: Name` lines.
 */
import { runToEnd } from './run.ts';

export type Verdict = 'PASS' | 'FAIL' | 'SKIP' | 'NOT RUN';

export interface GoTestRun {
  verdicts: Map<string, Verdict>;
  output: string;
  exitCode: number | null;
}

/** `^(A|B|C)$`: only these top-level tests (their subtests run with them). */
export function exactRegex(names: readonly string[]): string {
  return `^(${names.join('|')})$`;
}

export async function runGoTests(
  binary: string,
  opts: { cwd: string; names: readonly string[]; env: NodeJS.ProcessEnv; timeoutMs: number; parallel?: number },
): Promise<GoTestRun> {
  const args = ['-test.v', '-test.run', exactRegex(opts.names), '-test.timeout', `${Math.floor(opts.timeoutMs / 1000) - 10}s`, '-test.count', '1'];
  if (opts.parallel) args.push('-test.parallel', String(opts.parallel));
  const { output, exitCode } = await runToEnd(binary, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeoutMs: opts.timeoutMs });
  const verdicts = new Map<string, Verdict>(opts.names.map((n) => [n, 'NOT RUN']));
  for (const m of output.matchAll(/^--- (PASS|FAIL|SKIP): (\S+) /gm)) verdicts.set(m[2]!, m[1] as Verdict);
  return { verdicts, output, exitCode };
}

/** The output lines that belong to `name` and its subtests (for a failure message). */
export function outputOf(run: GoTestRun, name: string, max = 6000): string {
  const lines = run.output.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    const head = /^(?:=== (?:RUN|CONT|NAME|PAUSE)|\s*--- (?:PASS|FAIL|SKIP):)\s+(\S+)/.exec(line);
    if (head) inside = head[1] === name || head[1]!.startsWith(`${name}/`);
    if (inside) out.push(line);
  }
  const text = out.join('\n');
  return text.length > max ? `…${text.slice(-max)}` : text;
}
