/**
 * Python clients for tests, each in its own virtualenv under ~/.cache/sluice (or
 * $SLUICE_PYTHON_VENVS), installed from PyPI at pinned versions.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from './file-lock.ts';
import { run } from './run.ts';

export const CONFLUENT_KAFKA_VERSION = '2.16.1';
export const KAFKA_PYTHON_VERSION = '2.3.3';
export const KAFKA_PYTHON_3_VERSION = '3.0.12';
export const AIOKAFKA_VERSION = '0.14.0';
/** aiokafka's codecs (its gzip, snappy, lz4 and zstd extras all come from cramjam). */
export const AIOKAFKA_PACKAGES = [`aiokafka==${AIOKAFKA_VERSION}`, 'cramjam==2.14.0'];

const ready = new Map<string, Promise<string>>();

/** The python executable of a virtualenv holding `packages` (created and filled on first use). */
export function pythonVenv(name: string, packages: string[], log: (m: string) => void = () => {}): Promise<string> {
  let p = ready.get(name);
  if (p === undefined) {
    const dir = join(process.env.SLUICE_PYTHON_VENVS ?? process.env.SLUICE_CAPTURE_VENVS ?? join(homedir(), '.cache', 'sluice'), name);
    // Test files run in parallel, and two filling one virtualenv at once would break it.
    p = withFileLock(`${dir}.lock`, () => fillVenv(dir, packages, log));
    ready.set(name, p);
  }
  return p;
}

async function fillVenv(dir: string, packages: string[], log: (m: string) => void): Promise<string> {
  const python = join(dir, 'bin', 'python');
  if (!existsSync(python)) {
    log(`creating a virtualenv in ${dir}`);
    try {
      await run('python3', ['-m', 'venv', dir]);
    } catch (err) {
      throw new Error(`python3 with venv is needed (apt-get install -y python3-venv): ${(err as Error).message}`);
    }
  }
  await run(python, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', ...packages], { timeoutMs: 600_000 });
  return python;
}
