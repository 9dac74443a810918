import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plugins } from './support/packages.ts';
import { loadPlugins } from '../runtime/plugins/index.ts';
import { celLibrary } from '../engine/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const processesSection = readme.slice(readme.indexOf('## Processes'), readme.indexOf('## Database'));

describe('README', () => {
  it('lists every process with all of its states, in definition order', () => {
    for (const [id, { compiled }] of loadPlugins(plugins).processes) {
      const row = processesSection.split('\n').find((line) => line.includes(`\`${id}\``));
      expect(row, id).toBeDefined();
      const listed = [...row!.split('|')[2]!.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]);
      expect(listed, id).toEqual(Object.keys(compiled.definition.states));
    }
  });

  it('lists every function of the CEL standard library in its table', () => {
    const from = processesSection.indexOf('| function | what it gives |');
    const table = processesSection.slice(from, processesSection.indexOf('\n\n', from));
    const listed = [...table.matchAll(/^\| (.+?) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`([a-zA-Z]+)\(/g)].map((m) => m[1]));
    expect(listed).toEqual(celLibrary.map((fn) => fn.name));
  });

  it('shows the typed client with lines of the walk-through, which the typecheck covers', () => {
    const from = readme.indexOf('A walk-through as code:');
    const block = readme.slice(readme.indexOf('```ts\n', from) + 6, readme.indexOf('```', readme.indexOf('```ts\n', from) + 6));
    const snippet = readFileSync(new URL('../docs/snippets/register-and-step.ts', import.meta.url), 'utf8');
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.filter((line) => !snippet.includes(line))).toEqual([]);
  });
});
