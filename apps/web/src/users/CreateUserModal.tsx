import type { TRole } from '@procura/domain/roles';
import { Form, Input, Modal, Select } from 'antd';
import { notifySuccess } from '../api/notify.ts';
import { showFormError } from '../shared/formErrors.ts';
import { PasswordRulesHint } from '../shared/PasswordRulesHint.tsx';
import { passwordRule } from '../shared/password.ts';
import { isPendingApproval, useCreateUser } from './api.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import { roleOptions, usernamePattern } from './options.ts';

type TValues = {
  username: string;
  displayName: string;
  role: TRole;
  departmentId: number | null;
  password: string;
};

/** `onCreated` runs once an account exists (not when it waits for the chief's approval). */
export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const create = useCreateUser();

  const onFinish = (values: TValues) =>
    create.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: (answer) => {
          notifySuccess(
            isPendingApproval(answer)
              ? answer.message
              : `已创建用户 ${answer.displayName}（${answer.username}）`,
          );
          if (!isPendingApproval(answer)) onCreated?.();
          onClose();
        },
        onError: (error) =>
          showFormError(form, error, { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password' }),
      },
    );

  return (
    <Modal
      title="新建用户"
      open={open}
      okText="创建"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'create-user-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        name="user-create"
        layout="vertical"
        initialValues={{ departmentId: null }}
        onFinish={onFinish}
        clearOnDestroy
        data-testid="create-user-form"
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { min: 2, max: 32, message: '用户名为 2 至 32 个字符' },
            { pattern: usernamePattern, message: '用户名只能包含字母、数字、下划线、点和横线' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 32, message: '姓名不能超过 32 个字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} placeholder="请选择角色" />
        </Form.Item>
        <Form.Item label="部门" name="departmentId">
          <DepartmentSelect />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          required
          dependencies={['username']}
          extra={<PasswordRulesHint />}
          rules={[passwordRule(() => form.getFieldValue('username'))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
