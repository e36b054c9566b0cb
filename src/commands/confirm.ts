// y/N on the terminal, for questions whose default must be "no" (reset, trusting a pack).
import readline from 'node:readline';

/** Anything but y/yes, Ctrl+C or Ctrl+D means no. */
export function confirm(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    let done = false;
    const finish = (yes: boolean) => {
      if (done) return;
      done = true;
      rl.close();
      resolve(yes);
    };
    rl.on('SIGINT', () => {
      process.stdout.write('\n');
      finish(false);
    });
    rl.on('close', () => finish(false));
    rl.question(question, (answer) => finish(/^y(es)?$/i.test(answer.trim())));
  });
}
