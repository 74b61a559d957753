import { Route, Routes } from 'react-router';
import { TaskDetail } from './components/TaskDetail';
import { TaskList } from './components/TaskList';

/** Tasks of the plan's appendix (plan 54 III): list and filters, my tasks, timeline, import, per-unit progress. */
export function TasksPage() {
  return (
    <Routes>
      <Route index element={<TaskList />} />
      <Route path=":taskId" element={<TaskDetail />} />
    </Routes>
  );
}
