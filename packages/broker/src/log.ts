/** The broker's log lines: to stderr with a level and a time, or nowhere. */

/** Where the broker writes what it has to say; core.ts re-exports it for the handlers. */
export interface BrokerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function consoleLog(prefix = 'sluice'): BrokerLog {
  const line = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${level} [${prefix}] ${message}\n`);
  return {
    info: (m) => line('INFO ', m),
    warn: (m) => line('WARN ', m),
    error: (m, e) => line('ERROR', e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  };
}

export const silentLog: BrokerLog = { info() {}, warn() {}, error() {} };
