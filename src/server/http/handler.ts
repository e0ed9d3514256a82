/**
 * One Query API request in, its reply out, without sockets (the listener reads bodies and writes
 * replies). The order is Neo4j's: the auth filter (every path but discovery), then the route and
 * method, the request's Content-Type (415) and Accept (406), the body, the statement. Statements
 * run on the shared `Dbms`, as the Bolt connections' do, with wire typing (INTEGER a bigint).
 */
import { assertNever, type Dbms, type DbmsSession, type RunAsOptions } from '../../index.js';
import type { ServerLog } from '../log.js';
import { login, WWW_AUTHENTICATE, type Login } from './auth.js';
import { corsHeaders } from './cors.js';
import { bookmarksBody, errorReplyBody, resultBody, resultThenErrorBody, rollbackBody, transactionBody } from './body.js';
import { browserLocation, discoveryBody, type DiscoveryAddresses } from './discovery.js';
import { errorBody, errorReply, HttpError, REQUEST_INVALID } from './errors.js';
import { negotiate, prefersJson, requestFormat, type Format, type Media } from './media.js';
import { readQueryRequest, type QueryRequest } from './request.js';
import { isPublic, route, type Route } from './routes.js';
import { instantText, type OpenTransaction, type TransactionRegistry } from './transactions.js';

export interface HttpRequest {
  readonly method: string;
  /** The request target as sent (path and query). */
  readonly target: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  /** host:port of the client, for the log. */
  readonly peer: string;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** What was asked, for the log: the route's kind, never the path as sent. */
  readonly what: string;
}

export interface QueryApiOptions {
  readonly dbms: Dbms;
  readonly authEnabled: boolean;
  readonly transactions: TransactionRegistry;
  readonly listening: { readonly host: string; readonly port: number };
  readonly boltPort: number;
  readonly log: ServerLog;
}

type ApiRoute = Extract<Route, { readonly database: string }>;

/** The Content-Type of the auth filter's errors, which it writes itself whatever the request accepts. */
const FILTER_CONTENT_TYPE = 'application/json; charset=UTF-8';

export class QueryApi {
  readonly #options: QueryApiOptions;

  constructor(options: QueryApiOptions) {
    this.#options = options;
  }

  handle(request: HttpRequest): HttpReply {
    const answer = this.#answer(request);
    // Neo4j's CORS filter (`/*`) sets its headers before passing the request on, so every answer has
    // them; that it also precedes the auth filter (401s too) is an assumption from the modules' order.
    return { ...answer, headers: { ...corsHeaders(request.headers), ...answer.headers } };
  }

  #answer(request: HttpRequest): HttpReply {
    try {
      return this.#handle(request);
    } catch (error) {
      // Every error of a request is answered below; reaching here is a bug of ours.
      const { status, code, message } = errorReply(error, (e) => this.#internal(e));
      return reply(status, 'bug', { 'content-type': FILTER_CONTENT_TYPE }, errorBody(code, message));
    }
  }

  #handle(request: HttpRequest): HttpReply {
    const target = route(request.method, request.target);
    let user: string | null = null;
    if (!isPublic(request.method, request.target)) {
      const result = login(this.#options.dbms, this.#options.authEnabled, request.headers['authorization']);
      if (result.kind === 'refused') return this.#refused(result, request);
      user = result.user;
    }
    switch (target.kind) {
      case 'discovery':
        return this.#discovery(request);
      case 'not-found':
        return reply(404, target.kind, {}, '');
      case 'not-allowed':
        return reply(405, target.kind, { allow: target.allow }, '');
      case 'options':
        return reply(200, target.kind, { allow: target.allow }, '');
      case 'query':
      case 'begin':
      case 'run':
      case 'commit':
      case 'rollback':
        return this.#api(target, request, user);
      default:
        return assertNever(target, 'route');
    }
  }

  #api(target: ApiRoute, request: HttpRequest, user: string | null): HttpReply {
    // DELETE reads no body, so its Content-Type does not matter.
    const format: Format | null = target.kind === 'rollback' ? 'plain' : requestFormat(request.headers['content-type']);
    if (format === null) return reply(415, target.kind, {}, '');
    const media = negotiate(request.headers['accept']);
    if (media === null) return reply(406, target.kind, {}, '');
    try {
      const body = target.kind === 'rollback' ? '' : request.body;
      return this.#dispatch(target, readQueryRequest(body, format), user, media);
    } catch (error) {
      const { status, code, message } = errorReply(error, (e) => this.#internal(e));
      return reply(status, target.kind, { 'content-type': media.contentType }, errorReplyBody(media, code, message));
    }
  }

  #dispatch(target: ApiRoute, request: QueryRequest, user: string | null, media: Media): HttpReply {
    switch (target.kind) {
      case 'query':
        return this.#autoCommit(target.database, request, user, media);
      case 'begin':
        return this.#begin(target.database, request, user, media);
      case 'run':
        return this.#run(this.#options.transactions.take(target.id, target.database, user), request, media);
      case 'commit':
        return this.#commit(this.#options.transactions.take(target.id, target.database, user), request, media);
      case 'rollback':
        this.#options.transactions.remove(this.#options.transactions.take(target.id, target.database, user));
        // 200, not 202 (Neo4j keeps it for compatibility), with an empty bookmarks response.
        return ok(200, 'rollback', media, rollbackBody(media));
      default:
        return assertNever(target, 'Query API route');
    }
  }

  #autoCommit(database: string, request: QueryRequest, user: string | null, media: Media): HttpReply {
    if (request.statement === null) throw new HttpError(400, REQUEST_INVALID, 'statement cannot be null or empty');
    const outcome = this.#session(user).run(request.statement, request.parameters, { database, ...runAs(request) });
    const body = resultBody(outcome, media, { includeCounters: request.includeCounters, bookmarks: [this.#bookmark()] });
    return ok(202, 'query', media, body);
  }

  #begin(database: string, request: QueryRequest, user: string | null, media: Media): HttpReply {
    const { transactions } = this.#options;
    transactions.admit(user);
    // Checks the database at once: a begin on one the DBMS lacks is Neo4j's 404.
    const open = transactions.add(this.#session(user).begin({ database, ...runAs(request) }), database, user);
    if (request.statement === null) {
      transactions.release(open);
      return ok(202, 'begin', media, transactionBody(media, open.id, instantText(open.expires)));
    }
    return this.#run(open, request, media, 'begin');
  }

  /** A statement in the transaction, or a keep-alive without one; an error closes the transaction. */
  #run(open: OpenTransaction, request: QueryRequest, media: Media, what = 'run'): HttpReply {
    const { transactions } = this.#options;
    try {
      if (request.statement === null) {
        transactions.touch(open);
        return ok(202, what, media, transactionBody(media, open.id, instantText(open.expires)));
      }
      const outcome = open.transaction.run(request.statement, request.parameters);
      transactions.touch(open);
      const transaction = { id: open.id, expires: instantText(open.expires) };
      return ok(202, what, media, resultBody(outcome, media, { includeCounters: request.includeCounters, transaction }));
    } catch (error) {
      transactions.remove(open);
      throw error;
    } finally {
      transactions.release(open);
    }
  }

  #commit(open: OpenTransaction, request: QueryRequest, media: Media): HttpReply {
    try {
      if (request.statement === null) {
        open.transaction.commit();
        return ok(202, 'commit', media, bookmarksBody(media, [this.#bookmark()]));
      }
      const outcome = open.transaction.run(request.statement, request.parameters);
      try {
        open.transaction.commit();
      } catch (error) {
        // Neo4j commits while it writes the final statement's 202 body: the error comes after the rows.
        const { code, message } = errorReply(error, (e) => this.#internal(e));
        return ok(202, 'commit', media, resultThenErrorBody(outcome, media, code, message));
      }
      const body = resultBody(outcome, media, { includeCounters: request.includeCounters, bookmarks: [this.#bookmark()] });
      return ok(202, 'commit', media, body);
    } finally {
      this.#options.transactions.remove(open);
    }
  }

  #discovery(request: HttpRequest): HttpReply {
    const addresses: DiscoveryAddresses = {
      host: request.headers['host'],
      listening: this.#options.listening,
      boltPort: this.#options.boltPort,
    };
    if (!prefersJson(request.headers['accept'])) return reply(303, 'discovery', { location: browserLocation(addresses) }, '');
    return reply(200, 'discovery', { 'content-type': 'application/json' }, discoveryBody(addresses));
  }

  #refused(refused: Extract<Login, { kind: 'refused' }>, request: HttpRequest): HttpReply {
    if (refused.attempt !== undefined) {
      this.#options.log.info(`failed login for user '${refused.attempt.user}' from ${request.peer}: ${refused.attempt.reason}`);
    }
    const headers: Record<string, string> = { 'content-type': FILTER_CONTENT_TYPE };
    // Neo4j Browser asks for a challenge its browser will not act on.
    if (refused.challenge) headers['www-authenticate'] = request.headers['x-ajax-browser-auth'] === 'true' ? 'None' : WWW_AUTHENTICATE;
    return reply(refused.status, 'login', headers, errorBody(refused.code, refused.message));
  }

  #session(user: string | null): DbmsSession {
    return this.#options.dbms.session({ user, typedParams: true });
  }

  /** A bookmark names the commit a client has seen: the DBMS's commit count, as over Bolt. */
  #bookmark(): string {
    return `FB:sysdb:${this.#options.dbms.commits}`;
  }

  #internal(error: unknown): void {
    // The kind only: an error's message may quote a statement, and so a password.
    this.#options.log.warn(`internal error in an HTTP request: ${error instanceof Error ? error.name : typeof error}`);
  }
}

/** `impersonatedUser` and `accessMode` of an auto-commit request or a begin, for the session (rules in src/dbms/run-as.ts). */
function runAs(request: QueryRequest): RunAsOptions {
  return { impersonatedUser: request.impersonatedUser, accessMode: request.accessMode };
}

function ok(status: number, what: string, media: Media, body: string): HttpReply {
  return reply(status, what, { 'content-type': media.contentType }, body);
}

function reply(status: number, what: string, headers: Record<string, string>, body: string): HttpReply {
  return { status, headers, body, what };
}
