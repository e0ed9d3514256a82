/**
 * cypher-shell's client commands, as they appear in admin scripts: `:use system`, `:param name => value`,
 * `:param {name: value}`, `:params`, `:params clear`. Anything else starting with `:` is kept and
 * reported as a warning: it is not Cypher, and cypher-sysdb does not act on it.
 */
import type { IToken } from 'chevrotain';
import { Arrow, Colon, LBrace } from '../../grammar/tokens.js';
import type { ClientCommand } from '../ast/client.js';
import { StatusCode, type Diagnostic } from '../diagnostics/codes.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';
import { firstToken, lastToken } from './indexed.js';
import type { Source } from './lines.js';
import { readClientParamsMap, readClientValue } from '../direct/client.js';
import { decodeName, spanBetween, TooComplexError } from '../visitor/source.js';

export interface ClientCommandResult {
  readonly command: ClientCommand | null;
  readonly diagnostics: Diagnostic[];
}

export function parseClientCommand(tokens: readonly IToken[], source: Source): ClientCommandResult {
  const colon = firstToken(tokens);
  const last = lastToken(tokens);
  const span = spanBetween(colon, last, source);
  const text = source.text.slice(colon.startOffset, tokenEnd(last));
  const [, wordToken, ...args] = tokens;
  const word = wordToken && wordToken.startOffset === tokenEnd(colon) ? wordToken.image.toLowerCase() : '';
  const usage = (message: string): ClientCommandResult => ({
    command: null,
    diagnostics: [{ severity: 'error', code: StatusCode.SyntaxError, message, span }],
  });

  switch (word) {
    case 'use': {
      if (args.length === 0) return { command: { kind: 'client-use', database: '', span }, diagnostics: [] };
      const database = args.map((t) => decodeName(t.image)).join('');
      return { command: { kind: 'client-use', database, span }, diagnostics: [] };
    }
    case 'param':
    case 'params': {
      const [first, ...rest] = args;
      if (first === undefined) {
        if (word === 'params') return { command: { kind: 'client-params-list', span }, diagnostics: [] };
        return usage('Incorrect usage of :param. Use `:param name => value` or `:param {name: value}`.');
      }
      if (rest.length === 0 && first.image.toLowerCase() === 'clear') {
        return { command: { kind: 'client-params-clear', span }, diagnostics: [] };
      }
      if (first.tokenType === LBrace) {
        return build(() => {
          const map = readClientParamsMap(args, source);
          return map ? { kind: 'client-params-map', map, span } : `Incorrect usage of :${word}: the map of parameters does not parse.`;
        });
      }
      const separator = rest[0];
      if (separator === undefined || (separator.tokenType !== Arrow && separator.tokenType !== Colon)) {
        return usage(`Incorrect usage of :${word}. Use \`:param name => value\`.`);
      }
      const name = decodeName(first.image);
      return build(() => {
        const value = readClientValue(rest, source);
        return value
          ? { kind: 'client-param', name, value, span }
          : `Incorrect usage of :${word}: the value of parameter '${name}' is not a valid expression.`;
      });
    }
    default:
      return {
        command: { kind: 'client-other', command: word, text, span },
        diagnostics: [
          {
            severity: 'warning',
            code: StatusCode.UnknownClientCommand,
            message: `The client command ':${word}' is not supported by cypher-sysdb and is ignored.`,
            span,
          },
        ],
      };
  }

  /** The command `make` reads, or its usage error (a message). */
  function build(make: () => ClientCommand | string): ClientCommandResult {
    try {
      const made = make();
      return typeof made === 'string' ? usage(made) : { command: made, diagnostics: [] };
    } catch (error) {
      if (error instanceof TooComplexError) {
        return {
          command: null,
          diagnostics: [{ severity: 'error', code: StatusCode.NotSupported, message: error.message, span: error.span }],
        };
      }
      throw error;
    }
  }
}
