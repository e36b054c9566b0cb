// `async-katas` on a terminal: settle the workspace, Python and progress, then run the Ink app.
// Returns -1 when the app can't run here (no TTY), so the CLI prints text instead.
import path from 'node:path';
import { createElement } from 'react';
import { loadAllKatas } from '../core/sources.js';
import { PythonNotFoundError, findPython } from '../core/python.js';
import { readStoreSnapshot } from '../core/progress-file.js';
import { createWorkspace, defaultWorkspaceDir, findWorkspace, type Workspace } from '../core/workspace.js';
import { createServices } from './create-services.js';
import { DeferredProgress } from './deferred-progress.js';
import { collectWhenIdle, limitHeapGrowth } from './memory.js';
import { discardReplayed, recordFirstFrame, saveFrame } from './frame-cache.js';
import { homeKeyFor, homeKeyIn } from '../preframe.js';
import { defaultCacheDir } from '../core/paths.js';

export interface StartOptions {
  workspace?: string;
  kataId?: string;
  /** Team packs to load beside the built-in katas (already trusted). */
  packDirs?: string[];
  /** Open in quiz mode (`async-katas quiz`). */
  quiz?: boolean;
}

/**
 * Ink's layout engine (yoga) instantiates its WebAssembly when Ink loads, and prefers fetch() of its
 * inline data: URL when fetch exists. In Node that first fetch() loads the whole HTTP client (undici),
 * a sizeable part of start-up; without fetch it decodes the same bytes directly. So fetch is hidden
 * for that moment only.
 */
async function importInk(): Promise<typeof import('ink')> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await import('ink');
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

export async function startApp(options: StartOptions): Promise<number> {
  limitHeapGrowth();
  if (!process.stdin.isTTY || !process.stdout.isTTY) return -1;
  // Before the environment is adjusted below: the keys must read it as the launcher does.
  const homeKey = options.kataId || options.quiz ? undefined : homeKeyFor({ workspace: options.workspace, pack: options.packDirs });
  const env = { ...process.env };
  try {
    return await runApp(options, homeKey, env);
  } finally {
    discardReplayed();
  }
}

async function runApp(options: StartOptions, homeKey: string | undefined, envAtStart: NodeJS.ProcessEnv): Promise<number> {
  // Ink reads CI once, when it loads, and then only draws the last frame: a learner with CI=1 in their
  // shell would see a frozen app. This is an interactive terminal, so drawing wins, and the learner is told.
  const ciWasSet = process.env.CI;
  if (ciWasSet) delete process.env.CI;
  // NO_COLOR means no styling at all; chalk (under Ink) only listens to FORCE_COLOR, read when it loads.
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const { render, renderToString } = await importInk();
  const { App } = await import('./App.js');
  const { WelcomeScreen } = await import('./screens/WelcomeScreen.js');

  let workspace: Workspace | undefined = options.workspace
    ? createWorkspace(path.resolve(options.workspace))
    : findWorkspace(process.cwd());
  if (!workspace) {
    const dir = defaultWorkspaceDir(process.cwd());
    let create = false;
    const prompt = render(createElement(WelcomeScreen, { dir, onAnswer: (yes: boolean) => (create = yes) }));
    await prompt.waitUntilExit();
    if (!create) return 0;
    workspace = createWorkspace(dir);
  }

  let python;
  try {
    python = await findPython();
  } catch (error) {
    if (!(error instanceof PythonNotFoundError)) throw error;
    process.stderr.write(`async-katas: ${error.message}\n`);
    return 2;
  }
  // The first frame comes from a snapshot of the progress file; the store (conf) loads right after it.
  const store = new DeferredProgress(readStoreSnapshot());
  const notices = new Set<(text: string) => void>();
  const notify = (text: string) => {
    if (notices.size === 0) process.stderr.write(`async-katas: ${text}\n`);
    for (const listener of notices) listener(text);
  };
  const loadStore = async () => {
    const { openProgress } = await import('../core/progress.js');
    const opened = openProgress({ onWarning: notify });
    store.attach(opened.store);
    if (opened.warning) notify(opened.warning);
    collectWhenIdle();
  };

  const katas = loadAllKatas(options.packDirs);
  const redraw = { now: () => {} };
  const services = createServices({
    katas,
    workspace,
    python,
    store,
    onEditorReturn: () => redraw.now(),
    warn: notify,
    onNotice: (listener) => {
      notices.add(listener);
      return () => notices.delete(listener);
    },
  });
  const element = createElement(App, { services, initialKata: options.kataId, start: options.quiz ? ('quiz' as const) : undefined });
  const firstFrameOnly = process.env.ASYNC_KATAS_EXIT_AFTER_FIRST_FRAME === '1';
  let drawn = false;
  let storeLoaded: Promise<void> | undefined;
  const firstFrame = recordFirstFrame();
  const app = render(element, {
    exitOnCtrlC: true,
    onRender: () => {
      if (drawn) return;
      drawn = true;
      // Ink reports a render just before writing it: the frame is complete once this call is over.
      queueMicrotask(() => {
        const frame = firstFrame.done();
        if (homeKey) saveFrame(defaultCacheDir(), homeKey, frame);
      });
      if (firstFrameOnly) setImmediate(() => app.unmount());
      else {
        storeLoaded = new Promise((resolve) => setImmediate(resolve)).then(loadStore);
        if (ciWasSet) {
          void storeLoaded.then(() =>
            notify(`CI=${ciWasSet} is set in this shell; the trainer ignores it (with it, Ink would draw only the last frame and the screen would look frozen)`),
          );
        }
      }
    },
  });
  // After a terminal editor gave the screen back: forget the old frame and draw it all again.
  redraw.now = () => {
    app.clear();
    app.rerender(element);
  };
  try {
    await app.waitUntilExit();
    // Updates asked for while the store was loading are written before we go.
    await storeLoaded;
    // The home screen as the next start will first draw it, with the progress made in this session.
    const key = homeKeyIn(workspace.dir, envAtStart, options.packDirs);
    if (key) {
      try {
        const home = renderToString(createElement(App, { services }), { columns: process.stdout.columns });
        saveFrame(defaultCacheDir(envAtStart), key, `\u001b[?25l${home}\n`);
      } catch {
        // a head start for next time, nothing more
      }
    }
  } finally {
    services.dispose();
  }
  return 0;
}
