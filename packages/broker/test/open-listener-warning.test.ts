// A listener reachable from other machines without authentication logs a warning at start; the
// loopback default and authenticating listeners do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker } from '../src/index.ts';

async function startWarnings(config: Record<string, string>): Promise<string[]> {
  const warnings: string[] = [];
  const broker = await startBroker({ config, log: { info: () => {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) } as never });
  await broker.close();
  return warnings.filter((w) => /reachable beyond this machine/.test(w));
}

test('binding beyond the loopback without authentication warns, naming the listener and what to do', async () => {
  const [warning, ...more] = await startWarnings({ listeners: 'PLAINTEXT://127.0.0.1:0,OPEN://0.0.0.0:0', 'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,OPEN:PLAINTEXT' });
  assert.equal(more.length, 0);
  assert.match(warning, /^the listener OPEN:\/\/0\.0\.0\.0:0 is reachable beyond this machine and does not authenticate its clients \(PLAINTEXT\): anyone who reaches it can read, write and delete every topic\. Use SASL_SSL \(or SSL with ssl\.client\.auth=required\) for it, or listen on 127\.0\.0\.1$/);
  assert.deepEqual(await startWarnings({ listeners: 'PLAINTEXT://127.0.0.1:0' }), []);
  const jaas = 'org.apache.kafka.common.security.plain.PlainLoginModule required user_a="b";';
  assert.deepEqual(await startWarnings({ listeners: 'SASL_PLAINTEXT://0.0.0.0:0', 'sasl.enabled.mechanisms': 'PLAIN', 'listener.name.sasl_plaintext.plain.sasl.jaas.config': jaas }), []);
});
