export { toArticleView } from './article-view.ts';
export { type RenderHtmlOptions, renderHtml } from './html.ts';
export { renderMarkdown } from './markdown.ts';
export { renderText } from './text.ts';
