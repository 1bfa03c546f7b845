/**
 * AlterUserScramCredentials (key 51), version 0: adds, replaces and deletes SCRAM credentials.
 * The client sends the salt, the iteration count and the salted password (never the password);
 * the broker keeps the salt, the count, StoredKey and ServerKey, on disk before it answers.
 * Refusals per user, as Kafka's: an empty name or an iteration count outside 4096-16384
 * UNACCEPTABLE_CREDENTIAL, an unknown mechanism UNSUPPORTED_SASL_MECHANISM, a user named twice
 * DUPLICATE_RESOURCE (even for two mechanisms: Kafka takes one change per user and request), a
 * deletion of nothing RESOURCE_NOT_FOUND; the other users' changes apply.
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
    // As Kafka's controller: one change per user and request, whatever its mechanism. The
    // deletions, then the upsertions, are taken in order; a user's first refusal is its answer,
    // and a second change of a user whose first was accepted is DUPLICATE_RESOURCE, undoing it.
    const errors = new Map<string, { errorCode: number; errorMessage: string }>();
    const users: string[] = [];
    const deletions = new Map<string, { user: string; mechanism: keyof typeof SCRAM_MECHANISMS }>();
    const upserts = new Map<string, { user: string; mechanism: keyof typeof SCRAM_MECHANISMS; credential: ReturnType<typeof credentialFromSaltedPassword> }>();
    const fail = (user: string, errorCode: number, errorMessage: string) => void errors.set(user, { errorCode, errorMessage });
    /** The operation's mechanism once it may go ahead; undefined once the user is answered. */
    const admit = (op: { name: string; mechanism: number }) => {
      if (!users.includes(op.name)) users.push(op.name);
      if (errors.has(op.name)) return undefined;
      const mechanism = scramMechanismByCode(op.mechanism);
      if (deletions.delete(op.name) || upserts.delete(op.name)) fail(op.name, ErrorCode.DUPLICATE_RESOURCE, `A user credential cannot be altered twice in the same request: ${op.name}`);
      else if (op.name === '') fail(op.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Username must not be empty');
      else if (mechanism === undefined) fail(op.name, ErrorCode.UNSUPPORTED_SASL_MECHANISM, `Unknown SCRAM mechanism ${op.mechanism}: use 1 (SCRAM-SHA-256) or 2 (SCRAM-SHA-512)`);
      else return mechanism;
      return undefined;
    };
    for (const d of request.deletions) {
      const mechanism = admit(d);
      if (mechanism === undefined) continue;
      if (!store.has(d.name, mechanism)) fail(d.name, ErrorCode.RESOURCE_NOT_FOUND, `Attempt to delete a user credential that does not exist: ${d.name} ${mechanism}`);
      else deletions.set(d.name, { user: d.name, mechanism });
    }
    for (const u of request.upsertions) {
      const mechanism = admit(u);
      if (mechanism === undefined) continue;
      if (u.iterations < SCRAM_MECHANISMS[mechanism].minIterations) fail(u.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, `Too few iterations: ${u.iterations}, at least ${SCRAM_MECHANISMS[mechanism].minIterations} for ${mechanism}`);
      else if (u.iterations > MAX_ITERATIONS) fail(u.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, `Too many iterations: ${u.iterations}, at most ${MAX_ITERATIONS}`);
      else if (u.salt.length === 0 || u.saltedPassword.length === 0) fail(u.name, ErrorCode.UNACCEPTABLE_CREDENTIAL, 'The salt and the salted password must not be empty');
      else upserts.set(u.name, { user: u.name, mechanism, credential: credentialFromSaltedPassword(mechanism, Buffer.from(u.salt), u.iterations, Buffer.from(u.saltedPassword)) });
    }
    // A user with a refused operation has none applied, as Kafka.
    await store.apply([...upserts.values()], [...deletions.values()]);
    return { throttleTimeMs: 0, results: users.map((user) => ({ user, errorCode: errors.get(user)?.errorCode ?? ErrorCode.NONE, errorMessage: errors.get(user)?.errorMessage ?? null })) };
  },
});
