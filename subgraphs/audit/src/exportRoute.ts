import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/core';
import {
  checkText,
  DEFAULT_BOUNDS,
  type DomainError,
  ErrorCode,
  type SubgraphRoute,
} from '../../../runtime';
import { AuditEntrySchema, RECORDED_FIELDS, type AuditEntry } from './entities';
import { AuditReason, auditErrors, badField } from './errors';
import { readRange, TEXT_FIELDS, type AuditFilter } from './inputs';
import { assertAuditor } from './permissions';
import { whereOf } from './queries';

export type ExportFormat = 'csv' | 'ndjson';

/** Entries read per query; each batch is written before the next is read. */
export const EXPORT_BATCH = 500;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * Columns in file order; chain, seq and the hashes let an auditor check each chain offline,
 * from the NDJSON export: the CSV's formula guard changes cells (docs/domain.md).
 */
export const COLUMNS = ['seq', 'id', ...RECORDED_FIELDS, 'prevHash', 'hash', 'chain'] as const;

const KNOWN_PARAMS = new Set<string>(['format', 'from', 'to', ...TEXT_FIELDS]);

export interface ExportRequest {
  format: ExportFormat;
  filter: AuditFilter;
}

/** GET /audit/export?format=csv|ndjson&from&to&logType&entityType&entityId&actorId&correlationId */
export const exportRoute: SubgraphRoute = async (req, res, ctx) => {
  let request: ExportRequest;
  try {
    if (req.method !== 'GET') throw invalidParam('method', 'Use GET.');
    assertAuditor(ctx.identity);
    request = readExportParams(new URL(req.url ?? '/', 'http://localhost').searchParams);
  } catch (error) {
    if (!auditErrors.is(error)) throw error;
    return sendRefusal(res, error);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[request.format],
    'content-disposition': `attachment; filename="audit-log-${stamp}.${request.format}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  await streamEntries(ctx.em, request, res);
  res.end();
};

/** A refusal as JSON, like a GraphQL error: code, reason and the parameter at fault. */
function sendRefusal(res: ServerResponse, error: DomainError): void {
  const status = error.code === ErrorCode.FORBIDDEN ? 403 : 400;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  const extensions = { code: error.code, reason: error.reason, field: error.field };
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/** Checks the query string; every mistake is a 400 naming the parameter. */
export function readExportParams(params: URLSearchParams): ExportRequest {
  for (const key of new Set(params.keys())) {
    if (!KNOWN_PARAMS.has(key)) throw invalidParam(key, `Unknown parameter ${key}.`);
    if (params.getAll(key).length > 1) throw invalidParam(key, `${key} may be given once.`);
  }
  const format = params.get('format') ?? 'ndjson';
  if (format !== 'csv' && format !== 'ndjson') {
    throw badField(AuditReason.INVALID_FORMAT, 'format', 'format must be csv or ndjson.');
  }
  const filter: AuditFilter = readRange({
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
  for (const key of TEXT_FIELDS) {
    const value = params.get(key);
    if (value) filter[key] = boundedText(key, value);
  }
  return { format, filter };
}

/** The criteria AuditLogFilter types as ID; the others are String. */
const ID_FIELDS = new Set<string>(['actorId', 'entityId']);

/** A text criterion under the bound GraphQL's filter gives it (length, no control characters). */
function boundedText(key: (typeof TEXT_FIELDS)[number], value: string): string {
  const bound = ID_FIELDS.has(key) ? DEFAULT_BOUNDS.ID : DEFAULT_BOUNDS.String;
  const problem = checkText(value, bound, key);
  if (problem) throw invalidParam(key, problem.message);
  return value;
}

/**
 * Writes the matching entries chain by chain, each in chain order, one batch at a time,
 * waiting whenever `out` is full.
 */
export async function streamEntries(
  em: EntityManager,
  request: ExportRequest,
  out: Writable,
  batchSize = EXPORT_BATCH,
): Promise<number> {
  const where = whereOf(request.filter);
  const render = request.format === 'csv' ? toCsvRow : toNdjsonLine;
  if (request.format === 'csv') await write(out, csvLine([...COLUMNS]));
  let written = 0;
  for (let after = { chain: -1, seq: 0 }; ;) {
    const batch = await em.find(
      AuditEntrySchema,
      {
        $and: [
          where,
          {
            $or: [{ chain: { $gt: after.chain } }, { chain: after.chain, seq: { $gt: after.seq } }],
          },
        ],
      },
      { orderBy: [{ chain: 'asc' }, { seq: 'asc' }], limit: batchSize },
    );
    if (batch.length) await write(out, batch.map(render).join(''));
    written += batch.length;
    if (batch.length < batchSize) return written;
    after = batch[batch.length - 1]!;
    em.clear();
  }
}

function toRecord(entry: AuditEntry): Record<(typeof COLUMNS)[number], unknown> {
  return Object.fromEntries(COLUMNS.map((column) => [column, entry[column] ?? null])) as Record<
    (typeof COLUMNS)[number],
    unknown
  >;
}

const toNdjsonLine = (entry: AuditEntry): string => `${JSON.stringify(toRecord(entry))}\n`;

function toCsvRow(entry: AuditEntry): string {
  const record = toRecord(entry);
  return csvLine(COLUMNS.map((column) => cellText(record[column])));
}

function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const csvLine = (cells: string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * RFC 4180 quoting, after a leading quote on cells a spreadsheet would run as
 * a formula (= + - @, tab, carriage return). A ; is quoted too: Excel with a
 * semicolon list separator would start a new cell, maybe a formula, there.
 */
export function csvCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Resolves when `out` took the chunk, or after 'drain' when its buffer was full. */
function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The client went away.'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => settle(resolve);
    const onClose = () => settle(() => reject(new Error('The client went away.')));
    const settle = (done: () => void) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      done();
    };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

const invalidParam = (key: string, message: string) =>
  badField(AuditReason.INVALID_PARAMETER, key, message);
