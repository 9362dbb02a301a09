import { parseArgs } from 'node:util';
import { ConfigError, configuredIssuer, loadConfig } from '../../runtime';
import { DEFAULT_SIZE, MIN_SIZE, runSeed, type SeedSummary } from './index';

/**
 * `npm run seed [-- --size N] [--gateway URL]`: builds a demo hospital trust of about fifty
 * people through the running gateway (`npm start`, or `--gateway http://gateway:4000/graphql`
 * from compose's `seed` service), with a month of their time, attendance, leave and training
 * (bin/seed/). Its tokens come from the issuer's key under DATA_DIR. Running it again changes
 * nothing.
 */
interface SeedArguments {
  size: number;
  gateway?: string;
}

function argumentsOf(argv: string[]): SeedArguments {
  const { values } = parseArgs({
    args: argv,
    options: { size: { type: 'string' }, gateway: { type: 'string' } },
    strict: true,
  });
  const size = values.size === undefined ? DEFAULT_SIZE : Number(values.size);
  if (!Number.isInteger(size) || size < MIN_SIZE || size > DEFAULT_SIZE)
    throw new ConfigError(`--size must be a whole number from ${MIN_SIZE} to ${DEFAULT_SIZE}.`);
  if (values.gateway !== undefined && !/^https?:\/\/\S+$/.test(values.gateway))
    throw new ConfigError("--gateway must be the http(s) URL of the gateway's /graphql.");
  return { size, gateway: values.gateway };
}

function report(summary: SeedSummary): string {
  const departments = Object.entries(summary.departments)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  const leave = Object.entries(summary.leave)
    .map(([status, n]) => `${n} ${status.toLowerCase()}`)
    .join(', ');
  return [
    `Seeded ${summary.people} people: ${departments}.`,
    `${summary.grades} grades with rate cards; ${summary.agreements} agreements; ${summary.timeEntries} time entries.`,
    `${summary.attendance.checkIns} check-ins (${summary.attendance.late} late) over ${summary.attendance.daysProcessed} processed days.`,
    `Leave requests: ${leave}.`,
    `${summary.training.courses} training courses, ${summary.training.assignments} assignments, ${summary.training.completions} completions.`,
    `${summary.requests} requests to the gateway.`,
    `Try: npm run --silent token -- --role MANAGER --sub ${summary.ids['ed-manager']}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { size, gateway } = argumentsOf(process.argv.slice(2));
  const config = loadConfig();
  const issuer = configuredIssuer(config);
  const summary = await runSeed({
    url: gateway ?? `http://127.0.0.1:${config.PORT}/graphql`,
    token: (caller) => issuer.issue(caller),
    size,
    log: (line) => process.stderr.write(`seed: ${line}\n`),
  });
  console.log(report(summary));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
