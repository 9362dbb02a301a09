import { buildSubgraphSchema } from '@apollo/subgraph';
import { validate } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { notifications } from '../src';
import { escapeHtml, renderEmail } from '../src/email';

const ours = loadContract().filter((o) => o.file === 'notifications.graphql');
const served = ours.filter((o) =>
  o.document.definitions.some((d) => 'operation' in d && d.operation !== 'subscription'),
);

// What this checks: each operation is valid against this subgraph's schema alone, so the
// gateway can send it here whole. inbox.int.test.ts runs all three on the real subgraph;
// the subscriptions are the gateway's (platform/tests/contract.int.test.ts).
describe('notifications schema', () => {
  it('validates every query and mutation of notifications.graphql against this subgraph alone', () => {
    expect(served.map((o) => o.name).sort()).toEqual([
      'MarkAllNotificationsRead',
      'MarkNotificationRead',
      'MyNotifications',
    ]);
    const schema = buildSubgraphSchema({
      typeDefs: notifications.typeDefs,
      resolvers: notifications.resolvers as never,
    });
    for (const operation of served) expect(validate(schema, operation.document)).toEqual([]);
  });
});

describe('notifications e-mail rendering', () => {
  it('escapes user text in the HTML part', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const email = renderEmail('Hi <img src=x onerror=alert(1)>', 'line 1\n<b>line 2</b>');
    expect(email.html).toContain('<h2>Hi &lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(email.html).toContain('<p>line 1<br>&lt;b&gt;line 2&lt;/b&gt;</p>');
    expect(email.subject).toBe('Hi <img src=x onerror=alert(1)>');
    expect(renderEmail('a\r\nb', 'x').subject).toBe('a b');
  });
});
