// The program editor: CodeMirror 6 with its basic setup (line numbers,
// undo, bracket matching, search, ...) and Python, coloured and laid out by
// the page's style sheet through the custom properties it defines.

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration, type DecorationSet, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

/** Options for {@link createEditor}. */
export interface EditorOptions {
  /** The program the editor starts with. */
  doc: string;
  /** The accessible name of the editing area. */
  label: string;
  /** Runs the program: Ctrl-Enter (Cmd-Enter on a Mac) calls it. */
  run: () => void;
}

// Colours come from style.css, so light and dark schemes follow the page.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword, t.self], color: "var(--hl-keyword)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--hl-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--hl-number)" },
  { tag: t.comment, color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [t.function(t.definition(t.variableName)), t.function(t.variableName)], color: "var(--hl-function)" },
  { tag: [t.className, t.definition(t.className)], color: "var(--hl-type)" },
  { tag: t.invalid, color: "var(--hl-invalid)" },
]);

// The editor's chrome, from the same custom properties. A theme (rather
// than plain rules in style.css) so that it outranks CodeMirror's base
// theme, whose selectors are long.
const theme = EditorView.theme({
  "&": { color: "var(--ink)", backgroundColor: "var(--code-bg)" },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "-2px" },
  ".cm-content": { caretColor: "var(--ink)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--ink)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "var(--cm-selection)" },
  // The cursor's line stands out only while the editor has the focus: a
  // page of programs should not show a highlighted first line in each.
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "transparent" },
  "&.cm-focused .cm-activeLine": { backgroundColor: "var(--cm-active-line)" },
  "&.cm-focused .cm-activeLineGutter": { backgroundColor: "var(--cm-active-line)", color: "var(--ink)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", borderRight: "1px solid var(--rule)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--cm-bracket)", outline: "1px solid var(--muted)" },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "transparent", outline: "1px solid var(--hl-invalid)" },
  ".cm-searchMatch": { backgroundColor: "var(--cm-search)", outline: "1px solid var(--muted)" },
  ".cm-tooltip, .cm-panels": { backgroundColor: "var(--paper)", color: "var(--ink)", borderColor: "var(--rule)" },
});

// The editor's own setup: what codemirror's basicSetup gives a program
// this size, without search, lint, autocompletion popups and rectangular
// selection, whose code (70 KB of the bundle) a lesson's twenty lines do
// not need; the browser's own find searches the page. Tab stays the
// key that leaves the editor, so keyboard users are not trapped.
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  foldGutter(),
  drawSelection(),
  indentOnInput(),
  bracketMatching(),
  highlightActiveLine(),
  keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap]),
];

/** Makes an editor for a Python program at the end of parent. */
export function createEditor(parent: HTMLElement, opts: EditorOptions): EditorView {
  const runKey = () => {
    opts.run();
    return true;
  };
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        // Before the default keymap, which gives Mod-Enter to "insert blank line".
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: runKey }])),
        setup,
        python(),
        syntaxHighlighting(highlight),
        theme,
        marks,
        EditorView.contentAttributes.of({ "aria-label": opts.label }),
      ],
    }),
  });
}

/** A line the editor marks: where a task stands, or where an error is. */
export interface LineMark {
  line: number;
  /** "task" for a task's line at the cursor time, "error" for a syntax error. */
  kind: "task" | "error";
  /** What the mark says on hover, such as "task 3: TIME_SLEEP". */
  label: string;
}

const setMarks = StateEffect.define<LineMark[]>();

// The marks are a field of the editor's state, replaced as a whole on each
// cursor move; editing the program moves them with their lines.
const marks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const byLine = new Map<number, LineMark[]>();
      for (const m of e.value) {
        if (m.line >= 1 && m.line <= tr.state.doc.lines) byLine.set(m.line, [...byLine.get(m.line) ?? [], m]);
      }
      const b = new RangeSetBuilder<Decoration>();
      for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
        const ms = byLine.get(line)!;
        const error = ms.some((m) => m.kind === "error");
        b.add(tr.state.doc.line(line).from, tr.state.doc.line(line).from, Decoration.line({
          class: error ? "cm-error-line" : "cm-task-line",
          attributes: { title: ms.map((m) => m.label).join("\n"), "data-marks": ms.map((m) => m.label).join("; ") },
        }));
      }
      deco = b.finish();
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Replaces the editor's line marks. */
export function markLines(view: EditorView, ms: LineMark[]): void {
  view.dispatch({ effects: setMarks.of(ms) });
}

/** Puts the editor's cursor on line and gives it the focus. */
export function goToLine(view: EditorView, line: number): void {
  if (line < 1 || line > view.state.doc.lines) return;
  const pos = view.state.doc.line(line).from;
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}
