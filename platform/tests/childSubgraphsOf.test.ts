import { loadConfig } from '../../runtime';
import { childSubgraphsOf, DEFAULT_CHILD_SUBGRAPHS } from '../src/subgraphProcess/childSubgraphsOf';

const KNOWN = ['employees', 'time', 'accruals', 'billing', 'audit'];
const setting = (value?: string) =>
  loadConfig(value === undefined ? {} : { ALL_IN_ONE_CHILD_SUBGRAPHS: value });

describe('childSubgraphsOf', () => {
  it('moves the event-heavy subgraphs by default on two cores or more, and none on one', () => {
    expect(childSubgraphsOf(setting(), KNOWN, 2)).toEqual(DEFAULT_CHILD_SUBGRAPHS);
    expect(childSubgraphsOf(setting('auto'), KNOWN, 8)).toEqual(['accruals', 'billing', 'audit']);
    expect(childSubgraphsOf(setting(), KNOWN, 1)).toEqual([]);
  });

  it('moves none when told, whatever the cores', () => {
    expect(childSubgraphsOf(setting('none'), KNOWN, 8)).toEqual([]);
  });

  it('moves the subgraphs named, once each, on any machine', () => {
    expect(childSubgraphsOf(setting(' audit, time ,audit'), KNOWN, 1)).toEqual(['audit', 'time']);
  });

  it('refuses a name that is no subgraph, naming it and the choices', () => {
    expect(() => childSubgraphsOf(setting('accruals,payroll'), KNOWN)).toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        message: expect.stringMatching(
          /ALL_IN_ONE_CHILD_SUBGRAPHS: payroll is not a subgraph.*employees, time/,
        ),
      }),
    );
  });

  it('refuses to move every subgraph', () => {
    expect(() => childSubgraphsOf(setting(KNOWN.join(',')), KNOWN)).toThrow(
      /at least one subgraph must stay/,
    );
  });

  it('refuses a value that is neither a keyword nor names at start', () => {
    expect(() => setting('Accruals!')).toThrow(/ALL_IN_ONE_CHILD_SUBGRAPHS/);
  });
});
