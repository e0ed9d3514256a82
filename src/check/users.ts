/** Semantic checks of the user commands, in the order Neo4j runs them. */
import type { AlterUser, AlterUserClause, AlterUsers, CreateUser, SetUserClause } from '../ast/users.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { appendAll, argumentError, syntaxError, type CheckContext, type CommandContext } from './context.js';
import { authObjects, checkAuth } from './auth.js';
import { duplicateClauses } from './duplicates.js';
import { displayName, newUsername, passwordValue, removeAuthValues, tagValues } from './values.js';

function tagClauseValues(clauses: readonly AlterUserClause[], context: CheckContext): Diagnostic[] {
  return clauses.flatMap((c) =>
    c.kind === 'set-tags' || c.kind === 'add-tags' || c.kind === 'remove-tags' ? tagValues(c.tags, context) : [],
  );
}

function isSetClause(clause: AlterUserClause): clause is SetUserClause {
  return clause.kind.startsWith('set-');
}

function passwordValues(objects: ReturnType<typeof authObjects>, context: CheckContext): Diagnostic[] {
  return objects.flatMap((o) => (o.provider === 'native' ? o.passwords.flatMap((p) => passwordValue(p.password, p.format, context)) : []));
}

export function checkCreateUser(statement: CreateUser, context: CommandContext): Diagnostic[] {
  const duplicates = duplicateClauses(statement.clauses, context);
  if (duplicates.length > 0) return duplicates;
  if (statement.orReplace && statement.ifNotExists) {
    return [
      syntaxError(
        context,
        context.command,
        `Failed to create the specified user '${displayName(statement.name)}': cannot have both \`OR REPLACE\` and \`IF NOT EXISTS\`.`,
      ),
    ];
  }
  const objects = authObjects(statement.clauses);
  const semantic = [
    ...tagClauseValues(statement.clauses, context),
    ...(objects.length === 0 ? [syntaxError(context, context.command, 'No auth given for user.')] : []),
    ...checkAuth(objects, 'create', context),
  ];
  return [...semantic, ...passwordValues(objects, context), ...newUsername(statement.name)];
}

export function checkAlterUser(statement: AlterUser, context: CommandContext): Diagnostic[] {
  const duplicates = duplicateClauses(statement.clauses, context);
  if (duplicates.length > 0) return duplicates;
  if (statement.clauses.length === 0) return [syntaxError(context, context.command, '`ALTER USER` requires at least one clause.')];
  const diagnostics = tagCombination(statement.clauses, context);
  const objects = authObjects(statement.clauses.filter(isSetClause));
  appendAll(diagnostics, checkAuth(objects, 'alter', context));
  for (const clause of statement.clauses) {
    if (clause.kind === 'remove-auth') appendAll(diagnostics, removeAuthValues(clause.providers, context));
  }
  appendAll(diagnostics, tagClauseValues(statement.clauses, context));
  appendAll(diagnostics, passwordValues(objects, context));
  const removeAll = statement.clauses.find((c) => c.kind === 'remove-all-auth');
  if (removeAll && objects.length === 0) {
    // Neo4j refuses this when it runs; it can never succeed, so say so now.
    diagnostics.push(
      argumentError(removeAll.span, 'User has no auth provider. Add at least one auth provider for the user or consider suspending them.'),
    );
  }
  return diagnostics;
}

export function checkAlterUsers(statement: AlterUsers, context: CommandContext): Diagnostic[] {
  const duplicates = duplicateClauses(statement.clauses, context);
  if (duplicates.length > 0) return duplicates;
  if (statement.clauses.length === 0) return [syntaxError(context, context.command, '`ALTER USERS` requires at least one tag clause.')];
  return [...tagCombination(statement.clauses, context), ...tagClauseValues(statement.clauses, context)];
}

function tagCombination(clauses: readonly AlterUserClause[], context: CheckContext): Diagnostic[] {
  const set = clauses.find((c) => c.kind === 'set-tags');
  const addOrRemove = clauses.some((c) => c.kind === 'add-tags' || c.kind === 'remove-tags' || c.kind === 'remove-all-tags');
  return set && addOrRemove ? [syntaxError(context, set.span, 'SET TAGS cannot be combined with ADD TAGS or REMOVE TAGS.')] : [];
}
