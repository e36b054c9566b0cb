// Everything the app does to the outside world, behind one interface: the real one wires the domain
// modules (src/core), tests hand in fakes. Screens never import src/core I/O directly.
import type { Kata, Quiz } from '../core/catalog.js';
import type { PracticeDays } from '../core/practice-days.js';
import type { CheckResult } from '../core/result.js';
import type { QuizItem, ReviewState } from '../core/review.js';

export interface KataProgressView {
  status: 'new' | 'attempted' | 'solved';
  attempts: number;
  hintsUsed: number;
  /** The latest answer per question of the kata's own quiz. */
  quiz?: Record<string, { correct: boolean }>;
}

export interface EditorOutcome {
  ok: boolean;
  error?: string;
}

export interface Services {
  katas: Kata[];
  /** The workspace folder, as shown to the learner. */
  workspaceDir: string;
  /** The learner's file for a kata, created from the starter when missing. */
  kataFile(kata: Kata): string;
  readFile(file: string): string;
  check(kata: Kata, file: string, signal: AbortSignal): Promise<CheckResult>;
  /** Get a check ready for the next save (start its process ahead of time). */
  prewarm(): void;
  /** Stop anything started ahead of time. */
  dispose(): void;
  /** Subscribes to messages for the learner that arrive later (a progress file moved aside); returns unsubscribe. */
  onNotice(listener: (text: string) => void): () => void;
  /** Calls onChange with the new content whenever it differs from `since` (what the app shows), from
   * the moment of the call; returns stop. */
  watch(file: string, onChange: (content: string) => void, since: string): () => void;
  openEditor(file: string): Promise<EditorOutcome>;
  resetFile(kata: Kata): void;
  explanation(kata: Kata): string;
  quiz(kata: Kata): Quiz;
  solution(kata: Kata): string;
  progress(kataId: string): KataProgressView;
  recordCheck(kataId: string, status: CheckResult['status']): void;
  recordHint(kataId: string, tier: number): void;
  recordQuizAnswer(kataId: string, question: number, choice: number, correct: boolean): void;
  resetProgress(kataId: string): void;
  /** Every question quiz mode can ask (each kata's quiz, then the bank), read on the first call; throws
   * (a CatalogError) when a quiz file is broken. */
  quizPool(): QuizItem[];
  /** Quiz mode's cards, by question id. */
  reviewState(): ReviewState;
  /** Written at once: an answer is never lost to a crash or Ctrl+C. */
  recordReview(questionId: string, correct: boolean): void;
  /** Things done per local day (`YYYY-MM-DD`). */
  practiceDays(): PracticeDays;
  /** What `reset --all` does: every kata file of the workspace back to the starter (each kept as .bak)
   * and all progress cleared. Returns how many files were reset. */
  resetAll(): number;
  /** The clock of due dates and practice days. */
  now(): Date;
}
