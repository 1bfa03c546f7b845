/**
 * controller_mutation_rate for the handlers that create or delete partitions (CreateTopics,
 * DeleteTopics, CreatePartitions), as Kafka applies it: strict from the version whose clients
 * know THROTTLING_QUOTA_EXCEEDED (a topic over the quota is refused with it), permissive before
 * (the mutation is made, the client only throttled).
 */
import { ErrorCode } from '@sluice/protocol';
import { quotaUser, ThrottlingQuotaExceeded, type ControllerMutationQuota } from '../quotas/index.ts';
import type { RequestContext } from './handler.ts';

export interface MutationQuota {
  /** Counts `partitions` mutations; the refusal of a strict quota, or undefined to go ahead. */
  admit(partitions: number): { errorCode: number; errorMessage: string } | undefined;
  /** Reports the throttle time to the dispatcher; call once the request is done. */
  done(): void;
}

export function mutationQuota(ctx: RequestContext, strictSinceVersion: number): MutationQuota {
  const quota: ControllerMutationQuota = ctx.broker.quotas.controllerMutation.quotaFor(quotaUser(ctx.principal), ctx.header.clientId ?? '', ctx.version >= strictSinceVersion);
  return {
    admit(partitions) {
      try {
        quota.record(partitions);
        return undefined;
      } catch (e) {
        if (e instanceof ThrottlingQuotaExceeded) return { errorCode: ErrorCode.THROTTLING_QUOTA_EXCEEDED, errorMessage: e.message };
        throw e;
      }
    },
    done() {
      ctx.throttled('controller_mutation_rate', quota.throttleTimeMs());
    },
  };
}
