// The katas a learner can use: the built-in catalogue, then each pack given with --pack or
// ASYNC_KATAS_PACKS, in the order given.
import fs from 'node:fs';
import { findKata, listKataIds, loadCatalog, loadQuiz, loadQuizBank, quizBankPath, UnknownKataError, type Kata, type Quiz } from './catalog.js';
import { questionPool, type QuizItem } from './review.js';
import { loadPacks, PACKS_ENV, type Pack } from './pack.js';
import { closestMatch } from './suggest.js';

/** Built-in katas in curriculum order, then each pack's. */
export function loadAllKatas(packDirs: readonly string[] = []): Kata[] {
  return [...loadCatalog(), ...loadPacks(packDirs).flatMap((p) => p.katas)];
}

/** One kata by id: a built-in one, or `<pack>/<kata>` from the packs given. */
export function findAnyKata(id: string, packDirs: readonly string[] = []): Kata {
  const slash = id.indexOf('/');
  if (slash < 0) {
    try {
      return findKata(id);
    } catch (error) {
      if (!(error instanceof UnknownKataError) || !packDirs.length) throw error;
      throw new UnknownKataError(id, closestMatch(id, allIds(loadPacks(packDirs))));
    }
  }
  const packs = loadPacks(packDirs);
  const name = id.slice(0, slash);
  const kata = packs.find((p) => p.info.name === name)?.katas.find((k) => k.id === id);
  if (kata) return kata;
  const suggestion = closestMatch(id, allIds(packs));
  if (suggestion || packs.some((p) => p.info.name === name)) throw new UnknownKataError(id, suggestion);
  const loaded = packs.map((p) => p.info.name);
  throw new UnknownKataError(
    id,
    undefined,
    loaded.length
      ? `unknown pack '${name}' in '${id}'; the packs loaded are ${loaded.join(', ')}`
      : `'${id}' is a kata of the pack '${name}', and no pack is loaded: pass --pack DIR (the pack's folder) or set ${PACKS_ENV}`,
  );
}

function allIds(packs: Pack[]): string[] {
  return [...listKataIds(), ...packs.flatMap((p) => p.katas.map((k) => k.id))];
}

/** What quiz mode can ask: every kata's quiz (read through `quizOf`, so a caller can cache), then the bank. */
export function loadQuestionPool(katas: readonly Kata[], quizOf: (kata: Kata) => Quiz = loadQuiz): QuizItem[] {
  return questionPool(
    katas.map((k) => ({ id: k.id, concepts: k.concepts, quiz: quizOf(k) })),
    // A kata root of its own (ASYNC_KATAS_ROOT) may have no bank: its katas' questions are enough.
    fs.existsSync(quizBankPath()) ? loadQuizBank() : undefined,
  );
}
