// The tests-only request interception hook (network/intercept.ts): a chosen request gets the
// test's answer, a delayed one the real answer once released, and every other request the real
// handler's, on the same broker and connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '../../src/broker.ts';
import type { InterceptedRequest } from '../../src/network/intercept.ts';
import { RawConnection } from '@sluice/test-kit';

test('interceptRequest replaces chosen answers, delays others, and leaves the rest to the broker', async () => {
  const seen: InterceptedRequest[] = [];
  let releaseMetadata!: () => void;
  const metadataHeld = new Promise<void>((r) => (releaseMetadata = r));
  const broker = await startBroker({
    port: 0,
    interceptRequest(request) {
      seen.push(request);
      if (request.apiName === 'Heartbeat') return { throttleTimeMs: 0, errorCode: ErrorCode.REBALANCE_IN_PROGRESS };
      if (request.apiName === 'Metadata') return metadataHeld.then(() => undefined);
      return undefined;
    },
  });
  const conn = await RawConnection.open(broker.port);
  try {
    // Without interception the broker answers UNKNOWN_MEMBER_ID (no such group): the test's answer wins.
    const heartbeat = await conn.request(Apis.Heartbeat, 4, { groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: null });
    assert.equal(heartbeat.errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
    const hb = seen.find((r) => r.apiName === 'Heartbeat')!;
    assert.equal(hb.apiKey, Apis.Heartbeat.apiKey);
    assert.equal(hb.apiVersion, 4);
    assert.equal((hb.body as { groupId: string }).groupId, 'g');

    // A request the interceptor passes on gets the real handler's answer.
    const versions = await conn.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    assert.equal(versions.errorCode, 0);
    assert.ok(versions.apiKeys.length > 10);

    // A delayed request is answered by the broker once the test releases it, and not before.
    let answered = false;
    const metadata = conn.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }).then((m) => {
      answered = true;
      return m;
    });
    while (!seen.some((r) => r.apiName === 'Metadata')) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    assert.equal(answered, false);
    releaseMetadata();
    const body = await metadata;
    assert.equal(body.clusterId, broker.clusterId);
    assert.equal(body.brokers[0].port, broker.port);
  } finally {
    conn.close();
    await broker.close();
  }
});
