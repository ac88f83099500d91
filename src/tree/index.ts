export type * from './annotations.ts';
export type * from './article-view.ts';
export { ARTICLE_VIEW_VERSION } from './article-view.ts';
export type { JieduFile } from './file.ts';
export type * from './types.ts';
export type { TextView } from './view.ts';
export { identityView, viewRangeToSource } from './view.ts';
