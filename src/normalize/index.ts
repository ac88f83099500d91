export { detectLineEnding } from './detect-line-ending.ts';
export { detectScript } from './detect-script.ts';
export { normalizeText } from './normalize-text.ts';
export { simplifiedView } from './simplified-view.ts';
export { toSimplified } from './to-simplified.ts';
export { toTraditional } from './to-traditional.ts';
