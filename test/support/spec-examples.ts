/** Every example statement of the spec, with the AST (spans aside) it must parse to. */
import {
  addTags,
  authChange,
  authId,
  authPassword,
  name,
  none,
  removeTags,
  setAuth,
  setHome,
  setPassword,
  setPasswordChange,
  setStatus,
  setTags,
  str,
  strings,
  variable,
} from './ast.js';

const HASH =
  '1,6d57a5e0b3317055454e455f96c98c750c77fb371f3f0634a1b8ff2a55c5b825,190ae47c661e0668a0c8be8a21ff78a4a34cdf918cae3c407e907b73932bd16c';

const createUser = (user: string, clauses: object[], flags: { orReplace?: boolean; ifNotExists?: boolean } = {}) => ({
  kind: 'create-user',
  name: name(user),
  orReplace: flags.orReplace ?? false,
  ifNotExists: flags.ifNotExists ?? false,
  clauses,
  use: null,
});
const alterUser = (user: string, clauses: object[], ifExists = false) => ({
  kind: 'alter-user',
  name: name(user),
  ifExists,
  clauses,
  use: null,
});
const yieldItem = (column: string) => ({ column, alias: column, aliased: false });
const yieldClause = (items: '*' | string[], where: object | null = null) => ({
  items: items === '*' ? '*' : items.map(yieldItem),
  orderBy: [],
  skip: null,
  limit: null,
  where,
});
const equals = (left: object, right: object) => ({ kind: 'comparison', first: left, rest: [{ operator: '=', operand: right }] });

export const SPEC_EXAMPLES: [query: string, ast: object][] = [
  ['SHOW CURRENT USER', { kind: 'show-current-user', pipeline: none, use: null }],
  ['SHOW USERS', { kind: 'show-users', withAuth: false, pipeline: none, use: null }],
  [
    "SHOW USER YIELD user, suspended, passwordChangeRequired, roles, home\nWHERE user = 'jake'",
    {
      kind: 'show-users',
      withAuth: false,
      pipeline: {
        kind: 'yield',
        yield: yieldClause(['user', 'suspended', 'passwordChangeRequired', 'roles', 'home'], equals(variable('user'), str('jake'))),
        return: null,
      },
      use: null,
    },
  ],
  [
    "SHOW USERS YIELD roles, user\nWHERE 'admin' IN roles\nRETURN user AS adminUser",
    {
      kind: 'show-users',
      withAuth: false,
      pipeline: {
        kind: 'yield',
        yield: yieldClause(['roles', 'user'], { kind: 'binary', operator: 'IN', left: str('admin'), right: variable('roles') }),
        return: {
          distinct: false,
          star: false,
          items: [{ expression: variable('user'), name: 'adminUser', aliased: true }],
          orderBy: [],
          skip: null,
          limit: null,
        },
      },
      use: null,
    },
  ],
  [
    'SHOW USERS YIELD user, roles, tags',
    {
      kind: 'show-users',
      withAuth: false,
      pipeline: { kind: 'yield', yield: yieldClause(['user', 'roles', 'tags']), return: null },
      use: null,
    },
  ],
  ['SHOW USERS WITH AUTH', { kind: 'show-users', withAuth: true, pipeline: none, use: null }],
  [
    "SHOW USERS WITH AUTH\nWHERE provider = 'oidc1'",
    { kind: 'show-users', withAuth: true, pipeline: { kind: 'where', where: equals(variable('provider'), str('oidc1')) }, use: null },
  ],
  [
    "CREATE USER jake\nSET PASSWORD 'abcd1234' CHANGE REQUIRED\nSET STATUS SUSPENDED\nSET HOME DATABASE anotherDb",
    createUser('jake', [setPassword('abcd1234', true), setStatus('SUSPENDED'), setHome('anotherDb')]),
  ],
  [
    "CREATE USER jake\nSET STATUS SUSPENDED\nSET HOME DATABASE anotherDb\nSET AUTH 'native' {SET PASSWORD 'abcd1234' SET PASSWORD CHANGE REQUIRED}",
    createUser('jake', [setStatus('SUSPENDED'), setHome('anotherDb'), setAuth('native', authPassword('abcd1234'), authChange(true))]),
  ],
  [
    `CREATE USER Jake\nSET ENCRYPTED PASSWORD '${HASH}' CHANGE NOT REQUIRED\nSET STATUS ACTIVE`,
    createUser('Jake', [setPassword(HASH, false, 'encrypted'), setStatus('ACTIVE')]),
  ],
  [
    `CREATE USER jake\nSET STATUS ACTIVE\nSET AUTH 'native' {\n  SET ENCRYPTED PASSWORD '${HASH}'\n  SET PASSWORD CHANGE NOT REQUIRED\n}`,
    createUser('jake', [setStatus('ACTIVE'), setAuth('native', authPassword(HASH, 'encrypted'), authChange(false))]),
  ],
  [
    "CREATE USER jake IF NOT EXISTS\nSET PLAINTEXT PASSWORD 'abcd1234'",
    createUser('jake', [setPassword('abcd1234', null, 'plaintext')], { ifNotExists: true }),
  ],
  [
    "CREATE USER jake IF NOT EXISTS\nSET AUTH 'native' {SET PLAINTEXT PASSWORD 'abcd1234'}",
    createUser('jake', [setAuth('native', authPassword('abcd1234', 'plaintext'))], { ifNotExists: true }),
  ],
  [
    "CREATE OR REPLACE USER jake\nSET PLAINTEXT PASSWORD 'abcd1234'",
    createUser('jake', [setPassword('abcd1234', null, 'plaintext')], { orReplace: true }),
  ],
  [
    "CREATE OR REPLACE USER jake\nSET AUTH 'native' {SET PLAINTEXT PASSWORD 'abcd1234'}",
    createUser('jake', [setAuth('native', authPassword('abcd1234', 'plaintext'))], { orReplace: true }),
  ],
  [
    "CREATE USER jake\nSET PASSWORD 'abcd1234'\nSET TAGS 'finance', 'auditor'",
    createUser('jake', [setPassword('abcd1234'), setTags('finance', 'auditor')]),
  ],
  ['RENAME USER jake TO bob', { kind: 'rename-user', from: name('jake'), to: name('bob'), ifExists: false, use: null }],
  [
    "ALTER USER bob\nSET PASSWORD 'abcd5678' CHANGE NOT REQUIRED\nSET STATUS ACTIVE",
    alterUser('bob', [setPassword('abcd5678', false), setStatus('ACTIVE')]),
  ],
  [
    "ALTER USER bob\nSET AUTH 'native' {SET PASSWORD 'abcd5678' SET PASSWORD CHANGE NOT REQUIRED}\nSET STATUS ACTIVE",
    alterUser('bob', [setAuth('native', authPassword('abcd5678'), authChange(false)), setStatus('ACTIVE')]),
  ],
  ['ALTER USER bob\nSET PASSWORD CHANGE REQUIRED', alterUser('bob', [setPasswordChange(true)])],
  ["ALTER USER bob\nSET AUTH 'native' {SET PASSWORD CHANGE REQUIRED}", alterUser('bob', [setAuth('native', authChange(true))])],
  [
    "ALTER USER bob\nREMOVE AUTH 'native'\nSET AUTH 'oidc-mysso1' {SET ID 'bobsUniqueMySso1Id'}",
    alterUser('bob', [{ kind: 'remove-auth', providers: strings('native') }, setAuth('oidc-mysso1', authId('bobsUniqueMySso1Id'))]),
  ],
  [
    "ALTER USER bob\nREMOVE ALL AUTH\nSET AUTH 'oidc-mysso1' {SET ID 'bobsUniqueMySso1Id'}\nSET AUTH 'oidc-mysso2' {SET ID 'bobsUniqueMySso2Id'}",
    alterUser('bob', [
      { kind: 'remove-all-auth' },
      setAuth('oidc-mysso1', authId('bobsUniqueMySso1Id')),
      setAuth('oidc-mysso2', authId('bobsUniqueMySso2Id')),
    ]),
  ],
  ['ALTER USER bob\nSET HOME DATABASE anotherDbOrAlias', alterUser('bob', [setHome('anotherDbOrAlias')])],
  [
    'ALTER USER bob\nREMOVE HOME DATABASE\nSET STATUS SUSPENDED',
    alterUser('bob', [{ kind: 'remove-home-database' }, setStatus('SUSPENDED')]),
  ],
  ["ALTER USER bob\nREMOVE TAG 'auditor'\nADD TAG 'on-call'", alterUser('bob', [removeTags('auditor'), addTags('on-call')])],
  ["ALTER USER bob\nSET TAGS 'finance', 'auditor'", alterUser('bob', [setTags('finance', 'auditor')])],
  ['ALTER USER bob REMOVE ALL TAGS', alterUser('bob', [{ kind: 'remove-all-tags' }])],
  [
    'SHOW USERS YIELD *',
    { kind: 'show-users', withAuth: false, pipeline: { kind: 'yield', yield: yieldClause('*'), return: null }, use: null },
  ],
  ["ALTER USER nonExistingUser IF EXISTS SET PASSWORD 'abcd1234'", alterUser('nonExistingUser', [setPassword('abcd1234')], true)],
  [
    "ALTER CURRENT USER\nSET PASSWORD FROM 'password1' TO 'password2'",
    { kind: 'alter-current-user-password', oldPassword: str('password1'), newPassword: str('password2'), use: null },
  ],
  ['DROP USER bob', { kind: 'drop-user', name: name('bob'), ifExists: false, use: null }],
];
