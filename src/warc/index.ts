export {
  readWarc,
  type WarcBudget,
  type WarcEntry,
  WarcError,
  type WarcOversize,
  type WarcPage,
  type WarcSkipped,
  warcBudget,
} from './read-warc.ts';
export { isWarc, isWarcFile } from './sniff-warc.ts';
