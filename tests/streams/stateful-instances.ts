/**
 * The restoration, standby and scale-out tests' instances of fixtures/stateful-instance.ts (a
 * counting application with a persistent store), each an OS process: what it prints (state,
 * active and standby tasks, restorations) and the queries it answers on stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Admin, Consumer } from '@sluice/client';
import { eventually, onJsonLines, repoRoot } from '@sluice/test-kit';

const fixture = join(repoRoot, 'tests', 'streams', 'fixtures', 'stateful-instance.ts');

export interface Restoration {
  store: string;
  partition: number;
  restored: number;
}

export class StatefulInstance {
  state = 'CREATED';
  tasks: string[] = [];
  standbys: string[] = [];
  readonly restorations: Restoration[] = [];
  log = '';
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private answers: Record<string, unknown>[] = [];

  readonly name: string;

  /** `name` is also its application.server host (`<name>:1`), which queryMetadataForKey names. */
  constructor(name: string, bootstrap: string, applicationId: string, input: string, stateDir: string, standbys = 0) {
    this.name = name;
    this.child = spawn(process.execPath, ['--conditions=sluice:source', fixture, bootstrap, applicationId, input, stateDir, `${name}:1`, String(standbys)], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    onJsonLines(this.child.stdout!, (m: { state?: string; tasks?: string[]; standbys?: string[]; restore?: Restoration; query?: string; dump?: unknown; error?: string }) => {
      if (m.state) this.state = m.state;
      if (m.tasks) this.tasks = m.tasks;
      if (m.standbys) this.standbys = m.standbys;
      if (m.restore) this.restorations.push(m.restore);
      if (m.query !== undefined || m.dump !== undefined || m.error !== undefined) this.answers.push(m);
    });
    const keep = (d: Buffer) => (this.log = (this.log + d).slice(-6000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  describe(): string {
    return `--- ${this.name} (${this.state}; tasks ${this.tasks.join(' ')}; standbys ${this.standbys.join(' ')}; restored ${JSON.stringify(this.restorations)}):\n${this.log.slice(-3000)}`;
  }

  private async ask<T>(command: string, pick: (m: Record<string, unknown>) => boolean): Promise<T> {
    this.answers = [];
    this.child.stdin!.write(`${command}\n`);
    const answer = await eventually(`${this.name} to answer '${command}'`, () => this.answers.find((m) => pick(m) || m.error !== undefined), 30_000);
    if (answer.error !== undefined) throw new Error(`${this.name} failed '${command}': ${String(answer.error)}`);
    return answer as T;
  }

  /** Which instance queryMetadataForKey names for `key` (its name), and this instance's own store's answer. */
  async query(key: string): Promise<{ owner: string; local: number | null }> {
    const a = await this.ask<{ owner: string; local: number | null }>(`query ${key}`, (m) => m.query === key);
    return { owner: a.owner.replace(/:1$/, ''), local: a.local };
  }

  /** Every key of this instance's local store (its active tasks) and its count. */
  async dump(): Promise<Record<string, number>> {
    return (await this.ask<{ dump: Record<string, number> }>('dump', (m) => m.dump !== undefined)).dump;
  }

  /** Total restored per store partition since the start. */
  restoredIn(partitions: readonly number[]): number {
    return this.restorations.filter((r) => partitions.includes(r.partition)).reduce((n, r) => n + r.restored, 0);
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful close (flush, commit, checkpoint), as SIGTERM asks. */
  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    await this.exited;
  }
}

/** Per key, how many times it occurs: what the counting application's store must hold. */
export function countsOf(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

/** Records written to the `counts` store's changelog partitions (their end offsets: nothing is compacted away this soon). */
export async function changelogLength(bootstrap: string, applicationId: string, partitions: readonly number[]): Promise<number> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  try {
    const ends = await admin.listOffsets(partitions.map((partition) => ({ topic: `${applicationId}-counts-changelog`, partition, spec: 'latest' as const })));
    return ends.reduce((n, e) => n + Number(e.offset), 0);
  } finally {
    await admin.close();
  }
}

/** The input records the application has committed as processed (its group's offsets, summed over `partitions` of `topic`). */
export async function committedInput(bootstrap: string, applicationId: string, topic: string, partitions: number): Promise<number> {
  const consumer = new Consumer({ bootstrapServers: bootstrap, groupId: applicationId });
  try {
    const offsets = await consumer.committed(Array.from({ length: partitions }, (_, partition) => ({ topic, partition })));
    return offsets.reduce((n, o) => n + Math.max(0, Number(o.offset ?? 0)), 0);
  } finally {
    await consumer.close();
  }
}
