import { Navigate } from 'react-router';

/** /portal: the login entry of 外部单位 (same login, lock-out and sessions), landing on their page. */
export default function PortalEntry() {
  return <Navigate to="/login" replace state={{ from: '/portal/suggestions' }} />;
}
