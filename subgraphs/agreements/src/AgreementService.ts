import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/knex';
import { checkExpectedVersion, knowEmployee, once, type SubgraphContext } from '../../../runtime';
import { AgreementSchema, type Agreement, type ImportJob } from './entities';
import { agreementNotFound, invalid, overlap, unknownEmployee } from './errors';
import { employeeNumberLearner } from './employeeNumberLearner';
import { employeeKnowing } from './handlers';
import { countRows, importAgreements, recordsOf, type ImportReport } from './importer';
import { readImportJob, startImportJob } from './importJobs';
import {
  checkImport,
  idempotencyKey,
  scalarsOf,
  termsOf,
  totalsOf,
  type AmendAgreementInput,
  type CreateAgreementInput,
  type ImportAgreementsInput,
} from './inputs';
import type { AgreementLoaders } from './loaders';
import { assertCanRead, assertCanWrite } from './permissions';
import { agreementsOf, lockEmployees } from './queries';
import { isoDate, termsKey } from './terms';
import { amendAgreement, findOverlap, insertAgreement, rawOf } from './writes';

export type AgreementContext = SubgraphContext<AgreementLoaders>;

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
    const day = isoDate('on', on);
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
    const scope = {
      operation: 'agreements.createAgreement',
      caller: this.ctx.identity.subject,
      key: idempotencyKey(input.idempotencyKey),
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
    const effectiveFrom = isoDate('effectiveFrom', input.effectiveFrom);
    const targets = input.targets ? totalsOf('targets', input.targets) : undefined;
    const openings = input.openingBalances
      ? totalsOf('openingBalances', input.openingBalances)
      : undefined;
    await this.ctx.em.transactional(async (tx: EntityManager) => {
      const found = await tx.findOne(AgreementSchema, input.id);
      if (!found) throw agreementNotFound(input.id);
      await lockEmployees(tx, { id: found.employeeId });
      const agreement = await tx.findOneOrFail(AgreementSchema, input.id, { refresh: true });
      checkExpectedVersion('The agreement', input.expectedVersion, agreement.version);
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
      if (termsKey(terms) === termsKey(agreement)) return;
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
      learnEmployees: employeeNumberLearner(this.ctx),
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
      learnEmployees: employeeNumberLearner(this.ctx),
      startedBy: this.ctx.identity.subject,
    });
  }

  async importJob(id: string): Promise<ImportJob | null> {
    assertCanWrite(this.ctx.identity);
    return readImportJob(this.ctx.em, String(id));
  }

  /** The file's records, once its format and content are checked. */
  private recordsOf(input: ImportAgreementsInput) {
    checkImport(input);
    return recordsOf(input.format, Readable.from([input.content]));
  }

  private async reload(id: string): Promise<Agreement> {
    const agreement = await this.ctx.em.fork().findOne(AgreementSchema, id);
    if (!agreement) throw agreementNotFound(id);
    return agreement;
  }
}
