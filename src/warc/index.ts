export {
  readWarc,
  type WarcEntry,
  WarcError,
  type WarcPage,
  type WarcBudget,
  type WarcOversize,
  type WarcSkipped,
} from './read-warc.ts';
export { isWarc, isWarcFile } from './sniff-warc.ts';
