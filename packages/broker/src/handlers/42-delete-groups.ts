/**
 * DeleteGroups (key 42), versions 0-2. v1: nothing new on this path; v2: flexible.
 * Only empty groups can be deleted (NON_EMPTY_GROUP otherwise); their offsets go with them.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const deleteGroupsHandler = defineHandler({
  api: Apis.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker } = ctx;
    const results = [];
    // A name given twice is answered once, as Kafka's broker does (it deletes the distinct names).
    for (const groupId of new Set(request.groupsNames)) {
      const errorCode = authorized(ctx, AclOperation.DELETE, ResourceType.GROUP, groupId) ? await broker.groups.deleteGroup(groupId) : ErrorCode.GROUP_AUTHORIZATION_FAILED;
      results.push({ groupId, errorCode });
    }
    return { throttleTimeMs: 0, results };
  },
});
