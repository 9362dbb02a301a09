import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { problemsOf, type Problem } from '../api/problemsOf';
import { useReconnected } from '../api/useReconnected';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  MyNotificationsDocument,
  NotificationReceivedDocument,
  UnreadCountDocument,
} from '../gql/graphql';
import { CsvButton } from '../ui/CsvButton';
import { ProblemList, formatDateTime } from '../ui/Field';
import { Pager } from '../ui/Pager';
import { usePages } from '../ui/usePages';

const PAGE_SIZE = 20;

/** Notifications, newest first, live: a new one appears as it is stored. */
export default function NotificationsPage() {
  const pages = usePages();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, refetch } = useQuery(MyNotificationsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, unreadOnly },
  });
  useSubscription(NotificationReceivedDocument, { onData: () => void refetch() });
  useReconnected(() => void refetch());
  const refetchQueries = [UnreadCountDocument];
  const [markRead] = useMutation(MarkNotificationReadDocument, { refetchQueries });
  const [markAll] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries });
  const [problems, setProblems] = useState<Problem[]>([]);
  const list = data?.myNotifications;
  const run = (promise: Promise<unknown>) =>
    promise.then(
      () => void refetch(),
      (caught: unknown) => setProblems(problemsOf(caught, []).general),
    );

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      <p aria-live="polite">{data ? `${data.unreadNotificationCount} unread` : ''}</p>
      <div className="toolbar">
        <label>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              pages.reset();
            }}
          />{' '}
          Unread only
        </label>
        <button type="button" onClick={() => void run(markAll())}>
          Mark all read
        </button>
        <CsvButton
          filename="notifications.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'When', value: (n) => n.createdAt },
            { heading: 'Title', value: (n) => n.title },
            { heading: 'Body', value: (n) => n.body },
            { heading: 'Status', value: (n) => n.status },
          ]}
        />
      </div>
      <ProblemList problems={problems} />
      <ul className="notifications" aria-label="Your notifications">
        {list?.nodes.map((n) => (
          <li key={n.id} className={`card ${n.status === 'UNREAD' ? 'unread' : ''}`}>
            <div>{n.title}</div>
            <p>{n.body}</p>
            <small>{formatDateTime(n.createdAt)}</small>{' '}
            {n.status === 'UNREAD' && (
              <button
                type="button"
                className="secondary"
                onClick={() => void run(markRead({ variables: { input: { id: n.id } } }))}
              >
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </section>
  );
}
