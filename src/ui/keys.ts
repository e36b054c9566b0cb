// Every screen's key bindings in one table: KeyHelp draws them, and a screen handles exactly these, so
// the help line and the behaviour cannot drift apart unnoticed.

export interface KeyBinding {
  /** What to press, as shown: `e`, `enter`, `esc`, `↑↓`. */
  key: string;
  /** What it does, a word or two. */
  label: string;
}

export type ScreenKeys =
  | 'home'
  | 'kata'
  | 'result'
  | 'explanation'
  | 'diff'
  | 'solved'
  | 'quiz'
  | 'quizAnswered'
  | 'quizDone'
  | 'confirm'
  | 'welcome';

const BACK: KeyBinding = { key: 'esc', label: 'back' };

/** The kata screen's keys; only what tab flips to differs between its code and result views. */
function kataKeys(tabTo: string): readonly KeyBinding[] {
  return [
    { key: 'e', label: 'edit' },
    { key: 'c', label: 'check' },
    { key: 'h', label: 'hint' },
    { key: 'tab', label: tabTo },
    { key: 'r', label: 'reset' },
    BACK,
  ];
}

export const KEYS: Readonly<Record<ScreenKeys, readonly KeyBinding[]>> = {
  home: [
    { key: '↑↓', label: 'choose' },
    { key: 'enter', label: 'open' },
    { key: 'q', label: 'quit' },
  ],
  // The kata screen shows the code; tab switches to the last result (and back: `result`).
  kata: kataKeys('result'),
  result: kataKeys('code'),
  explanation: [
    { key: '↑↓', label: 'scroll' },
    { key: 'space', label: 'page' },
    { key: 'd', label: 'diff' },
    { key: 'q', label: 'quiz' },
    { key: 'n', label: 'next kata' },
    BACK,
  ],
  diff: [
    { key: 'q', label: 'quiz' },
    BACK,
  ],
  solved: [
    { key: 'enter', label: 'why it works' },
    { key: 'd', label: 'diff' },
    { key: 'q', label: 'quiz' },
    { key: 'n', label: 'next kata' },
    BACK,
  ],
  quiz: [
    { key: '↑↓', label: 'choose' },
    { key: 'enter', label: 'answer' },
    BACK,
  ],
  quizAnswered: [
    { key: 'enter', label: 'next question' },
    BACK,
  ],
  quizDone: [
    { key: 'enter', label: 'next kata' },
    BACK,
  ],
  confirm: [
    { key: 'y', label: 'reset' },
    { key: 'n', label: 'cancel' },
  ],
  welcome: [
    { key: 'enter', label: 'create it' },
    { key: 'esc', label: 'quit' },
  ],
};
