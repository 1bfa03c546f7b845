/**
 * AlterClientQuotas (key 49), versions 0-1 (1 is flexible): sets and removes quotas of user,
 * client-id and ip entities, each entity answered on its own with Kafka's checks (quotas/entities.ts).
 * Needs ALTER_CONFIGS on the cluster. validate_only checks and changes nothing. The accepted
 * changes are written to disk together before they are enforced or acknowledged.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';
import { InvalidQuotaRequest, checkQuotaValue, describeEntity, entityHashCode, inJavaHashMapOrder, inJavaHashOrder, inKafkaOrder, keysForEntity, type EntityType, type QuotaEntity } from '../quotas/entities.ts';
import type { QuotaAlteration } from '../quotas/store.ts';

export const alterClientQuotasHandler = defineHandler({
  api: Apis.AlterClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, request) {
    // The entity as Kafka reads it from the request: one name per type, the last one sent.
    const entities = request.entries.map((entry) => {
      const byType = new Map<string, string | null>();
      for (const c of entry.entity) byType.set(c.entityType, c.entityName);
      return inKafkaOrder([...byType].map(([entityType, entityName]) => ({ entityType, entityName })), entry.entity.length);
    });
    const answer = (results: { errorCode: number; errorMessage: string | null }[]) => ({
      throttleTimeMs: 0,
      entries: results.map((r, i) => ({ ...r, entity: entities[i] })),
    });
    if (!authorizedOnCluster(ctx, AclOperation.ALTER_CONFIGS)) {
      return answer(entities.map(() => ({ errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: 'Cluster authorization failed.' })));
    }
    const store = ctx.broker.quotas.store;
    // Every component counts for sameness, known type or not, as in Kafka's ClientQuotaEntity.
    const sameness = (i: number) => JSON.stringify(entities[i].map((c) => [c.entityType, c.entityName]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
    const seen = new Set<string>();
    const alterations: QuotaAlteration[] = [];
    const results: { errorCode: number; errorMessage: string | null }[] = [];
    for (const [i, entry] of request.entries.entries()) results.push(await check(entry, i));
    async function check(entry: (typeof request.entries)[number], i: number) {
      const components = entities[i];
      const entity: QuotaEntity = Object.fromEntries(components.map((c) => [c.entityType as EntityType, c.entityName]));
      try {
        // The entity's first entry, whatever its fate: an entry after it is a repeat, ignored.
        const repeated = seen.has(sameness(i));
        seen.add(sameness(i));
        const ops = new Map<string, number | null>();
        // A key named twice refuses the entity; Kafka's answer then says it ignores a duplicate entity.
        let keyTwice = false;
        for (const op of entry.ops) {
          if (ops.has(op.key)) keyTwice = true;
          else ops.set(op.key, op.remove ? null : op.value);
        }
        if (repeated || keyTwice) throw new InvalidQuotaRequest(`Ignoring duplicate entity ${describeEntity(entity)}`);
        const keys = await keysForEntity(components, ctx.broker.quotas.hosts);
        // In the order of Kafka's HashMap of the changes (sized by the ops sent): of two values it
        // refuses, its answer names the first one there.
        for (const [k, v] of inJavaHashMapOrder([...ops], ([key]) => key, entry.ops.length)) if (v !== null) checkQuotaValue(keys, k, v);
        // Removing a key that is not set is no change; setting the value in force neither.
        for (const [k, v] of ops) if (store.get(entity, k) === (v ?? undefined)) ops.delete(k);
        if (ops.size > 0) alterations.push({ entity, ops });
        return { errorCode: ErrorCode.NONE, errorMessage: null };
      } catch (e) {
        if (e instanceof InvalidQuotaRequest) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: e.message };
        throw e;
      }
    }
    if (!request.validateOnly && alterations.length > 0) {
      try {
        await store.apply(alterations);
      } catch (e) {
        // Not on disk, so not in force: every entry that was to change says so.
        ctx.broker.log.error('writing the client quotas failed', e);
        const errorMessage = `The client quotas could not be written to the data folder (${(e as Error).message}); nothing was changed: check the disk and retry`;
        return answerByEntity(results.map((r) => (r.errorCode === ErrorCode.NONE ? { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, errorMessage } : r)));
      }
    }
    return answerByEntity(results);

    /**
     * Kafka answers from a HashMap of entity to result: one entry per distinct entity, in that
     * map's order, with the last result given to it (a repeated entity's first change is made,
     * and the answer says the repeat was ignored).
     */
    function answerByEntity(perEntry: { errorCode: number; errorMessage: string | null }[]) {
      const byEntity = new Map<string, { errorCode: number; errorMessage: string | null; entity: (typeof entities)[number] }>();
      perEntry.forEach((r, i) => {
        const prior = byEntity.get(sameness(i));
        byEntity.set(sameness(i), { ...r, entity: prior?.entity ?? entities[i] });
      });
      return { throttleTimeMs: 0, entries: inJavaHashOrder([...byEntity.values()], (e) => entityHashCode(e.entity)) };
    }
  },
});
