/**
 * A CEL rule in CodeMirror 6: highlighting, line numbers, undo, and the checker's problems
 * marked in place. Works as an antd Form control (value / onChange) and read-only as a viewer.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { celLanguage } from './cel-language';
import { problemMarks, setProblems, type ProblemMark } from './problem-marks';

export interface CelEditorHandle {
  /** Inserts text at the cursor (the field reference uses it) and focuses the editor. */
  insert: (text: string) => void;
}

export interface CelEditorProps {
  value?: string;
  onChange?: (value: string) => void;
  problems?: ProblemMark[];
  readOnly?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  id?: string;
  minHeight?: number;
  testId?: string;
  ref?: Ref<CelEditorHandle>;
}

const theme = EditorView.theme({
  '&': { fontSize: '14px', border: '1px solid #d9d9d9', borderRadius: '6px', background: '#fff' },
  '&.cm-focused': { outline: 'none', borderColor: '#1d5bbf', boxShadow: '0 0 0 2px rgba(29, 91, 191, 0.12)' },
  '.cm-scroller': { fontFamily: '"SFMono-Regular", Consolas, "Liberation Mono", Menlo, monospace', lineHeight: '1.6' },
  '.cm-gutters': { background: '#fafafa', borderRight: '1px solid #f0f0f0', borderRadius: '6px 0 0 6px' },
});

export function CelEditor({ value = '', onChange, problems, readOnly, placeholder, ariaLabel, id, minHeight = 120, testId, ref }: CelEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const extensions: Extension[] = [
      lineNumbers(),
      celLanguage,
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      bracketMatching(),
      problemMarks,
      theme,
      EditorView.lineWrapping,
      EditorView.theme({ '.cm-content, .cm-gutter': { minHeight: `${minHeight}px` } }),
      EditorView.contentAttributes.of({ 'aria-label': ariaLabel ?? '', ...(id ? { id } : {}) }),
      EditorState.readOnly.of(Boolean(readOnly)),
      EditorView.editable.of(!readOnly),
    ];
    if (!readOnly) {
      extensions.push(history(), keymap.of([...defaultKeymap, ...historyKeymap]));
      extensions.push(EditorView.updateListener.of((update) => update.docChanged && changed.current?.(update.state.doc.toString())));
      if (placeholder) extensions.push(placeholderText(placeholder));
    }
    const created = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions }) });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The editor is built once per mode; value and problems flow in through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly]);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setProblems.of(problems ?? []) });
  }, [problems]);

  useImperativeHandle(ref, () => ({
    insert: (text) => {
      const current = view.current;
      if (!current) return;
      const { from, to } = current.state.selection.main;
      current.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      current.focus();
    },
  }), []);

  return <div ref={host} data-testid={testId} className="cel-editor" />;
}
