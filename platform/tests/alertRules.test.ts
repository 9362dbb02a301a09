import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { platformSuite } from '../../test-support/platformSuite';

// The alert rules an operator loads into Prometheus must name metrics the platform really
// serves: a renamed metric would leave its alert silent forever, and no one would notice.
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string; runbook?: string };
}

const root = path.resolve(__dirname, '../..');
const file = path.join(root, 'deploy/prometheus/alerts.yml');
const rules = (
  parse(fs.readFileSync(file, 'utf8')) as { groups: { rules: Rule[] }[] }
).groups.flatMap((group) => group.rules);

/** Names made by Prometheus itself, not by a target. */
const PROMETHEUS_OWN = new Set(['up']);
const FUNCTIONS_AND_WORDS = new Set([
  'max', 'min', 'sum', 'by', 'and', 'or', 'rate', 'delta', 'le', 'histogram_quantile',
  'min_over_time', 'max_over_time', 'job', 'state', 'reason', 'code', 'subgraph', 'consumer',
]); // prettier-ignore

/** The metric names an expression reads (identifiers that are not functions or labels). */
function metricsIn(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, '');
  const names = withoutStrings.match(/[a-z_][a-z0-9_]*/g) ?? [];
  return [...new Set(names)].filter((name) => !FUNCTIONS_AND_WORDS.has(name));
}

/** Every series name /metrics can show: histograms as their `_bucket`, `_sum` and `_count`. */
function servedNames(metricsText: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of metricsText.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') ['_bucket', '_sum', '_count'].forEach((s) => names.add(name + s));
  }
  return names;
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as `-`. */
function headingAnchors(markdown: string): Set<string> {
  const headings = markdown.match(/^#{1,6} .+$/gm) ?? [];
  return new Set(
    headings.map((heading) =>
      heading
        .replace(/^#+ /, '')
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('the Prometheus alert rules', () => {
  const tp = platformSuite({}, 120_000);

  it('name only metrics a running platform serves on /metrics', async () => {
    const text = await (await fetch(tp.url.replace(/\/graphql$/, '/metrics'))).text();
    const served = servedNames(text);
    const unknown = rules.flatMap((rule) =>
      metricsIn(rule.expr)
        .filter((name) => !served.has(name) && !PROMETHEUS_OWN.has(name))
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('cover the outbox, consumer lag, dead letters and open breakers', () => {
    const read = rules.map((rule) => metricsIn(rule.expr)).flat();
    for (const metric of [
      'hr_outbox_backlog',
      'hr_consumer_pending',
      'hr_dead_letters',
      'gateway_subgraph_circuit_state',
    ])
      expect(read).toContain(metric);
  });

  it('give each alert a severity, a summary and a runbook section that exists', () => {
    for (const rule of rules) {
      const [page, anchor] = (rule.annotations?.runbook ?? '').split('#');
      const doc = fs.existsSync(path.join(root, page))
        ? fs.readFileSync(path.join(root, page), 'utf8')
        : '';
      expect({
        alert: rule.alert,
        severity: rule.labels?.severity,
        summary: Boolean(rule.annotations?.summary),
        page: doc.length > 0,
        section: anchor === undefined || headingAnchors(doc).has(anchor),
      }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(warning|critical)$/),
        summary: true,
        page: true,
        section: true,
      });
    }
  });
});
