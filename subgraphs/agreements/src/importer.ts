import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse, type CsvError } from 'csv-parse';
import type { EntityManager } from '@mikro-orm/knex';
import {
  ACCRUAL_TYPES,
  AgreementSchema,
  KnownEmployeeSchema,
  type AccrualType,
  type Agreement,
  type AgreementTerms,
} from './entities';
import type { LearnEmployeeNumbers } from './employeeNumberLearner';
import { agreementErrors, notATamsFile, overlapMessage } from './errors';
import { agreementsOf, lockEmployees } from './queries';
import * as check from './terms';
import { withEventBatch } from '../../../messaging';
import { createStatisticsRefresh } from '../../../runtime';
import {
  amendAgreement,
  findOverlap,
  heldRows,
  insertAgreement,
  type WriteContext,
} from './writes';

export type ImportFormat = 'CSV' | 'JSONL';

export interface ImportRowError {
  /** The file's line (the CSV header is row 1). */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportReport {
  correlationId: string;
  created: number;
  amended: number;
  unchanged: number;
  rejected: number;
  errors: ImportRowError[];
}

/** One row of a file, as read. */
export interface SourceRecord {
  row: number;
  values: Record<string, unknown>;
  /** A fault that stops the row being read at all (e.g. a line that is not JSON). */
  fault?: string;
  /** The column a fault is about (an unknown column in the header). */
  column?: string;
}

export interface ImportOptions extends WriteContext {
  em: EntityManager;
  dryRun: boolean;
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /**
   * Called after each batch is settled with the rows read so far, rejected rows included
   * (the rows {@link countRows} counts); awaited, so a caller may record it.
   */
  onProgress?: (rows: number) => void | Promise<void>;
  /** Learns the people a batch names that the copy of employees lacks, before the batch. */
  learnEmployees?: LearnEmployeeNumbers;
}

/** At most this many row errors are listed; `rejected` still counts every row. */
export const MAX_ERRORS = 1000;
/** Unknown columns noted by name; past it, one note counts the rest, so rows' errors still fit. */
const MAX_COLUMN_NOTES = 20;

const lower = (type: AccrualType) => type.toLowerCase();
const SCALAR_COLUMNS = {
  agreementType: 'agreement_type',
  startDate: 'start_date',
  endDate: 'end_date',
  fte: 'fte',
  termsAndConditions: 'terms_and_conditions',
  salaryBasis: 'salary_basis',
  weeklyHours: 'weekly_hours',
  workingDays: 'working_days',
  annualLeaveDays: 'annual_leave_days',
} as const;
const COLUMN_NAMES: check.FieldNames = {
  field: (key) => SCALAR_COLUMNS[key],
  target: (type) => `target_${lower(type)}`,
  opening: (type) => `opening_${lower(type)}`,
};
const KNOWN_COLUMNS = new Set<string>([
  'employee_number',
  'effective_from',
  ...Object.values(SCALAR_COLUMNS),
  ...ACCRUAL_TYPES.flatMap((type) => [COLUMN_NAMES.target(type), COLUMN_NAMES.opening(type)]),
]);
const REQUIRED_COLUMNS = ['employee_number', 'start_date'];

/**
 * Passes a row the first time the file gives its agreement (employee number and start date)
 * and reports it after: a second row would amend it back and forth on every run of the file.
 */
function oncePerFile(fault: (row: number, column: string | null, message: string) => void) {
  const firstRows = new Map<string, number>();
  return ({ row, employeeNumber, terms }: ValidRow): boolean => {
    const key = `${employeeNumber}\n${terms.startDate}`;
    const first = firstRows.get(key);
    if (first === undefined) return (void firstRows.set(key, row), true);
    fault(
      row,
      'start_date',
      `Row ${first} already gives the agreement of ${employeeNumber} starting ` +
        `${terms.startDate}; a file gives each agreement once.`,
    );
    return false;
  };
}

function columnFault(column: string): string {
  const match = /^(target|opening)_(.+)$/.exec(column);
  return match
    ? `Unknown accrual type ${match[2].toUpperCase()} in column ${column}; the column is ignored.`
    : `Unknown column ${column}; it is ignored.`;
}

/** The file's header, lower-cased; a column named twice would make one value win unseen. */
function readHeader(header: string[]): string[] {
  const columns = header.map((name) => String(name).trim().toLowerCase());
  const twice = columns.find((column, i) => columns.indexOf(column) !== i);
  if (twice !== undefined)
    throw notATamsFile(`This is not a TAMS CSV file: the column ${twice} is named twice.`);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length)
    throw notATamsFile(`This is not a TAMS CSV file: no ${missing.join(', ')} column.`);
  return columns;
}

/** Notes for the columns the import does not know, at most {@link MAX_COLUMN_NOTES}. */
function* columnNotes(columns: string[], row: number): Generator<SourceRecord> {
  const unknown = columns.filter((c) => !KNOWN_COLUMNS.has(c));
  for (const column of unknown.slice(0, MAX_COLUMN_NOTES))
    yield { row, values: {}, fault: columnFault(column), column };
  const more = unknown.slice(MAX_COLUMN_NOTES);
  if (more.length)
    yield {
      row,
      values: {},
      fault: `${more.length} more unknown columns are ignored.`,
      column: more[0],
    };
}

/** CSV with a header row, parsed record by record. */
export async function* csvRecords(input: Readable): AsyncGenerator<SourceRecord> {
  const skipped: SourceRecord[] = [];
  let columns: string[] | undefined;
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => (columns = readHeader(header)),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error?: CsvError) => {
        const row = Number((error as { lines?: number } | undefined)?.lines ?? 0);
        skipped.push({ row, values: {}, fault: error?.message ?? 'The row could not be read.' });
      },
    }),
  );
  let noted = false;
  // The header's notes come first, once, whether or not any row could be read.
  const notes = function* () {
    if (noted || !columns) return;
    noted = true;
    yield* columnNotes(columns, 1);
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield* notes();
      yield* skipped.splice(0);
      yield { row: info.lines, values: record };
    }
  } catch (error) {
    if (agreementErrors.is(error)) throw error;
    throw notATamsFile(`This is not a CSV file: ${(error as Error).message}`);
  }
  if (!columns)
    throw notATamsFile('This is not a TAMS CSV file: it has no header row and no rows.');
  yield* notes();
  yield* skipped.splice(0);
}

/** JSON lines: one object per line. */
export async function* jsonlRecords(input: Readable): AsyncGenerator<SourceRecord> {
  const seen = new Set<string>();
  let row = 0;
  let objects = 0;
  for await (const read of createInterface({ input, crlfDelay: Infinity })) {
    row += 1;
    // A byte-order mark before the first object, as some editors write.
    const line = row === 1 ? read.replace(/^\uFEFF/, '') : read;
    if (line.trim() === '') continue;
    let values: unknown;
    try {
      values = JSON.parse(line);
    } catch {
      values = undefined;
    }
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      if (objects === 0) throw notATamsFile(`This is not a JSON lines file: line ${row}.`);
      yield { row, values: {}, fault: 'The line is not a JSON object.' };
      continue;
    }
    objects += 1;
    const entries = Object.entries(values).map(([key, value]) => [key.trim().toLowerCase(), value]);
    const keys = entries.map(([key]) => key as string);
    const twice = keys.find((key, i) => keys.indexOf(key) !== i);
    if (twice !== undefined) {
      yield { row, values: {}, fault: `The line names ${twice} twice.` };
      continue;
    }
    // Each unknown column is noted once, and only the first few: rows' errors must still fit.
    if (seen.size < MAX_COLUMN_NOTES) {
      const fresh = keys.filter((c) => !KNOWN_COLUMNS.has(c) && !seen.has(c));
      const noted = fresh.slice(0, MAX_COLUMN_NOTES - seen.size);
      noted.forEach((column) => seen.add(column));
      yield* columnNotes(noted, row);
    }
    yield { row, values: Object.fromEntries(entries) };
  }
  if (objects === 0) throw notATamsFile('This is not a JSON lines file: it has no rows.');
}

export const recordsOf = (format: ImportFormat, input: Readable) =>
  format === 'CSV' ? csvRecords(input) : jsonlRecords(input);

interface ValidRow {
  row: number;
  employeeNumber: string;
  terms: AgreementTerms;
  effectiveFrom?: string;
}

const ROLLBACK = Symbol('dry run');

/**
 * The rows a file holds, as the import will read them: each record, readable or not (a
 * header note about a column is not a row). Throws as the import would for a file that is
 * not TAMS.
 */
export async function countRows(records: AsyncIterable<SourceRecord>): Promise<number> {
  let rows = 0;
  for await (const record of records) if (record.column === undefined) rows += 1;
  return rows;
}

/**
 * Imports TAMS rows: valid rows go in batches, each in one transaction; bad
 * rows are reported. A dry run does the same, each batch in a transaction that
 * is rolled back, carrying what earlier batches would have written in memory, so
 * its report is the one a real run would give and no transaction outlives a batch.
 */
export async function importAgreements(
  records: AsyncIterable<SourceRecord>,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    correlationId: options.correlationId,
    created: 0,
    amended: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
  };
  const batchSize = options.batchSize ?? 500;
  // A row's faults are reported together, so the last rejected row is enough to count each once.
  let lastRejected = 0;
  const note = (row: number, column: string | null, message: string) => {
    if (report.errors.length < MAX_ERRORS) report.errors.push({ row, column, message });
  };
  const fault = (row: number, column: string | null, message: string) => {
    if (row !== lastRejected) report.rejected += 1;
    lastRejected = row;
    note(row, column, message);
  };

  const once = oncePerFile(fault);

  const run = async (runBatch: (rows: ValidRow[]) => Promise<void>) => {
    let batch: ValidRow[] = [];
    let read = 0;
    let settled = 0;
    const settle = async () => {
      if (batch.length) await runBatch(batch);
      batch = [];
      if (read === settled) return;
      settled = read;
      await options.onProgress?.(read);
    };
    for await (const record of records) {
      if (record.fault !== undefined && record.column !== undefined) {
        // An unknown column is reported once; its rows still go in without it.
        note(record.row, record.column, record.fault);
        continue;
      }
      read += 1;
      if (record.fault !== undefined) fault(record.row, null, record.fault);
      else {
        const valid = validate(record, fault);
        if (valid && once(valid)) batch.push(valid);
      }
      if (read % batchSize === 0) await settle();
    }
    await settle();
  };

  // A dry run carries each employee's agreements as the run so far would have left them.
  const simulated = options.dryRun ? new Map<string, Agreement[]>() : undefined;
  const file: FileState = { simulated, madeAt: new Map() };
  // Each batch looks up its employees and their agreements by lists of ids.
  const refreshStatistics = createStatisticsRefresh([
    AgreementSchema.meta.className,
    KnownEmployeeSchema.meta.className,
  ]);
  // Before its transaction: asking employees is no work to hold a transaction open for.
  const learn = async (rows: ValidRow[]) =>
    options.learnEmployees?.([...new Set(rows.map((r) => r.employeeNumber))]);
  // New rows and their events go in together at the batch's end; a dry run checks them
  // as a real run would, then rolls back.
  await run(async (rows) => {
    await learn(rows);
    return options.em
      .fork()
      .transactional((tx: EntityManager) =>
        withEventBatch(tx, async () => {
          const held = heldRows();
          await applyBatch(tx, rows, { ...options, rows: held }, report, fault, file);
          if (simulated) throw ROLLBACK;
          await held.insert(tx);
        }),
      )
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      })
      .then(() =>
        simulated ? undefined : refreshStatistics(options.em, report.created + report.amended),
      );
  });
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}

function validate(
  record: SourceRecord,
  fault: (row: number, column: string | null, message: string) => void,
): ValidRow | null {
  const { values, row } = record;
  const raw: check.RawTerms = { targets: {}, openings: {} };
  for (const [key, column] of Object.entries(SCALAR_COLUMNS))
    raw[key as keyof typeof SCALAR_COLUMNS] = values[column];
  for (const type of ACCRUAL_TYPES) {
    raw.targets[type] = values[COLUMN_NAMES.target(type)];
    raw.openings[type] = values[COLUMN_NAMES.opening(type)];
  }
  let ok = true;
  const report = (column: string, message: string) => {
    ok = false;
    fault(row, column, message);
  };
  const employeeNumber = cellText(values.employee_number).trim();
  if (!employeeNumber)
    report(
      'employee_number',
      isBlank(values.employee_number)
        ? 'employee_number is required.'
        : 'employee_number must be text.',
    );
  let effectiveFrom: string | undefined;
  if (!isBlank(values.effective_from)) {
    try {
      effectiveFrom = check.isoDate('effective_from', values.effective_from);
    } catch (error) {
      report('effective_from', (error as Error).message);
    }
  }
  const terms = check.parseTerms(raw, COLUMN_NAMES, report);
  return ok && terms ? { row, employeeNumber, terms, effectiveFrom } : null;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A cell as text; a JSON line's object or list is no cell's text (and may not even print). */
const cellText = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** What one run of a file carries from batch to batch. */
interface FileState {
  /** A dry run's agreements, as it would have written them, by employee. */
  simulated?: Map<string, Agreement[]>;
  /** The row each agreement this file created came from. */
  madeAt: Map<string, number>;
}

/**
 * Why a row overlaps `other`: an agreement this file made is named by its row, which a dry
 * run and a real run share, not by an id the dry run only makes up.
 */
const overlapOf = (other: Agreement, madeAt: Map<string, number>) => {
  const row = madeAt.get(other.id);
  if (row === undefined) return overlapMessage(other);
  return `It overlaps the agreement of row ${row} (${other.startDate} to ${other.endDate}) of the same employee.`;
};

async function applyBatch(
  tx: EntityManager,
  rows: ValidRow[],
  ctx: WriteContext,
  report: ImportReport,
  fault: (row: number, column: string | null, message: string) => void,
  { simulated, madeAt }: FileState,
): Promise<void> {
  const numbers = [...new Set(rows.map((r) => r.employeeNumber))];
  const employees = await lockEmployees(tx, { employeeNumber: { $in: numbers } });
  const byNumber = new Map<string, string>();
  // A number that moved keeps pointing at the employee who has it now.
  for (const e of [...employees].sort((a, b) => Number(a.terminated) - Number(b.terminated)))
    if (!byNumber.has(e.employeeNumber)) byNumber.set(e.employeeNumber, e.id);
  const byEmployee = simulated ?? new Map<string, Agreement[]>();
  const unread = [...new Set(byNumber.values())].filter((id) => !byEmployee.has(id));
  for (const id of unread) byEmployee.set(id, []);
  if (unread.length)
    for (const a of await agreementsOf(tx, unread)) byEmployee.get(a.employeeId)!.push(a);

  for (const { row, employeeNumber, terms, effectiveFrom } of rows) {
    const employeeId = byNumber.get(employeeNumber);
    if (!employeeId) {
      fault(row, 'employee_number', `Unknown employee number ${employeeNumber}.`);
      continue;
    }
    const list = byEmployee.get(employeeId) ?? [];
    byEmployee.set(employeeId, list);
    const match = list.find((a) => a.startDate === terms.startDate);
    const clash = findOverlap(list, terms, match?.id);
    if (clash) {
      fault(row, 'end_date', overlapOf(clash, madeAt));
      continue;
    }
    if (!match) {
      const made = insertAgreement(tx, ctx, employeeId, terms);
      madeAt.set(made.id, row);
      list.push(made);
      report.created += 1;
      continue;
    }
    if (check.termsKey(terms) === check.termsKey(match)) {
      report.unchanged += 1;
      continue;
    }
    const from =
      effectiveFrom ??
      (match.effectiveFrom > terms.startDate ? match.effectiveFrom : terms.startDate);
    if (from < match.effectiveFrom || from > terms.endDate) {
      fault(
        row,
        'effective_from',
        `effective_from must be between ${match.effectiveFrom} and the end date.`,
      );
      continue;
    }
    amendAgreement(tx, ctx, match, terms, from);
    report.amended += 1;
  }
}
