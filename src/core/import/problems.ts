import type { RowProblem } from './normalise-row.js';

// How row problems read, hledger-style: the record (file and line), the column as the file
// names it, the (masked) value, what was expected, and the fix.

export function describeProblem(fileName: string, problem: RowProblem): string {
  const where = problem.header === '' ? `${fileName} regel ${problem.line}` : `${fileName} regel ${problem.line}, kolom "${problem.header}"`;
  const hint = problem.hint === undefined ? '' : ` ${problem.hint}`;
  return `${where}: ${problem.shownValue}; verwacht ${problem.expected}.${hint}`;
}

/** The reason column of the rejects file: every problem of one row, without file and line. */
export function rejectionReason(problems: readonly RowProblem[]): string {
  return problems
    .map((p) => `${p.header === '' ? 'regel' : `kolom "${p.header}"`}: ${p.shownValue}; verwacht ${p.expected}`)
    .join(' | ');
}

export function conflictingIdProblem(line: number, header: string, signaalId: string): RowProblem {
  return {
    line,
    header,
    shownValue: signaalId,
    expected: 'een kenmerk dat in deze maand bij één adres hoort',
    hint: 'Hetzelfde kenmerk staat in deze maand ook bij een ander adres; vraag de gemeente welk adres klopt.',
  };
}
