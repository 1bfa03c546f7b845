/** Consumer-group members as separate Java processes (packages/test-kit/java group-consume). */
import type { ChildProcess } from 'node:child_process';
import { onJsonLines, spawnJavaTool } from '@sluice/test-kit';

export interface MemberEvent {
  event: 'assigned' | 'revoked' | 'record' | 'closed';
  partitions?: number[];
  partition?: number;
  offset?: number;
  value?: string;
}

export class JavaMember {
  readonly events: MemberEvent[] = [];
  readonly exited: Promise<number | null>;
  private listeners: (() => void)[] = [];

  readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
    onJsonLines(child.stdout!, (event: MemberEvent) => {
      this.events.push(event);
      for (const l of this.listeners) l();
    });
    // 'close', not 'exit': Node may emit 'exit' before the last events have been read.
    this.exited = new Promise((resolve) => child.on('close', resolve));
  }

  static async start(bootstrap: string, topic: string, group: string, assignor: string, instance: string | null, idleSeconds: number): Promise<JavaMember> {
    return new JavaMember(await spawnJavaTool(['group-consume', bootstrap, topic, group, assignor, instance ?? '-', String(idleSeconds)]));
  }

  /** The partitions owned now, from the assigned/revoked events (eager and cooperative alike). */
  owned(): Set<number> {
    const owned = new Set<number>();
    for (const e of this.events) {
      if (e.event === 'assigned') for (const p of e.partitions!) owned.add(p);
      if (e.event === 'revoked') for (const p of e.partitions!) owned.delete(p);
    }
    return owned;
  }

  values(): string[] {
    return this.events.filter((e) => e.event === 'record').map((e) => e.value!);
  }

  /** Resolves when `predicate` holds, checked on every event; fails after `timeoutMs`. */
  async until(predicate: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; events: ${JSON.stringify(this.events.slice(-10))}`)), timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  /** Asks the member to stop: it commits, leaves (unless static) and exits. */
  async stop(): Promise<void> {
    this.child.stdin!.end();
    await this.exited;
  }

  kill(): Promise<number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }
}
