/** Every status code reaches a driver as a Neo4j code it can classify, with a GQLSTATUS. */
import { describe, expect, it } from 'vitest';
import { StatusCode, WIRE_STATUS, wireError } from '../../src/index.js';

describe('the wire status table', () => {
  it('gives every code a Neo.<Classification>.<Category>.<Title> code whose classification matches, and a GQLSTATUS', () => {
    for (const code of Object.values(StatusCode)) {
      const status = WIRE_STATUS[code];
      const parts = status.code.split('.');
      expect(parts, code).toHaveLength(4);
      expect(parts[0], code).toBe('Neo');
      expect(
        { ClientError: 'CLIENT_ERROR', TransientError: 'TRANSIENT_ERROR', DatabaseError: 'DATABASE_ERROR' }[parts[1] ?? ''],
        code,
      ).toBe(status.classification);
      expect(status.gqlStatus, code).toMatch(/^[0-9A-Z]{5}$/);
      expect(status.statusDescription, code).toMatch(/^error: [a-z]/);
    }
  });

  it('keeps Neo4j’s own codes as they are', () => {
    expect(WIRE_STATUS[StatusCode.ArgumentError].code).toBe('Neo.ClientError.Statement.ArgumentError');
    expect(WIRE_STATUS[StatusCode.TransactionOutdated]).toMatchObject({
      code: 'Neo.TransientError.Transaction.Outdated',
      classification: 'TRANSIENT_ERROR',
    });
  });

  it('sends not supported by cypher-sysdb as Neo4j’s unsupported-operation client error, and our bugs as a database error', () => {
    expect(wireError(StatusCode.NotSupported, 'CREATE DATABASE is not supported by cypher-sysdb.')).toEqual({
      code: 'Neo.ClientError.Statement.UnsupportedOperationError',
      message: 'CREATE DATABASE is not supported by cypher-sysdb.',
      gqlStatus: '51N26',
      statusDescription: 'error: system configuration or operation exception - not supported in this version',
      description:
        'error: system configuration or operation exception - not supported in this version. CREATE DATABASE is not supported by cypher-sysdb.',
      classification: 'CLIENT_ERROR',
    });
    expect(WIRE_STATUS[StatusCode.InternalError]).toMatchObject({ code: 'Neo.DatabaseError.General.UnknownError', gqlStatus: '50N00' });
  });

  it('gives a failed login Neo4j’s 42NFF', () => {
    expect(WIRE_STATUS[StatusCode.Unauthorized]).toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized', gqlStatus: '42NFF' });
  });
});
