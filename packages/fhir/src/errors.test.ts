import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CryptoError, CryptoErrorCodes } from '@medchain/crypto';
import { FhirError, FhirErrorCodes } from './errors.ts';
import { ERROR_STATUS, errorStatus } from './errorStatus.ts';
import { errorToOutcome } from './errorToOutcome.ts';
import { outcomeFromError } from './operationOutcome.ts';
import { ERROR_CODE_SYSTEM } from './systems.ts';

describe('FhirError', () => {
  it('carries code, shortMessage, expression, details and cause', () => {
    const cause = new Error('inner');
    const error = new FhirError('Observation.code is required', {
      code: 'FHIR_INVALID_RESOURCE',
      expression: 'Observation.code',
      details: 'context',
      cause,
    });
    assert.equal(error.name, 'FhirError');
    assert.equal(error.code, 'FHIR_INVALID_RESOURCE');
    assert.equal(error.expression, 'Observation.code');
    assert.equal(error.message, 'Observation.code is required\n\nDetails: context');
    assert.equal(error.cause, cause);
  });

  it('lists every code with a one-line meaning and an HTTP status', () => {
    for (const [code, meaning] of Object.entries(FhirErrorCodes)) {
      assert.match(code, /^FHIR_[A-Z0-9_]+$/);
      assert.ok(meaning.length > 10 && !meaning.includes('\n'), code);
      assert.ok(code in ERROR_STATUS, `${code} has no status`);
    }
    for (const code of Object.keys(CryptoErrorCodes)) assert.ok(code in ERROR_STATUS, `${code} has no status`);
  });

  it('is documented in docs/errors.md, code by code', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    assert.deepEqual(
      Object.keys(FhirErrorCodes).filter((code) => !doc.includes(`\`${code}\``)),
      [],
    );
  });
});

describe('errorStatus', () => {
  it('maps codes to the statuses the gateway answers with', () => {
    const expected: [string, number][] = [
      ['FHIR_INVALID_JSON', 400],
      ['FHIR_UNAUTHENTICATED', 401],
      ['FHIR_FORBIDDEN', 403],
      ['FHIR_NOT_FOUND', 404],
      ['FHIR_VERSION_CONFLICT', 409],
      ['FHIR_GONE', 410],
      ['FHIR_PRECONDITION_FAILED', 412],
      ['FHIR_TOO_LARGE', 413],
      ['FHIR_UNSUPPORTED_MEDIA_TYPE', 415],
      ['FHIR_UNPROCESSABLE', 422],
      ['FHIR_TOO_MANY_REQUESTS', 429],
      ['FHIR_PEER_FAILED', 502],
      ['FHIR_UNAVAILABLE', 503],
      ['CRYPTO_REPLAYED_REQUEST', 401],
      ['CRYPTO_NONCE_CACHE_FULL', 503],
      ['SOMETHING_ELSE', 500],
    ];
    for (const [code, status] of expected) assert.equal(errorStatus(code).status, status, code);
  });
});

describe('outcomeFromError', () => {
  it('builds an OperationOutcome with the stable code in details.coding', () => {
    assert.deepEqual(outcomeFromError('FHIR_INVALID_RESOURCE', 'Observation.code is required', 'Observation.code'), {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          details: { coding: [{ system: ERROR_CODE_SYSTEM, code: 'FHIR_INVALID_RESOURCE' }] },
          diagnostics: 'Observation.code is required',
          expression: ['Observation.code'],
        },
      ],
    });
  });
});

describe('errorToOutcome', () => {
  it('keeps the code, message and expression of a FhirError', () => {
    const { status, code, outcome } = errorToOutcome(
      new FhirError('Duplicate JSON key at offset 9', { code: 'FHIR_DUPLICATE_KEY', expression: 'Patient.name' }),
    );
    assert.equal(status, 400);
    assert.equal(code, 'FHIR_DUPLICATE_KEY');
    assert.equal(outcome.issue[0]?.code, 'structure');
    assert.deepEqual(outcome.issue[0]?.expression, ['Patient.name']);
  });

  it('answers CryptoError codes with 401 and Fastify status errors with their generic code', () => {
    assert.equal(errorToOutcome(new CryptoError('bad', { code: 'CRYPTO_BAD_SIGNATURE' })).status, 401);
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    assert.deepEqual([errorToOutcome(tooLarge).status, errorToOutcome(tooLarge).code], [413, 'FHIR_TOO_LARGE']);
  });

  it('hides the message of anything unexpected behind a 500', () => {
    const { status, code, outcome } = errorToOutcome(new TypeError('cannot read x of /srv/secret/path'));
    assert.equal(status, 500);
    assert.equal(code, 'FHIR_INTERNAL');
    assert.ok(!JSON.stringify(outcome).includes('secret'));
    assert.equal(errorToOutcome('a string').status, 500);
    assert.equal(errorToOutcome(new CryptoError('key 0xabc', { code: 'CRYPTO_INVALID_PRIVATE_KEY' })).outcome.issue[0]?.diagnostics, 'Internal error');
  });
});
