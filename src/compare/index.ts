export {
  COMPARISON_VERSION,
  type ComparedPosition,
  type ComparedSentence,
  type ComparedStatement,
  type ComparedText,
  type Comparison,
  compare,
  compareStatements,
  type PositionSide,
} from './compare.ts';
export { type ComparisonFormat, formatComparison } from './format.ts';
export { readStatement, type Statement } from './statement.ts';
