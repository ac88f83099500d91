export { compare, compareStatements } from './compare.ts';
export { type ComparisonFormat, formatComparison } from './format.ts';
export { readStatement, type Statement } from './statement.ts';
export {
  type ChangeKind,
  COMPARISON_VERSION,
  type ComparedPosition,
  type ComparedSentence,
  type ComparedStatement,
  type ComparedText,
  type Comparison,
  type PositionSide,
  type StoryVersions,
  type TargetChange,
  type VersionArticle,
  type VersionCopy,
} from './types.ts';
export { MAX_VERSIONS, storyVersions, versionsText } from './versions.ts';
