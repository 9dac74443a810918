import MarkdownIt from 'markdown-it';

/**
 * The one Markdown renderer of the employment work website: raw HTML is not markup (`html: false`
 * writes `<script>` and `<img onerror>` out as text), links are checked by markdown-it's own
 * `validateLink` (no `javascript:`, `vbscript:`, `file:` or `data:` address becomes a link), and
 * images are off, since the site's policy loads nothing from another origin. Headings start at
 * level 2, the page's title being its one `h1`.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['image']);

const defaultLinkOpen = md.renderer.rules['link_open'] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

md.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
  const href = tokens[idx]!.attrGet('href') ?? '';
  // A link that leaves the site says so to search engines and opens nothing with this page as its opener.
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

md.core.ruler.push('demote_headings', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1') token.tag = 'h2';
  }
});

/** An article's Markdown as HTML safe to put into a public page as it is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The text of an article's Markdown without its markup, for a summary and the search words. */
export function markdownText(source: string): string {
  return md
    .parse(source, {})
    .flatMap((token) => (token.type === 'inline' ? (token.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content) : []))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
