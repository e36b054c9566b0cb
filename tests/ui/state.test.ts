import { describe, expect, it } from 'vitest';
import { emptyResult, type CheckResult } from '../../src/core/result.js';
import type { QuizItem } from '../../src/core/review.js';
import { initialState, reducer, type AppState } from '../../src/ui/state.js';

const result = (status: CheckResult['status']): CheckResult => ({ ...emptyResult('k1', '3.11.7', 'k1.py'), status });

function run(state: AppState, ...actions: Parameters<typeof reducer>[1][]): AppState {
  return actions.reduce(reducer, state);
}

describe('app state', () => {
  it('starts on home, or on the kata asked for', () => {
    expect(initialState().screen).toEqual({ name: 'home' });
    expect(initialState('k1').screen).toEqual({ name: 'kata', kataId: 'k1', view: 'code' });
  });

  it('shows the result after a failing check and celebrates a pass', () => {
    const open = run(initialState(), { type: 'open-kata', kataId: 'k1' }, { type: 'check-started', kataId: 'k1' });
    expect(open.checking.k1).toBe(true);
    const failed = reducer(open, { type: 'check-finished', kataId: 'k1', result: result('fail') });
    expect(failed.screen).toEqual({ name: 'kata', kataId: 'k1', view: 'result' });
    expect(failed.checking.k1).toBe(false);
    const passed = reducer(failed, { type: 'check-finished', kataId: 'k1', result: result('pass') });
    expect(passed.screen).toEqual({ name: 'solved', kataId: 'k1' });
  });

  it('does not switch screens for a check of a kata that is not on screen', () => {
    const state = run(initialState(), { type: 'open-kata', kataId: 'k2' });
    const after = reducer(state, { type: 'check-finished', kataId: 'k1', result: result('pass') });
    expect(after.screen).toEqual({ name: 'kata', kataId: 'k2', view: 'code' });
    expect(after.results.k1?.status).toBe('pass');
  });

  it('asks before a reset, and Esc or n cancels back to the code', () => {
    const asking = run(initialState('k1'), { type: 'ask-reset' });
    expect(asking.screen).toEqual({ name: 'confirm-reset', kataId: 'k1' });
    expect(reducer(asking, { type: 'cancel' }).screen).toEqual({ name: 'kata', kataId: 'k1', view: 'code' });
    const reset = run(initialState('k1'), { type: 'check-finished', kataId: 'k1', result: result('fail') }, { type: 'ask-reset' }, { type: 'reset-done', kataId: 'k1' });
    expect(reset.results.k1).toBeUndefined();
    expect(reset.notice?.text).toMatch(/\.bak/);
  });

  it('walks solved -> explanation -> quiz -> done, keeping the first answer of each question', () => {
    let s = run(initialState('k1'), { type: 'check-finished', kataId: 'k1', result: result('pass') }, { type: 'show-explanation' }, { type: 'start-quiz' });
    expect(s.screen).toEqual({ name: 'quiz', kataId: 'k1', question: 0 });
    s = run(s, { type: 'quiz-next', questions: 2 });
    expect(s.screen).toMatchObject({ question: 0 });
    s = run(s, { type: 'quiz-answer', choice: 1 }, { type: 'quiz-answer', choice: 0 });
    expect(s.answers.k1).toEqual([1]);
    s = run(s, { type: 'quiz-next', questions: 2 }, { type: 'quiz-answer', choice: 2 }, { type: 'quiz-next', questions: 2 });
    expect(s.screen).toEqual({ name: 'quiz-done', kataId: 'k1' });
    expect(s.answers.k1).toEqual([1, 2]);
  });

  it('Esc goes back one level at a time', () => {
    const quiz = run(initialState('k1'), { type: 'check-finished', kataId: 'k1', result: result('pass') }, { type: 'show-explanation' }, { type: 'start-quiz' });
    const explanation = reducer(quiz, { type: 'cancel' });
    expect(explanation.screen.name).toBe('explanation');
    expect(reducer(explanation, { type: 'cancel' }).screen.name).toBe('solved');
    expect(reducer(reducer(explanation, { type: 'cancel' }), { type: 'cancel' }).screen.name).toBe('home');
  });
});

const item = (id: string): QuizItem => ({
  id,
  topic: 't',
  prompt: `${id}?`,
  choices: [
    { text: 'right', correct: true, why: 'w' },
    { text: 'wrong', correct: false, why: 'w' },
  ],
});

describe('quiz mode', () => {
  it('walks a session: one answer per question, rightness kept in order, then the summary', () => {
    let s = run(initialState(), { type: 'start-review', session: [item('a'), item('b')] });
    expect(s.screen).toEqual({ name: 'review', session: [item('a'), item('b')], index: 0, results: [] });
    // Next before an answer does nothing; a second answer to the same question is ignored.
    s = run(s, { type: 'review-next' }, { type: 'review-answer', choice: 1 }, { type: 'review-answer', choice: 0 });
    expect(s.screen).toMatchObject({ index: 0, answered: 1, results: [false] });
    s = run(s, { type: 'review-next' });
    expect(s.screen).toMatchObject({ index: 1, results: [false] });
    expect(s.screen).not.toHaveProperty('answered', 1);
    s = run(s, { type: 'review-answer', choice: 0 }, { type: 'review-next' });
    expect(s.screen).toEqual({ name: 'review-done', session: [item('a'), item('b')], results: [false, true] });
    expect(reducer(s, { type: 'cancel' }).screen).toEqual({ name: 'home' });
  });

  it('ignores an answer that is not one of the choices', () => {
    const s = run(initialState(), { type: 'start-review', session: [item('a')] }, { type: 'review-answer', choice: 7 });
    expect(s.screen).toMatchObject({ name: 'review', results: [] });
    expect(s.screen).not.toHaveProperty('answered');
  });

  it('keeps why there is nothing to ask, and esc goes home', () => {
    const s = run(initialState(), { type: 'start-review', session: [], problem: 'no questions' });
    expect(s.screen).toMatchObject({ name: 'review', session: [], problem: 'no questions' });
    expect(run(s, { type: 'review-answer', choice: 0 }).screen).toBe(s.screen);
    expect(reducer(s, { type: 'cancel' }).screen).toEqual({ name: 'home' });
  });
});

describe('dashboard', () => {
  it('asks before reset-all; n goes back to the dashboard, done clears the session state', () => {
    let s = run(initialState('k1'), { type: 'hint-shown', kataId: 'k1', tier: 2 }, { type: 'check-finished', kataId: 'k1', result: result('fail') });
    s = run(s, { type: 'home' }, { type: 'ask-reset-all' });
    expect(s.screen).toEqual({ name: 'home' });
    s = run(s, { type: 'show-dashboard' }, { type: 'ask-reset-all' });
    expect(s.screen).toEqual({ name: 'confirm-reset-all' });
    expect(reducer(s, { type: 'cancel' }).screen).toEqual({ name: 'dashboard' });
    s = reducer(s, { type: 'reset-all-done', files: 3 });
    expect(s.screen).toEqual({ name: 'dashboard' });
    expect(s.hints).toEqual({});
    expect(s.results).toEqual({});
    expect(s.notice?.text).toMatch(/3 workspace file\(s\).*\.bak/);
    expect(reducer(s, { type: 'cancel' }).screen).toEqual({ name: 'home' });
  });
});
