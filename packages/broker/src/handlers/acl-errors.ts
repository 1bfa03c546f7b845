/** Kafka's message for the ACL APIs on a broker without an authorizer (SECURITY_DISABLED). */
export const NO_AUTHORIZER = 'No Authorizer is configured.';
