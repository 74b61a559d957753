import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../../lib/session';
import { DataGridPage } from './DataGridPage';
import { MyReportsPage } from './MyReportsPage';
import { PeriodPage } from './PeriodPage';
import { PeriodsPage } from './PeriodsPage';
import { ReportPage } from './ReportPage';

/**
 * Periodic reports (plan 54 V.1.a, issue #7): the DX office's periods, completeness and review; a unit's own
 * reports, pre-filled from its records. The start page depends on who signs in: the DX office sees the periods,
 * a unit officer what it owes.
 */
export function ReportsPage() {
  const { can } = useSession();
  return (
    <Routes>
      <Route
        index
        element={<Navigate to={can('report.manage') || !can('report.write') ? 'periods' : 'mine'} replace />}
      />
      <Route path="mine" element={<MyReportsPage />} />
      <Route path="periods" element={<PeriodsPage />} />
      <Route path="periods/:periodId" element={<PeriodPage />} />
      <Route path="periods/:periodId/units/:unitId" element={<ReportPage />} />
      <Route path="periods/:periodId/data" element={<DataGridPage />} />
    </Routes>
  );
}
