import { type ComponentType, lazy } from 'react';
import { LoginPage } from '../auth/LoginPage.tsx';
import { WorkbenchPage } from '../workbench/WorkbenchPage.tsx';
import type { TAppPath } from './routes.tsx';

/** A page whose code is fetched when first shown, or earlier by `preload` (idempotent). */
type TPage = ComponentType & { preload?: () => Promise<unknown> };

function lazyPage(load: () => Promise<{ default: ComponentType }>): TPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined; // a failed fetch (a new release, the network) is tried again
      throw error;
    });
    return loading;
  };
  return Object.assign(lazy(once), { preload: once });
}

/**
 * The page shown at each route of app/routes.tsx: every route has one (the type says so), and
 * all but the login and home pages are loaded when first opened, or before (`preloadPage`; main.tsx preloads
 * the page the browser opens on while the session is checked).
 */
export const pages: Record<TAppPath, TPage> = {
  // Eager: a lazy login page measured slower on a cold load (one more step before the form).
  '/login': LoginPage,
  '/portal': lazyPage(() => import('../portal/PortalEntry.tsx')),
  '/portal/suggestions': lazyPage(() => import('../portal/PortalSuggestionsPage.tsx')),
  '/portal/clues': lazyPage(() => import('../portal/PortalCluesPage.tsx')),
  '/portal/consultations': lazyPage(() => import('../portal/PortalConsultationsPage.tsx')),
  '/admin/organisations': lazyPage(() => import('../portal/OrganisationsPage.tsx')),
  '/campus-mailbox/pickup': lazyPage(() => import('../mailbox/PickupPage.tsx')),
  '/campus-mailbox/:token': lazyPage(() => import('../mailbox/PublicMailboxPage.tsx')),
  '/': WorkbenchPage,
  '/cockpit': lazyPage(() => import('../cockpit/CockpitPage.tsx')),
  '/assessment/mine': lazyPage(() => import('../assessment/MyAssessmentPage.tsx')),
  '/assessment/lists': lazyPage(() => import('../assessment/AssessmentListsPage.tsx')),
  '/assessment/schemes': lazyPage(() => import('../assessment/SchemesPage.tsx')),
  '/clues': lazyPage(() => import('../clues/CluesPage.tsx')),
  '/clues/sent': lazyPage(() => import('../clues/SentCluesPage.tsx')),
  '/clues/:id': lazyPage(() => import('../clues/ClueDetailPage.tsx')),
  '/cases': lazyPage(() => import('../cases/CasesPage.tsx')),
  '/cases/:id': lazyPage(() => import('../cases/CaseDetailPage.tsx')),
  '/protected-objects': lazyPage(() => import('../public-interest-fields/ProtectedObjectsPage.tsx')),
  '/protected-objects/:id': lazyPage(() => import('../public-interest-fields/ProtectedObjectPage.tsx')),
  '/hearing-officers': lazyPage(() => import('../hearings/HearingOfficersPage.tsx')),
  '/cooperation-agreements': lazyPage(() => import('../consultations/AgreementsPage.tsx')),
  '/suggestions': lazyPage(() => import('../suggestions/SuggestionsPage.tsx')),
  '/patrols': lazyPage(() => import('../patrols/PatrolsPage.tsx')),
  '/patrols/:id': lazyPage(() => import('../patrols/PatrolDetailPage.tsx')),
  '/class-cases': lazyPage(() => import('../class-supervision/ClassCasesPage.tsx')),
  '/class-cases/:id': lazyPage(() => import('../class-supervision/ClassCaseDetailPage.tsx')),
  '/invited/cases': lazyPage(() => import('../class-supervision/InvitedCasesPage.tsx')),
  '/invited/cases/:id': lazyPage(() => import('../class-supervision/InvitedCaseDetailPage.tsx')),
  '/deadlines': lazyPage(() => import('../deadlines/MyDeadlinesPage.tsx')),
  '/deadlines/board': lazyPage(() => import('../deadlines/DeadlineBoardPage.tsx')),
  '/reassign': lazyPage(() => import('../reassignment/ReassignPage.tsx')),
  '/models': lazyPage(() => import('../models/ModelsPage.tsx')),
  '/models/datasets': lazyPage(() => import('../models/DatasetsPage.tsx')),
  '/models/hits': lazyPage(() => import('../models/HitsPage.tsx')),
  '/models/runs/:id': lazyPage(() => import('../models/RunPage.tsx')),
  '/models/:id': lazyPage(() => import('../models/ModelDetailPage.tsx')),
  '/mailbox': lazyPage(() => import('../mailbox/LettersPage.tsx')),
  '/mailbox/letters/:id': lazyPage(() => import('../mailbox/LetterDetailPage.tsx')),
  '/mailbox/statistics': lazyPage(() => import('../mailbox/StatisticsPage.tsx')),
  '/mailbox/schools': lazyPage(() => import('../mailbox/SchoolsPage.tsx')),
  '/mailbox/schools/:id/poster': lazyPage(() => import('../mailbox/MailboxPosterPage.tsx')),
  '/employment-checks': lazyPage(() => import('../employment-checks/EmploymentChecksPage.tsx')),
  '/employment-checks/:id': lazyPage(() => import('../employment-checks/EmploymentCheckDetailPage.tsx')),
  '/judicial-aid': lazyPage(() => import('../judicial-aid/SummaryPage.tsx')),
  '/cockpit/reports': lazyPage(() => import('../reports/ReportsPage.tsx')),
  '/cockpit/reports/:id': lazyPage(() => import('../reports/ReportPage.tsx')),
  '/outreach': lazyPage(() => import('../outreach/OutreachPage.tsx')),
  '/assessment/profile': lazyPage(() => import('../assessment-profile/ProfilePage.tsx')),
  '/juvenile': lazyPage(() => import('../juvenile/JuvenileCasesPage.tsx')),
  '/juvenile/cases/:id': lazyPage(() => import('../juvenile/JuvenileCaseDetailPage.tsx')),
  '/juvenile/centre': lazyPage(() => import('../juvenile/CentrePage.tsx')),
  '/juvenile/follow-ups': lazyPage(() => import('../juvenile/FollowUpsPage.tsx')),
  '/juvenile/sealed': lazyPage(() => import('../juvenile/SealedPage.tsx')),
  '/admin/calendar': lazyPage(() => import('../calendar/CalendarPage.tsx')),
  '/admin/departments': lazyPage(() => import('../departments/DepartmentSettingsPage.tsx')),
  '/admin/users': lazyPage(() => import('../users/UsersPage.tsx')),
  '/account-requests': lazyPage(() => import('../account-requests/AccountRequestsPage.tsx')),
  '/admin/audit': lazyPage(() => import('../audit/AuditPage.tsx')),
  '/password': lazyPage(() => import('../auth/PasswordPage.tsx').then((m) => ({ default: m.PasswordPage }))),
};

/**
 * Starts fetching the code of the page at `path` (a route path such as '/cases/:id'); resolves
 * once it is there, or failed (the page then retries when opened). At once for a page that is part
 * of the first file, or an unknown path.
 */
export async function preloadPage(path: string): Promise<void> {
  try {
    await pages[path as TAppPath]?.preload?.();
  } catch {
    // shown, and retried, when the page is opened
  }
}
