/** Span-free AST builders for expectations (compare with `withoutSpans`). */
export const name = (value: string) => ({ kind: 'name', value });
export const param = (n: string) => ({ kind: 'parameter', name: n });
export const str = (value: string) => ({ kind: 'string', value });
export const strings = (...values: string[]) => ({ kind: 'string-list', items: values.map(str) });
export const variable = (n: string) => ({ kind: 'variable', name: n });
const db = (...parts: string[]) => ({ kind: 'database-name', parts });

export const setPassword = (value: string, changeRequired: boolean | null = null, format = 'default') => ({
  kind: 'set-password',
  format,
  password: str(value),
  changeRequired: changeRequired === null ? null : { required: changeRequired },
});
export const setPasswordChange = (required: boolean) => ({ kind: 'set-password-change', changeRequired: { required } });
export const setStatus = (status: 'ACTIVE' | 'SUSPENDED') => ({ kind: 'set-status', status });
export const setHome = (...parts: string[]) => ({ kind: 'set-home-database', database: db(...parts) });
export const setAuth = (provider: string, ...attributes: object[]) => ({ kind: 'set-auth', provider: str(provider), attributes });
export const authId = (id: string) => ({ kind: 'auth-id', id: str(id) });
export const authPassword = (value: string, format = 'default') => ({ kind: 'auth-password', format, password: str(value) });
export const authChange = (required: boolean) => ({ kind: 'auth-password-change', changeRequired: { required } });
export const setTags = (...tags: string[]) => ({ kind: 'set-tags', tags: strings(...tags) });
export const addTags = (...tags: string[]) => ({ kind: 'add-tags', tags: strings(...tags) });
export const removeTags = (...tags: string[]) => ({ kind: 'remove-tags', tags: strings(...tags) });

export const none = { kind: 'none' };
