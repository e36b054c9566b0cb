import { describe, expect, it } from 'vitest';
import { emptyResult, type CheckResult } from '../../src/core/result.js';
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
