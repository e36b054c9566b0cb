// One kata on screen: its file's current code, a watcher that re-checks on every real save (an
// in-flight check is cancelled by a newer save), and a manual check.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Kata } from '../../core/catalog.js';
import { createCheckScheduler } from '../../core/watch.js';
import type { Services } from '../services.js';
import type { Action } from '../state.js';

export interface KataSession {
  file: string;
  code: string;
  checkNow: () => void;
  /** Reads the file again (after an editor returns or a reset). */
  reload: () => void;
}

export function useKataSession(kata: Kata, services: Services, dispatch: (action: Action) => void): KataSession {
  const file = useMemo(() => services.kataFile(kata), [kata, services]);
  const [code, setCode] = useState(() => services.readFile(file));
  // What was on screen when watching began: a save in between is still noticed (see watchFile's since).
  const shown = useRef(code);
  shown.current = code;
  // One check at a time: a newer save aborts the running check, whose result is then never reported.
  const scheduler = useMemo(
    () =>
      createCheckScheduler((signal) => services.check(kata, file, signal), {
        onStart: () => dispatch({ type: 'check-started', kataId: kata.id }),
        onResult: (result) => {
          services.recordCheck(kata.id, result.status);
          dispatch({ type: 'check-finished', kataId: kata.id, result });
        },
        onError: (error) => {
          dispatch({ type: 'check-cancelled', kataId: kata.id });
          dispatch({ type: 'notice', text: `The check could not run: ${(error as Error).message}`, tone: 'error' });
        },
      }),
    [kata, file, services, dispatch],
  );

  useEffect(() => {
    services.prewarm();
    const stop = services.watch(
      file,
      (content) => {
        setCode(content);
        scheduler.schedule();
      },
      shown.current,
    );
    return () => {
      stop();
      // Leaving the kata: a check still running for it has nobody to report to.
      if (scheduler.running) {
        scheduler.cancel();
        dispatch({ type: 'check-cancelled', kataId: kata.id });
      }
    };
  }, [file, services, scheduler, dispatch, kata.id]);

  const reload = useCallback(() => setCode(services.readFile(file)), [file, services]);
  return { file, code, checkNow: scheduler.schedule, reload };
}
