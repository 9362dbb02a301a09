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
import { useEmployeeId } from '../app/AppContext';
import { AccrualBalancesDocument, type AccrualBalancesQuery } from '../gql/graphql';
import { ExportTable } from '../ui/ExportTable';
import { Page } from '../ui/Page';
import { fieldColumns, type CsvColumn } from '../ui/csv';
import {
  ACCRUAL_STATUS_LABELS,
  ACCRUAL_TYPE_LABELS,
  MEASUREMENT_UNIT_LABELS,
} from '../ui/enumLabels';
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
    <Page id="balances" title="Balances" error={error}>
      {data && accruals.length === 0 && (
        <p>No agreement covers today, so there is nothing to accrue.</p>
      )}
      {accruals.length > 0 && <AccrualChart accruals={accruals} />}
      <ExportTable
        label="Accrual balances"
        rows={accruals}
        csv={{ filename: 'balances.csv', columns: CSV_COLUMNS }}
        rowKey={(a) => a.accrualType}
        columns={[
          { heading: 'Type', cell: (a) => ACCRUAL_TYPE_LABELS[a.accrualType] },
          { heading: 'Worked', cell: (a) => amount(a, a.worked) },
          { heading: 'Expected to date', cell: (a) => amount(a, a.expectedToDate) },
          { heading: 'Target', cell: (a) => amount(a, a.target) },
          { heading: 'Remaining', cell: (a) => amount(a, a.remaining) },
          { heading: 'Status', cell: (a) => ACCRUAL_STATUS_LABELS[a.status] },
        ]}
      />
    </Page>
  );
}

const CSV_COLUMNS: CsvColumn<Accrual>[] = fieldColumns({
  Type: 'accrualType',
  Unit: 'measurementUnit',
  Target: 'target',
  Worked: 'worked',
  'Expected to date': 'expectedToDate',
  Remaining: 'remaining',
  Status: 'status',
});

const round = (n: number) => Math.round(n * 100) / 100;

/** A figure with its unit, so hours and counts of periods are not mistaken for each other. */
const amount = (accrual: Accrual, n: number) =>
  `${round(n)} ${MEASUREMENT_UNIT_LABELS[accrual.measurementUnit]}`;

function AccrualChart({ accruals }: { accruals: Accrual[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: accruals.map((a) => ACCRUAL_TYPE_LABELS[a.accrualType]),
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
