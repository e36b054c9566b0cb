// The trainer: one reducer (state.ts) decides the screen; this file wires screens to services.
import { Box, Text, useApp } from 'ink';
import { Suspense, lazy, useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Kata } from '../core/catalog.js';
import { useKataSession } from './hooks/use-kata-session.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { HomeScreen } from './screens/HomeScreen.js';
import type { Services } from './services.js';
import { initialState, reducer, type Action, type AppState } from './state.js';

// Only the home screen is needed for the first frame. The others (with the highlighter, the markdown
// renderer and the differ) load right after it is drawn, so start-up doesn't wait for them.
const loaders = {
  kata: () => import('./screens/KataScreen.js'),
  confirm: () => import('./screens/ConfirmResetScreen.js'),
  solved: () => import('./screens/SolvedScreen.js'),
  explanation: () => import('./screens/ExplanationScreen.js'),
  diff: () => import('./screens/DiffScreen.js'),
  quiz: () => import('./screens/QuizScreen.js'),
  quizDone: () => import('./screens/QuizDoneScreen.js'),
};
const KataScreen = lazy(() => loaders.kata().then((m) => ({ default: m.KataScreen })));
const ConfirmResetScreen = lazy(() => loaders.confirm().then((m) => ({ default: m.ConfirmResetScreen })));
const SolvedScreen = lazy(() => loaders.solved().then((m) => ({ default: m.SolvedScreen })));
const ExplanationScreen = lazy(() => loaders.explanation().then((m) => ({ default: m.ExplanationScreen })));
const DiffScreen = lazy(() => loaders.diff().then((m) => ({ default: m.DiffScreen })));
const QuizScreen = lazy(() => loaders.quiz().then((m) => ({ default: m.QuizScreen })));
const QuizDoneScreen = lazy(() => loaders.quizDone().then((m) => ({ default: m.QuizDoneScreen })));

interface Props {
  services: Services;
  initialKata?: string;
}

export function App(props: Props) {
  useEffect(() => {
    const preload = setImmediate(() => Object.values(loaders).forEach((load) => void load()));
    return () => clearImmediate(preload);
  }, []);
  return (
    <Suspense fallback={<Text>…</Text>}>
      <Screens {...props} />
    </Suspense>
  );
}

function Screens({ services, initialKata }: Props) {
  const { exit } = useApp();
  const hints = useMemo(
    () => Object.fromEntries(services.katas.map((k) => [k.id, services.progress(k.id).hintsUsed])),
    [services],
  );
  const [state, dispatch] = useReducer(reducer, initialState(initialKata, hints));
  useEffect(() => services.onNotice((text) => dispatch({ type: 'notice', text, tone: 'warn' })), [services]);
  const { columns, rows } = useTerminalSize();
  // One column spare: a line exactly as wide as the terminal wraps in some terminals.
  const width = Math.max(20, columns - 1);
  const height = Math.max(8, rows - 1);
  const byId = useMemo(() => new Map(services.katas.map((k) => [k.id, k])), [services]);
  const { screen } = state;

  const nextKata = useCallback(
    (after?: string): Kata | undefined => {
      const list = services.katas;
      const start = after ? list.findIndex((k) => k.id === after) + 1 : 0;
      const order = [...list.slice(start), ...list.slice(0, start)];
      return order.find((k) => k.id !== after && services.progress(k.id).status !== 'solved');
    },
    [services],
  );
  const goNext = useCallback(
    (after: string) => {
      const next = nextKata(after);
      dispatch(next ? { type: 'open-kata', kataId: next.id } : { type: 'home' });
    },
    [nextKata],
  );

  if (screen.name === 'home') {
    return (
      <HomeScreen
        katas={services.katas}
        progress={services.progress}
        workspaceDir={services.workspaceDir}
        width={width}
        height={height}
        notice={state.notice}
        onOpen={(id) => dispatch({ type: 'open-kata', kataId: id })}
        onQuit={() => exit()}
      />
    );
  }
  const kata = byId.get(screen.kataId);
  if (!kata) return <Box />;

  switch (screen.name) {
    case 'kata':
      return <KataContainer kata={kata} state={state} dispatch={dispatch} services={services} width={width} height={height} />;
    case 'confirm-reset':
      return (
        <ConfirmResetScreen
          kata={kata}
          file={services.kataFile(kata)}
          width={width}
          onConfirm={() => {
            services.resetFile(kata);
            dispatch({ type: 'reset-done', kataId: kata.id });
          }}
          onCancel={() => dispatch({ type: 'cancel' })}
        />
      );
    case 'solved':
      return (
        <SolvedScreen
          kata={kata}
          progress={services.progress(kata.id)}
          width={width}
          onExplain={() => dispatch({ type: 'show-explanation' })}
          onDiff={() => dispatch({ type: 'show-diff' })}
          onQuiz={() => dispatch({ type: 'start-quiz' })}
          onNext={() => goNext(kata.id)}
          onBack={() => dispatch({ type: 'home' })}
        />
      );
    case 'explanation':
      return (
        <ExplanationScreen
          kata={kata}
          source={services.explanation(kata)}
          width={width}
          height={height}
          onDiff={() => dispatch({ type: 'show-diff' })}
          onQuiz={() => dispatch({ type: 'start-quiz' })}
          onNext={() => goNext(kata.id)}
          onBack={() => dispatch({ type: 'cancel' })}
        />
      );
    case 'diff':
      return (
        <DiffScreen
          kata={kata}
          mine={services.readFile(services.kataFile(kata))}
          reference={services.solution(kata)}
          width={width}
          height={height}
          onQuiz={() => dispatch({ type: 'start-quiz' })}
          onBack={() => dispatch({ type: 'cancel' })}
        />
      );
    case 'quiz': {
      const quiz = services.quiz(kata);
      return (
        <QuizScreen
          kata={kata}
          quiz={quiz}
          question={screen.question}
          answered={screen.answered}
          width={width}
          onAnswer={(choice) => {
            services.recordQuizAnswer(kata.id, screen.question, choice, Boolean(quiz.questions[screen.question]?.choices[choice]?.correct));
            dispatch({ type: 'quiz-answer', choice });
          }}
          onNext={() => dispatch({ type: 'quiz-next', questions: quiz.questions.length })}
          onBack={() => dispatch({ type: 'cancel' })}
        />
      );
    }
    case 'quiz-done': {
      const quiz = services.quiz(kata);
      const answers = state.answers[kata.id] ?? [];
      const right = quiz.questions.filter((q, i) => answers[i] !== undefined && q.choices[answers[i]!]?.correct).length;
      return (
        <QuizDoneScreen
          kata={kata}
          right={right}
          total={quiz.questions.length}
          nextTitle={nextKata(kata.id)?.title}
          width={width}
          onNext={() => goNext(kata.id)}
          onBack={() => dispatch({ type: 'home' })}
        />
      );
    }
  }
}

interface ContainerProps {
  kata: Kata;
  state: AppState;
  dispatch: (action: Action) => void;
  services: Services;
  width: number;
  height: number;
}

function KataContainer({ kata, state, dispatch, services, width, height }: ContainerProps) {
  const session = useKataSession(kata, services, dispatch);
  const screen = state.screen.name === 'kata' ? state.screen : undefined;
  const shown = state.hints[kata.id] ?? 0;
  return (
    <KataScreen
      kata={kata}
      file={session.file}
      code={session.code}
      view={screen?.view ?? 'code'}
      result={state.results[kata.id]}
      checking={Boolean(state.checking[kata.id])}
      hintsShown={shown}
      notice={state.notice}
      width={width}
      height={height}
      onEdit={() => {
        void services.openEditor(session.file).then((outcome) => {
          session.reload();
          if (!outcome.ok) dispatch({ type: 'notice', text: outcome.error ?? 'The editor did not start', tone: 'error' });
        });
      }}
      onCheck={session.checkNow}
      onHint={() => {
        if (shown >= kata.hints.length) {
          dispatch({ type: 'notice', text: `All ${kata.hints.length} hints are shown.`, tone: 'info' });
          return;
        }
        services.recordHint(kata.id, shown + 1);
        dispatch({ type: 'hint-shown', kataId: kata.id, tier: shown + 1 });
      }}
      onReset={() => dispatch({ type: 'ask-reset' })}
      onToggle={() => dispatch({ type: 'toggle-view' })}
      onBack={() => dispatch({ type: 'home' })}
    />
  );
}
