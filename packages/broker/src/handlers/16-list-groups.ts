/**
 * ListGroups (key 16), versions 0-5. v1: throttle time; v3: flexible; v4: filter by state and
 * report it; v5: filter by type and report it (all groups here are "classic").
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized, authorizedOnCluster } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const listGroupsHandler = defineHandler({
  api: Apis.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, request) {
    const { broker } = ctx;
    // DESCRIBE on the cluster lists every group; otherwise only the groups the caller may describe.
    const everyGroup = authorizedOnCluster(ctx, AclOperation.DESCRIBE);
    const states = request.statesFilter.map((s) => s.toLowerCase());
    const types = request.typesFilter.map((s) => s.toLowerCase());
    const ids = new Set([...broker.groups.groups.keys(), ...broker.groups.offsets.keys()]);
    const groups = [...ids]
      .filter((groupId) => everyGroup || authorized(ctx, AclOperation.DESCRIBE, ResourceType.GROUP, groupId))
      .map((groupId) => {
        const g = broker.groups.groups.get(groupId);
        return { groupId, protocolType: g?.protocolType ?? '', groupState: g?.state ?? 'Empty', groupType: 'classic' };
      })
      .filter((g) => (states.length === 0 || states.includes(g.groupState.toLowerCase())) && (types.length === 0 || types.includes(g.groupType)));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
});
