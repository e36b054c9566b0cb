// Progress for the trainer before and after the store is loaded: the first frame is drawn from a
// snapshot of the file (no conf); the store (conf) comes right after, and any update asked for before
// it arrives is applied when it does.
import { emptyProgress, type CheckOutcome, type KataProgress } from '../core/progress-schema.js';
import type { ProgressStore } from '../core/progress.js';

export type ProgressSource = Pick<ProgressStore, 'get' | 'recordCheck' | 'recordHint' | 'recordQuizAnswer' | 'reset'>;

export class DeferredProgress implements ProgressSource {
  private store?: ProgressStore;
  private readonly waiting: ((store: ProgressStore) => void)[] = [];

  constructor(private readonly snapshot: Record<string, KataProgress>) {}

  attach(store: ProgressStore): void {
    this.store = store;
    for (const apply of this.waiting.splice(0)) apply(store);
  }

  get(id: string): KataProgress {
    return this.store ? this.store.get(id) : structuredClone(this.snapshot[id] ?? emptyProgress());
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

  reset(id: string): void {
    this.update(id, (store) => {
      store.reset(id);
      return emptyProgress();
    });
  }

  private update(id: string, change: (store: ProgressStore) => KataProgress): KataProgress {
    if (this.store) return change(this.store);
    this.waiting.push((store) => {
      this.snapshot[id] = change(store);
    });
    return this.get(id);
  }
}
