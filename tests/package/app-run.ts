// Runs tests/package/project/app.mjs under one Node and checks what it prints: each step's JSON
// line (a broker, the client with every codec, streams, a persistent store, a Connect record).
// When the app says it is ready, `whileReady` may use its broker; then the app is told to close
// it, and must exit 0 having said so. Shared by the test of the installed packages and the test
// of the sources run without a loader, so that both hold the app to the same answers.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface AppRun {
  node: string;
  /** Arguments before nothing else: the app's path, and any Node flags before it. */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The version `node --version` gave, which the app must report as its own. */
  version: string;
  whileReady?: (bootstrapServers: string) => Promise<void>;
}

export async function runApp({ node, args, cwd, env, version, whileReady }: AppRun): Promise<void> {
  const app = spawn(node, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  app.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => app.on('exit', (code) => resolve(code)));
  const steps = new Map<string, Record<string, unknown>>();
  try {
    for await (const line of createInterface({ input: app.stdout })) {
      const message = JSON.parse(line) as { step: string } & Record<string, unknown>;
      steps.set(message.step, message);
      if (message.step !== 'ready') continue;

      assert.equal(steps.get('broker')?.node, version, 'the app runs on the Node under test');
      assert.deepEqual(steps.get('client')?.received, ['k0=hello none', 'k1=hello gzip', 'k2=hello snappy', 'k3=hello lz4', 'k4=hello zstd']);
      assert.deepEqual(steps.get('streams')?.filtered, ['important 2', 'important 4']);
      assert.deepEqual(steps.get('stores')?.stored, ['a=41', 'b=1'], 'a persistent store reopens with what it held');
      assert.doesNotMatch(stderr, /SQLite is an experimental feature/, "Node 22's warning about node:sqlite is held back");
      assert.deepEqual(steps.get('connect'), { step: 'connect', payload: { id: 42, item: 'tea', origin: 'app' }, origin: 'app' }, 'a Connect record converts and transforms');
      await whileReady?.(message.bootstrapServers as string);
      app.stdin.end(); // the app closes its broker and says so
    }
  } finally {
    app.stdin.end();
    if (app.exitCode === null && !steps.has('closed')) app.kill();
  }
  assert.equal(await exited, 0, `app.mjs failed:\n${stderr}`);
  assert.ok(steps.has('closed'), `app.mjs did not close its broker:\n${stderr}`);
}
