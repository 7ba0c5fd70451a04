import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../api/notify.ts';
import { meQueryKey } from '../api/session.ts';
import { showFormError } from '../shared/formErrors.ts';
import { PasswordRulesHint } from '../shared/PasswordRulesHint.tsx';
import { passwordRule } from '../shared/password.ts';
import { changePassword } from './api.ts';
import { useMe } from './hooks.ts';

type TValues = { currentPassword: string; newPassword: string; confirmPassword: string };

export function PasswordPage() {
  const me = useMe();
  const [form] = Form.useForm<TValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const change = useMutation({
    mutationFn: changePassword,
    meta: { silent: true },
    onSuccess: async () => {
      notifySuccess('密码已修改');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate('/', { replace: true });
    },
    onError: (error) =>
      showFormError(form, error, { WRONG_CURRENT_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'newPassword' }),
  });

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="您的密码为初始密码或已被管理员重置，须先修改密码才能继续使用系统。"
          style={{ marginBottom: 16 }}
          data-testid="must-change-password"
        />
      )}
      <Form
        form={form}
        name="change-password"
        layout="vertical"
        onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          label="当前密码"
          name="currentPassword"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          required
          extra={<PasswordRulesHint />}
          rules={[
            passwordRule(me.username),
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value === getFieldValue('currentPassword'))
                  throw new Error('新密码不能与当前密码相同');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
