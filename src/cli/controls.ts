/**
 * Scripts may hold terminal escape bytes (ESC, other C0 and C1 controls): echoed raw into a terminal
 * or a CI log they could recolour, hide or rewrite what the user reads. Text output shows them
 * escaped, as `\u001b`. Tabs and line breaks are left to the caller.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
