/** toJSON / fromJSON: deterministic, hashes only, and a clear error for anything that is not a snapshot. */
import { describe, expect, it } from 'vitest';
import { SnapshotError, SystemDatabase } from '../../src/index.js';

const fixedSalt = (length: number) => new Uint8Array(length).fill(7);

describe('snapshots', () => {
  it('are deterministic: users sorted by name, whatever the order they were created in', () => {
    const a = SystemDatabase.create({ randomBytes: fixedSalt }).runScript("CREATE USER b SET PASSWORD 'abcd1234'; CREATE USER a SET PASSWORD 'abcd1234';").db;
    const b = SystemDatabase.create({ randomBytes: fixedSalt }).runScript("CREATE USER a SET PASSWORD 'abcd1234'; CREATE USER b SET PASSWORD 'abcd1234';").db;
    expect(a.toJSON().users.map((u) => u.name)).toEqual(['a', 'b', 'neo4j']);
    expect(JSON.stringify(a.toJSON().users.map(({ created: _, ...u }) => u))).toBe(JSON.stringify(b.toJSON().users.map(({ created: _, ...u }) => u)));
  });

  it("hold a user's password as Neo4j's hash, never as text", () => {
    const db = SystemDatabase.create({ randomBytes: fixedSalt }).execute("CREATE USER jake SET PASSWORD 'abcd1234' SET AUTH 'oidc' {SET ID 'j'}").db;
    const json = JSON.stringify(db.toJSON());
    expect(json).not.toContain('abcd1234');
    expect(db.toJSON().users.find((u) => u.name === 'jake')).toEqual({
      name: 'jake',
      auth: [
        { provider: 'native', credential: expect.stringMatching(/^1,[0-9a-f]{64},(07){32}$/), changeRequired: true },
        { provider: 'oidc', id: 'j' },
      ],
      suspended: false,
      home: null,
      tags: [],
      roles: [],
      created: 7,
    });
  });

  it('restore to a database that keeps verifying passwords', () => {
    const saved = JSON.stringify(SystemDatabase.create().execute("CREATE USER jake SET PASSWORD 'abcd1234'").db.toJSON());
    const session = SystemDatabase.fromJSON(saved).session({ user: 'jake' });
    session.run("ALTER CURRENT USER SET PASSWORD FROM 'abcd1234' TO 'efgh5678'");
    expect(session.run('SHOW CURRENT USER YIELD passwordChangeRequired').rows).toEqual([[false]]);
  });

  it.each([
    ['[]', 'Not a cypher-sysdb snapshot: the snapshot must be an object'],
    ['{}', 'Not a cypher-sysdb snapshot: expected "format": "cypher-sysdb/system-database@1"'],
  ])('refuse %s', (json, message) => {
    expect(() => SystemDatabase.fromJSON(json)).toThrow(new SnapshotError(message.replace('Not a cypher-sysdb snapshot: ', '')));
  });

  it('refuse a plaintext where a credential belongs', () => {
    const snapshot = SystemDatabase.create().toJSON();
    const tampered = { ...snapshot, users: [{ ...snapshot.users[0]!, auth: [{ provider: 'native', credential: 'neo4j', changeRequired: true }] }] };
    expect(() => SystemDatabase.fromJSON(JSON.stringify(tampered))).toThrow("Not a cypher-sysdb snapshot: users[0].auth[0].credential must be '<version>,<hash>,<salt>'");
  });
});
