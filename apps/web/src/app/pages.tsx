import { type ComponentType, lazy } from 'react';
import { LoginPage } from '../auth/LoginPage.tsx';
import { PasswordPage } from '../auth/PasswordPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import type { TAppPath } from './routes.tsx';

/**
 * The page shown at each route of app/routes.tsx: every route has one (the type says so), and
 * all but the first pages a user sees are loaded when first opened.
 */
export const pages: Record<TAppPath, ComponentType> = {
  '/login': LoginPage,
  '/campus-mailbox/pickup': lazy(() => import('../mailbox/PickupPage.tsx')),
  '/campus-mailbox/:token': lazy(() => import('../mailbox/PublicMailboxPage.tsx')),
  '/': HomePage,
  '/clues': lazy(() => import('../clues/CluesPage.tsx')),
  '/clues/sent': lazy(() => import('../clues/SentCluesPage.tsx')),
  '/clues/:id': lazy(() => import('../clues/ClueDetailPage.tsx')),
  '/cases': lazy(() => import('../cases/CasesPage.tsx')),
  '/cases/:id': lazy(() => import('../cases/CaseDetailPage.tsx')),
  '/suggestions': lazy(() => import('../suggestions/SuggestionsPage.tsx')),
  '/deadlines': lazy(() => import('../deadlines/MyDeadlinesPage.tsx')),
  '/deadlines/board': lazy(() => import('../deadlines/DeadlineBoardPage.tsx')),
  '/reassign': lazy(() => import('../reassignment/ReassignPage.tsx')),
  '/models': lazy(() => import('../models/ModelsPage.tsx')),
  '/models/datasets': lazy(() => import('../models/DatasetsPage.tsx')),
  '/models/runs/:id': lazy(() => import('../models/RunPage.tsx')),
  '/models/:id': lazy(() => import('../models/ModelDetailPage.tsx')),
  '/mailbox': lazy(() => import('../mailbox/LettersPage.tsx')),
  '/mailbox/letters/:id': lazy(() => import('../mailbox/LetterDetailPage.tsx')),
  '/mailbox/statistics': lazy(() => import('../mailbox/StatisticsPage.tsx')),
  '/mailbox/schools': lazy(() => import('../mailbox/SchoolsPage.tsx')),
  '/mailbox/schools/:id/poster': lazy(() => import('../mailbox/MailboxPosterPage.tsx')),
  '/employment-checks': lazy(() => import('../employment-checks/EmploymentChecksPage.tsx')),
  '/employment-checks/:id': lazy(() => import('../employment-checks/EmploymentCheckDetailPage.tsx')),
  '/outreach': lazy(() => import('../outreach/OutreachPage.tsx')),
  '/juvenile': lazy(() => import('../juvenile/JuvenileCasesPage.tsx')),
  '/juvenile/cases/:id': lazy(() => import('../juvenile/JuvenileCaseDetailPage.tsx')),
  '/juvenile/centre': lazy(() => import('../juvenile/CentrePage.tsx')),
  '/juvenile/follow-ups': lazy(() => import('../juvenile/FollowUpsPage.tsx')),
  '/juvenile/sealed': lazy(() => import('../juvenile/SealedPage.tsx')),
  '/admin/calendar': lazy(() => import('../calendar/CalendarPage.tsx')),
  '/admin/departments': lazy(() => import('../departments/DepartmentSettingsPage.tsx')),
  '/admin/users': lazy(() => import('../users/UsersPage.tsx')),
  '/account-requests': lazy(() => import('../account-requests/AccountRequestsPage.tsx')),
  '/admin/audit': lazy(() => import('../audit/AuditPage.tsx')),
  '/password': PasswordPage,
};
