import { createInterface, type Interface } from 'node:readline';

/**
 * Questions on the terminal, one answer per line; a secret is not echoed when a person types it.
 * Lines piped in (a script, a test) are answered in order.
 */
export class Prompt {
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private closed = false;
  private readonly rl: Interface;
  private muted = false;

  constructor() {
    this.rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
    // Echo nothing while a secret is typed.
    const output = this.rl as unknown as { _writeToOutput: (text: string) => void };
    const write = output._writeToOutput.bind(this.rl);
    output._writeToOutput = (text: string) => {
      if (!this.muted || text.includes('\n')) write(this.muted ? '\n' : text);
    };
    this.rl.on('line', (line) => (this.waiting.length > 0 ? this.waiting.shift()!(line) : this.lines.push(line)));
    this.rl.on('close', () => {
      this.closed = true;
      for (const resolve of this.waiting.splice(0)) resolve(undefined);
    });
  }

  /** Asks and waits for the answer; fails when the input ends first. */
  async ask(question: string, options: { secret?: boolean } = {}): Promise<string> {
    process.stdout.write(question);
    this.muted = options.secret === true && process.stdin.isTTY === true;
    const line = this.lines.length > 0 ? this.lines.shift() : this.closed ? undefined : await new Promise<string | undefined>((resolve) => this.waiting.push(resolve));
    this.muted = false;
    if (!process.stdin.isTTY) process.stdout.write('\n');
    if (line === undefined) throw new Error('输入已结束 the input ended before the answer');
    return line.trim();
  }

  close(): void {
    this.rl.close();
  }
}

/** The value of `--name value` among the command's arguments. */
export function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
