/**
 * The checker's problems drawn on the rule: a wavy underline from the problem's offset to the
 * end of the word there (a caret-wide mark at the end of the text), and a tinted line. The
 * marks move with edits until the next check replaces them.
 */
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export interface ProblemMark {
  offset: number;
  message: string;
}

export const setProblems = StateEffect.define<ProblemMark[]>();

function decorations(doc: string, problems: ProblemMark[]): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const problem of problems) {
    const from = Math.max(0, Math.min(problem.offset, doc.length));
    const word = /^[\p{L}\p{N}_.]+/u.exec(doc.slice(from))?.[0].length ?? 0;
    const to = Math.min(doc.length, from + Math.max(1, word));
    const attributes = { title: problem.message };
    if (from < to) ranges.push(Decoration.mark({ class: 'cm-rule-problem', attributes }).range(from, to));
    const lineStart = doc.lastIndexOf('\n', from - 1) + 1;
    ranges.push(Decoration.line({ class: 'cm-rule-problem-line', attributes }).range(lineStart));
  }
  return Decoration.set(ranges, true);
}

const problemField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) if (effect.is(setProblems)) return decorations(tr.state.doc.toString(), effect.value);
    return marks.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

const problemTheme = EditorView.baseTheme({
  '.cm-rule-problem': {
    textDecoration: 'underline wavy #ff4d4f',
    textUnderlineOffset: '3px',
    backgroundColor: 'rgba(255, 77, 79, 0.12)',
  },
  '.cm-rule-problem-line': { backgroundColor: 'rgba(255, 77, 79, 0.06)' },
});

export const problemMarks: Extension = [problemField, problemTheme];
