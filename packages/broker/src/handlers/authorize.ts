/**
 * The one call from a handler to the authorizer: may the request's principal, from its host, do
 * this operation on this resource? Always yes when authorizer.class.name is empty (the default),
 * as Kafka without an authorizer.
 */
import { ErrorCode } from '@sluice/protocol';
import { CLUSTER_RESOURCE_NAME, ResourceType } from '../acl/model.ts';
import type { RequestContext } from './handler.ts';

/** The client's address as Kafka compares it with an ACL's host (no IPv4-mapped IPv6 prefix). */
export function clientHost(ctx: RequestContext): string {
  const address = ctx.connection.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export function authorized(ctx: RequestContext, operation: number, resourceType: number, resourceName: string): boolean {
  const authorizer = ctx.broker.authorizer;
  if (authorizer === undefined) return true;
  return authorizer.authorize({ principal: ctx.principal, host: clientHost(ctx), operation, resourceType, resourceName });
}

/** The CLUSTER resource, which the admin APIs of the cluster as a whole are checked on. */
export function authorizedOnCluster(ctx: RequestContext, operation: number): boolean {
  return authorized(ctx, operation, ResourceType.CLUSTER, CLUSTER_RESOURCE_NAME);
}

/** Kafka's config resource types (ConfigResource.Type) whose ACLs are not the cluster's. */
const CONFIG_TOPIC = 2;
const CONFIG_GROUP = 32;

/**
 * The error for a config resource the caller may not describe or alter (DESCRIBE_CONFIGS or
 * ALTER_CONFIGS), or undefined when it may: a topic's and a group's own ACLs, the cluster's for
 * a broker, its loggers and client metrics, as Kafka checks them.
 */
export function configResourceRefusal(ctx: RequestContext, operation: number, configResourceType: number, name: string): number | undefined {
  if (configResourceType === CONFIG_TOPIC) return authorized(ctx, operation, ResourceType.TOPIC, name) ? undefined : ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  if (configResourceType === CONFIG_GROUP) return authorized(ctx, operation, ResourceType.GROUP, name) ? undefined : ErrorCode.GROUP_AUTHORIZATION_FAILED;
  return authorizedOnCluster(ctx, operation) ? undefined : ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
}
