/**
 * AlterUserScramCredentials (key 51), version 0: adds, replaces and deletes SCRAM credentials.
 * The client sends the salt, the iteration count and the salted password (never the password);
 * the broker keeps the salt, the count, StoredKey and ServerKey, on disk before it answers.
 * Refusals per user, as Kafka's: an empty name or an iteration count outside 4096-16384
 * UNACCEPTABLE_CREDENTIAL, an unknown mechanism UNSUPPORTED_SASL_MECHANISM, a user named twice
 * DUPLICATE_RESOURCE, a deletion of nothing RESOURCE_NOT_FOUND; the other users' changes apply.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';
import { MAX_ITERATIONS, SCRAM_MECHANISMS, credentialFromSaltedPassword, scramMechanismByCode } from '../security/scram-credentials.ts';

export const alterUserScramCredentialsHandler = defineHandler({
  api: Apis.AlterUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const { broker } = ctx;
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) {
      const users = [...new Set([...request.deletions, ...request.upsertions].map((op) => op.name))];
      return { throttleTimeMs: 0, results: users.map((user) => ({ user, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: null })) };
    }
    const store = broker.scramCredentials;
    const errors = new Map<string, { errorCode: number; errorMessage: string }>();
    const fail = (user: string, errorCode: number, errorMessage: string) => errors.has(user) || errors.set(user, { errorCode, errorMessage });
    const seen = new Map<string, number>();
    for (const op of [...request.deletions, ...request.upsertions]) seen.set(`${op.name}\u0000${op.mechanism}`, (seen.get(`${op.name}\u0000${op.mechanism}`) ?? 0) + 1);
    const users: string[] = [];
    const check = (op: { name: string; mechanism: number }) => {
      if (!users.includes(op.name)) users.push(op.name);
      if (op.name === '') return fail(op.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Username must not be empty');
      const mechanism = scramMechanismByCode(op.mechanism);
      if (mechanism === undefined) return fail(op.name, ErrorCode.UNSUPPORTED_SASL_MECHANISM, `Unknown SCRAM mechanism ${op.mechanism}: use 1 (SCRAM-SHA-256) or 2 (SCRAM-SHA-512)`);
      if ((seen.get(`${op.name}\u0000${op.mechanism}`) ?? 0) > 1) return fail(op.name, ErrorCode.DUPLICATE_RESOURCE, `A user credential cannot be altered twice in the same request: ${op.name} ${mechanism}`);
      return mechanism;
    };
    const deletions: { user: string; mechanism: keyof typeof SCRAM_MECHANISMS }[] = [];
    for (const d of request.deletions) {
      const mechanism = check(d);
      if (typeof mechanism !== 'string') continue;
      if (!store.has(d.name, mechanism)) fail(d.name, ErrorCode.RESOURCE_NOT_FOUND, `Attempt to delete a user credential that does not exist: ${d.name} ${mechanism}`);
      else deletions.push({ user: d.name, mechanism });
    }
    const upserts = [];
    for (const u of request.upsertions) {
      const mechanism = check(u);
      if (typeof mechanism !== 'string') continue;
      if (u.iterations < SCRAM_MECHANISMS[mechanism].minIterations) fail(u.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, `Too few iterations: ${u.iterations}, at least ${SCRAM_MECHANISMS[mechanism].minIterations} for ${mechanism}`);
      else if (u.iterations > MAX_ITERATIONS) fail(u.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, `Too many iterations: ${u.iterations}, at most ${MAX_ITERATIONS}`);
      else if (u.salt.length === 0 || u.saltedPassword.length === 0) fail(u.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'The salt and the salted password must not be empty');
      else upserts.push({ user: u.name, mechanism, credential: credentialFromSaltedPassword(mechanism, Buffer.from(u.salt), u.iterations, Buffer.from(u.saltedPassword)) });
    }
    // A user with any refused operation has none applied, as Kafka.
    await store.apply(
      upserts.filter((u) => !errors.has(u.user)),
      deletions.filter((d) => !errors.has(d.user)),
    );
    return { throttleTimeMs: 0, results: users.map((user) => ({ user, errorCode: errors.get(user)?.errorCode ?? ErrorCode.NONE, errorMessage: errors.get(user)?.errorMessage ?? null })) };
  },
});
