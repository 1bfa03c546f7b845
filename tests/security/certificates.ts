// The test certificates live in the test kit (bench/broker makes them too); the suites here import them from this name.
export { makeCertificates, type TestCertificates } from '@sluice/test-kit';
