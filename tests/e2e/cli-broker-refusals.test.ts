// `sluice broker` refuses to start, with a message that names the cause and what to do, when it
// cannot honour what it was asked for (an authorizer class it cannot load) or when what
// it needs is taken (the data folder by another broker, the port by anything), and it says so
// before opening a single partition. A lock left by a broker killed with -9 does not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Producer } from '@sluice/client';
import { startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';
import { runSluice } from './run-sluice.ts';

test('sluice broker --set authorizer.class.name=… exits non-zero, naming the setting, and opens nothing', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'sluice-refused-'));
  const dataDir = join(parent, 'data');
  try {
    // Port 0 (any free port): a port picked here could be taken by another process meanwhile, and
    // a busy port is refused too.
    const r = await runSluice(['broker', '--port', '0', '--data-dir', dataDir, '--set', 'authorizer.class.name=kafka.security.authorizer.AclAuthorizer']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /Refusing to start.*\n.*authorizer\.class\.name: kafka\.security\.authorizer\.AclAuthorizer is a Java class Sluice cannot load; use org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer/);
    assert.doesNotMatch(r.stdout, /Ready/);
    assert.equal(existsSync(dataDir), false, 'no data folder is created');

    const tls = await runSluice(['broker', '--port', '0', '--data-dir', dataDir, '--set', 'listeners=PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0']);
    assert.equal(tls.code, 2, tls.stdout + tls.stderr);
    // Kafka's default SASL mechanism, GSSAPI (Kerberos), is not served: the start is refused, naming it.
    assert.match(tls.stderr, /the listener SASL_SSL enables the SASL mechanism GSSAPI \(sasl\.enabled\.mechanisms\), which Sluice does not serve; enable PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER instead/);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a second sluice broker on the same data folder is refused naming the running one; a busy port is named first; after kill -9 the folder is free', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-locked-'));
  let first: BrokerProcess | undefined;
  let after: BrokerProcess | undefined;
  try {
    // Port 0 wherever a start is not refused for its port: the broker binds a free one (a port
    // picked here could be taken by another process meanwhile, and a busy port is named first).
    first = await startBrokerProcess(0, dataDir);
    const port1 = first.port;
    const producer = new Producer({ bootstrapServers: `127.0.0.1:${port1}` });
    await producer.send({ topic: 'kept', value: 'v' });
    await producer.close();

    // What a newcomer does when 9092 is taken: another port, the same default folder.
    const second = await runSluice(['broker', '--port', '0', '--data-dir', dataDir]);
    assert.equal(second.code, 1, second.stdout + second.stderr);
    assert.match(second.stderr, new RegExp(`The data folder ${dataDir} is in use by another broker, process ${first.child.pid} listening on 127\\.0\\.0\\.1:${port1}`));
    assert.match(second.stderr, /give this broker its own folder with --data-dir DIR/);
    assert.doesNotMatch(second.stderr, /opened \d+ of \d+ partitions/, 'refused before loading the partitions');

    // Same port: that is said first, still before any partition is opened.
    const busy = await runSluice(['broker', '--port', String(port1), '--data-dir', dataDir]);
    assert.equal(busy.code, 1, busy.stdout + busy.stderr);
    assert.match(busy.stderr, new RegExp(`Port ${port1} on 127\\.0\\.0\\.1 is already in use .*choose another port with --port N`));
    assert.doesNotMatch(busy.stderr, /opened \d+ of \d+ partitions|at Object|\n\s+at /, 'no partitions opened, no stack trace');

    first.child.kill('SIGKILL');
    await first.exited;
    after = await startBrokerProcess(0, dataDir);
    assert.match(readFileSync(join(dataDir, '.lock'), 'utf8'), new RegExp(`^pid=${after.child.pid}$`, 'm'));
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${after.port}` });
    try {
      assert.ok((await admin.listTopics()).includes('kept'), after.output());
    } finally {
      await admin.close();
    }
  } finally {
    first?.child.kill('SIGKILL');
    after?.child.kill('SIGKILL');
    await Promise.all([first?.exited, after?.exited]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
