/**
 * The Cypher grammar of user and role administration, as a Chevrotain CST parser. Pure grammar: no
 * actions, no AST. Rule names follow Neo4j's Cypher 25 grammar where one exists, so that error paths
 * read the same. Keywords are also names (Neo4j accepts `CREATE USER user ...`), which makes several
 * decisions ambiguous for an LL(k) parser; those are settled by small lookahead gates, never by
 * backtracking.
 *
 * No bundle holds it: the direct reader (src/direct/) reads every statement, and the grammar's data
 * for syntax errors (grammar/grammar-data.ts) is generated from it. It is the definition of the
 * grammar and the tests' oracle, which hold the direct reader to it token for token.
 */
import { CstParser, EOF, type CstNode, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type * as Cst from './cst.js';
import {
  AFTER_ALL_ARGUMENT,
  allTargetRefusal,
  REFUSED,
  AFTER_ALL_AS_NAME,
  BINDS_TIGHTER_THAN_NOT,
  isNameToken,
  isVariableToken,
  LIST_PREDICATES,
  MAX_LOOKAHEAD,
  mayFollow,
  numberRefusal,
  stateAfter,
  COUNT_WORD,
  predicateWithoutWhere,
  extraSign,
  isReduceAt,
  graphKeywordAt,
  isTrimFromAt,
  trimCharactersAt,
  trimSpecificationAt,
  SUBQUERY_WORD,
  TAIL_STARTS,
  type PredicateState,
} from './decisions.js';
import { LazyLookahead } from './lazy-lookahead.js';
import {
  Arrow,
  Caret,
  Colon,
  Comma,
  Concat,
  DecimalInteger,
  Dot,
  DotDot,
  Equals,
  EscapedName,
  FloatLiteral,
  Greater,
  GreaterEquals,
  HexInteger,
  Keyword as K,
  LBrace,
  LBracket,
  Less,
  LessEquals,
  LParen,
  Minus,
  Name,
  NotEquals,
  BangEquals,
  OctalInteger,
  Parameter,
  Question,
  Percent,
  Pipe,
  Plus,
  RBrace,
  RBracket,
  RegexMatch,
  RParen,
  Slash,
  Star,
  StringLiteral,
  UnescapedName,
  vocabulary,
} from './tokens.js';

const PRIVILEGE_WORDS = new Set<TokenType>([K.PRIVILEGE, K.PRIVILEGES]);
/**
 * What a subquery's braces may hold, besides nested braces: every token the lexer makes (a name
 * stands for identifiers, quoted names and keywords). The query inside is not modelled, only skipped.
 */
const SUBQUERY_BODY_TOKENS: readonly TokenType[] = vocabulary.filter((t) => !t.CATEGORIES?.length && t !== LBrace && t !== RBrace);
/** An error Neo4j reports of a construct once it has parsed: at `token`, in its own words. */
export interface Mismatch {
  readonly token: IToken;
  readonly message: string;
}

export class CypherAdminParser extends CstParser {
  /**
   * `validate` runs Chevrotain's grammar checks (ambiguities, left recursion). They cost start-up time
   * and cannot fail for a grammar that passed them once, so the test suite runs them, not every user.
   */
  constructor({ validate = false }: { validate?: boolean } = {}) {
    super(vocabulary, {
      maxLookahead: MAX_LOOKAHEAD,
      nodeLocationTracking: 'onlyOffset',
      recoveryEnabled: false,
      skipValidations: !validate,
      lookaheadStrategy: new LazyLookahead({ maxLookahead: MAX_LOOKAHEAD }),
    });
    this.performSelfAnalysis();
  }

  /**
   * The first error Neo4j reports of a construct once it has parsed, before any syntax error further on. Set
   * while parsing; parse.ts reports it.
   * - `ALL DBMS PRIVILEGES ON DATABASE *`: its SyntaxChecker (checkAllPrivilege) refuses a target that does not
   *   start with the privilege's type.
   * - `` `db`labels ``: its AST builder refuses a block of a glob (up to a dot) that is partly escaped.
   * - `list[..]`, `a != b`: its parser and semantic analysis refuse them once read.
   */
  public checkerMismatch: Mismatch | null = null;

  /**
   * The first number Neo4j's AST builder refuses (checkNumber): reported only where the statement has no
   * syntax error, which Neo4j reports first (`SKIP 1LIMIT 2`: the error at 2).
   */
  public literalMismatch: Mismatch | null = null;

  /** The last IN read as an infix operator (not a list predicate's or comprehension's IN). */
  private infixIn: IToken | null = null;

  /** The last reduce's `=`: an expression follows it whole, NOT and all (`reduce(s = NOT x, ...)`). */
  private reduceEquals: IToken | null = null;

  /** The last `-` read as a prefix operator: with the number right after it, Neo4j's literal is signed. */
  private prefixMinus: IToken | null = null;

  /**
   * Each OR's alternatives, made on its first call (`this.OR((this.alts.rule ??= [...]))`): Chevrotain's OR
   * otherwise takes a new array of alternatives and closures on every call, and the collector then
   * frees them (5% of parsing the bench corpus). One array serves every call because the closures use
   * only `this` (dbmsPrivilege's onDbms and its siblings hold nothing but `this` either).
   */
  private readonly alts: Partial<Record<string, IOrAlt<unknown>[]>> = {};

  override reset(): void {
    super.reset();
    this.checkerMismatch = null;
    this.literalMismatch = null;
    this.infixIn = null;
    this.reduceEquals = null;
    this.prefixMinus = null;
  }

  // ---------------------------------------------------------------- statements

  public statement = this.RULE('statement', () => {
    this.OPTION(() => this.SUBRULE(this.useClause));
    this.OR(
      (this.alts.statement ??= [
        { ALT: () => this.SUBRULE(this.createCommand) },
        { ALT: () => this.SUBRULE(this.dropCommand) },
        { ALT: () => this.SUBRULE(this.alterCommand) },
        { ALT: () => this.SUBRULE(this.renameCommand) },
        { ALT: () => this.SUBRULE(this.grantCommand) },
        { ALT: () => this.SUBRULE(this.revokeCommand) },
        { ALT: () => this.SUBRULE(this.denyCommand) },
        { ALT: () => this.SUBRULE(this.showCommand) },
      ]),
    );
    this.CONSUME(EOF);
  });

  public useClause = this.RULE('useClause', () => {
    this.CONSUME(K.USE);
    this.OPTION({ GATE: () => graphKeywordAt(this.input, this.consumedIndex() + 1), DEF: () => this.CONSUME(K.GRAPH) });
    this.SUBRULE(this.graphReference);
  });

  /**
   * Cypher25Parser.g4's graphReference: `(ref)`, a graph function's call, or a database's name. The call is read as a
   * name and then its arguments, so that one token decides, for the parser and for the lists of syntax errors alike.
   */
  private graphReference = this.RULE('graphReference', () => {
    this.OR(
      (this.alts.graphReference ??= [
        {
          ALT: () => {
            this.CONSUME(LParen);
            this.SUBRULE(this.graphReference);
            this.CONSUME(RParen);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.databaseName);
            this.OPTION(() => this.SUBRULE(this.callArguments));
          },
        },
      ]),
    );
  });

  /** A call's arguments, a function's or USE's graph function's (`graph.byName('system')`). */
  private callArguments = this.RULE('callArguments', () => {
    this.CONSUME(LParen);
    // Neo4j's functionInvocation: `(DISTINCT | ALL)?`. ALL before what can only follow a value is the argument `all`.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== K.ALL || !AFTER_ALL_ARGUMENT.has(this.LA(2).tokenType),
      DEF: () => this.OR((this.alts.callArguments ??= [{ ALT: () => this.CONSUME(K.DISTINCT) }, { ALT: () => this.CONSUME(K.ALL) }])),
    });
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'argument' }) });
    this.CONSUME(RParen);
  });

  private createCommand = this.RULE('createCommand', () => {
    this.CONSUME(K.CREATE);
    this.OPTION(() => {
      this.CONSUME(K.OR);
      this.CONSUME(K.REPLACE);
    });
    this.OR((this.alts.createCommand ??= [{ ALT: () => this.SUBRULE(this.createUser) }, { ALT: () => this.SUBRULE(this.createRole) }]));
  });

  private dropCommand = this.RULE('dropCommand', () => {
    this.CONSUME(K.DROP);
    this.OR((this.alts.dropCommand ??= [{ ALT: () => this.SUBRULE(this.dropUser) }, { ALT: () => this.SUBRULE(this.dropRole) }]));
  });

  private alterCommand = this.RULE('alterCommand', () => {
    this.CONSUME(K.ALTER);
    this.OR(
      (this.alts.alterCommand ??= [
        { ALT: () => this.SUBRULE(this.alterCurrentUser) },
        { ALT: () => this.SUBRULE(this.alterUser) },
        { ALT: () => this.SUBRULE(this.alterUsers) },
      ]),
    );
  });

  private renameCommand = this.RULE('renameCommand', () => {
    this.CONSUME(K.RENAME);
    this.OR((this.alts.renameCommand ??= [{ ALT: () => this.SUBRULE(this.renameUser) }, { ALT: () => this.SUBRULE(this.renameRole) }]));
  });

  // ---------------------------------------------------------------- users

  private createUser = this.RULE('createUser', () => {
    this.CONSUME(K.USER);
    this.SUBRULE(this.commandNameExpression);
    this.OPTION(() => this.SUBRULE(this.ifNotExists));
    this.AT_LEAST_ONE(() => {
      this.CONSUME(K.SET);
      this.SUBRULE(this.setUserClause);
    });
  });

  private dropUser = this.RULE('dropUser', () => {
    this.CONSUME(K.USER);
    this.SUBRULE(this.commandNameExpression);
    this.OPTION(() => this.SUBRULE(this.ifExists));
  });

  private renameUser = this.RULE('renameUser', () => {
    this.CONSUME(K.USER);
    this.SUBRULE(this.commandNameExpression, { LABEL: 'from' });
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.CONSUME(K.TO);
    this.SUBRULE2(this.commandNameExpression, { LABEL: 'to' });
  });

  private alterCurrentUser = this.RULE('alterCurrentUser', () => {
    this.CONSUME(K.CURRENT);
    this.CONSUME(K.USER);
    this.SUBRULE(this.setPasswordFrom);
    this.SUBRULE(this.passwordExpression, { LABEL: 'oldPassword' });
    this.CONSUME(K.TO);
    this.SUBRULE2(this.passwordExpression, { LABEL: 'newPassword' });
  });

  /** A rule of its own so that error messages can name the whole phrase: `expected 'SET PASSWORD FROM'`. */
  private setPasswordFrom = this.RULE('setPasswordFrom', () => {
    this.CONSUME(K.SET);
    this.CONSUME(K.PASSWORD);
    this.CONSUME(K.FROM);
  });

  private alterUser = this.RULE('alterUser', () => {
    this.CONSUME(K.USER);
    this.SUBRULE(this.commandNameExpression);
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.MANY(() => {
      this.CONSUME(K.REMOVE);
      this.SUBRULE(this.removeUserClause);
    });
    this.MANY2(() => {
      this.CONSUME(K.ADD);
      this.SUBRULE(this.tagsClause, { LABEL: 'addTags' });
    });
    this.MANY3(() => {
      this.CONSUME(K.SET);
      this.SUBRULE(this.setUserClause);
    });
  });

  private alterUsers = this.RULE('alterUsers', () => {
    this.CONSUME(K.USERS);
    this.SUBRULE(this.commandNameList);
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.MANY(() => {
      this.CONSUME(K.REMOVE);
      this.SUBRULE(this.removeTagsClause);
    });
    this.MANY2(() => {
      this.CONSUME(K.ADD);
      this.SUBRULE(this.tagsClause, { LABEL: 'addTags' });
    });
    this.MANY3(() => {
      this.CONSUME(K.SET);
      this.SUBRULE2(this.tagsClause, { LABEL: 'setTags' });
    });
  });

  private setUserClause = this.RULE('setUserClause', () => {
    this.OR(
      (this.alts.setUserClause ??= [
        { ALT: () => this.SUBRULE(this.setPassword) },
        { ALT: () => this.SUBRULE(this.userStatus) },
        { ALT: () => this.SUBRULE(this.homeDatabase) },
        { ALT: () => this.SUBRULE(this.setAuth) },
        { ALT: () => this.SUBRULE(this.tagsClause) },
      ]),
    );
  });

  private removeUserClause = this.RULE('removeUserClause', () => {
    this.OR(
      (this.alts.removeUserClause ??= [
        {
          ALT: () => {
            this.CONSUME(K.HOME);
            this.CONSUME(K.DATABASE);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.ALL);
            this.OR2(
              (this.alts.removeUserClause1 ??= [
                {
                  ALT: () => {
                    this.CONSUME(K.AUTH);
                    this.OPTION(() => this.SUBRULE(this.providerKeyword));
                  },
                },
                { ALT: () => this.SUBRULE(this.tagKeyword) },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME2(K.AUTH);
            this.OPTION2(() => this.SUBRULE2(this.providerKeyword));
            this.SUBRULE(this.stringListOrParameter);
          },
        },
        { ALT: () => this.SUBRULE(this.tagsClause) },
      ]),
    );
  });

  private removeTagsClause = this.RULE('removeTagsClause', () => {
    this.OR(
      (this.alts.removeTagsClause ??= [
        {
          ALT: () => {
            this.CONSUME(K.ALL);
            this.SUBRULE(this.tagKeyword);
          },
        },
        { ALT: () => this.SUBRULE(this.tagsClause) },
      ]),
    );
  });

  private providerKeyword = this.RULE('providerKeyword', () => {
    this.OR((this.alts.providerKeyword ??= [{ ALT: () => this.CONSUME(K.PROVIDER) }, { ALT: () => this.CONSUME(K.PROVIDERS) }]));
  });

  private tagKeyword = this.RULE('tagKeyword', () => {
    this.OR((this.alts.tagKeyword ??= [{ ALT: () => this.CONSUME(K.TAG) }, { ALT: () => this.CONSUME(K.TAGS) }]));
  });

  /** `TAG[S] tags` after SET, ADD or REMOVE. (Small rules are inlined on hot paths: each rule costs a CST node.) */
  private tagsClause = this.RULE('tagsClause', () => {
    this.OR((this.alts.tagsClause ??= [{ ALT: () => this.CONSUME(K.TAG) }, { ALT: () => this.CONSUME(K.TAGS) }]));
    this.SUBRULE(this.stringListOrParameter);
  });

  private setPassword = this.RULE('setPassword', () => {
    this.OR(
      (this.alts.setPassword ??= [
        {
          ALT: () => {
            this.SUBRULE(this.passwordFormat);
            this.CONSUME(K.PASSWORD);
            this.SUBRULE(this.passwordExpression);
            this.OPTION(() => this.SUBRULE(this.passwordChangeRequired));
          },
        },
        {
          ALT: () => {
            this.CONSUME2(K.PASSWORD);
            this.OR2(
              (this.alts.setPassword1 ??= [
                {
                  ALT: () => {
                    this.SUBRULE2(this.passwordExpression);
                    this.OPTION2(() => this.SUBRULE2(this.passwordChangeRequired));
                  },
                },
                { ALT: () => this.SUBRULE3(this.passwordChangeRequired) },
              ]),
            );
          },
        },
      ]),
    );
  });

  private passwordFormat = this.RULE('passwordFormat', () => {
    this.OR((this.alts.passwordFormat ??= [{ ALT: () => this.CONSUME(K.PLAINTEXT) }, { ALT: () => this.CONSUME(K.ENCRYPTED) }]));
  });

  private passwordChangeRequired = this.RULE('passwordChangeRequired', () => {
    this.CONSUME(K.CHANGE);
    this.OPTION(() => this.CONSUME(K.NOT));
    this.CONSUME(K.REQUIRED);
  });

  private passwordExpression = this.RULE('passwordExpression', () => {
    this.OR((this.alts.passwordExpression ??= [{ ALT: () => this.CONSUME(StringLiteral) }, { ALT: () => this.CONSUME(Parameter) }]));
  });

  private userStatus = this.RULE('userStatus', () => {
    this.CONSUME(K.STATUS);
    this.OR((this.alts.userStatus ??= [{ ALT: () => this.CONSUME(K.ACTIVE) }, { ALT: () => this.CONSUME(K.SUSPENDED) }]));
  });

  private homeDatabase = this.RULE('homeDatabase', () => {
    this.CONSUME(K.HOME);
    this.CONSUME(K.DATABASE);
    this.OR((this.alts.homeDatabase ??= [{ ALT: () => this.SUBRULE(this.databaseName) }, { ALT: () => this.CONSUME(Parameter) }]));
  });

  private setAuth = this.RULE('setAuth', () => {
    this.CONSUME(K.AUTH);
    this.OPTION(() => this.CONSUME(K.PROVIDER));
    this.CONSUME(StringLiteral);
    this.CONSUME(LBrace);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(K.SET);
      this.SUBRULE(this.userAuthAttribute);
    });
    this.CONSUME(RBrace);
  });

  private userAuthAttribute = this.RULE('userAuthAttribute', () => {
    this.OR(
      (this.alts.userAuthAttribute ??= [
        {
          ALT: () => {
            this.CONSUME(K.ID);
            this.OR2(
              (this.alts.userAuthAttribute1 ??= [{ ALT: () => this.CONSUME(StringLiteral) }, { ALT: () => this.CONSUME(Parameter) }]),
            );
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.passwordFormat);
            this.CONSUME(K.PASSWORD);
            this.SUBRULE(this.passwordExpression);
          },
        },
        {
          ALT: () => {
            this.CONSUME2(K.PASSWORD);
            this.OR3(
              (this.alts.userAuthAttribute2 ??= [
                { ALT: () => this.SUBRULE2(this.passwordExpression) },
                { ALT: () => this.SUBRULE(this.passwordChangeRequired) },
              ]),
            );
          },
        },
      ]),
    );
  });

  /** `'a'`, `'a', 'b'` (as the docs write it), `['a', 'b']` (as Neo4j's grammar writes it) or `$param`. */
  private stringListOrParameter = this.RULE('stringListOrParameter', () => {
    this.OR(
      (this.alts.stringListOrParameter ??= [
        { ALT: () => this.CONSUME(Parameter) },
        {
          ALT: () => {
            this.CONSUME(LBracket);
            this.MANY_SEP({ SEP: Comma, DEF: () => this.CONSUME(StringLiteral, { LABEL: 'bracketed' }) });
            this.CONSUME(RBracket);
          },
        },
        { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME2(StringLiteral) }) },
      ]),
    );
  });

  // ---------------------------------------------------------------- roles

  private createRole = this.RULE('createRole', () => {
    this.OPTION3(() => this.CONSUME(K.IMMUTABLE));
    this.CONSUME(K.ROLE);
    this.SUBRULE(this.commandNameExpression);
    this.OPTION(() => this.SUBRULE(this.ifNotExists));
    this.OPTION2(() => {
      this.CONSUME(K.AS);
      this.CONSUME(K.COPY);
      this.CONSUME(K.OF);
      this.SUBRULE2(this.commandNameExpression, { LABEL: 'copyOf' });
    });
  });

  private dropRole = this.RULE('dropRole', () => {
    this.CONSUME(K.ROLE);
    this.SUBRULE(this.commandNameExpression);
    this.OPTION(() => this.SUBRULE(this.ifExists));
  });

  private renameRole = this.RULE('renameRole', () => {
    this.CONSUME(K.ROLE);
    this.SUBRULE(this.commandNameExpression, { LABEL: 'from' });
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.CONSUME(K.TO);
    this.SUBRULE2(this.commandNameExpression, { LABEL: 'to' });
  });

  /** `GRANT ROLE r TO u` or `GRANT <privilege> ON DBMS TO r`; `ROLE MANAGEMENT ON` is the privilege. */
  private grantCommand = this.RULE('grantCommand', () => {
    this.CONSUME(K.GRANT);
    this.OR(
      (this.alts.grantCommand ??= [
        {
          GATE: () => !this.isRoleManagementPrivilegeAhead(),
          ALT: () => {
            this.SUBRULE(this.roleKeyword);
            this.SUBRULE(this.commandNameList, { LABEL: 'roles' });
            this.CONSUME(K.TO);
            this.SUBRULE(this.roleGrantees);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.dbmsPrivilegeOnDbms);
            this.CONSUME2(K.TO);
            this.SUBRULE2(this.commandNameList, { LABEL: 'privilegeRoles' });
          },
        },
      ]),
    );
  });

  private denyCommand = this.RULE('denyCommand', () => {
    this.CONSUME(K.DENY);
    this.SUBRULE(this.dbmsPrivilegeOnDbms);
    this.CONSUME(K.TO);
    this.SUBRULE(this.commandNameList, { LABEL: 'privilegeRoles' });
  });

  private revokeCommand = this.RULE('revokeCommand', () => {
    this.CONSUME(K.REVOKE);
    this.OR(
      (this.alts.revokeCommand ??= [
        {
          GATE: () => !this.isRoleManagementPrivilegeAhead(),
          ALT: () => {
            this.SUBRULE(this.roleKeyword);
            this.SUBRULE(this.commandNameList, { LABEL: 'roles' });
            this.CONSUME(K.FROM);
            this.SUBRULE(this.roleGrantees);
          },
        },
        {
          ALT: () => {
            this.OPTION(() =>
              this.OR2((this.alts.revokeCommand1 ??= [{ ALT: () => this.CONSUME(K.GRANT) }, { ALT: () => this.CONSUME(K.DENY) }])),
            );
            this.SUBRULE(this.dbmsPrivilegeOnDbms);
            this.CONSUME2(K.FROM);
            this.SUBRULE2(this.commandNameList, { LABEL: 'privilegeRoles' });
          },
        },
      ]),
    );
  });

  /** `[IMMUTABLE] <privilege> ON <target>`: each privilege carries its own target (dbmsPrivilege). */
  private dbmsPrivilegeOnDbms = this.RULE('dbmsPrivilegeOnDbms', () => {
    this.OPTION(() => this.CONSUME(K.IMMUTABLE));
    this.SUBRULE(this.dbmsPrivilege);
  });

  /**
   * `ON DBMS`, the only target of a DBMS privilege: like Neo4j's grammar (Cypher25Parser.g4, `... ON DBMS`
   * in dbmsPrivilege, createPrivilege, showPrivilege ...), `CREATE ROLE ON DATABASE *` fails at DATABASE,
   * expecting 'DBMS', and `CREATE ROLE DBMS` expects the pair 'ON DBMS'.
   */
  private onDbms = this.RULE('onDbms', () => {
    this.CONSUME(K.ON);
    this.CONSUME(K.DBMS);
  });

  /** `ON <databases>`: the target of a database privilege (Neo4j's `... ON databaseScope`). */
  private databaseTarget = this.RULE('databaseTarget', () => {
    this.CONSUME(K.ON);
    this.SUBRULE(this.databaseScope);
  });

  /** `ON <graphs> [segment]`: the target of a graph privilege (Neo4j's `... ON graphScope graphQualifier`). */
  private graphTarget = this.RULE('graphTarget', () => {
    this.CONSUME(K.ON);
    this.SUBRULE(this.graphScope);
    this.OPTION(() => this.SUBRULE(this.graphSegment));
  });

  /** `ON <graphs>` without a segment: SET LABEL and REMOVE LABEL cover whole graphs (Neo4j's `... ON graphScope`). */
  private wholeGraphTarget = this.RULE('wholeGraphTarget', () => {
    this.CONSUME(K.ON);
    this.SUBRULE(this.graphScope);
  });

  /** `ON DBMS | <databases> | <graphs>`: the target of ALL [DBMS|DATABASE|GRAPH] [PRIVILEGES]. */
  private allTarget = this.RULE('allTarget', () => {
    this.CONSUME(K.ON);
    this.OR(
      (this.alts.allTarget ??= [
        { ALT: () => this.CONSUME(K.DBMS) },
        // `HOME GRAPH` and `HOME DATABASE` share their first word: the second decides.
        { GATE: () => !this.isGraphScopeAhead(), ALT: () => this.SUBRULE(this.databaseScope) },
        { ALT: () => this.SUBRULE(this.graphScope) },
      ]),
    );
  });

  /**
   * `LOAD ON ALL DATA | CIDR 'range' | URL 'pattern'`: LOAD and its ON are one phrase in Neo4j's lists ('LOAD ON').
   * Neo4j 2026.06 parses URL and refuses it in its semantic analysis (src/check/index.ts).
   */
  private loadPrivilege = this.RULE('loadPrivilege', () => {
    this.CONSUME(K.LOAD);
    this.CONSUME(K.ON);
    this.OR(
      (this.alts.loadPrivilege ??= [
        {
          ALT: () => {
            this.CONSUME(K.ALL);
            this.CONSUME(K.DATA);
          },
        },
        {
          ALT: () => {
            this.OR3((this.alts.loadPrivilege2 ??= [{ ALT: () => this.CONSUME(K.CIDR) }, { ALT: () => this.CONSUME(K.URL) }]));
            this.OR2((this.alts.loadPrivilege1 ??= [{ ALT: () => this.CONSUME(StringLiteral) }, { ALT: () => this.CONSUME(Parameter) }]));
          },
        },
      ]),
    );
  });

  /** `WRITE ON <graphs>`: like LOAD, listed as 'WRITE ON'. */
  private writePrivilege = this.RULE('writePrivilege', () => {
    this.CONSUME(K.WRITE);
    this.CONSUME(K.ON);
    this.SUBRULE(this.graphScope);
  });

  /** `HOME|DEFAULT DATABASE` or `DATABASE[S] * | names`. */
  private databaseScope = this.RULE('databaseScope', () => {
    this.OR(
      (this.alts.databaseScope ??= [
        {
          ALT: () => {
            this.OR2((this.alts.databaseScope1 ??= [{ ALT: () => this.CONSUME(K.HOME) }, { ALT: () => this.CONSUME(K.DEFAULT) }]));
            this.CONSUME(K.DATABASE);
          },
        },
        {
          ALT: () => {
            this.OR3((this.alts.databaseScope2 ??= [{ ALT: () => this.CONSUME2(K.DATABASE) }, { ALT: () => this.CONSUME(K.DATABASES) }]));
            this.OR4(
              (this.alts.databaseScope3 ??= [
                { ALT: () => this.CONSUME(Star) },
                { ALT: () => this.SUBRULE(this.databaseNameList, { LABEL: 'databases' }) },
              ]),
            );
          },
        },
      ]),
    );
  });

  /** `HOME|DEFAULT GRAPH` or `GRAPH[S] * | names`. */
  private graphScope = this.RULE('graphScope', () => {
    this.OR(
      (this.alts.graphScope ??= [
        {
          ALT: () => {
            this.OR2((this.alts.graphScope1 ??= [{ ALT: () => this.CONSUME(K.HOME) }, { ALT: () => this.CONSUME(K.DEFAULT) }]));
            this.CONSUME(K.GRAPH);
          },
        },
        {
          ALT: () => {
            this.OR3((this.alts.graphScope2 ??= [{ ALT: () => this.CONSUME2(K.GRAPH) }, { ALT: () => this.CONSUME(K.GRAPHS) }]));
            this.OR4(
              (this.alts.graphScope3 ??= [
                { ALT: () => this.CONSUME(Star) },
                { ALT: () => this.SUBRULE(this.databaseNameList, { LABEL: 'graphs' }) },
              ]),
            );
          },
        },
      ]),
    );
  });

  /** `NODE[S] | RELATIONSHIP[S] | ELEMENT[S]` then `*` or labels / relationship types. */
  private graphSegment = this.RULE('graphSegment', () => {
    this.OR(
      (this.alts.graphSegment ??= [
        { ALT: () => this.CONSUME(K.NODE) },
        { ALT: () => this.CONSUME(K.NODES) },
        { ALT: () => this.CONSUME(K.RELATIONSHIP) },
        { ALT: () => this.CONSUME(K.RELATIONSHIPS) },
        { ALT: () => this.CONSUME(K.ELEMENT) },
        { ALT: () => this.CONSUME(K.ELEMENTS) },
      ]),
    );
    this.SUBRULE(this.starOrNames);
  });

  /** `*` or `a, b`: labels, relationship types or property names (never parameters). */
  private starOrNames = this.RULE('starOrNames', () => {
    this.OR(
      (this.alts.starOrNames ??= [
        { ALT: () => this.CONSUME(Star) },
        { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Name) }) },
      ]),
    );
  });

  /** `db.*, apoc.*.create`: procedure, function and setting names with `*` and `?` wildcards. */
  private globList = this.RULE('globList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.glob) });
  });

  /**
   * Neo4j's glob: `escapedSymbolicNameString globRecursive? | globRecursive`, a run of parts. Its lexer
   * skips whitespace, so `db .labels` is the glob `db.labels`, and a keyword is a part like any name
   * (`PROCEDURES * ON ON DBMS` globs `*ON`): the glob ends at the `ON DBMS TO|FROM` that ends the privilege.
   */
  private glob = this.RULE('glob', () => {
    const first = this.OR((this.alts.glob ??= [{ ALT: () => this.CONSUME(EscapedName) }, { ALT: () => this.SUBRULE(this.globPart) }])) as
      IToken | CstNode;
    // Whether the block of the glob being read (up to a dot) opened with an escaped name.
    let escapedBlock = false;
    this.ACTION(() => (escapedBlock = 'image' in first));
    this.MANY({
      GATE: () => !this.isPrivilegeEndAhead(),
      DEF: () => {
        const part = this.SUBRULE2(this.globPart);
        this.ACTION(() => (escapedBlock = this.checkGlobBlock(part, escapedBlock)));
      },
    });
  });

  /** Neo4j's globPart: `DOT escapedSymbolicNameString? | QUESTION | TIMES | unescapedSymbolicNameString`. */
  private globPart = this.RULE('globPart', () => {
    this.OR(
      (this.alts.globPart ??= [
        {
          ALT: () => {
            this.CONSUME(Dot);
            this.OPTION(() => this.CONSUME(EscapedName));
          },
        },
        { ALT: () => this.CONSUME(Question) },
        { ALT: () => this.CONSUME(Star) },
        { ALT: () => this.CONSUME(UnescapedName) },
      ]),
    );
  });

  /** `[COMPOSITE] DATABASE`: the object of the database management privileges. */
  private databaseObject = this.RULE('databaseObject', () => {
    this.OPTION(() => this.CONSUME(K.COMPOSITE));
    this.CONSUME(K.DATABASE);
  });

  /** `{*}` or `{a, b}`: the properties of READ, MATCH, MERGE and SET PROPERTY. */
  private propertyResource = this.RULE('propertyResource', () => {
    this.CONSUME(LBrace);
    this.SUBRULE(this.starOrNames);
    this.CONSUME(RBrace);
  });

  private transactionKeyword = this.RULE('transactionKeyword', () => {
    this.OR((this.alts.transactionKeyword ??= [{ ALT: () => this.CONSUME(K.TRANSACTION) }, { ALT: () => this.CONSUME(K.TRANSACTIONS) }]));
  });

  /** `(*)` or `(names)`: whose transactions a transaction privilege covers. */
  private userQualifier = this.RULE('userQualifier', () => {
    this.CONSUME(LParen);
    this.OR(
      (this.alts.userQualifier ??= [
        { ALT: () => this.CONSUME(Star) },
        { ALT: () => this.SUBRULE(this.commandNameList, { LABEL: 'users' }) },
      ]),
    );
    this.CONSUME(RParen);
  });

  private indexKeyword = this.RULE('indexKeyword', () => {
    this.OR((this.alts.indexKeyword ??= [{ ALT: () => this.CONSUME(K.INDEX) }, { ALT: () => this.CONSUME(K.INDEXES) }]));
  });

  private constraintKeyword = this.RULE('constraintKeyword', () => {
    this.OR((this.alts.constraintKeyword ??= [{ ALT: () => this.CONSUME(K.CONSTRAINT) }, { ALT: () => this.CONSUME(K.CONSTRAINTS) }]));
  });

  /** `NEW [NODE] LABEL[S]`, `NEW [RELATIONSHIP] TYPE[S]`, `NEW [PROPERTY] NAME[S]`. */
  private newToken = this.RULE('newToken', () => {
    this.CONSUME(K.NEW);
    this.OR(
      (this.alts.newToken ??= [
        {
          ALT: () => {
            this.OPTION(() => this.CONSUME(K.NODE));
            this.OR2((this.alts.newToken1 ??= [{ ALT: () => this.CONSUME(K.LABEL) }, { ALT: () => this.CONSUME(K.LABELS) }]));
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(K.RELATIONSHIP));
            this.OR3((this.alts.newToken2 ??= [{ ALT: () => this.CONSUME(K.TYPE) }, { ALT: () => this.CONSUME(K.TYPES) }]));
          },
        },
        {
          ALT: () => {
            this.OPTION3(() => this.CONSUME(K.PROPERTY));
            this.OR4((this.alts.newToken3 ??= [{ ALT: () => this.CONSUME(K.NAME) }, { ALT: () => this.CONSUME(K.NAMES) }]));
          },
        },
      ]),
    );
  });

  /**
   * The privilege and its target. Like Neo4j's grammar, a DBMS privilege ends in `ON DBMS` (onDbms), so
   * a database or graph target for it is a syntax error at that target; a database privilege takes
   * databaseTarget, a graph privilege graphTarget.
   */
  private dbmsPrivilege = this.RULE('dbmsPrivilege', () => {
    const onDbms = (idx: number) => this.subrule(idx, this.onDbms);
    const onDatabases = (idx: number) => this.subrule(idx, this.databaseTarget);
    const onGraphs = (idx: number) => this.subrule(idx, this.graphTarget);
    const onWholeGraphs = (idx: number) => this.subrule(idx, this.wholeGraphTarget);
    this.OR(
      (this.alts.dbmsPrivilege ??= [
        {
          ALT: () => {
            this.CONSUME(K.ALL);
            // Neo4j's allPrivilegeType: `(DATABASE | GRAPH | DBMS)? PRIVILEGES`, so `ALL DBMS ON` lacks its PRIVILEGES.
            const type = this.OPTION(() => {
              const named = this.OPTION2(() =>
                this.or(
                  10,
                  (this.alts.dbmsPrivilege1 ??= [
                    { ALT: () => this.CONSUME(K.DBMS) },
                    { ALT: () => this.CONSUME2(K.DATABASE) },
                    { ALT: () => this.CONSUME(K.GRAPH) },
                  ]),
                ),
              ) as IToken | undefined;
              this.CONSUME(K.PRIVILEGES);
              return named;
            }) as IToken | undefined;
            this.ACTION(() => this.checkAllPrivilegeTarget(type));
            this.SUBRULE(this.allTarget);
          },
        },
        // CREATE, DROP and RENAME each name their own objects, as Neo4j's createPrivilege, dropPrivilege and
        // dbmsPrivilege do, so that an error after one lists only what may follow it.
        {
          ALT: () => {
            this.CONSUME(K.CREATE);
            this.OR3(
              (this.alts.dbmsPrivilege2 ??= [
                {
                  ALT: () => {
                    this.consume(30, K.USER);
                    onDbms(1);
                  },
                },
                {
                  ALT: () => {
                    this.consume(31, K.ROLE);
                    onDbms(2);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.indexKeyword);
                    onDatabases(2);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.constraintKeyword);
                    onDatabases(3);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.newToken);
                    onDatabases(4);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.databaseObject);
                    onDbms(3);
                  },
                },
                {
                  ALT: () => {
                    this.CONSUME(K.ALIAS);
                    onDbms(4);
                  },
                },
                // `CREATE ON GRAPH`: creating nodes and relationships.
                { ALT: () => onGraphs(5) },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.DROP);
            this.or(
              28,
              (this.alts.dbmsPrivilege3 ??= [
                {
                  ALT: () => {
                    this.consume(41, K.USER);
                    onDbms(14);
                  },
                },
                {
                  ALT: () => {
                    this.consume(42, K.ROLE);
                    onDbms(15);
                  },
                },
                {
                  ALT: () => {
                    this.subrule(20, this.indexKeyword);
                    onDatabases(14);
                  },
                },
                {
                  ALT: () => {
                    this.subrule(21, this.constraintKeyword);
                    onDatabases(15);
                  },
                },
                {
                  ALT: () => {
                    this.subrule(22, this.databaseObject);
                    onDbms(16);
                  },
                },
                {
                  ALT: () => {
                    this.consume(43, K.ALIAS);
                    onDbms(17);
                  },
                },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.RENAME);
            this.or(
              29,
              (this.alts.dbmsPrivilege4 ??= [
                {
                  ALT: () => {
                    this.consume(44, K.USER);
                    onDbms(18);
                  },
                },
                {
                  ALT: () => {
                    this.consume(45, K.ROLE);
                    onDbms(19);
                  },
                },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.TERMINATE);
            this.SUBRULE(this.transactionKeyword);
            this.OPTION5(() => this.SUBRULE(this.userQualifier));
            onDatabases(6);
          },
        },
        {
          ALT: () => {
            // `TRANSACTION [MANAGEMENT]`: singular, as Neo4j's databasePrivilege has it (TRANSACTIONS fails there).
            this.CONSUME(K.TRANSACTION);
            this.OPTION6(() => this.CONSUME2(K.MANAGEMENT));
            this.OPTION7(() => this.SUBRULE2(this.userQualifier));
            onDatabases(7);
          },
        },
        {
          ALT: () => {
            this.or(
              19,
              (this.alts.dbmsPrivilege5 ??= [
                { ALT: () => this.CONSUME(K.ACCESS) },
                { ALT: () => this.CONSUME(K.START) },
                { ALT: () => this.CONSUME(K.STOP) },
              ]),
            );
            onDatabases(8);
          },
        },
        { ALT: () => this.SUBRULE(this.loadPrivilege) },
        { ALT: () => this.SUBRULE(this.writePrivilege) },
        {
          ALT: () => {
            this.or(
              27,
              (this.alts.dbmsPrivilege6 ??= [
                { ALT: () => this.CONSUME(K.TRAVERSE) },
                { ALT: () => this.CONSUME(K.DELETE) },
                {
                  ALT: () => {
                    this.or(
                      11,
                      (this.alts.dbmsPrivilege7 ??= [
                        { ALT: () => this.CONSUME(K.READ) },
                        { ALT: () => this.CONSUME(K.MATCH) },
                        { ALT: () => this.CONSUME(K.MERGE) },
                      ]),
                    );
                    this.SUBRULE(this.propertyResource);
                  },
                },
              ]),
            );
            onGraphs(14);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.EXECUTE);
            this.or(
              14,
              (this.alts.dbmsPrivilege8 ??= [
                {
                  ALT: () => {
                    this.or(
                      15,
                      (this.alts.dbmsPrivilege9 ??= [{ ALT: () => this.CONSUME(K.ADMIN) }, { ALT: () => this.CONSUME(K.ADMINISTRATOR) }]),
                    );
                    // Neo4j's `EXECUTE adminToken PROCEDURES`: plural only.
                    this.CONSUME(K.PROCEDURES);
                  },
                },
                {
                  ALT: () => {
                    this.option(10, () => this.CONSUME(K.BOOSTED));
                    this.or(
                      17,
                      (this.alts.dbmsPrivilege11 ??= [
                        { ALT: () => this.CONSUME2(K.PROCEDURE) },
                        { ALT: () => this.CONSUME2(K.PROCEDURES) },
                        {
                          ALT: () => {
                            this.option(11, () => {
                              this.CONSUME2(K.USER);
                              this.option(12, () => this.CONSUME(K.DEFINED));
                            });
                            this.or(
                              18,
                              (this.alts.dbmsPrivilege12 ??= [
                                { ALT: () => this.CONSUME(K.FUNCTION) },
                                { ALT: () => this.CONSUME(K.FUNCTIONS) },
                              ]),
                            );
                          },
                        },
                      ]),
                    );
                    this.SUBRULE2(this.globList);
                  },
                },
              ]),
            );
            onDbms(5);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.IMPERSONATE);
            this.OPTION9(() => this.SUBRULE4(this.userQualifier));
            onDbms(6);
          },
        },
        {
          GATE: () => this.LA(2).tokenType === K.LABEL,
          ALT: () => {
            this.CONSUME2(K.REMOVE);
            this.CONSUME(K.LABEL);
            this.SUBRULE(this.starOrNames, { LABEL: 'labels' });
            onWholeGraphs(1);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.ALTER);
            this.or(
              12,
              (this.alts.dbmsPrivilege13 ??= [
                {
                  ALT: () => {
                    this.or(
                      20,
                      (this.alts.dbmsPrivilege14 ??= [{ ALT: () => this.consume(32, K.USER) }, { ALT: () => this.CONSUME2(K.ALIAS) }]),
                    );
                    onDbms(7);
                  },
                },
                {
                  // Neo4j also grants ALTER DATABASE on databases (2025.08); cypher-sysdb models it ON DBMS only (out-of-scope.ts).
                  ALT: () => {
                    this.CONSUME4(K.DATABASE);
                    onDbms(12);
                  },
                },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.SHOW);
            this.OR4(
              (this.alts.dbmsPrivilege15 ??= [
                {
                  ALT: () => {
                    this.or(
                      21,
                      (this.alts.dbmsPrivilege16 ??= [
                        {
                          ALT: () => {
                            this.consume(33, K.USER);
                            this.OPTION3(() => this.CONSUME(K.METADATA));
                          },
                        },
                        { ALT: () => this.consume(34, K.ROLE) },
                        { ALT: () => this.consume(35, K.PRIVILEGE) },
                        { ALT: () => this.CONSUME3(K.ALIAS) },
                        { ALT: () => this.CONSUME(K.SERVER) },
                        { ALT: () => this.CONSUME(K.SERVERS) },
                        {
                          ALT: () => {
                            this.or(
                              13,
                              (this.alts.dbmsPrivilege17 ??= [
                                { ALT: () => this.CONSUME(K.SETTING) },
                                { ALT: () => this.CONSUME(K.SETTINGS) },
                              ]),
                            );
                            this.SUBRULE(this.globList);
                          },
                        },
                      ]),
                    );
                    onDbms(8);
                  },
                },
                {
                  ALT: () => {
                    this.or(
                      22,
                      (this.alts.dbmsPrivilege18 ??= [
                        { ALT: () => this.SUBRULE2(this.indexKeyword) },
                        { ALT: () => this.SUBRULE2(this.constraintKeyword) },
                        {
                          ALT: () => {
                            this.SUBRULE3(this.transactionKeyword);
                            this.OPTION8(() => this.SUBRULE3(this.userQualifier));
                          },
                        },
                      ]),
                    );
                    onDatabases(11);
                  },
                },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.SET);
            this.OR6(
              (this.alts.dbmsPrivilege19 ??= [
                {
                  ALT: () => {
                    this.or(
                      23,
                      (this.alts.dbmsPrivilege20 ??= [
                        { ALT: () => this.CONSUME(K.PASSWORD) },
                        { ALT: () => this.CONSUME(K.PASSWORDS) },
                        { ALT: () => this.CONSUME(K.AUTH) },
                        {
                          ALT: () => {
                            this.CONSUME(K.USER);
                            this.OR7(
                              (this.alts.dbmsPrivilege21 ??= [
                                { ALT: () => this.CONSUME(K.STATUS) },
                                { ALT: () => this.CONSUME3(K.METADATA) },
                                {
                                  ALT: () => {
                                    this.CONSUME(K.HOME);
                                    this.CONSUME(K.DATABASE);
                                  },
                                },
                              ]),
                            );
                          },
                        },
                      ]),
                    );
                    onDbms(9);
                  },
                },
                {
                  ALT: () => {
                    this.or(
                      24,
                      (this.alts.dbmsPrivilege22 ??= [
                        {
                          // Like ALTER DATABASE, modelled ON DBMS only.
                          ALT: () => {
                            this.CONSUME3(K.DATABASE);
                            this.CONSUME2(K.ACCESS);
                            onDbms(13);
                          },
                        },
                        {
                          ALT: () => {
                            this.CONSUME2(K.LABEL);
                            this.SUBRULE2(this.starOrNames, { LABEL: 'labels' });
                            onWholeGraphs(2);
                          },
                        },
                        {
                          ALT: () => {
                            this.CONSUME(K.PROPERTY);
                            this.SUBRULE2(this.propertyResource);
                            onGraphs(16);
                          },
                        },
                      ]),
                    );
                  },
                },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.OR8((this.alts.dbmsPrivilege23 ??= [{ ALT: () => this.CONSUME(K.ASSIGN) }, { ALT: () => this.CONSUME(K.REMOVE) }]));
            this.OR9(
              (this.alts.dbmsPrivilege24 ??= [{ ALT: () => this.consume(36, K.ROLE) }, { ALT: () => this.consume(37, K.PRIVILEGE) }]),
            );
            onDbms(10);
          },
        },
        {
          ALT: () => {
            this.OR5(
              (this.alts.dbmsPrivilege25 ??= [
                {
                  ALT: () => {
                    this.or(
                      25,
                      (this.alts.dbmsPrivilege26 ??= [
                        {
                          ALT: () => {
                            this.consume(38, K.USER);
                            this.OPTION4(() => this.CONSUME2(K.METADATA));
                          },
                        },
                        { ALT: () => this.consume(39, K.ROLE) },
                        { ALT: () => this.consume(40, K.PRIVILEGE) },
                        { ALT: () => this.SUBRULE2(this.databaseObject) },
                        { ALT: () => this.CONSUME4(K.ALIAS) },
                        { ALT: () => this.CONSUME2(K.SERVER) },
                      ]),
                    );
                    this.CONSUME(K.MANAGEMENT);
                    onDbms(11);
                  },
                },
                {
                  ALT: () => {
                    this.or(
                      26,
                      (this.alts.dbmsPrivilege27 ??= [
                        { ALT: () => this.SUBRULE3(this.indexKeyword) },
                        { ALT: () => this.SUBRULE3(this.constraintKeyword) },
                        { ALT: () => this.CONSUME(K.NAME) },
                      ]),
                    );
                    // `INDEX ON DATABASE *` is INDEX MANAGEMENT (Neo4j's databasePrivilege: `MANAGEMENT?`).
                    this.option(13, () => this.CONSUME3(K.MANAGEMENT));
                    onDatabases(13);
                  },
                },
              ]),
            );
          },
        },
      ]),
    );
  });

  /**
   * One more part of a glob: a dot opens a new block (escaped if a quoted name follows the dot); anything
   * else after a block's quoted name mixes escaped and plain text in it, which Neo4j refuses.
   */
  private checkGlobBlock(part: CstNode, escapedBlock: boolean): boolean {
    const c = (part as Cst.GlobPartCstNode).children;
    if (c.Dot) return c.EscapedName !== undefined;
    const token = c.Question?.[0] ?? c.Star?.[0] ?? c.UnescapedName?.[0];
    if (escapedBlock && token) {
      this.mismatch(token, REFUSED.mixedGlobBlock);
    }
    return escapedBlock;
  }

  /** Keeps the first of the errors that Neo4j reports once a construct has parsed (checkerMismatch). */
  /** The index of the last token consumed: Chevrotain's own (exportLexerState), which its types do not declare. */
  private consumedIndex(): number {
    return (this as unknown as { exportLexerState(): number }).exportLexerState();
  }

  private mismatch(token: IToken, message: string): void {
    if (this.checkerMismatch === null) this.checkerMismatch = { token, message };
  }

  /**
   * Whether `token`, just before an operand, is an operator that binds tighter than NOT. IN is one as an infix
   * operator (`a IN NOT b` reads the variable NOT), not as a list predicate's (`any(x IN NOT b WHERE ...)`).
   */
  private bindsTighterThanNot(token: IToken): boolean {
    return (
      BINDS_TIGHTER_THAN_NOT.has(token.tokenType) && (token.tokenType !== K.IN || token === this.infixIn) && token !== this.reduceEquals
    );
  }

  /** `ON DBMS TO` or `ON DBMS FROM`: where a privilege's globs end (a glob may hold ON and DBMS themselves). */
  private isPrivilegeEndAhead(): boolean {
    const third = this.LA(3).tokenType;
    return this.LA(1).tokenType === K.ON && this.LA(2).tokenType === K.DBMS && (third === K.TO || third === K.FROM);
  }

  /** The word Neo4j names for an ALL privilege's target, and the error when it is not of the privilege's type. */
  /** Neo4j's SyntaxChecker on an ALL privilege's target, judged on the tokens after its ON (allTargetRefusal). */
  private checkAllPrivilegeTarget(type: IToken | undefined): void {
    if (type === undefined || this.LA(1).tokenType !== K.ON) return;
    const refusal = allTargetRefusal(type.tokenType, this.LA(2), this.LA(3));
    if (refusal !== null) this.mismatch(refusal.token, refusal.message);
  }

  private roleKeyword = this.RULE('roleKeyword', () => {
    this.OR((this.alts.roleKeyword ??= [{ ALT: () => this.CONSUME(K.ROLE) }, { ALT: () => this.CONSUME(K.ROLES) }]));
  });

  /** `[USER|USERS] names`: the keyword is optional, and `USER` alone is a user called "USER". */
  private roleGrantees = this.RULE('roleGrantees', () => {
    this.OPTION({
      GATE: () => (this.LA(1).tokenType === K.USER || this.LA(1).tokenType === K.USERS) && this.startsName(2),
      DEF: () => this.SUBRULE(this.userKeyword),
    });
    this.SUBRULE(this.commandNameList, { LABEL: 'users' });
  });

  private userKeyword = this.RULE('userKeyword', () => {
    this.OR((this.alts.userKeyword ??= [{ ALT: () => this.CONSUME(K.USER) }, { ALT: () => this.CONSUME(K.USERS) }]));
  });

  // ---------------------------------------------------------------- SHOW

  private showCommand = this.RULE('showCommand', () => {
    this.CONSUME(K.SHOW);
    this.OR(
      (this.alts.showCommand ??= [
        { ALT: () => this.SUBRULE(this.showCurrentUser) },
        { ALT: () => this.SUBRULE(this.showUsersOrPrivileges) },
        { ALT: () => this.SUBRULE(this.showRoles) },
      ]),
    );
  });

  private showCurrentUser = this.RULE('showCurrentUser', () => {
    this.CONSUME(K.CURRENT);
    this.CONSUME(K.USER);
    this.SUBRULE(this.showCommandYield);
  });

  /**
   * `SHOW USERS ...` or `SHOW USER[S] names PRIVILEGES ...`: names may be keywords, so
   * `SHOW USERS YIELD privileges` could be either. Like Neo4j's parser, prefer SHOW USERS whenever the
   * rest of the statement reads as one; only then look for a privileges command (one bounded trial
   * parse of the statement's tail, never nested).
   */
  private showUsersOrPrivileges = this.RULE('showUsersOrPrivileges', () => {
    this.SUBRULE(this.userKeyword);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      // SHOW USERS comes first: error messages (Chevrotain's content assist follows the first
      // alternative a token fits) then describe what Neo4j would read.
      DEF: (this.alts.showUsersOrPrivileges ??= [
        {
          GATE: () => (this.isPrivilegesAhead() ? this.showUsersProbeSucceeds() : !this.isNamesAhead()),
          ALT: () => this.SUBRULE(this.showUsersTail),
        },
        { ALT: () => this.SUBRULE(this.showPrivilegesTail) },
      ]),
    });
  });

  private showUsersTail = this.RULE('showUsersTail', () => {
    this.OPTION(() => {
      this.CONSUME(K.WITH);
      this.CONSUME(K.AUTH);
    });
    this.SUBRULE(this.showCommandYield);
  });

  /** Only for the trial parse above: a SHOW USERS tail that reaches the end of the statement. */
  private showUsersProbe = this.RULE('showUsersProbe', () => {
    this.SUBRULE(this.showUsersTail);
    this.CONSUME(EOF);
  });

  private showUsersProbeSucceeds(): boolean {
    return this.BACKTRACK(this.showUsersProbe).call(this);
  }

  private showPrivilegesTail = this.RULE('showPrivilegesTail', () => {
    this.OPTION({ GATE: () => !this.isPrivilegeKeywordAhead(), DEF: () => this.SUBRULE(this.commandNameList) });
    this.OR((this.alts.showPrivilegesTail ??= [{ ALT: () => this.CONSUME(K.PRIVILEGE) }, { ALT: () => this.CONSUME(K.PRIVILEGES) }]));
    this.OPTION2(() => {
      this.CONSUME(K.AS);
      this.OPTION3(() => this.CONSUME(K.REVOKE));
      this.OR2((this.alts.showPrivilegesTail1 ??= [{ ALT: () => this.CONSUME(K.COMMAND) }, { ALT: () => this.CONSUME(K.COMMANDS) }]));
    });
    this.SUBRULE(this.showCommandYield);
  });

  /**
   * `SHOW [ALL|POPULATED] ROLES [WITH USERS]`, `SHOW [ALL] PRIVILEGES` and `SHOW ROLE[S] names PRIVILEGES`.
   * Role names may be keywords, so `SHOW ROLES YIELD privileges` is resolved as for SHOW USERS.
   */
  private showRoles = this.RULE('showRoles', () => {
    // SHOW POPULATED ROLES and SHOW ALL ROLES never name roles: a name after them is an error, as in
    // Neo4j's grammar (`SHOW ALL ROLE r PRIVILEGES`: Invalid input 'r').
    this.OR(
      (this.alts.showRoles ??= [
        {
          ALT: () => {
            this.CONSUME(K.POPULATED);
            this.SUBRULE(this.roleKeyword);
            this.SUBRULE(this.showRolesTail);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.ALL);
            this.OR2(
              (this.alts.showRoles1 ??= [
                { ALT: () => this.SUBRULE(this.showAllPrivilegesTail) },
                {
                  ALT: () => {
                    this.SUBRULE2(this.roleKeyword);
                    this.SUBRULE2(this.showRolesTail);
                  },
                },
              ]),
            );
          },
        },
        { ALT: () => this.SUBRULE2(this.showAllPrivilegesTail) },
        {
          ALT: () => {
            this.SUBRULE3(this.roleKeyword);
            this.OR3({
              IGNORE_AMBIGUITIES: true,
              DEF: (this.alts.showRoles2 ??= [
                {
                  GATE: () => (this.isPrivilegesAhead() ? this.showRolesProbeSucceeds() : !this.isNamesAhead()),
                  ALT: () => this.SUBRULE3(this.showRolesTail),
                },
                { ALT: () => this.SUBRULE(this.showRolePrivilegesTail) },
              ]),
            });
          },
        },
      ]),
    );
  });

  private showAllPrivilegesTail = this.RULE('showAllPrivilegesTail', () => {
    this.SUBRULE(this.privilegeKeyword);
    this.OPTION(() => this.SUBRULE(this.privilegesAs));
    this.SUBRULE(this.showCommandYield);
  });

  private showRolesTail = this.RULE('showRolesTail', () => {
    this.OPTION(() => {
      this.CONSUME(K.WITH);
      this.SUBRULE(this.userKeyword);
    });
    this.SUBRULE(this.showCommandYield);
  });

  /** Only for the trial parse above: a SHOW ROLES tail that reaches the end of the statement. */
  private showRolesProbe = this.RULE('showRolesProbe', () => {
    this.SUBRULE(this.showRolesTail);
    this.CONSUME(EOF);
  });

  private showRolesProbeSucceeds(): boolean {
    return this.BACKTRACK(this.showRolesProbe).call(this);
  }

  private showRolePrivilegesTail = this.RULE('showRolePrivilegesTail', () => {
    this.SUBRULE(this.commandNameList);
    this.SUBRULE(this.privilegeKeyword);
    this.OPTION(() => this.SUBRULE(this.privilegesAs));
    this.SUBRULE(this.showCommandYield);
  });

  private privilegesAs = this.RULE('privilegesAs', () => {
    this.CONSUME(K.AS);
    this.OPTION(() => this.CONSUME(K.REVOKE));
    this.OR((this.alts.privilegesAs ??= [{ ALT: () => this.CONSUME(K.COMMAND) }, { ALT: () => this.CONSUME(K.COMMANDS) }]));
  });

  private showCommandYield = this.RULE('showCommandYield', () => {
    this.OPTION(() =>
      this.OR(
        (this.alts.showCommandYield ??= [
          {
            ALT: () => {
              this.SUBRULE(this.yieldClause);
              this.OPTION2(() => this.SUBRULE(this.returnClause));
            },
          },
          { ALT: () => this.SUBRULE(this.whereClause) },
        ]),
      ),
    );
  });

  private yieldClause = this.RULE('yieldClause', () => {
    this.CONSUME(K.YIELD);
    this.OR(
      (this.alts.yieldClause ??= [
        { ALT: () => this.CONSUME(Star) },
        { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.yieldItem) }) },
      ]),
    );
    this.OPTION(() => this.SUBRULE(this.orderBy));
    this.OPTION2(() => this.SUBRULE(this.yieldSkip));
    this.OPTION3(() => this.SUBRULE(this.yieldLimit));
    this.OPTION4(() => this.SUBRULE(this.whereClause));
  });

  private yieldItem = this.RULE('yieldItem', () => {
    this.SUBRULE(this.symbolicName, { LABEL: 'column' });
    this.OPTION(() => {
      this.CONSUME(K.AS);
      this.SUBRULE2(this.symbolicName, { LABEL: 'alias' });
    });
  });

  private yieldSkip = this.RULE('yieldSkip', () => {
    this.OR((this.alts.yieldSkip ??= [{ ALT: () => this.CONSUME(K.SKIP) }, { ALT: () => this.CONSUME(K.OFFSET) }]));
    this.SUBRULE(this.signedIntegerLiteral);
  });

  private yieldLimit = this.RULE('yieldLimit', () => {
    this.CONSUME(K.LIMIT);
    this.SUBRULE(this.signedIntegerLiteral);
  });

  /** YIELD's SKIP and LIMIT take a decimal literal only, as in Neo4j's grammar. */
  private signedIntegerLiteral = this.RULE('signedIntegerLiteral', () => {
    const sign = this.OPTION(() => this.CONSUME(Minus));
    const digits = this.CONSUME(DecimalInteger);
    this.ACTION(() => this.checkNumber(digits, sign));
  });

  private whereClause = this.RULE('whereClause', () => {
    this.CONSUME(K.WHERE);
    this.SUBRULE(this.expression);
  });

  private returnClause = this.RULE('returnClause', () => {
    this.CONSUME(K.RETURN);
    // `RETURN ALL` (Neo4j's returnBody: `(DISTINCT | ALL)?`) keeps duplicates, as a bare RETURN does; `all(` begins a predicate.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== K.ALL || !AFTER_ALL_AS_NAME.has(this.LA(2).tokenType),
      DEF: () => this.OR9((this.alts.returnClause ??= [{ ALT: () => this.CONSUME(K.DISTINCT) }, { ALT: () => this.CONSUME(K.ALL) }])),
    });
    // Neo4j's returnItems: `(TIMES | returnItem) (COMMA returnItem)*`.
    this.OR((this.alts.returnClause1 ??= [{ ALT: () => this.CONSUME(Star) }, { ALT: () => this.SUBRULE(this.returnItem) }]));
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.returnItem);
    });
    this.OPTION2(() => this.SUBRULE(this.orderBy));
    this.OPTION3(() => this.SUBRULE(this.skip));
    this.OPTION4(() => this.SUBRULE(this.limit));
  });

  // Neo4j's skip and limit rules (Cypher25Parser.g4), named so: syntax errors back out of them (syntax-errors.ts, BACKED_OUT).
  private skip = this.RULE('skip', () => {
    this.OR((this.alts.skip ??= [{ ALT: () => this.CONSUME(K.SKIP) }, { ALT: () => this.CONSUME(K.OFFSET) }]));
    this.SUBRULE(this.expression);
  });

  private limit = this.RULE('limit', () => {
    this.CONSUME(K.LIMIT);
    this.SUBRULE(this.expression);
  });

  private returnItem = this.RULE('returnItem', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(K.AS);
      this.SUBRULE(this.symbolicName, { LABEL: 'alias' });
    });
  });

  private orderBy = this.RULE('orderBy', () => {
    this.CONSUME(K.ORDER);
    this.CONSUME(K.BY);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.sortItem) });
  });

  private sortItem = this.RULE('sortItem', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() =>
      this.OR(
        (this.alts.sortItem ??= [
          { ALT: () => this.CONSUME(K.ASC) },
          { ALT: () => this.CONSUME(K.ASCENDING) },
          { ALT: () => this.CONSUME(K.DESC) },
          { ALT: () => this.CONSUME(K.DESCENDING) },
        ]),
      ),
    );
  });

  // ---------------------------------------------------------------- names

  private ifExists = this.RULE('ifExists', () => {
    this.CONSUME(K.IF);
    this.CONSUME(K.EXISTS);
  });

  private ifNotExists = this.RULE('ifNotExists', () => {
    this.CONSUME(K.IF);
    this.CONSUME(K.NOT);
    this.CONSUME(K.EXISTS);
  });

  /** A user or role name: a symbolic name or a parameter (string literals are not names). */
  private commandNameExpression = this.RULE('commandNameExpression', () => {
    this.OR((this.alts.commandNameExpression ??= [{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(Parameter) }]));
  });

  private commandNameList = this.RULE('commandNameList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.commandNameExpression) });
  });

  /** Neo4j's symbolicAliasNameList: database or alias names (dots included: `sales.eu`) or parameters. */
  private databaseNameList = this.RULE('databaseNameList', () => {
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () =>
        this.OR((this.alts.databaseNameList ??= [{ ALT: () => this.CONSUME(Parameter) }, { ALT: () => this.SUBRULE(this.databaseName) }])),
    });
  });

  public databaseName = this.RULE('databaseName', () => {
    this.AT_LEAST_ONE_SEP({ SEP: Dot, DEF: () => this.CONSUME(Name) });
  });

  public symbolicName = this.RULE('symbolicName', () => {
    this.CONSUME(Name);
  });

  // ---------------------------------------------------------------- expressions

  /**
   * Expressions are flat here: operands and operators in source order. Precedence is applied by the
   * visitor (precedence climbing), which keeps the CST shallow: a dozen nested rules per operand made
   * parsing several times slower and the call stack deep.
   */
  public expression = this.RULE('expression', () => {
    // This call's own state: a nested expression (in brackets, arguments) has its own.
    let state: PredicateState = 'free';
    this.SUBRULE(this.operand);
    this.MANY({
      GATE: () => mayFollow(state, this.LA(1).tokenType),
      DEF: () => {
        const next = this.LA(1).tokenType;
        this.OR(
          (this.alts.expression ??= [
            {
              ALT: () => {
                this.SUBRULE(this.infixOperator);
                this.SUBRULE2(this.operand);
              },
            },
            { ALT: () => this.SUBRULE(this.nullCheck) },
          ]),
        );
        state = stateAfter(state, next);
      },
    });
  });

  /** An operand with its prefix operators: `NOT`, `-`, `+`. */
  private operand = this.RULE('operand', () => {
    // Where the prefixes begin: the alternatives below are made once (this.alts), so they cannot collect them.
    let before = 0;
    this.ACTION(() => (before = this.consumedIndex()));
    this.MANY({
      // Neo4j's NOT binds looser than comparisons and arithmetic (Cypher25Parser.g4 expression8: `NOT* expression7`):
      // after `=` or `+`, NOT is no prefix but a name (`a = NOT b` reads a variable NOT, then fails at b).
      GATE: () => this.LA(1).tokenType !== K.NOT || !this.bindsTighterThanNot(this.LA(0)),
      DEF: () =>
        this.OR(
          (this.alts.operand ??= [
            { ALT: () => this.CONSUME(K.NOT) },
            { ALT: () => this.CONSUME(Plus) },
            {
              ALT: () => {
                const token = this.CONSUME(Minus);
                this.ACTION(() => (this.prefixMinus = token));
              },
            },
          ]),
        ),
    });
    this.ACTION(() => {
      const extra = extraSign(this.input.slice(before + 1, this.consumedIndex() + 1), this.LA(1));
      if (extra) this.mismatch(extra.token, extra.message);
    });
    this.SUBRULE(this.postfixExpression);
  });

  private infixOperator = this.RULE('infixOperator', () => {
    this.OR(
      (this.alts.infixOperator ??= [
        { ALT: () => this.CONSUME(K.OR) },
        { ALT: () => this.CONSUME(K.XOR) },
        { ALT: () => this.CONSUME(K.AND) },
        { ALT: () => this.CONSUME(Equals) },
        { ALT: () => this.CONSUME(NotEquals) },
        {
          ALT: () => {
            const token = this.CONSUME(BangEquals);
            // Neo4j's semantic analysis refuses the operator it lexes.
            this.ACTION(() => this.mismatch(token, REFUSED.bangEquals));
          },
        },
        { ALT: () => this.CONSUME(LessEquals) },
        { ALT: () => this.CONSUME(GreaterEquals) },
        { ALT: () => this.CONSUME(Less) },
        { ALT: () => this.CONSUME(Greater) },
        {
          ALT: () => {
            this.CONSUME(K.STARTS);
            this.CONSUME(K.WITH);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.ENDS);
            this.CONSUME2(K.WITH);
          },
        },
        { ALT: () => this.CONSUME(K.CONTAINS) },
        { ALT: () => this.CONSUME(RegexMatch) },
        {
          ALT: () => {
            const token = this.CONSUME(K.IN);
            this.ACTION(() => (this.infixIn = token));
          },
        },
        { ALT: () => this.CONSUME2(Plus) },
        { ALT: () => this.CONSUME2(Minus) },
        { ALT: () => this.CONSUME(Concat) },
        { ALT: () => this.CONSUME(Star) },
        { ALT: () => this.CONSUME(Slash) },
        { ALT: () => this.CONSUME(Percent) },
        { ALT: () => this.CONSUME(Caret) },
      ]),
    );
  });

  /** `IS [NOT] NULL` or `IS [NOT] [NFC|NFD|NFKC|NFKD] NORMALIZED` (Neo4j's comparisonExpression6). */
  private nullCheck = this.RULE('nullCheck', () => {
    this.CONSUME(K.IS);
    this.OPTION(() => this.CONSUME(K.NOT));
    this.OR(
      (this.alts.nullCheck ??= [
        { ALT: () => this.CONSUME(K.NULL) },
        {
          ALT: () => {
            this.OPTION2(() =>
              this.OR2(
                (this.alts.nullCheck1 ??= [
                  { ALT: () => this.CONSUME(K.NFC) },
                  { ALT: () => this.CONSUME(K.NFD) },
                  { ALT: () => this.CONSUME(K.NFKC) },
                  { ALT: () => this.CONSUME(K.NFKD) },
                ]),
              ),
            );
            this.CONSUME(K.NORMALIZED);
          },
        },
      ]),
    );
  });

  private postfixExpression = this.RULE('postfixExpression', () => {
    this.SUBRULE(this.atom);
    this.MANY(() =>
      this.OR(
        (this.alts.postfixExpression ??= [
          {
            ALT: () => {
              this.CONSUME(Dot);
              this.CONSUME(Name, { LABEL: 'property' });
            },
          },
          { ALT: () => this.SUBRULE(this.indexOrSlice) },
        ]),
      ),
    );
  });

  private indexOrSlice = this.RULE('indexOrSlice', () => {
    const bracket = this.CONSUME(LBracket);
    const emptySlice = this.OR(
      (this.alts.indexOrSlice ??= [
        {
          ALT: () => {
            this.CONSUME(DotDot);
            // Whether the slice is `[..]`: the alternatives are made once (this.alts), so they report rather than act.
            return this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'to' })) === undefined;
          },
        },
        {
          ALT: () => {
            this.SUBRULE2(this.expression, { LABEL: 'from' });
            this.OPTION2(() => {
              this.CONSUME2(DotDot);
              this.OPTION3(() => this.SUBRULE3(this.expression, { LABEL: 'to' }));
            });
            return false;
          },
        },
      ]),
    );
    this.CONSUME(RBracket);
    // Neo4j's parser refuses `list[..]` once it has read it, at its bracket.
    this.ACTION(() => {
      if (emptySlice === true) this.mismatch(bracket, REFUSED.emptySlice);
    });
  });

  private atom = this.RULE('atom', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: (this.alts.atom ??= [
        { ALT: () => this.CONSUME(StringLiteral) },
        { ALT: () => this.SUBRULE(this.numberLiteral) },
        { ALT: () => this.CONSUME(Parameter) },
        {
          // `m {.key, ...}`, whatever the name (`true {.x}` projects a variable `true`), but CASE and a subquery's word.
          GATE: () => this.isMapProjectionAhead(),
          ALT: () => this.SUBRULE(this.mapProjection),
        },
        { GATE: () => this.LA(1).tokenType === K.TRUE, ALT: () => this.CONSUME(K.TRUE) },
        { GATE: () => this.LA(1).tokenType === K.FALSE, ALT: () => this.CONSUME(K.FALSE) },
        { GATE: () => this.LA(1).tokenType === K.NULL, ALT: () => this.CONSUME(K.NULL) },
        { GATE: () => this.LA(1).tokenType === K.CASE, ALT: () => this.SUBRULE(this.caseExpression) },
        { GATE: () => this.isCountStarAhead(), ALT: () => this.SUBRULE(this.countStar) },
        {
          GATE: () => LIST_PREDICATES.has(this.LA(1).tokenType) && this.LA(2).tokenType === LParen,
          ALT: () => this.SUBRULE(this.listPredicate),
        },
        {
          // Only a name's text can match: strings, quoted names and parameters keep their quotes or `$`.
          GATE: () => SUBQUERY_WORD.test(this.LA(1).image) && this.LA(2).tokenType === LBrace,
          ALT: () => this.SUBRULE(this.subqueryExpression),
        },
        // Before a function call: `reduce(` is one only where the reduce's shape fails (grammar/decisions.ts).
        { GATE: () => isReduceAt(this.input, this.consumedIndex() + 1), ALT: () => this.SUBRULE(this.reduceExpression) },
        { GATE: () => isTrimFromAt(this.input, this.consumedIndex() + 1), ALT: () => this.SUBRULE(this.trimExpression) },
        { GATE: () => this.isFunctionCallAhead(), ALT: () => this.SUBRULE(this.functionCall) },
        {
          // `[x IN list ...]`, but not `[null IN list]`: literals are never variables.
          GATE: () => this.LA(1).tokenType === LBracket && isVariableToken(this.LA(2)) && this.LA(3).tokenType === K.IN,
          ALT: () => this.SUBRULE(this.listComprehension),
        },
        { ALT: () => this.SUBRULE(this.listLiteral) },
        { ALT: () => this.SUBRULE(this.mapLiteral) },
        { ALT: () => this.SUBRULE(this.parenthesizedExpression) },
        { ALT: () => this.CONSUME(Name, { LABEL: 'variable' }) },
      ]),
    });
  });

  private subqueryExpression = this.RULE('subqueryExpression', () => {
    this.CONSUME(Name, { LABEL: 'keyword' });
    this.SUBRULE(this.subqueryBody);
  });

  /** Balanced braces around tokens that are skipped, not parsed. */
  private subqueryBody = this.RULE('subqueryBody', () => {
    this.CONSUME(LBrace);
    this.MANY(() =>
      this.OR(
        (this.alts.subqueryBody ??= [
          { ALT: () => this.SUBRULE(this.subqueryBody) },
          ...SUBQUERY_BODY_TOKENS.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: 'skipped' }) })),
        ]),
      ),
    );
    this.CONSUME(RBrace);
  });

  private numberLiteral = this.RULE('numberLiteral', () => {
    this.OR((this.alts.numberLiteral ??= [{ ALT: () => this.CONSUME(FloatLiteral) }, { ALT: () => this.SUBRULE(this.integerLiteral) }]));
    this.ACTION(() => {
      // The number is the token just read; a prefix `-` right before it makes one signed literal, as Neo4j reads it.
      const previous = this.LA(-1);
      this.checkNumber(this.LA(0), previous === this.prefixMinus ? previous : undefined);
    });
  });

  private integerLiteral = this.RULE('integerLiteral', () => {
    this.OR(
      (this.alts.integerLiteral ??= [
        { ALT: () => this.CONSUME(DecimalInteger) },
        { ALT: () => this.CONSUME(HexInteger) },
        { ALT: () => this.CONSUME(OctalInteger) },
      ]),
    );
  });

  /** Records numberRefusal's verdict at the number (or its `-`). */
  private checkNumber(token: IToken, sign: IToken | undefined): void {
    if (this.literalMismatch !== null) return;
    const message = numberRefusal(token, sign !== undefined);
    if (message !== null) this.literalMismatch = { token: sign ?? token, message };
  }

  private parenthesizedExpression = this.RULE('parenthesizedExpression', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  private listLiteral = this.RULE('listLiteral', () => {
    this.CONSUME(LBracket);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(RBracket);
  });

  public mapLiteral = this.RULE('mapLiteral', () => {
    this.CONSUME(LBrace);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.mapEntry) });
    this.CONSUME(RBrace);
  });

  private mapProjection = this.RULE('mapProjection', () => {
    this.CONSUME(Name, { LABEL: 'base' });
    this.CONSUME(LBrace);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.projectionItem) });
    this.CONSUME(RBrace);
  });

  /** `.key`, `.*`, `key: value` or `variable`. */
  private projectionItem = this.RULE('projectionItem', () => {
    this.OR(
      (this.alts.projectionItem ??= [
        {
          ALT: () => {
            this.CONSUME(Dot);
            this.OR2(
              (this.alts.projectionProperty ??= [
                { ALT: () => this.CONSUME(Star) },
                { ALT: () => this.SUBRULE(this.symbolicName, { LABEL: 'property' }) },
              ]),
            );
          },
        },
        {
          // `variable`, or `key: value`.
          ALT: () => {
            this.SUBRULE2(this.symbolicName, { LABEL: 'name' });
            this.OPTION(() => {
              this.CONSUME(Colon);
              this.SUBRULE(this.expression);
            });
          },
        },
      ]),
    );
  });

  private mapEntry = this.RULE('mapEntry', () => {
    this.SUBRULE(this.symbolicName, { LABEL: 'key' });
    this.CONSUME(Colon);
    this.SUBRULE(this.expression);
  });

  private caseExpression = this.RULE('caseExpression', () => {
    this.CONSUME(K.CASE);
    this.OPTION({ GATE: () => this.LA(1).tokenType !== K.WHEN, DEF: () => this.SUBRULE(this.expression, { LABEL: 'subject' }) });
    this.AT_LEAST_ONE(() => this.SUBRULE(this.caseAlternative));
    this.OPTION2(() => {
      this.CONSUME(K.ELSE);
      this.SUBRULE2(this.expression, { LABEL: 'otherwise' });
    });
    this.CONSUME(K.END);
  });

  private caseAlternative = this.RULE('caseAlternative', () => {
    this.CONSUME(K.WHEN);
    this.SUBRULE(this.expression, { LABEL: 'when' });
    this.CONSUME(K.THEN);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
  });

  private countStar = this.RULE('countStar', () => {
    this.CONSUME(Name);
    this.CONSUME(LParen);
    this.CONSUME(Star);
    this.CONSUME(RParen);
  });

  private listPredicate = this.RULE('listPredicate', () => {
    const word = this.OR(
      (this.alts.listPredicate ??= [
        { ALT: () => this.CONSUME(K.ANY) },
        { ALT: () => this.CONSUME(K.ALL) },
        { ALT: () => this.CONSUME(K.NONE) },
        { ALT: () => this.CONSUME(K.SINGLE) },
      ]),
    );
    this.CONSUME(LParen);
    this.SUBRULE(this.symbolicName, { LABEL: 'variable' });
    this.CONSUME(K.IN);
    this.SUBRULE(this.expression, { LABEL: 'list' });
    let where = false;
    this.OPTION(() => {
      this.CONSUME(K.WHERE);
      this.SUBRULE2(this.expression, { LABEL: 'where' });
      where = true;
    });
    // Refused by Neo4j's semantic analysis, after any syntax error: with the literals' refusals, which wait for a whole parse.
    this.ACTION(() => {
      if (!where) this.literalMismatch ??= { token: word as IToken, message: predicateWithoutWhere(word as IToken) };
    });
    this.CONSUME(RParen);
  });

  private listComprehension = this.RULE('listComprehension', () => {
    this.CONSUME(LBracket);
    this.SUBRULE(this.symbolicName, { LABEL: 'variable' });
    this.CONSUME(K.IN);
    this.SUBRULE(this.expression, { LABEL: 'list' });
    this.OPTION(() => {
      this.CONSUME(K.WHERE);
      this.SUBRULE2(this.expression, { LABEL: 'where' });
    });
    this.OPTION2(() => {
      this.CONSUME(Pipe);
      this.SUBRULE3(this.expression, { LABEL: 'projection' });
    });
    this.CONSUME(RBracket);
  });

  private reduceExpression = this.RULE('reduceExpression', () => {
    this.CONSUME(Name, { LABEL: 'keyword' });
    this.CONSUME(LParen);
    this.SUBRULE(this.symbolicName, { LABEL: 'accumulator' });
    const equals = this.CONSUME(Equals);
    this.ACTION(() => (this.reduceEquals = equals));
    this.SUBRULE(this.expression, { LABEL: 'init' });
    this.CONSUME(Comma);
    this.SUBRULE2(this.symbolicName, { LABEL: 'variable' });
    this.CONSUME(K.IN);
    this.SUBRULE2(this.expression, { LABEL: 'list' });
    this.CONSUME(Pipe);
    this.SUBRULE3(this.expression, { LABEL: 'step' });
    this.CONSUME(RParen);
  });

  /** `trim([BOTH | LEADING | TRAILING] [characters] FROM source)`; its optional parts are taken where Neo4j's parser takes them. */
  private trimExpression = this.RULE('trimExpression', () => {
    this.CONSUME(Name, { LABEL: 'keyword' });
    this.CONSUME(LParen);
    this.OPTION({
      GATE: () => trimSpecificationAt(this.input, this.consumedIndex() + 1),
      DEF: () => this.CONSUME2(Name, { LABEL: 'specification' }),
    });
    this.OPTION2({
      GATE: () => trimCharactersAt(this.input, this.consumedIndex() + 1),
      DEF: () => this.SUBRULE(this.expression, { LABEL: 'characters' }),
    });
    this.CONSUME(K.FROM);
    this.SUBRULE2(this.expression, { LABEL: 'source' });
    this.CONSUME(RParen);
  });

  private functionCall = this.RULE('functionCall', () => {
    this.AT_LEAST_ONE_SEP({ SEP: Dot, DEF: () => this.SUBRULE(this.symbolicName, { LABEL: 'namePart' }) });
    this.SUBRULE(this.callArguments);
  });

  // ---------------------------------------------------------------- lookahead helpers (bounded scans)

  private privilegeKeyword = this.RULE('privilegeKeyword', () => {
    this.OR((this.alts.privilegeKeyword ??= [{ ALT: () => this.CONSUME(K.PRIVILEGE) }, { ALT: () => this.CONSUME(K.PRIVILEGES) }]));
  });

  /**
   * After GRANT or REVOKE: `ROLE MANAGEMENT ON ...` is a privilege, `ROLE management TO ...` a role called "management".
   * The privilege is singular: `ROLES MANAGEMENT ON` grants a role called "MANAGEMENT" (and fails at ON), as in Neo4j.
   */
  private isRoleManagementPrivilegeAhead(): boolean {
    return this.LA(1).tokenType === K.ROLE && this.LA(2).tokenType === K.MANAGEMENT && this.LA(3).tokenType === K.ON;
  }

  private isGraphScopeAhead(): boolean {
    const first = this.LA(1).tokenType;
    const graph = (t: TokenType) => t === K.GRAPH || t === K.GRAPHS;
    return graph(first) || ((first === K.HOME || first === K.DEFAULT) && graph(this.LA(2).tokenType));
  }

  private startsName(k: number): boolean {
    const token = this.LA(k);
    return isNameToken(token) || token.tokenType === Parameter;
  }

  private isPrivilegeKeywordAhead(): boolean {
    // `PRIVILEGES` followed by another PRIVILEGE(S) or a comma is a user called "privileges".
    return PRIVILEGE_WORDS.has(this.LA(1).tokenType) && !PRIVILEGE_WORDS.has(this.LA(2).tokenType) && this.LA(2).tokenType !== Comma;
  }

  /** After `SHOW USER[S]`: is this `[name, ...] PRIVILEGE[S]`? Scans the name list once. */
  /**
   * A name that cannot begin SHOW USERS/ROLES' own tail (WITH, YIELD, WHERE): Neo4j's prediction then
   * takes the privileges command, which reads further, and reports its error (`SHOW ROLE role`: at the end).
   */
  private isNamesAhead(): boolean {
    return this.startsName(1) && !TAIL_STARTS.has(this.LA(1).tokenType);
  }

  private isPrivilegesAhead(): boolean {
    if (this.isPrivilegeKeywordAhead()) return true;
    let k = 1;
    for (;;) {
      if (!this.startsName(k)) return false;
      k += 1;
      if (this.LA(k).tokenType !== Comma) return PRIVILEGE_WORDS.has(this.LA(k).tokenType);
      k += 1;
    }
  }

  private isCountStarAhead(): boolean {
    return isNameToken(this.LA(1)) && COUNT_WORD.test(this.LA(1).image) && this.LA(2).tokenType === LParen && this.LA(3).tokenType === Star;
  }

  private isMapProjectionAhead(): boolean {
    const first = this.LA(1);
    return this.LA(2).tokenType === LBrace && isNameToken(first) && first.tokenType !== K.CASE && !SUBQUERY_WORD.test(first.image);
  }

  /** `name(` or `namespace.name(`. */
  private isFunctionCallAhead(): boolean {
    let k = 1;
    for (;;) {
      if (!isNameToken(this.LA(k))) return false;
      k += 1;
      const next = this.LA(k).tokenType;
      if (next === LParen) return true;
      if (next !== Dot) return false;
      k += 1;
    }
  }

  // ---------------------------------------------------------------- cypher-shell `:param` values

  /** The value of `:param name => value`: any expression. */
  public clientParamValue = this.RULE('clientParamValue', () => {
    this.OPTION(() => this.OR((this.alts.clientParamValue ??= [{ ALT: () => this.CONSUME(Arrow) }, { ALT: () => this.CONSUME(Colon) }])));
    this.SUBRULE(this.expression);
    this.CONSUME(EOF);
  });

  public clientParamsMap = this.RULE('clientParamsMap', () => {
    this.SUBRULE(this.mapLiteral);
    this.CONSUME(EOF);
  });
}

let instance: CypherAdminParser | undefined;

/**
 * The one parser instance (Chevrotain parsers are reused by assigning `input`), made on first use:
 * recording the grammar is a good part of start-up, and a script whose statements src/direct reads
 * never needs the parser.
 */
export function theParser(): CypherAdminParser {
  return (instance ??= new CypherAdminParser());
}
