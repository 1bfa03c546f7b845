/**
 * DeleteGroups (key 42), versions 0-2. v1: nothing new on this path; v2: flexible.
 * Only empty groups can be deleted (NON_EMPTY_GROUP otherwise); their offsets go with them.
 */
import { Apis } from '@sluice/protocol';
import { defineHandler } from './handler.js';

export const deleteGroupsHandler = defineHandler({
  api: Apis.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  async handle({ broker }, request) {
    const results = [];
    // A name given twice is answered once, as Kafka's broker does (it deletes the distinct names).
    for (const groupId of new Set(request.groupsNames)) results.push({ groupId, errorCode: await broker.groups.deleteGroup(groupId) });
    return { throttleTimeMs: 0, results };
  },
});
