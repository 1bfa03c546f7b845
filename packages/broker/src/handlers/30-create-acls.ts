/**
 * CreateAcls (key 30), versions 1-3 as Kafka 4.3.1: each creation is validated on its own
 * (INVALID_REQUEST with the reason), the valid ones are stored durably before the answer.
 * Needs ALTER on the cluster; SECURITY_DISABLED without an authorizer.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.js';
import { authorizedOnCluster } from './authorize.js';
import { AclOperation, invalidBinding } from '../acl/model.js';
import { NO_AUTHORIZER } from './acl-errors.js';

export const createAclsHandler = defineHandler({
  api: Apis.CreateAcls,
  minVersion: 1,
  maxVersion: 3,
  async handle(ctx, request) {
    const every = (errorCode: number, errorMessage: string | null) => ({ throttleTimeMs: 0, results: request.creations.map(() => ({ errorCode, errorMessage })) });
    const authorizer = ctx.broker.authorizer;
    if (authorizer === undefined) return every(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return every(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, null);
    const bindings = request.creations.map((c) => ({
      resourceType: c.resourceType, resourceName: c.resourceName, patternType: c.resourcePatternType,
      principal: c.principal, host: c.host, operation: c.operation, permissionType: c.permissionType,
    }));
    const reasons = bindings.map(invalidBinding);
    await authorizer.create(bindings.filter((_, i) => reasons[i] === undefined));
    return {
      throttleTimeMs: 0,
      results: reasons.map((reason) => (reason === undefined ? { errorCode: ErrorCode.NONE, errorMessage: null } : { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: reason })),
    };
  },
});
