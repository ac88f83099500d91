export {
  readWarc,
  type WarcBudget,
  type WarcEntry,
  WarcError,
  type WarcOversize,
  type WarcPage,
  type WarcSkipped,
} from './read-warc.ts';
export { isWarc, isWarcFile } from './sniff-warc.ts';
