// A quiz mode session as an action for the reducer: picked from every question and the learner's cards,
// or the reason there is nothing to ask.
import { pickSession } from '../core/review.js';
import type { Services } from './services.js';
import type { Action } from './state.js';

export function startReview(services: Services): Action {
  try {
    const pool = services.quizPool();
    if (pool.length === 0) return { type: 'start-review', session: [], problem: 'There are no quiz questions to ask: no kata has a quiz and the question bank is empty.' };
    return { type: 'start-review', session: pickSession(pool, services.reviewState(), services.now()) };
  } catch (error) {
    return { type: 'start-review', session: [], problem: `The quiz questions could not be read: ${(error as Error).message}` };
  }
}
