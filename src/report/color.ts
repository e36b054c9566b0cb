// We decide colour ourselves instead of trusting picocolors' import-time guess, so the rule is one place.
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Off when NO_COLOR is set (any value), on when FORCE_COLOR is set (except 0/false), else only on a
 * terminal that is not TERM=dumb (which prints escapes as they are).
 */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env, isTTY: boolean = Boolean(process.stdout.isTTY)): boolean {
  if (env.NO_COLOR !== undefined) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export function makeColors(enabled: boolean = colorEnabled()): Colors {
  return pc.createColors(enabled);
}
