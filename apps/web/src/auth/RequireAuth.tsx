import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorText } from '../api/errors.ts';
import { sessionEndedByLogout } from '../api/session.ts';
import { useMeQuery } from './hooks.ts';

/**
 * Renders its children only for a signed-in user. Without a session it sends the browser to
 * /login (remembering where it was, unless the user logged out); a user who must change the password is held on /password.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMeQuery();

  if (me.isPending) return <Spin fullscreen description="正在加载…" />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title="无法获取登录状态"
        subTitle={errorText(me.error)}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!me.data) {
    const from = sessionEndedByLogout() ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  if (me.data.mustChangePassword && location.pathname !== '/password')
    return <Navigate to="/password" replace />;
  return children;
}
