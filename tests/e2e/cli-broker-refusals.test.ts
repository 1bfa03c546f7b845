// `sluice broker` refuses to start, with a message that names the cause and what to do, when it
// cannot honour what it was asked for: a security setting it does not support yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/processes.js';
import { runSluice } from './run-sluice.js';

test('sluice broker --set authorizer.class.name=… exits non-zero, naming the setting, and opens nothing', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'sluice-refused-'));
  const dataDir = join(parent, 'data');
  try {
    const port = await freePort();
    const r = await runSluice(['broker', '--port', String(port), '--data-dir', dataDir, '--set', 'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /Refusing to start.*\n.*authorizer\.class\.name: ACL authorization is not supported yet; remove authorizer\.class\.name/);
    assert.doesNotMatch(r.stdout, /Ready/);
    assert.equal(existsSync(dataDir), false, 'no data folder is created');

    const tls = await runSluice(['broker', '--port', String(port), '--data-dir', dataDir, '--set', `listeners=PLAINTEXT://127.0.0.1:${port},SASL_SSL://127.0.0.1:0`]);
    assert.equal(tls.code, 2, tls.stdout + tls.stderr);
    assert.match(tls.stderr, /the listener SASL_SSL:\/\/127\.0\.0\.1:0 uses SASL_SSL, which Sluice does not support yet/);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
