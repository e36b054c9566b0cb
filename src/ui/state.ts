// Which screen is shown, and what the screens share. One reducer owns it; side effects (checks,
// watching, the editor, progress) live in hooks and report back through actions.
import type { CheckResult } from '../core/result.js';
import type { QuizItem } from '../core/review.js';

export type Screen =
  | { name: 'home' }
  | { name: 'kata'; kataId: string; view: 'code' | 'result' }
  | { name: 'confirm-reset'; kataId: string }
  | { name: 'solved'; kataId: string }
  | { name: 'explanation'; kataId: string }
  | { name: 'diff'; kataId: string }
  | { name: 'quiz'; kataId: string; question: number; answered?: number }
  | { name: 'quiz-done'; kataId: string }
  /** Quiz mode: a session of questions from every kata and the bank; `results` holds each answer's rightness
   * so far. `problem` says why there is nothing to ask (no questions, a broken quiz file). */
  | { name: 'review'; session: QuizItem[]; index: number; answered?: number; results: boolean[]; problem?: string }
  | { name: 'review-done'; session: QuizItem[]; results: boolean[] }
  | { name: 'dashboard' }
  | { name: 'confirm-reset-all' };

export interface AppState {
  screen: Screen;
  /** Last result per kata in this session. */
  results: Record<string, CheckResult>;
  /** Kata ids being checked right now. */
  checking: Record<string, boolean>;
  /** Hint tiers shown per kata (0 = none yet). */
  hints: Record<string, number>;
  /** This session's first answer to each quiz question, per kata. */
  answers: Record<string, number[]>;
  /** A one-line notice for the footer (saved, reset, editor problems...). */
  notice?: { text: string; tone: 'info' | 'warn' | 'error' };
}

export type Action =
  | { type: 'open-kata'; kataId: string }
  | { type: 'home' }
  | { type: 'toggle-view' }
  | { type: 'check-started'; kataId: string }
  | { type: 'check-finished'; kataId: string; result: CheckResult }
  | { type: 'check-cancelled'; kataId: string }
  | { type: 'hint-shown'; kataId: string; tier: number }
  | { type: 'ask-reset' }
  | { type: 'reset-done'; kataId: string }
  | { type: 'cancel' }
  | { type: 'show-explanation' }
  | { type: 'show-diff' }
  | { type: 'start-quiz' }
  | { type: 'quiz-answer'; choice: number }
  | { type: 'quiz-next'; questions: number }
  | { type: 'start-review'; session: QuizItem[]; problem?: string }
  | { type: 'review-answer'; choice: number }
  | { type: 'review-next' }
  | { type: 'show-dashboard' }
  | { type: 'ask-reset-all' }
  | { type: 'reset-all-done'; files: number }
  | { type: 'notice'; text: string; tone?: 'info' | 'warn' | 'error' }
  | { type: 'clear-notice' };

export function initialState(kataId?: string, hints: Record<string, number> = {}): AppState {
  return {
    screen: kataId ? { name: 'kata', kataId, view: 'code' } : { name: 'home' },
    results: {},
    checking: {},
    hints,
    answers: {},
    notice: undefined,
  };
}

function kataOf(screen: Screen): string | undefined {
  return 'kataId' in screen ? screen.kataId : undefined;
}

export function reducer(state: AppState, action: Action): AppState {
  const { screen } = state;
  const kataId = kataOf(screen);
  switch (action.type) {
    case 'open-kata':
      return { ...state, screen: { name: 'kata', kataId: action.kataId, view: 'code' }, notice: undefined };
    case 'home':
      return { ...state, screen: { name: 'home' }, notice: undefined };
    case 'toggle-view':
      if (screen.name !== 'kata') return state;
      return { ...state, screen: { ...screen, view: screen.view === 'code' ? 'result' : 'code' } };
    case 'check-started':
      return { ...state, checking: { ...state.checking, [action.kataId]: true } };
    case 'check-cancelled':
      return { ...state, checking: { ...state.checking, [action.kataId]: false } };
    case 'check-finished': {
      const next = {
        ...state,
        results: { ...state.results, [action.kataId]: action.result },
        checking: { ...state.checking, [action.kataId]: false },
      };
      // Only the kata on screen changes screens: a pass celebrates, anything else shows the result.
      if (screen.name !== 'kata' || screen.kataId !== action.kataId) return next;
      if (action.result.status === 'pass') return { ...next, screen: { name: 'solved', kataId: action.kataId } };
      return { ...next, screen: { ...screen, view: 'result' } };
    }
    case 'hint-shown':
      return { ...state, hints: { ...state.hints, [action.kataId]: action.tier } };
    case 'ask-reset':
      return kataId && screen.name === 'kata' ? { ...state, screen: { name: 'confirm-reset', kataId } } : state;
    case 'reset-done': {
      const { [action.kataId]: _dropped, ...results } = state.results;
      return {
        ...state,
        results,
        screen: { name: 'kata', kataId: action.kataId, view: 'code' },
        notice: { text: 'File reset to the starter (your old version is in the .bak file beside it)', tone: 'info' },
      };
    }
    case 'cancel':
      if (screen.name === 'confirm-reset') return { ...state, screen: { name: 'kata', kataId: screen.kataId, view: 'code' } };
      if (screen.name === 'kata' || screen.name === 'solved' || screen.name === 'quiz-done') return { ...state, screen: { name: 'home' } };
      if (screen.name === 'explanation') return { ...state, screen: { name: 'solved', kataId: screen.kataId } };
      if (screen.name === 'diff' || screen.name === 'quiz') return { ...state, screen: { name: 'explanation', kataId: screen.kataId } };
      if (screen.name === 'review' || screen.name === 'review-done' || screen.name === 'dashboard') return { ...state, screen: { name: 'home' } };
      if (screen.name === 'confirm-reset-all') return { ...state, screen: { name: 'dashboard' } };
      return state;
    case 'show-explanation':
      return kataId ? { ...state, screen: { name: 'explanation', kataId } } : state;
    case 'show-diff':
      return kataId ? { ...state, screen: { name: 'diff', kataId } } : state;
    case 'start-quiz':
      return kataId ? { ...state, screen: { name: 'quiz', kataId, question: 0 } } : state;
    case 'quiz-answer': {
      if (screen.name !== 'quiz' || screen.answered !== undefined) return state;
      const answers = [...(state.answers[screen.kataId] ?? [])];
      answers[screen.question] = action.choice;
      return { ...state, answers: { ...state.answers, [screen.kataId]: answers }, screen: { ...screen, answered: action.choice } };
    }
    case 'quiz-next':
      if (screen.name !== 'quiz' || screen.answered === undefined) return state;
      if (screen.question + 1 >= action.questions) return { ...state, screen: { name: 'quiz-done', kataId: screen.kataId } };
      return { ...state, screen: { name: 'quiz', kataId: screen.kataId, question: screen.question + 1 } };
    case 'start-review':
      return {
        ...state,
        screen: { name: 'review', session: action.session, index: 0, results: [], ...(action.problem ? { problem: action.problem } : {}) },
        notice: undefined,
      };
    case 'review-answer': {
      if (screen.name !== 'review' || screen.answered !== undefined) return state;
      const item = screen.session[screen.index];
      if (!item || !item.choices[action.choice]) return state;
      return { ...state, screen: { ...screen, answered: action.choice, results: [...screen.results, item.choices[action.choice]!.correct] } };
    }
    case 'review-next':
      if (screen.name !== 'review' || screen.answered === undefined) return state;
      if (screen.index + 1 >= screen.session.length) return { ...state, screen: { name: 'review-done', session: screen.session, results: screen.results } };
      return { ...state, screen: { ...screen, index: screen.index + 1, answered: undefined } };
    case 'show-dashboard':
      return { ...state, screen: { name: 'dashboard' }, notice: undefined };
    case 'ask-reset-all':
      return screen.name === 'dashboard' ? { ...state, screen: { name: 'confirm-reset-all' } } : state;
    case 'reset-all-done':
      // This session's results, hints and answers were part of the progress now gone.
      return {
        ...state,
        screen: { name: 'dashboard' },
        results: {},
        hints: {},
        answers: {},
        notice: {
          text: `All progress cleared; ${action.files} workspace file(s) back to the starter (each old version kept as .bak)`,
          tone: 'info',
        },
      };
    case 'notice':
      return { ...state, notice: { text: action.text, tone: action.tone ?? 'info' } };
    case 'clear-notice':
      return { ...state, notice: undefined };
  }
}
