import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestChange, uiBuildIsStale } from '../../runtime/admin-ui-build.ts';

function touch(path: string, secondsAgo: number) {
  writeFileSync(path, 'x');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, at, at);
}

describe('admin UI build freshness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ui-build-'));
  const sources = join(dir, 'src');
  const nested = join(sources, 'pages');
  const dist = join(dir, 'dist');
  mkdirSync(nested, { recursive: true });
  mkdirSync(dist);

  it('finds the newest file in nested directories and ignores paths that do not exist', () => {
    touch(join(sources, 'a.ts'), 100);
    touch(join(nested, 'b.ts'), 50);
    expect(Math.round(newestChange([sources, join(dir, 'missing')]) / 1000)).toBe(Math.round((Date.now() - 50_000) / 1000));
    expect(newestChange([join(dir, 'missing')])).toBe(0);
  });

  it('is stale without a build, fresh after one, stale again when a source changes', () => {
    expect(uiBuildIsStale(dist, [sources])).toBe(true);
    touch(join(dist, 'index.html'), 10);
    expect(uiBuildIsStale(dist, [sources])).toBe(false);
    touch(join(nested, 'b.ts'), 1);
    expect(uiBuildIsStale(dist, [sources])).toBe(true);
  });
});
