/**
 * `/admin/loggers` (Kafka's LoggingResource, KIP-495): named loggers with levels, changed at run
 * time, with Kafka's answers. The levels are kept for the tools that read and set them; the
 * runtime's own lines go through the worker's log function and do not follow them yet.
 */
import { badRequest } from './herder.js';

const LEVELS = ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'];

export class Loggers {
  readonly #levels = new Map<string, { level: string; last_modified: number | null }>([['root', { level: 'INFO', last_modified: null }]]);

  all(): Record<string, { level: string; last_modified?: number | null }> {
    const out: Record<string, { level: string; last_modified?: number | null }> = {};
    for (const [name, v] of [...this.#levels].sort(([a], [b]) => (a < b ? -1 : 1))) out[name] = v.last_modified === null ? { level: v.level } : { level: v.level, last_modified: v.last_modified };
    return out;
  }

  /** A logger's level: its own, else its nearest ancestor's. */
  get(name: string): { level: string; last_modified?: number | null } {
    for (let n: string | null = name; n !== null; n = n === 'root' ? null : n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : 'root') {
      const v = this.#levels.get(n);
      if (v !== undefined) return v.last_modified === null || n !== name ? { level: v.level } : { level: v.level, last_modified: v.last_modified };
    }
    return { level: 'INFO' };
  }

  /** Sets a level for a logger and its descendants; the names changed, as Kafka answers. */
  set(name: string, level: string, scope: string): string[] {
    const upper = level.toUpperCase();
    if (!LEVELS.includes(upper)) throw badRequest(`Invalid log level '${level}'.`);
    if (scope !== 'worker' && scope !== 'cluster') throw badRequest(`Invalid scope '${scope}'; must be 'worker' or 'cluster'`);
    const changed = [name, ...[...this.#levels.keys()].filter((n) => name === 'root' ? n !== 'root' : n.startsWith(`${name}.`))];
    const now = Date.now();
    for (const n of changed) this.#levels.set(n, { level: upper, last_modified: now });
    return changed.sort();
  }
}
