import type { TUser } from '@procura/server/users/schema';
import { Alert, Form, Input, Modal } from 'antd';
import { notifySuccess } from '../api/notify.ts';
import { showFormError } from '../shared/formErrors.ts';
import { PasswordRulesHint } from '../shared/PasswordRulesHint.tsx';
import { passwordRule } from '../shared/password.ts';
import { useLast } from '../shared/useLast.ts';
import { isPendingApproval, useResetPassword } from './api.ts';

type TValues = { password: string };

export function ResetPasswordModal({ user: selected, onClose }: { user: TUser | null; onClose: () => void }) {
  const user = useLast(selected);
  const [form] = Form.useForm<TValues>();
  const reset = useResetPassword();

  const onFinish = ({ password }: TValues) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: (answer) => {
          notifySuccess(
            isPendingApproval(answer)
              ? `${answer.message}；新密码将在批准时生成，只向检察长显示`
              : `已重置 ${user.displayName} 的密码，其下次登录时须修改密码`,
          );
          onClose();
        },
        onError: (error) => showFormError(form, error, { WEAK_PASSWORD: 'password' }),
      },
    );
  };

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={selected !== null}
      okText="重置"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
      destroyOnHidden
    >
      {user && (
        <>
          <Alert
            type="info"
            showIcon
            title="重置后请将新密码告知本人，该用户下次登录时须修改密码。"
            style={{ marginBottom: 16 }}
          />
          <Form form={form} name="user-reset-password" layout="vertical" onFinish={onFinish} clearOnDestroy>
            <Form.Item
              label="新密码"
              name="password"
              required
              extra={<PasswordRulesHint />}
              rules={[passwordRule(user.username)]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
