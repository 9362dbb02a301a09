import { v7 as uuidv7 } from 'uuid';
import { createTime } from '../subgraphs/time/src';
import { contractOperation } from '../test-support/contractOperation';
import { createdData } from '../test-support/employeeEvents';
import { foreignEvent, handleEvent, startSubgraph } from '../test-support/startSubgraph';
import { databaseKnob } from './lib/databaseKnob';
import { entryInput } from './lib/recordTimeEntries';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:time-write`: the CPU the time subgraph alone spends recording one time
 * entry, in-process: its GraphQL request (the caller's token, verified once and then
 * remembered, as for a signed-in person), the person's write turn, the overlap and
 * working-time checks, the entry and its event committed. No gateway, relay or consumer:
 * time's share of what bench:pipeline's first process spends on an entry, without the noise
 * of the rest. Ten people in turn record ENTRIES (4000) one after another, after WARMUP
 * (1000); ROUNDS (3) such runs are printed. DATABASE: sqlite (default) or postgres.
 */
const ENTRIES = Number(process.env.ENTRIES ?? 4000);
const WARMUP = Number(process.env.WARMUP ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** People taking turns: each one's entries are two hours apart, and none may start in the future. */
const PEOPLE = 10;

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const module = createTime();
  const h = await startSubgraph(module);
  try {
    const people = await Promise.all(
      Array.from({ length: PEOPLE }, async () => {
        const id = uuidv7();
        await handleEvent(h, module, foreignEvent('employees.employee.created', createdData(id)));
        const token = await h.issuer.issue({ role: 'EMPLOYEE', sub: id });
        return { id, authorization: `Bearer ${token}` };
      }),
    );
    const query = contractOperation('RecordTimeEntry');
    let sent = 0;
    const record = async () => {
      const person = people[sent % PEOPLE]!;
      const input = entryInput(person.id, Math.floor(sent++ / PEOPLE));
      const reply = (await h.runtime.execute(
        { query, variables: { input } },
        { authorization: person.authorization },
      )) as { errors?: unknown };
      if (reply.errors) throw new Error(JSON.stringify(reply.errors));
    };
    for (let n = 0; n < WARMUP; n++) await record();
    console.log(
      `time alone, ${database}: ${ENTRIES} entries of ${PEOPLE} people in turn, one at a time`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      const before = process.cpuUsage();
      const started = performance.now();
      for (let n = 0; n < ENTRIES; n++) await record();
      const { user, system } = process.cpuUsage(before);
      const seconds = (performance.now() - started) / 1000;
      const perEntry = (user + system) / 1000 / ENTRIES;
      console.log(
        `  round ${round}: CPU per entry ${perEntry.toFixed(2)} ms; ${(ENTRIES / seconds).toFixed(0)} entries/s`,
      );
    }
  } finally {
    await h.stop();
  }
}

runBench(main);
