import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Ajv, {
  type ErrorObject,
  type FuncKeywordDefinition,
  type SchemaValidateFunction,
  type ValidateFunction,
} from 'ajv';
import addFormats from 'ajv-formats';
import { dataschemaFor, sourceFor } from './envelope';
import { CatalogueError, EventValidationError } from './errors';
import type { EventEnvelope } from './types';

/** One event type and version: what it means, who emits it, who reads it, and its data schema. */
export interface EventContract {
  /** `<domain>.<entity>.<past-tense verb>`, e.g. `employees.employee.created`. */
  type: string;
  /** The envelope's `dataversion` this schema describes, from 1. */
  version: number;
  description: string;
  /** The subgraph that publishes it. */
  producer: string;
  /** The subgraphs that consume it. */
  consumers: string[];
  /** JSON Schema (draft-07) of `data`. */
  schema: Record<string, unknown>;
  /**
   * The type this one was renamed to: a former name, kept so that events already in the
   * stream stay readable. Its data is the new type's data at the same version; consumers
   * receive such an event under the new name. Only a renamed type may break the naming rule.
   */
  renamedTo?: string;
}

/** The contracts shipped with the package, one file `<type>.v<version>.json` each. */
export const CATALOGUE_DIR = path.resolve(__dirname, '..', 'catalogue');

const NAME = '^[a-z][a-z0-9-]*$';
const TOKEN = '[a-z][a-z0-9_]*';
const WORDS = '[a-z][a-z0-9]*(?:_[a-z0-9]+)*';

/**
 * Past forms that do not end in "ed". A verb's last word must end in "ed" or be one of
 * these; add a word here (and to docs/events.md) when a new event needs it.
 */
export const IRREGULAR_PAST = [
  'set',
  'reset',
  'sent',
  'paid',
  'made',
  'held',
  'kept',
  'built',
  'put',
  'read',
  'split',
  'spent',
  'sold',
  'lost',
  'run',
  'done',
  'undone',
  'given',
  'taken',
  'withdrawn',
  'written',
] as const;

/**
 * Particles that may follow the past form in a phrasal verb (`logged_in`, `signed_out`): the
 * word before the particle must then be past tense.
 */
export const PHRASAL_PARTICLES = ['in', 'out', 'up', 'off'] as const;

/** The naming rule, as said in errors and docs. */
export const NAMING_RULE =
  '<domain>.<entity>.<past-tense verb>: three snake_case segments, the domain being the ' +
  'producer, the last word of the verb ending in "ed" or being an irregular past form ' +
  `(${IRREGULAR_PAST.join(', ')}), or that past form followed by a particle ` +
  `(${PHRASAL_PARTICLES.join(', ')})`;

const isPast = (word: string) =>
  word.endsWith('ed') || (IRREGULAR_PAST as readonly string[]).includes(word);

/** Why `type` breaks the naming rule for a contract of `producer`, or undefined when it follows it. */
export function namingRuleBreach(type: string, producer: string): string | undefined {
  const match = new RegExp(`^(${WORDS})\\.(${WORDS})\\.(${WORDS})$`).exec(type);
  if (!match) return 'it is not three snake_case segments';
  const [, domain, , verb] = match;
  if (domain !== producer) return `its domain "${domain}" is not its producer "${producer}"`;
  const words = verb.split('_');
  const last = words[words.length - 1];
  const phrasal = (PHRASAL_PARTICLES as readonly string[]).includes(last) && words.length > 1;
  const past = phrasal ? words[words.length - 2] : last;
  if (!isPast(past)) return `"${past}" is not a past tense`;
  return undefined;
}
/**
 * The largest version, sequence or contract version an event may carry: what the integer
 * columns that keep versions hold on PostgreSQL. A contract's version fields say so too.
 */
const MAX_VERSION = 2_147_483_647;

// Printable ASCII without spaces: ids that come from requests or other systems.
const OPAQUE_ID = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' };

const contractSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'version', 'description', 'producer', 'consumers', 'schema'],
  properties: {
    type: { type: 'string', pattern: `^${TOKEN}(\\.${TOKEN}){1,3}$` },
    version: { type: 'integer', minimum: 1 },
    description: { type: 'string', minLength: 1 },
    producer: { type: 'string', pattern: NAME },
    consumers: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: NAME } },
    schema: { type: 'object' },
    renamedTo: { type: 'string', pattern: `^${TOKEN}(\\.${TOKEN}){1,3}$` },
  },
};

/** The CloudEvents attributes every envelope must have (docs/architecture.md#events). */
const envelopeSchema = {
  type: 'object',
  required: [
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    'dataschema',
    'dataversion',
    'correlationid',
    'data',
  ],
  properties: {
    specversion: { const: '1.0' },
    id: {
      type: 'string',
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
    },
    // Every string is bounded: they end up in logs, dead letters and audit rows.
    source: { type: 'string', maxLength: 100, pattern: '^/subgraphs/[a-z][a-z0-9-]*$' },
    type: { type: 'string', maxLength: 200, pattern: `^${TOKEN}(\\.${TOKEN}){1,3}$` },
    subject: OPAQUE_ID,
    time: { type: 'string', maxLength: 64, format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    dataschema: { type: 'string', maxLength: 300, format: 'uri' },
    dataversion: { type: 'integer', minimum: 1, maximum: MAX_VERSION },
    correlationid: OPAQUE_ID,
    causationid: OPAQUE_ID,
    actor: OPAQUE_ID,
    requestid: OPAQUE_ID,
    traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    data: { type: 'object' },
  },
};

/** The `period` keyword's value: two date-time fields of the object and the longest span. */
interface PeriodRule {
  start: string;
  end: string;
  maxMinutes: number;
}

/**
 * `period` on an object schema: when `end` is set, it is after `start` and at most
 * `maxMinutes` later. JSON Schema cannot compare two fields, and consumers split a period
 * per day, so an unbounded one would tie them up (docs/events.md#bounds).
 */
const periodKeyword: FuncKeywordDefinition = {
  keyword: 'period',
  type: 'object',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['start', 'end', 'maxMinutes'],
    properties: {
      start: { type: 'string' },
      end: { type: 'string' },
      maxMinutes: { type: 'integer', minimum: 1 },
    },
  },
  errors: true,
  validate: checkPeriod,
};

function checkPeriod(rule: PeriodRule, data: Record<string, unknown>): boolean {
  const message = periodBreach(rule, data);
  (checkPeriod as SchemaValidateFunction).errors = message
    ? [{ keyword: 'period', message, params: { ...rule } }]
    : [];
  return message === undefined;
}

/** Why the period of `data` breaks `rule`; undefined when open, or left to `format`. */
function periodBreach(rule: PeriodRule, data: Record<string, unknown>): string | undefined {
  const [start, end] = [data[rule.start], data[rule.end]];
  if (typeof start !== 'string' || typeof end !== 'string') return undefined;
  const [from, to] = [Date.parse(start), Date.parse(end)];
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  if (to <= from) return `must have ${rule.end} after ${rule.start}`;
  if (to - from > rule.maxMinutes * 60_000)
    return `must have ${rule.end} at most ${rule.maxMinutes} minutes after ${rule.start}`;
  return undefined;
}

const keyOf = (type: string, version: number) => `${type}@${version}`;
const labelOf = (contract: unknown) =>
  `contract ${String((contract as { type?: unknown } | null)?.type ?? '?')}`;
const sameMembers = (a: string[], b: string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

function schemaMessage(ajv: Ajv, errors: ErrorObject[] | null | undefined, dataVar: string) {
  return ajv.errorsText(errors, { dataVar });
}

/**
 * The event contracts, each data schema compiled once. Producers validate before they
 * record an event, consumers before they handle one.
 */
export class EventCatalogue {
  private readonly ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
  private readonly checkContract: ValidateFunction;
  private readonly checkEnvelope: ValidateFunction;
  private readonly entries = new Map<
    string,
    { contract: EventContract; checkData: ValidateFunction; origin: string }
  >();

  constructor(contracts: EventContract[] = []) {
    addFormats(this.ajv);
    this.ajv.addKeyword(periodKeyword);
    this.checkContract = this.ajv.compile(contractSchema);
    this.checkEnvelope = this.ajv.compile(envelopeSchema);
    contracts.forEach((contract) => this.add(contract, labelOf(contract)));
    this.checkRenames();
  }

  /** Reads every `<type>.v<version>.json` file of a folder; an error names the file. */
  static fromDirectory(dir: string): EventCatalogue {
    const catalogue = new EventCatalogue();
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));
    for (const file of files.sort()) catalogue.add(readContract(dir, file), file);
    catalogue.checkRenames();
    return catalogue;
  }

  /** Adds a contract (the shipped ones come from files; tests add their own types). */
  register(contract: EventContract): void {
    this.add(contract, labelOf(contract));
    this.checkRenames();
  }

  private add(contract: EventContract, origin: string): void {
    // Contracts come from files, so nothing about their shape is taken for granted.
    if (!this.checkContract(contract)) {
      const reason = schemaMessage(this.ajv, this.checkContract.errors, 'contract');
      throw new CatalogueError(`${origin}: invalid contract: ${reason}`);
    }
    const breach = contract.renamedTo
      ? undefined
      : namingRuleBreach(contract.type, contract.producer);
    if (breach) {
      throw new CatalogueError(
        `${origin}: ${contract.type} breaks the naming rule (${breach}). A type is ${NAMING_RULE}; ` +
          'only a former name marked "renamedTo" is exempt.',
      );
    }
    const key = keyOf(contract.type, contract.version);
    if (this.entries.has(key)) {
      throw new CatalogueError(`${contract.type} v${contract.version} is registered twice.`);
    }
    let checkData: ValidateFunction;
    try {
      checkData = this.ajv.compile(contract.schema);
    } catch (cause) {
      throw new CatalogueError(`The schema of ${contract.type} v${contract.version} is invalid.`, {
        cause,
      });
    }
    this.entries.set(key, { contract, checkData, origin });
  }

  /**
   * A former name must point at a current type of the same producer, version, consumers
   * and data schema: its events are read as events of the new type.
   */
  private checkRenames(): void {
    for (const { contract, origin } of this.entries.values()) {
      if (!contract.renamedTo) continue;
      const target = this.get(contract.renamedTo, contract.version);
      const problem = !target
        ? `${contract.renamedTo} v${contract.version} is not in the catalogue`
        : target.renamedTo
          ? `${target.type} is itself renamed; point at ${target.renamedTo}`
          : target.producer !== contract.producer
            ? 'its producer differs'
            : !sameMembers(target.consumers, contract.consumers)
              ? 'its consumers differ'
              : !isDeepStrictEqual(target.schema, contract.schema)
                ? 'its data schema differs'
                : undefined;
      if (problem) {
        throw new CatalogueError(
          `${origin}: ${contract.type} is renamed to ${contract.renamedTo}, but ${problem}.`,
        );
      }
    }
  }

  /** The name under which an event of `type` is handled: its `renamedTo`, or itself. */
  currentType(type: string): string {
    for (const { contract } of this.entries.values()) {
      if (contract.type === type && contract.renamedTo) return contract.renamedTo;
    }
    return type;
  }

  /**
   * `types` with the former names of each, so that a consumer of a renamed type still
   * reads the events published under its old name. Patterns (`>`, `*`) are kept as they are.
   */
  withFormerNames(types: readonly string[]): string[] {
    const former = [...this.entries.values()]
      .map(({ contract }) => contract)
      .filter((contract) => contract.renamedTo && types.includes(contract.renamedTo))
      .map((contract) => contract.type);
    return [...new Set([...types, ...former])];
  }

  /** The event as its consumers read it: under its current type when it was published under a former one. */
  asCurrent(event: EventEnvelope): EventEnvelope {
    const type = this.currentType(event.type);
    return type === event.type ? event : { ...event, type };
  }

  /** Every contract, by type then version. */
  contracts(): EventContract[] {
    return [...this.entries.values()]
      .map((entry) => entry.contract)
      .sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version);
  }

  get(type: string, version: number): EventContract | undefined {
    return this.entries.get(keyOf(type, version))?.contract;
  }

  /**
   * Checks the envelope's attributes, that its type and version are in the catalogue, that
   * its source is that contract's producer, and its data against that contract; returns it typed, or throws {@link EventValidationError}.
   */
  validate(value: unknown): EventEnvelope {
    if (!this.checkEnvelope(value)) {
      const errors = this.checkEnvelope.errors ?? [];
      throw new EventValidationError(schemaMessage(this.ajv, errors, 'event'), errors);
    }
    const event = value as EventEnvelope;
    const entry = this.entries.get(keyOf(event.type, event.dataversion));
    if (!entry) {
      throw new EventValidationError(
        `${event.type} v${event.dataversion} is not in the event catalogue.`,
      );
    }
    // Stops a misconfigured part, not a hostile one: that takes NATS credentials (docs/nats.md).
    const source = sourceFor(entry.contract.producer);
    if (event.source !== source) {
      throw new EventValidationError(
        `event/source must be ${source}, the producer of ${event.type}; got ${event.source}`,
      );
    }
    const dataschema = dataschemaFor(event.type, event.dataversion);
    if (event.dataschema !== dataschema) {
      throw new EventValidationError(`event/dataschema must be ${dataschema}`);
    }
    if (!entry.checkData(event.data)) {
      const errors = entry.checkData.errors ?? [];
      throw new EventValidationError(schemaMessage(this.ajv, errors, 'event/data'), errors);
    }
    return event;
  }
}

function readContract(dir: string, file: string): EventContract {
  let contract: EventContract;
  try {
    contract = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (cause) {
    throw new CatalogueError(`${file} is not a JSON contract.`, { cause });
  }
  const expected = `${contract.type}.v${contract.version}.json`;
  if (file !== expected) {
    throw new CatalogueError(
      `${file} holds ${contract.type} v${contract.version}: name it ${expected}.`,
    );
  }
  return contract;
}

let shipped: EventCatalogue | undefined;

/**
 * The catalogue of a folder; without one, the shipped catalogue, loaded and compiled once
 * per process.
 */
export function loadCatalogue(dir?: string): EventCatalogue {
  if (dir !== undefined) return EventCatalogue.fromDirectory(dir);
  shipped ??= EventCatalogue.fromDirectory(CATALOGUE_DIR);
  return shipped;
}
