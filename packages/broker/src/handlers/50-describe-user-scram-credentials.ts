/**
 * DescribeUserScramCredentials (key 50), version 0: the SCRAM mechanisms and iteration counts of
 * the users asked for (null or empty: every user), never salts or keys. A user without
 * credentials gets RESOURCE_NOT_FOUND, one asked twice DUPLICATE_RESOURCE, with Kafka's messages.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';
import { SCRAM_MECHANISMS } from '../security/scram-credentials.ts';

export const describeUserScramCredentialsHandler = defineHandler({
  api: Apis.DescribeUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, request) {
    const { broker } = ctx;
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE)) {
      // As Kafka's error answer: one result per user asked, each with the code and no name.
      const refused = (request.users ?? []).map(() => ({ user: '', errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: null, credentialInfos: [] }));
      return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: null, results: refused };
    }
    const all = broker.scramCredentials.describe();
    const infos = (user: string) => (all.get(user) ?? []).map((c) => ({ mechanism: SCRAM_MECHANISMS[c.mechanism].code, iterations: c.iterations }));
    const asked = request.users === null || request.users.length === 0 ? [...all.keys()].sort() : request.users.map((u) => u.name);
    const counts = new Map<string, number>();
    for (const user of asked) counts.set(user, (counts.get(user) ?? 0) + 1);
    const results = [...new Set(asked)].map((user) => {
      if ((counts.get(user) ?? 0) > 1) return { user, errorCode: ErrorCode.DUPLICATE_RESOURCE, errorMessage: `Cannot describe SCRAM credentials for the same user twice in a single request: ${user}`, credentialInfos: [] };
      if (!all.has(user)) return { user, errorCode: ErrorCode.RESOURCE_NOT_FOUND, errorMessage: `Attempt to describe a user credential that does not exist: ${user}`, credentialInfos: [] };
      return { user, errorCode: ErrorCode.NONE, errorMessage: null, credentialInfos: infos(user) };
    });
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, results };
  },
});
