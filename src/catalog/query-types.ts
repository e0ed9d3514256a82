/**
 * The query type Neo4j reports in a result summary (Bolt's `type`, the drivers' `summary.queryType`):
 * its SHOW commands are read-only (`r`), every other administration command is a DBMS command (`s`,
 * as DefaultMetadataHandler maps both SCHEMA_WRITE and DBMS). One entry per command, so a new command
 * does not compile until it says which it is.
 */
import type { AdminCommand } from '../ast/index.js';

export type QueryType = 'r' | 'w' | 'rw' | 's';

const READ = 'r';
const SYSTEM = 's';

export const QUERY_TYPES: Readonly<Record<AdminCommand['kind'], QueryType>> = {
  'create-user': SYSTEM,
  'alter-user': SYSTEM,
  'alter-users': SYSTEM,
  'alter-current-user-password': SYSTEM,
  'rename-user': SYSTEM,
  'drop-user': SYSTEM,
  'show-current-user': READ,
  'show-users': READ,
  'show-user-privileges': READ,
  'create-role': SYSTEM,
  'drop-role': SYSTEM,
  'rename-role': SYSTEM,
  'grant-roles': SYSTEM,
  'revoke-roles': SYSTEM,
  'show-roles': READ,
  'grant-privilege': SYSTEM,
  'deny-privilege': SYSTEM,
  'revoke-privilege': SYSTEM,
  'show-privileges': READ,
  'show-role-privileges': READ,
};
