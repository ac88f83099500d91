import { readFileSync } from 'node:fs';

/** The soft limit of address space in bytes, or null when there is none (or no /proc). */
export function addressSpaceLimit(limits?: string): number | null {
  let text = limits;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return null;
    }
  }
  const soft = /^Max address space\s+(\S+)/m.exec(text)?.[1];
  if (soft === undefined || soft === 'unlimited') return null;
  const bytes = Number(soft);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : null;
}
