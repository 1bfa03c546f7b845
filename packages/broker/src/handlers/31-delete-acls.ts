/**
 * DeleteAcls (key 31), versions 1-3 as Kafka 4.3.1: each filter removes what it matches and is
 * answered with those ACLs; a filter that cannot be used is INVALID_REQUEST on its own. Removals
 * are on disk before the answer (a failed write removes nothing and answers each valid filter with
 * the failure). Needs ALTER on the cluster; SECURITY_DISABLED without an authorizer.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation, invalidFilter } from '../acl/model.ts';
import { NO_AUTHORIZER } from './acl-errors.ts';
import { errorCodeOf, messageOf } from './errors.ts';

export const deleteAclsHandler = defineHandler({
  api: Apis.DeleteAcls,
  minVersion: 1,
  maxVersion: 3,
  async handle(ctx, request) {
    const every = (errorCode: number, errorMessage: string | null) => ({ throttleTimeMs: 0, filterResults: request.filters.map(() => ({ errorCode, errorMessage, matchingAcls: [] })) });
    const authorizer = ctx.broker.authorizer;
    if (authorizer === undefined) return every(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return every(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, null);
    const filters = request.filters.map((f) => ({
      resourceType: f.resourceTypeFilter, resourceName: f.resourceNameFilter, patternType: f.patternTypeFilter,
      principal: f.principalFilter, host: f.hostFilter, operation: f.operation, permissionType: f.permissionType,
    }));
    const reasons = filters.map(invalidFilter);
    let removed;
    try {
      removed = await authorizer.delete(filters.filter((_, i) => reasons[i] === undefined));
    } catch (e) {
      ctx.broker.log.error('storing the ACL deletions failed; every ACL is still in force', e);
      const failed = { errorCode: errorCodeOf(e), errorMessage: `The ACL deletions could not be stored: ${messageOf(e)}`, matchingAcls: [] };
      return { throttleTimeMs: 0, filterResults: reasons.map((reason) => (reason === undefined ? failed : { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: reason, matchingAcls: [] })) };
    }
    let next = 0;
    return {
      throttleTimeMs: 0,
      filterResults: reasons.map((reason) => {
        if (reason !== undefined) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: reason, matchingAcls: [] };
        const matchingAcls = removed[next++].map((a) => ({ errorCode: ErrorCode.NONE, errorMessage: null, ...a }));
        return { errorCode: ErrorCode.NONE, errorMessage: null, matchingAcls };
      }),
    };
  },
});
