import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/knex';
import { knowEmployee } from '../../../runtime/src/employeeCopy';
import { once } from '../../../runtime/src/idempotency';
import { refuseAll } from '../../../runtime/src/inputCheck';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import {
  ACCRUAL_TYPES,
  AgreementSchema,
  type AccrualType,
  type Agreement,
  type AgreementTerms,
  type ImportJob,
} from './entities';
import { employeeKnowing } from './handlers';
import {
  agreementNotFound,
  invalid,
  overlap,
  staleVersion,
  unknownEmployee,
  type AgreementError,
} from './errors';
import {
  countRows,
  importAgreements,
  recordsOf,
  type ImportFormat,
  type ImportReport,
} from './importer';
import { readImportJob, startImportJob } from './importJobs';
import type { AgreementLoaders } from './loaders';
import { assertCanRead, assertCanWrite } from './permissions';
import * as check from './validation';
import {
  agreementsOf,
  amendAgreement,
  findOverlap,
  insertAgreement,
  lockEmployees,
  rawOf,
} from './writes';

export type AgreementContext = SubgraphContext<AgreementLoaders>;

export interface TotalInput {
  accrualType: AccrualType;
  total: number;
}

interface TermsInput {
  agreementType?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  fte?: number | null;
  termsAndConditions?: string | null;
  salaryBasis?: string | null;
  weeklyHours?: number | null;
  workingDays?: string[] | null;
  annualLeaveDays?: number | null;
  targets?: TotalInput[] | null;
  openingBalances?: TotalInput[] | null;
}

export interface CreateAgreementInput extends TermsInput {
  employeeId: string;
  idempotencyKey?: string | null;
}

export interface AmendAgreementInput extends TermsInput {
  id: string;
  effectiveFrom: string;
  expectedVersion?: number | null;
}

export interface ImportAgreementsInput {
  format: ImportFormat;
  content: string;
  dryRun?: boolean | null;
}

/** Input field names, for errors that name the field at fault. */
const INPUT_NAMES: check.FieldNames = {
  field: (key) => key,
  target: () => 'targets',
  opening: () => 'openingBalances',
};

function totalsOf(field: string, list: TotalInput[] | null | undefined) {
  const totals: Partial<Record<AccrualType, unknown>> = {};
  for (const { accrualType, total } of list ?? []) {
    if (!ACCRUAL_TYPES.includes(accrualType))
      throw invalid(field, `${field}: unknown accrual type ${accrualType}.`);
    if (accrualType in totals) throw invalid(field, `${field}: ${accrualType} is given twice.`);
    totals[accrualType] = total;
  }
  return totals;
}

/** Checks terms, refusing every bad field together, each as BAD_USER_INPUT naming it. */
function termsOf(raw: check.RawTerms): AgreementTerms {
  const faults: AgreementError[] = [];
  const terms = check.parseTerms(raw, INPUT_NAMES, (field, message) => {
    if (!faults.some((fault) => fault.field === field)) faults.push(invalid(field, message));
  });
  refuseAll(faults);
  return terms!;
}

/** The terms an input gives, without the totals (which come as lists). */
function scalarsOf(input: TermsInput): Omit<check.RawTerms, 'targets' | 'openings'> {
  const keys = [
    'agreementType',
    'startDate',
    'endDate',
    'fte',
    'termsAndConditions',
    'salaryBasis',
    'weeklyHours',
    'workingDays',
    'annualLeaveDays',
  ] as const;
  return Object.fromEntries(
    keys.filter((key) => input[key] !== undefined && input[key] !== null).map((k) => [k, input[k]]),
  );
}

/** Agreements' use cases: who may, what is valid, and the events each change records. */
export class AgreementService {
  constructor(private readonly ctx: AgreementContext) {}

  private readonly managersOf = (id: string) => this.ctx.loaders.managerChain.load(id);

  private get write() {
    return { emit: this.ctx.emit, correlationId: this.ctx.correlationId };
  }

  async get(id: string): Promise<Agreement | null> {
    const agreement = await this.ctx.loaders.byId.load(id);
    if (!agreement) return null;
    await assertCanRead(this.ctx.identity, agreement.employeeId, this.managersOf);
    return agreement;
  }

  async ofEmployee(employeeId: string): Promise<Agreement[]> {
    await assertCanRead(this.ctx.identity, employeeId, this.managersOf);
    return this.ctx.loaders.byEmployee.load(employeeId);
  }

  async currentOf(employeeId: string, on: string): Promise<Agreement | null> {
    const day = check.isoDate('on', on);
    const list = await this.ofEmployee(employeeId);
    return list.find((a) => a.startDate <= day && day <= a.endDate) ?? null;
  }

  async create(input: CreateAgreementInput): Promise<Agreement> {
    assertCanWrite(this.ctx.identity);
    const terms = termsOf({
      ...scalarsOf(input),
      targets: totalsOf('targets', input.targets),
      openings: totalsOf('openingBalances', input.openingBalances),
    });
    const key = input.idempotencyKey?.trim() || null;
    if (key && key.length > 200) throw invalid('idempotencyKey', 'idempotencyKey is too long.');
    const scope = {
      operation: 'agreements.createAgreement',
      caller: this.ctx.identity.subject,
      key,
    };
    // A hire a moment ago may not have reached the copy yet: ask employees.
    if (!(await knowEmployee(this.ctx, input.employeeId, employeeKnowing)))
      throw unknownEmployee(input.employeeId);
    const { id } = await once(this.ctx.em, scope, async (tx) => {
      const [employee] = await lockEmployees(tx, { id: input.employeeId });
      if (!employee) throw unknownEmployee(input.employeeId);
      const clash = findOverlap(await agreementsOf(tx, [employee.id]), terms);
      if (clash) throw overlap(clash);
      return insertAgreement(tx, this.write, employee.id, terms).id;
    });
    return this.reload(id);
  }

  async amend(input: AmendAgreementInput): Promise<Agreement> {
    assertCanWrite(this.ctx.identity);
    const expected = check.version('expectedVersion', input.expectedVersion);
    const effectiveFrom = check.isoDate('effectiveFrom', input.effectiveFrom);
    const targets = input.targets ? totalsOf('targets', input.targets) : undefined;
    const openings = input.openingBalances
      ? totalsOf('openingBalances', input.openingBalances)
      : undefined;
    await this.ctx.em.transactional(async (tx: EntityManager) => {
      const found = await tx.findOne(AgreementSchema, input.id);
      if (!found) throw agreementNotFound(input.id);
      await lockEmployees(tx, { id: found.employeeId });
      const agreement = await tx.findOneOrFail(AgreementSchema, input.id, { refresh: true });
      if (expected !== undefined && expected !== agreement.version)
        throw staleVersion(expected, agreement.version);
      if (effectiveFrom < agreement.effectiveFrom)
        throw invalid(
          'effectiveFrom',
          `effectiveFrom must not be before ${agreement.effectiveFrom}, when version ${agreement.version} took effect.`,
        );
      const current = rawOf(agreement);
      const terms = termsOf({
        ...current,
        ...scalarsOf(input),
        targets: targets ?? current.targets,
        openings: openings ?? current.openings,
      });
      if (effectiveFrom > terms.endDate)
        throw invalid('effectiveFrom', 'effectiveFrom must not be after the end date.');
      if (check.termsKey(terms) === check.termsKey(agreement)) return;
      const clash = findOverlap(
        await agreementsOf(tx, [agreement.employeeId]),
        terms,
        agreement.id,
      );
      if (clash) throw overlap(clash);
      amendAgreement(tx, this.write, agreement, terms, effectiveFrom);
    });
    return this.reload(input.id);
  }

  async import(input: ImportAgreementsInput): Promise<ImportReport> {
    assertCanWrite(this.ctx.identity);
    return importAgreements(this.recordsOf(input), {
      em: this.ctx.em,
      ...this.write,
      dryRun: input.dryRun ?? false,
    });
  }

  /**
   * Starts the import in the background and answers at once with its job: the file is
   * read once to count its rows (a file that is not TAMS is refused here), then imported
   * batch by batch, the job's progress moving after each.
   */
  async startImport(input: ImportAgreementsInput): Promise<ImportJob> {
    assertCanWrite(this.ctx.identity);
    const rowsTotal = await countRows(this.recordsOf(input));
    return startImportJob({
      em: this.ctx.em,
      ...this.write,
      logger: this.ctx.logger,
      records: this.recordsOf(input),
      rowsTotal,
      dryRun: input.dryRun ?? false,
      startedBy: this.ctx.identity.subject,
    });
  }

  async importJob(id: string): Promise<ImportJob | null> {
    assertCanWrite(this.ctx.identity);
    return readImportJob(this.ctx.em, String(id));
  }

  /** The file's records, once its format and content are checked. */
  private recordsOf(input: ImportAgreementsInput) {
    if (input.format !== 'CSV' && input.format !== 'JSONL')
      throw invalid('format', 'format must be CSV or JSONL.');
    if (typeof input.content !== 'string' || input.content.trim() === '')
      throw invalid('content', 'content must not be empty.');
    return recordsOf(input.format, Readable.from([input.content]));
  }

  private async reload(id: string): Promise<Agreement> {
    const agreement = await this.ctx.em.fork().findOne(AgreementSchema, id);
    if (!agreement) throw agreementNotFound(id);
    return agreement;
  }
}
