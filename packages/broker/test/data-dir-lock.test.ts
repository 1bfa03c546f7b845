// One broker per data folder, and a busy port reported before anything is opened.
// (The kill -9 case, with real processes, is in tests/e2e/cli-broker-refusals.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockWithPidFile } from '../src/data-dir-lock.ts';
import { DataDirLockedError, ListenError, startBroker } from '../src/index.ts';
import { LOCK_FILE } from '../src/data-dir-lock.ts';

function withFolder(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-lock-'));
  return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('a second broker on the same data folder is refused, naming the folder and the holder; after a close it starts', async () => {
  await withFolder(async (dir) => {
    const first = await startBroker({ port: 0, dataDir: dir });
    try {
      const lock = readFileSync(join(dir, LOCK_FILE), 'utf8');
      assert.match(lock, new RegExp(`^pid=${process.pid}$`, 'm'));
      assert.match(lock, new RegExp(`^listening=127\\.0\\.0\\.1:${first.port}$`, 'm'));
      await assert.rejects(startBroker({ port: 0, dataDir: dir }), (e: unknown) => {
        assert.ok(e instanceof DataDirLockedError);
        assert.equal(e.code, 'DATA_DIR_LOCKED');
        assert.match(e.message, new RegExp(`The data folder ${dir} is in use by another broker, process ${process.pid} \\(this process: a broker started earlier and not closed\\) listening on 127\\.0\\.0\\.1:${first.port}`));
        assert.match(e.message, /give this broker its own folder with --data-dir DIR/);
        return true;
      });
      // log.dirs names the same folder, or a symbolic link to it: the same refusal.
      await assert.rejects(startBroker({ port: 0, config: { 'log.dirs': dir } }), DataDirLockedError);
      const link = `${dir}-link`;
      symlinkSync(dir, link);
      try {
        await assert.rejects(startBroker({ port: 0, dataDir: link }), DataDirLockedError);
      } finally {
        rmSync(link);
      }
    } finally {
      await first.close();
    }
    const second = await startBroker({ port: 0, dataDir: dir });
    await second.close();
  });
});

test('a busy port is refused with what to do, before the data folder is even created', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const port = (holder.address() as { port: number }).port;
  try {
    await withFolder(async (parent) => {
      const dataDir = join(parent, 'data');
      await assert.rejects(startBroker({ port, dataDir }), (e: unknown) => {
        assert.ok(e instanceof ListenError);
        assert.equal(e.code, 'PORT_IN_USE');
        assert.match(e.message, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use .*choose another port with --port N`));
        return true;
      });
      assert.equal(existsSync(dataDir), false);
    });
  } finally {
    holder.close();
  }
});

test('where there is no abstract socket: an exclusive .lock file, taken over from a process that has ended', async () => {
  await withFolder(async (dir) => {
    const path = join(dir, LOCK_FILE);
    const held = await lockWithPidFile(dir);
    await assert.rejects(lockWithPidFile(dir), /in use by another broker, process \d+ \(this process/);
    await held.release();
    assert.equal(existsSync(path), false, 'released: the file is removed');

    // Left by a kill -9: its pid no longer exists.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(path, `pid=${ended}\nhost=${hostname()}\n`);
    const taken = await lockWithPidFile(dir);
    assert.match(readFileSync(path, 'utf8'), new RegExp(`^pid=${process.pid}$`, 'm'));
    await taken.release();

    // A live process, or one on another host (whose liveness cannot be checked), is not overruled.
    writeFileSync(path, `pid=${process.ppid}\nhost=${hostname()}\n`);
    await assert.rejects(lockWithPidFile(dir), new RegExp(`process ${process.ppid}`));
    writeFileSync(path, `pid=${ended}\nhost=elsewhere.example\n`);
    await assert.rejects(lockWithPidFile(dir), /on host elsewhere\.example/);
  });
});
