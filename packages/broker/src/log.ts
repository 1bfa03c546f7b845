/** The broker's log lines: to stderr with a level and a time, or nowhere. */
import type { BrokerLog } from './core.js';

export function consoleLog(prefix = 'sluice'): BrokerLog {
  const line = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${level} [${prefix}] ${message}\n`);
  return {
    info: (m) => line('INFO ', m),
    warn: (m) => line('WARN ', m),
    error: (m, e) => line('ERROR', e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  };
}

export const silentLog: BrokerLog = { info() {}, warn() {}, error() {} };
