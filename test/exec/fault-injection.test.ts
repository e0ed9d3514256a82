/**
 * A bug inside one executor (a plain Error, not a Neo4jError) is that statement's InternalError: the
 * script goes on, and the database is as the failing statement found it.
 */
import { describe, expect, it, vi } from 'vitest';
import { SystemDatabase } from '../../src/index.js';

// CREATE ROLE throws a plain Error for the role `boom`, as a bug in its executor would.
vi.mock('../../src/exec/commands/roles.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exec/commands/roles.js')>();
  return {
    ...original,
    createRole: (...args: Parameters<typeof original.createRole>) => {
      const [, command] = args;
      if (command.name.kind !== 'parameter' && command.name.value === 'boom') throw new Error('injected fault');
      return original.createRole(...args);
    },
  };
});

const INTERNAL = { code: 'CypherSysdb.InternalError', message: 'Internal error in cypher-sysdb (please report): injected fault' };

describe('a bug in an executor', () => {
  it('fails that statement alone; the next statements run', () => {
    const run = SystemDatabase.create().runScript(
      'CREATE ROLE before; CREATE ROLE boom; CREATE ROLE after; SHOW ROLES YIELD role WHERE role IN ["before", "boom", "after"]',
      {
        onError: 'continue',
      },
    );
    expect(run.statements.map((s) => s.error)).toEqual([null, INTERNAL, null, null]);
    expect(run.statements[3]!.rows).toEqual([['after'], ['before']]);
  });

  it('leaves the database unchanged', () => {
    const db = SystemDatabase.create();
    const before = JSON.stringify(db.toJSON());
    const run = db.runScript('CREATE ROLE boom');
    expect(run.statements[0]!.error).toEqual(INTERNAL);
    expect(JSON.stringify(run.db.toJSON())).toBe(before);
    expect(() => db.execute('CREATE ROLE boom')).toThrow(INTERNAL.message);
    expect(JSON.stringify(db.toJSON())).toBe(before);
  });
});
