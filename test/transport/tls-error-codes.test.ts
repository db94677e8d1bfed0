import { describe, expect, it } from 'vitest';
import { certificateRejection } from '../../src/transport/tls-error-codes.js';

describe('certificateRejection', () => {
  it.each([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ])('names a refused certificate by its code: %s', (code) => {
    expect(certificateRejection(code)).toBe(`TLS certificate rejected: ${code}`);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', ''])('says nothing for %j', (code) => {
    expect(certificateRejection(code)).toBeUndefined();
  });
});
