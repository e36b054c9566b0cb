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
  | 'welcome'
  | 'review'
  | 'reviewAnswered'
  | 'reviewDone'
  | 'reviewEmpty'
  | 'dashboard'
  | 'confirmResetAll';

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
    { key: 't', label: 'quiz' },
    { key: 'p', label: 'progress' },
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
  // Quiz mode. The digit key is drawn with the question's own count (answerKeys).
  review: [
    { key: '1-9', label: 'answer' },
    { key: '↑↓', label: 'choose' },
    { key: 'enter', label: 'answer' },
    { key: 'esc', label: 'home' },
  ],
  reviewAnswered: [
    { key: 'enter', label: 'next' },
    { key: '↑↓', label: 'scroll' },
    { key: 'esc', label: 'home' },
  ],
  reviewDone: [
    { key: 'enter', label: 'another round' },
    { key: 'esc', label: 'home' },
  ],
  reviewEmpty: [{ key: 'esc', label: 'home' }],
  dashboard: [
    { key: '↑↓', label: 'scroll' },
    { key: 'space', label: 'page' },
    { key: 'R', label: 'reset all' },
    BACK,
  ],
  confirmResetAll: [
    { key: 'y', label: 'reset everything' },
    { key: 'n', label: 'cancel' },
  ],
};

/** The quiz keys for a question with `choices` choices: `1-4 answer`, not `1-9`. */
export function answerKeys(choices: number): readonly KeyBinding[] {
  return KEYS.review.map((b) => (b.key === '1-9' ? { ...b, key: choices > 1 ? `1-${choices}` : '1' } : b));
}
