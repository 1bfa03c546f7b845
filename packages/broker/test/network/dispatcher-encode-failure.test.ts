// A response the handler built wrongly for its version (a null where the version has no null)
// closes only that connection, with one concise reason instead of an unexpected error's stack.
import { PLAINTEXT_LISTENER } from '../../src/security/listener-security.ts';
import { Session } from '../../src/security/session.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, encodeRequest } from '@sluice/protocol';
import type { BrokerCore } from '../../src/core.ts';
import { defineHandler } from '../../src/handlers/handler.ts';
import { CloseConnection, type Connection } from '../../src/network/connection.ts';
import { Deferred, defer } from '../../src/handlers/deferred.ts';
import { RequestDispatcher } from '../../src/network/dispatcher.ts';
import { BrokerQuotas } from '../../src/quotas/index.ts';

// The dispatcher records every request against the client quotas (none are set here).
const window = { samples: 11, windowMs: 1000 };
const broker = { quotas: new BrokerQuotas({ client: window, controller: window }) } as unknown as BrokerCore;

const answer = {
  throttleTimeMs: 0,
  brokers: [],
  clusterId: null,
  controllerId: -1,
  topics: [{ errorCode: 100, name: null, topicId: '8W4RyE5sTfuBrYXbM4D5uA', isInternal: false, partitions: [], topicAuthorizedOperations: -2147483648 }],
  clusterAuthorizedOperations: -2147483648,
  errorCode: 0,
};

function frameOf(version: number): Buffer {
  const body = { topics: null, allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false };
  return Buffer.concat(encodeRequest(Apis.Metadata, version, 1, 'test', body)).subarray(4);
}

async function dispatchAt(version: number, deferred: boolean): Promise<Buffer[] | null> {
  const handler = defineHandler({ api: Apis.Metadata, minVersion: 0, maxVersion: 13, handle: () => (deferred ? defer(Promise.resolve(answer)) : answer) as never });
  const reply = await new RequestDispatcher(broker, [handler]).dispatch({ session: new Session(false, false), listener: PLAINTEXT_LISTENER } as unknown as Connection, frameOf(version));
  return reply instanceof Deferred ? reply.result : reply;
}

test('an answer the version cannot encode becomes CloseConnection with the reason, deferred or not', async () => {
  for (const deferred of [false, true]) {
    await assert.rejects(
      dispatchAt(9, deferred),
      (e: unknown) => e instanceof CloseConnection && e.kind === 'unencodable response' && e.message === 'cannot encode the Metadata v9 response: MetadataResponse.name is null, but version 9 does not allow null',
    );
    // v12 allows the null name: the same answer is encoded.
    const encoded = await dispatchAt(12, deferred);
    assert.ok(encoded !== null && encoded.length > 0);
  }
});
