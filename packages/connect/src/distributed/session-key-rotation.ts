/**
 * The leader's side of the session key (Kafka's DistributedHerder tick with checkForKeyRotation):
 * while request signing is in force, the leader writes a new key to the config topic when there is
 * none, when the current one expires (a timer at its expiration) or when it was made otherwise
 * than the worker's inter.worker.key.* settings ask; a failed write is tried again while it leads.
 * Every worker takes each key it reads from the config topic.
 */
import type { InterWorkerSigning } from './inter-worker-signing.ts';
import type { StoredSessionKey } from './storage-records.ts';

/** How long a leader waits before writing a session key again after a failed write. */
const SESSION_KEY_RETRY_MS = 1000;

export interface SessionKeyRotationHost {
  /** This worker leads, signing is in force, and it is not stopping. */
  leads(): boolean;
  putSessionKey(key: StoredSessionKey): Promise<void>;
  /** Runs work on the herder's queue, its failure logged. */
  background(what: string, fn: () => Promise<void>): void;
  log(line: string): void;
}

export class SessionKeyRotation {
  #timer: NodeJS.Timeout | undefined;

  private readonly signing: InterWorkerSigning;
  private readonly host: SessionKeyRotationHost;

  constructor(signing: InterWorkerSigning, host: SessionKeyRotationHost) {
    this.signing = signing;
    this.host = host;
  }

  /** A key read from the config topic (every worker's, the leader's own included). */
  onKeyRead(key: StoredSessionKey): void {
    this.signing.onKeyRead(key);
    this.host.log('Session key updated');
    this.#schedule();
  }

  /** After each rebalance and at each expiration: the leader writes a new key if one is due. */
  async distributeIfNeeded(): Promise<void> {
    if (!this.host.leads()) return;
    const now = Date.now();
    const reason = this.signing.rotationReason(now);
    if (reason === null) return this.#schedule();
    this.host.log(`${reason}; distributing a new session key`);
    try {
      await this.host.putSessionKey(this.signing.newKey(now));
    } catch (e) {
      this.host.log(`Failed to write a new session key to the config topic; trying again in ${SESSION_KEY_RETRY_MS} ms while this worker leads: ${(e as Error).message}`);
      this.#schedule(SESSION_KEY_RETRY_MS);
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Wakes the leader when the key expires (or after `inMs`) to write the next one. */
  #schedule(inMs?: number): void {
    this.stop();
    if (!this.host.leads()) return;
    const expiration = this.signing.expiration;
    if (inMs === undefined && !Number.isFinite(expiration)) return;
    // setTimeout takes at most 2^31-1 ms; a longer wait wakes up early and schedules again.
    const delay = Math.min(inMs ?? Math.max(0, expiration - Date.now()), 2 ** 31 - 1);
    this.#timer = setTimeout(() => this.host.background('distributing a new session key', () => this.distributeIfNeeded()), delay);
    this.#timer.unref();
  }
}
