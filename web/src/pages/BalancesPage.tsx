import { useQuery } from '@apollo/client/react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { problemsOf } from '../api/problemsOf';
import { useEmployeeId } from '../app/AppContext';
import { AccrualBalancesDocument, type AccrualBalancesQuery } from '../gql/graphql';
import { CsvButton } from '../ui/CsvButton';
import { ProblemList } from '../ui/Field';
import { localDate } from '../ui/dates';

// Only the parts drawn here, so the chart costs what it uses (and only on this page).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Accrual = NonNullable<NonNullable<AccrualBalancesQuery['employee']>['accruals']>[number];

/** Balances: each accrual type, worked against its target and the share expected by today. */
export default function BalancesPage() {
  const id = useEmployeeId();
  const { data, error } = useQuery(AccrualBalancesDocument, { variables: { id, on: localDate() } });
  const accruals = data?.employee?.accruals ?? [];
  return (
    <section aria-labelledby="balances-title">
      <h1 id="balances-title">Balances</h1>
      {error && <ProblemList problems={problemsOf(error).general} />}
      {data && accruals.length === 0 && (
        <p>No agreement covers today, so there is nothing to accrue.</p>
      )}
      {accruals.length > 0 && <AccrualChart accruals={accruals} />}
      <div className="toolbar">
        <CsvButton
          filename="balances.csv"
          rows={accruals}
          columns={[
            { heading: 'Type', value: (a) => a.accrualType },
            { heading: 'Unit', value: (a) => a.measurementUnit },
            { heading: 'Target', value: (a) => a.target },
            { heading: 'Worked', value: (a) => a.worked },
            { heading: 'Expected to date', value: (a) => a.expectedToDate },
            { heading: 'Remaining', value: (a) => a.remaining },
            { heading: 'Status', value: (a) => a.status },
          ]}
        />
      </div>
      <table aria-label="Accrual balances">
        <thead>
          <tr>
            <th>Type</th>
            <th>Worked</th>
            <th>Expected to date</th>
            <th>Target</th>
            <th>Remaining</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {accruals.map((a) => (
            <tr key={a.accrualType}>
              <td>{a.accrualType}</td>
              <td>{round(a.worked)}</td>
              <td>{round(a.expectedToDate)}</td>
              <td>{round(a.target)}</td>
              <td>{round(a.remaining)}</td>
              <td>{a.status.replace(/_/g, ' ').toLowerCase()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

function AccrualChart({ accruals }: { accruals: Accrual[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: accruals.map((a) => a.accrualType.replace(/_/g, ' ').toLowerCase()),
        datasets: [
          { label: 'Worked', data: accruals.map((a) => a.worked), backgroundColor: '#1d4fb8' },
          {
            label: 'Expected to date',
            data: accruals.map((a) => a.expectedToDate),
            backgroundColor: '#8aa4d6',
          },
          { label: 'Target', data: accruals.map((a) => a.target), backgroundColor: '#c9ced8' },
        ],
      },
      options: { responsive: true, animation: false, plugins: { legend: { position: 'bottom' } } },
    });
    return () => chart.destroy();
  }, [accruals]);
  return (
    <div className="card">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Worked, expected and target of each accrual type (the table below has the figures)"
      />
    </div>
  );
}
