export {
  readWarc,
  type WarcEntry,
  WarcError,
  type WarcPage,
  type WarcSkipped,
} from './read-warc.ts';
export { isWarc } from './sniff-warc.ts';
