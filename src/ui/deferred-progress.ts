// Progress for the trainer before and after the store is loaded: the first frame is drawn from a
// snapshot of the file (no conf); the store (conf) comes right after, and any update asked for before
// it arrives is applied when it does.
import { bumpDay, type PracticeDays } from '../core/practice-days.js';
import { emptyProgress, type CheckOutcome, type KataProgress } from '../core/progress-schema.js';
import type { ProgressStore } from '../core/progress.js';
import { recordAnswer, type ReviewCard, type ReviewState } from '../core/review.js';

export type ProgressSource = Pick<
  ProgressStore,
  'get' | 'recordCheck' | 'recordHint' | 'recordQuizAnswer' | 'review' | 'recordReview' | 'days' | 'reset' | 'resetAll'
>;

export interface StoreSnapshot {
  katas: Record<string, KataProgress>;
  review?: ReviewState;
  days?: PracticeDays;
}

export class DeferredProgress implements ProgressSource {
  private store?: ProgressStore;
  private readonly waiting: ((store: ProgressStore) => void)[] = [];
  private readonly snapshot: Required<StoreSnapshot>;

  constructor(snapshot: StoreSnapshot) {
    this.snapshot = { katas: snapshot.katas, review: snapshot.review ?? {}, days: snapshot.days ?? {} };
  }

  attach(store: ProgressStore): void {
    this.store = store;
    for (const apply of this.waiting.splice(0)) apply(store);
  }

  get(id: string): KataProgress {
    return this.store ? this.store.get(id) : structuredClone(this.snapshot.katas[id] ?? emptyProgress());
  }

  review(): ReviewState {
    return this.store ? this.store.review() : structuredClone(this.snapshot.review);
  }

  days(): PracticeDays {
    return this.store ? this.store.days() : structuredClone(this.snapshot.days);
  }

  recordCheck(id: string, status: CheckOutcome): KataProgress {
    return this.update(id, (store) => store.recordCheck(id, status));
  }

  recordHint(id: string, tier: number): KataProgress {
    return this.update(id, (store) => store.recordHint(id, tier));
  }

  recordQuizAnswer(id: string, question: number, choice: number, correct: boolean): KataProgress {
    return this.update(id, (store) => store.recordQuizAnswer(id, question, choice, correct));
  }

  recordReview(questionId: string, correct: boolean, now: Date = new Date()): ReviewCard {
    if (this.store) return this.store.recordReview(questionId, correct, now);
    // Until the store is there the snapshot answers, so the session's next pick already sees this card.
    this.snapshot.review = recordAnswer(this.snapshot.review, questionId, correct, now);
    this.snapshot.days = bumpDay(this.snapshot.days, now);
    this.waiting.push((store) => void store.recordReview(questionId, correct, now));
    return structuredClone(this.snapshot.review[questionId]!);
  }

  reset(id: string): void {
    this.update(id, (store) => {
      store.reset(id);
      return emptyProgress();
    });
  }

  resetAll(): void {
    if (this.store) return this.store.resetAll();
    this.snapshot.katas = {};
    this.snapshot.review = {};
    this.snapshot.days = {};
    // Whatever was waiting is part of what is being cleared.
    this.waiting.splice(0);
    this.waiting.push((store) => store.resetAll());
  }

  private update(id: string, change: (store: ProgressStore) => KataProgress): KataProgress {
    if (this.store) return change(this.store);
    this.waiting.push((store) => {
      this.snapshot.katas[id] = change(store);
    });
    return this.get(id);
  }
}
