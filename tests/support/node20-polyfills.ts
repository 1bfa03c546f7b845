// @platformatic/kafka 2.x calls Promise.withResolvers (Node >= 22). On Node 20 this polyfill lets
// it run; it changes nothing on the wire.
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= () => {
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
};
export {};
