export { articleProjection, publishedArticle } from './article-projection.ts';
export { ARTICLE_CATEGORIES, isArticleCategory, type ArticleCategory } from './article-row.ts';
export { renderMarkdown, markdownText } from './markdown.ts';
export { ARTICLE_PAGE_SIZE, publicArticles } from './public-articles.ts';
export * from './types.ts';
