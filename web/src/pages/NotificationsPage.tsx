import { useMutation, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { useReconnected } from '../api/useReconnected';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  MyNotificationsDocument,
  NotificationReceivedDocument,
  UnreadCountDocument,
  type MyNotificationsQuery,
} from '../gql/graphql';
import { CheckField } from '../ui/CheckField';
import { ConnectionPager } from '../ui/ConnectionPager';
import { CsvButton } from '../ui/CsvButton';
import { formatDateTime } from '../ui/dates';
import { ProblemList } from '../ui/Field';
import { Page } from '../ui/Page';
import { usePagedQuery } from '../ui/usePagedQuery';
import { usePages } from '../ui/usePages';
import { useRowActions } from '../ui/useRowActions';
import { fieldColumns } from '../ui/csv';

const refetchQueries = [UnreadCountDocument];
type Notification = MyNotificationsQuery['myNotifications']['nodes'][number];

/** Notifications, newest first, live: a new one appears as it is stored. */
export default function NotificationsPage() {
  const pages = usePages();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, list, refetch } = usePagedQuery(MyNotificationsDocument, (d) => d.myNotifications, {
    variables: { unreadOnly },
    pages,
  });
  useSubscription(NotificationReceivedDocument, { onData: () => void refetch() });
  useReconnected(() => void refetch());
  const [markRead] = useMutation(MarkNotificationReadDocument, { refetchQueries });
  const [markAll] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries });
  const actions = useRowActions(() => void refetch());
  const nodes = list.connection?.nodes;
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Page id="notifications" title="Notifications">
      <p aria-live="polite">{data ? `${data.unreadNotificationCount} unread` : ''}</p>
      <div className="toolbar">
        <CheckField
          label="Unread only"
          checked={unreadOnly}
          onChange={(checked) => {
            setUnreadOnly(checked);
            pages.reset();
          }}
        />
        <button type="button" disabled={unread === 0} onClick={() => actions.run(markAll())}>
          Mark all read
        </button>
        <CsvButton
          filename="notifications.csv"
          rows={list.connection?.nodes ?? []}
          columns={fieldColumns({
            When: 'createdAt',
            Title: 'title',
            Body: 'body',
            Status: 'status',
          })}
        />
      </div>
      <ProblemList problems={actions.problems} />
      {nodes?.length === 0 && (
        <p>{unreadOnly ? 'Nothing unread: you are up to date.' : 'You have no notifications.'}</p>
      )}
      {nodes && nodes.length > 0 && (
        <ul className="notifications" aria-label="Your notifications">
          {nodes.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onRead={() => actions.run(markRead({ variables: { input: { id: n.id } } }))}
            />
          ))}
        </ul>
      )}
      <ConnectionPager {...list} />
    </Page>
  );
}

function NotificationItem(props: { notification: Notification; onRead(): void }) {
  const { notification: n, onRead } = props;
  return (
    <li className={`card ${n.status === 'UNREAD' ? 'unread' : ''}`}>
      <div>{n.title}</div>
      <p>{n.body}</p>
      <small>{formatDateTime(n.createdAt)}</small>{' '}
      {n.status === 'UNREAD' && (
        <button type="button" className="secondary" onClick={onRead}>
          Mark read
        </button>
      )}
    </li>
  );
}
