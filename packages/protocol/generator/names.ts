/** "FetchRequest" → "fetch-request"; "DescribeACLs"-style runs of capitals stay together. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** "FetchRequest" → "Fetch". */
export function apiName(messageName: string): string {
  return messageName.replace(/(Request|Response)$/, '');
}
