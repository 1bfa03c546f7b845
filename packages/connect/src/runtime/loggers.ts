/**
 * `/admin/loggers` (Kafka's LoggingResource and Loggers over log4j2, KIP-495): levels are set on
 * names, and a logger without a level of its own takes its nearest dotted ancestor's (root at the
 * end), as log4j2 resolves them. Setting a namespace sets it and every configured name that
 * starts with it (log4j2's Configurator.setAllLevels), and answers which loggers' levels changed.
 * The runtime's own loggers come from `logger(name)`, which registers the name (so it is listed,
 * as log4j2's registry is) and drops lines below its effective level.
 */
import { badRequest, notFound } from './herder.ts';

/** log4j2's standard levels and their weights: a line is written when its weight is at most the logger's. */
const WEIGHTS: Record<string, number> = { OFF: 0, FATAL: 100, ERROR: 200, WARN: 300, INFO: 400, DEBUG: 500, TRACE: 600, ALL: Number.MAX_SAFE_INTEGER };

/** The root logger is '' inside (log4j2) and 'root' outside (log4j 1, which Kafka's API kept); both are accepted. */
const isRoot = (name: string) => name === '' || name.toLowerCase() === 'root';
const outside = (name: string) => (name === '' ? 'root' : name);

export interface LoggerLevel {
  level: string;
  last_modified: number | null;
}

export type LogLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export interface RuntimeLogger {
  readonly name: string;
  isEnabled(level: LogLevel): boolean;
  log(level: LogLevel, line: string): void;
}

/** The logger the worker's own lines go through (Kafka's Worker class logger). */
export const WORKER_LOGGER = 'org.apache.kafka.connect.runtime.Worker';

/**
 * A worker's loggers and the log function its lines go through, so that the levels set through
 * `/admin/loggers` (on the worker's logger, an ancestor such as org.apache.kafka.connect, or root)
 * decide whether they are written.
 */
export function workerLogging(sink: ((line: string) => void) | undefined): { loggers: Loggers; log: (line: string) => void } {
  const loggers = new Loggers(sink);
  const logger = loggers.logger(WORKER_LOGGER);
  return { loggers, log: (line) => logger.log('INFO', line) };
}

export class Loggers {
  /** Levels set on names (log4j2's LoggerConfigs); '' is root. */
  readonly #configured = new Map<string, string>([['', 'INFO']]);
  /** Names the runtime logs under (log4j2's logger registry). */
  readonly #registered = new Set<string>();
  readonly #lastModified = new Map<string, number>();

  private readonly sink: (line: string) => void;

  private readonly now: () => number;

  constructor(sink?: (line: string) => void, now: () => number = Date.now) {
    this.now = now;
    this.sink = sink ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** The effective level of a name: its own, else its nearest dotted ancestor's, else root's. */
  effectiveLevel(name: string): string {
    for (let n = isRoot(name) ? '' : name; ; n = n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : '') {
      const level = this.#configured.get(n);
      if (level !== undefined) return level;
      if (n === '') return 'INFO';
    }
  }

  /** A named logger of the runtime; lines below its effective level are dropped. */
  logger(name: string): RuntimeLogger {
    this.#registered.add(name);
    const isEnabled = (level: LogLevel) => WEIGHTS[level] <= WEIGHTS[this.effectiveLevel(name)];
    return {
      name,
      isEnabled,
      log: (level, line) => {
        if (isEnabled(level)) this.sink(line);
      },
    };
  }

  #current(): string[] {
    return [...new Set([...this.#configured.keys(), ...this.#registered])];
  }

  #levelOf(name: string): LoggerLevel {
    return { level: this.effectiveLevel(name), last_modified: this.#lastModified.get(outside(name)) ?? null };
  }

  /** GET /admin/loggers: every logger there is (configured or in use) that is not OFF, by name. */
  all(): Record<string, LoggerLevel> {
    const entries = this.#current()
      .map((n) => [outside(n), this.#levelOf(n)] as const)
      .filter(([, v]) => v.level !== 'OFF')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }

  /** GET /admin/loggers/{name}: 404 for a name no logger has, as Kafka (which does not create one to answer). */
  get(name: string): LoggerLevel {
    if (isRoot(name)) return this.#levelOf('');
    if (!this.#current().includes(name)) throw notFound(`Logger ${name} not found.`);
    return this.#levelOf(name);
  }

  /** Sets a namespace's level on this worker; the loggers whose level changed, sorted, as Kafka answers. */
  setLevel(namespace: string, level: string): string[] {
    const upper = level.toUpperCase();
    const inside = isRoot(namespace) ? '' : namespace;
    // Kafka looks the namespace's logger up first, which makes it one: its old level is then the one it inherited.
    if (inside !== '') this.#registered.add(inside);
    // The loggers the answer is about: all for root, else those named with the namespace's prefix, and the namespace itself.
    const affected = inside === '' ? this.#current() : [...new Set([...this.#current().filter((n) => n.startsWith(inside)), inside])];
    const before = this.all();
    // log4j2's setAllLevels: the namespace gets a level of its own, and so does every configured name starting with it.
    for (const n of [...this.#configured.keys()]) if (n.startsWith(inside)) this.#configured.set(n, upper);
    this.#configured.set(inside, upper);
    const changed: string[] = [];
    for (const n of affected) {
      const name = outside(n);
      if (this.effectiveLevel(n) !== (before[name]?.level ?? '')) {
        this.#lastModified.set(name, this.now());
        changed.push(name);
      }
    }
    return changed.sort();
  }

  /**
   * PUT /admin/loggers/{name}?scope=: Kafka's answers: 400 without a level, 404 for a level log4j2
   * does not have, 204 for scope `cluster` (one worker here: it applies to this one, as Kafka's
   * standalone worker does), else (`worker`, or a scope Kafka does not know) 200 with the changed names.
   */
  put(namespace: string, body: Record<string, unknown>, scope: string | null): [number, unknown?] {
    const level = body.level;
    if (level === undefined || level === null) throw badRequest("Desired 'level' parameter was not specified in request.");
    const text = String(level);
    if (WEIGHTS[text.trim().toUpperCase()] === undefined) throw notFound(`invalid log level '${text}'.`);
    const changed = this.setLevel(namespace, text.trim());
    return (scope ?? 'worker').toLowerCase() === 'cluster' ? [204] : [200, changed];
  }
}
