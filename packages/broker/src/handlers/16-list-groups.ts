/**
 * ListGroups (key 16), versions 0-5. v1: throttle time; v3: flexible; v4: filter by state and
 * report it; v5: filter by type and report it (all groups here are "classic").
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.js';

export const listGroupsHandler = defineHandler({
  api: Apis.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle({ broker }, request) {
    const states = request.statesFilter.map((s) => s.toLowerCase());
    const types = request.typesFilter.map((s) => s.toLowerCase());
    const ids = new Set([...broker.groups.groups.keys(), ...broker.groups.offsets.keys()]);
    const groups = [...ids]
      .map((groupId) => {
        const g = broker.groups.groups.get(groupId);
        return { groupId, protocolType: g?.protocolType ?? '', groupState: g?.state ?? 'Empty', groupType: 'classic' };
      })
      .filter((g) => (states.length === 0 || states.includes(g.groupState.toLowerCase())) && (types.length === 0 || types.includes(g.groupType)));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
});
