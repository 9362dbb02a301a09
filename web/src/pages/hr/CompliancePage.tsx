import { Page } from '../../ui/Page';
import { ComplianceTraining } from './ComplianceTraining';
import { Violations } from './Violations';

/**
 * Compliance for HR: violations to review and close; training assignments due, with (for HR)
 * courses, assigning them and recording completions. Auditors read the same lists.
 */
export default function CompliancePage() {
  return (
    <Page id="compliance" title="Compliance">
      <Violations />
      <ComplianceTraining />
    </Page>
  );
}
