/**
 * AlterConfigs (key 33), versions 0-2. v1: nothing new on this path; v2: flexible.
 * Replaces a resource's whole set of overrides (the legacy, non-incremental form).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { alterResource } from './alter-configs-common.ts';
import { defineHandler } from './handler.ts';
import { configResourceRefusal } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';

export const alterConfigsHandler = defineHandler({
  api: Apis.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker } = ctx;
    const responses = [];
    for (const r of request.resources) {
      // A config named twice refuses the resource before authorization, as Kafka (ConfigAdminManager.preprocess).
      if (new Set(r.configs.map((c) => c.name)).size !== r.configs.length) {
        responses.push({ errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Error due to duplicate config keys', resourceType: r.resourceType, resourceName: r.resourceName });
        continue;
      }
      const refused = configResourceRefusal(ctx, AclOperation.ALTER_CONFIGS, r.resourceType, r.resourceName);
      if (refused !== undefined) {
        responses.push({ errorCode: refused, errorMessage: null, resourceType: r.resourceType, resourceName: r.resourceName });
        continue;
      }
      const changes: Record<string, string | null> = {};
      for (const c of r.configs) changes[c.name] = c.value;
      // An override left out is removed; a null value is refused, as Kafka refuses it.
      const nulls = r.configs.filter((c) => c.value === null).map((c) => c.name);
      if (nulls.length > 0) responses.push({ errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Null value not supported for : ${nulls.join(', ')}`, resourceType: r.resourceType, resourceName: r.resourceName });
      else responses.push(await alterResource(broker, r.resourceType, r.resourceName, changes, false, request.validateOnly));
    }
    return { throttleTimeMs: 0, responses };
  },
});
