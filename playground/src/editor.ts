/** The CodeMirror editor: our lexer's highlighting, diagnostics from the lint worker, Ctrl/Cmd+Enter to run. */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { highlight } from '../../src/index.js';
import type { LintDiagnostic } from './lint-worker.js';

const marks = Object.fromEntries(
  (['keyword', 'string', 'number', 'parameter', 'name', 'comment', 'invalid'] as const).map((kind) => [
    kind,
    Decoration.mark({ class: `tok-${kind}` }),
  ]),
);

/** Highlights what is on screen (whole lines, so a statement's tokens lex as they do in the script). */
const highlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
    }
    build(view: EditorView): DecorationSet {
      const builder = new RangeSetBuilder<Decoration>();
      for (const { from, to } of view.visibleRanges) {
        const start = view.state.doc.lineAt(from).from;
        const end = view.state.doc.lineAt(to).to;
        for (const range of highlight(view.state.doc.sliceString(start, end))) {
          builder.add(start + range.from, start + range.to, marks[range.kind]!);
        }
      }
      return builder.finish();
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly onRun: () => void;
  readonly onDiagnostics: (diagnostics: readonly LintDiagnostic[]) => void;
}

export function createEditor(options: EditorOptions): EditorView {
  const worker = new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 0;
  const pending = new Map<number, (diagnostics: LintDiagnostic[]) => void>();
  worker.onmessage = (event: MessageEvent<{ id: number; diagnostics: LintDiagnostic[] }>) => {
    pending.get(event.data.id)?.(event.data.diagnostics);
    pending.delete(event.data.id);
  };
  const lintSource = async (view: EditorView): Promise<Diagnostic[]> => {
    const id = nextId++;
    const text = view.state.doc.toString();
    const found = await new Promise<LintDiagnostic[]>((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, text });
    });
    options.onDiagnostics(found);
    const length = view.state.doc.length;
    return found.map((d) => ({
      from: Math.min(d.from, length),
      to: Math.min(Math.max(d.to, d.from), length),
      severity: d.severity,
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      source: d.code,
    }));
  };

  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        history(),
        highlighting,
        lintGutter(),
        linter(lintSource, { delay: 250 }),
        keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }, ...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
      ],
    }),
  });
}
