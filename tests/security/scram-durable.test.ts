// SCRAM credentials are kept with the broker's data: a restart on the same folder still knows the
// users (and the file holds salts and keys, never a password), and a user deleted stays deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, KafkaError, scramMechanism } from '@sluice/client';
import { startBroker } from '@sluice/broker';
import { Apis } from '@sluice/protocol';
import { RawConnection } from '@sluice/test-kit';
import { alterScram, scramUpsertion } from './scram-requests.ts';

const CONFIG = { listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0', 'sasl.enabled.mechanisms': 'SCRAM-SHA-256', 'connection.failed.authentication.delay.ms': '0' };

async function listTopicsAs(bootstrap: string, password: string): Promise<string[]> {
  const admin = new Admin({ bootstrapServers: bootstrap, requestTimeoutMs: 5000, sasl: scramMechanism({ username: 'carol', password, algorithm: 'SHA-256' }) });
  try {
    return await admin.listTopics({ timeoutMs: 10_000 });
  } finally {
    await admin.close();
  }
}

test('SCRAM users survive a restart, and a deleted one stays deleted', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-scram-'));
  try {
    let broker = await startBroker({ dataDir, config: CONFIG });
    let admin = await RawConnection.open(broker.port);
    const result = await alterScram(admin, { upsertions: [scramUpsertion('carol', 'SHA-256', 'carol-password-1')], deletions: [] });
    assert.equal(result.results[0].errorCode, 0);
    admin.close();
    await broker.close();
    const file = readFileSync(join(dataDir, 'scram-credentials'), 'utf8');
    assert.ok(file.includes('"carol"') && file.includes('"iterations": 4096') && !file.includes('carol-password-1'), file);

    broker = await startBroker({ dataDir, config: CONFIG });
    assert.ok(Array.isArray(await listTopicsAs(broker.listeners.SASL_PLAINTEXT.bootstrap, 'carol-password-1')));
    admin = await RawConnection.open(broker.port);
    assert.equal((await alterScram(admin, { upsertions: [], deletions: [{ name: 'carol', mechanism: 1 }] })).results[0].errorCode, 0);
    admin.close();
    await broker.close();

    broker = await startBroker({ dataDir, config: CONFIG });
    admin = await RawConnection.open(broker.port);
    assert.equal((await admin.request(Apis.DescribeUserScramCredentials, 0, { users: null })).results.length, 0);
    admin.close();
    await assert.rejects(listTopicsAs(broker.listeners.SASL_PLAINTEXT.bootstrap, 'carol-password-1'), (e: unknown) => e instanceof KafkaError && e.code === 'SASL_AUTHENTICATION_FAILED');
    await broker.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
