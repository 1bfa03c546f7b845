/**
 * A test's own Maven project (a pom.xml and src/main/java beside the test, e.g. tests/streams/java):
 * compiled once and its class path resolved from Maven Central, both kept in the project's target/
 * until the pom or a source file changes, so CI and later runs reuse them. Needs Java 17+ and Maven.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withFileLock } from './file-lock.ts';

const exec = promisify(execFile);
const built = new Map<string, Promise<string>>();

/** The newest modification time of the pom and every file under src/. */
function newestSource(project: string): number {
  let newest = statSync(join(project, 'pom.xml')).mtimeMs;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  if (existsSync(join(project, 'src'))) walk(join(project, 'src'));
  return newest;
}

async function build(project: string): Promise<string> {
  const cpFile = join(project, 'target', 'classpath.txt');
  const stamp = join(project, 'target', 'built-at');
  const fresh = () => existsSync(cpFile) && existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newestSource(project);
  if (!fresh()) {
    // Two test files may build one project at once (the runner runs files in parallel).
    await withFileLock(join(project, 'target', '.build-lock'), async () => {
      if (fresh()) return;
      const sourcesAt = newestSource(project);
      try {
        await exec('mvn', ['-q', '-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], { cwd: project, maxBuffer: 1 << 24, timeout: 15 * 60_000 });
      } catch (e) {
        const err = e as Error & { stdout?: string; stderr?: string };
        throw new Error(
          `building the Maven project ${project} failed (needs 'mvn' and Java 17+: apt-get install -y openjdk-17-jdk-headless maven):\n${err.stdout ?? ''}${err.stderr ?? err.message}`,
        );
      }
      writeFileSync(stamp, String(sourcesAt));
    });
  }
  return `${join(project, 'target', 'classes')}:${readFileSync(cpFile, 'utf8').trim()}`;
}

/** The class path of the Maven project in `project` (its compiled classes, then its dependencies),
 * building it first when it is missing or older than its sources. */
export function mavenProjectClasspath(project: string): Promise<string> {
  let cp = built.get(project);
  if (!cp) {
    cp = build(project);
    built.set(project, cp);
  }
  return cp;
}
