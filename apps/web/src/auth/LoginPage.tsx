import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TMe } from '@procura/server/auth/schema';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../api/errors.ts';
import { sessionStarted } from '../api/session.ts';
import { routeOf } from '../app/routes.tsx';
import { hasAccess } from './access.ts';
import { login, type TLoginBody } from './api.ts';
import { DemoAccounts } from './DemoAccounts.tsx';
import { useMeQuery, usePublicInfo } from './hooks.ts';

/** Where to go after signing in: back to the page the session was lost on, if this user may use it. */
function useReturnPath(): (user: TMe) => string {
  const state = useLocation().state as { from?: unknown } | null;
  const from = typeof state?.from === 'string' && state.from.startsWith('/') ? state.from : '/';
  return (user) => {
    if (user.mustChangePassword) return '/password';
    const route = routeOf(new URL(from, window.location.origin).pathname);
    return route && route.access !== 'public' && hasAccess(user, route.access) ? from : '/';
  };
}

export function LoginPage() {
  const [form] = Form.useForm<TLoginBody>();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const { data: me } = useMeQuery();
  const { data: info } = usePublicInfo();

  const signIn = useMutation({
    mutationFn: login,
    meta: { silent: true },
    onSuccess: (user) => {
      sessionStarted(user);
      navigate(returnPath(user), { replace: true });
    },
  });

  if (me) return <Navigate to={returnPath(me)} replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 24,
        flexWrap: 'wrap',
        padding: 24,
        background: 'linear-gradient(180deg, #e8eef8 0%, #f5f7fa 100%)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title
          level={3}
          style={{ textAlign: 'center', marginBottom: 4 }}
          data-testid="login-heading"
        >
          {info?.procuratorate.name ?? '检察履职一体化平台'}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {info ? '检察履职一体化平台' : '\u00a0'}
        </Typography.Paragraph>
        <Form
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => signIn.mutate(values)}
          onValuesChange={() => signIn.isError && signIn.reset()}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {signIn.isError && (
            <Alert
              type="error"
              showIcon
              title={errorText(signIn.error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signIn.isPending}
            data-testid="login-submit"
          >
            登录
          </Button>
        </Form>
      </Card>
      {info?.demo && (
        <DemoAccounts
          accounts={info.demoAccounts}
          onPick={(account) => {
            signIn.reset();
            form.setFieldsValue({ username: account.username, password: account.password });
          }}
        />
      )}
    </div>
  );
}
