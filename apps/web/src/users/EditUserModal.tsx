import type { TRole } from '@procura/domain/roles';
import type { TUpdateUserBody, TUser } from '@procura/server/users/schema';
import { Form, Input, Modal, Select } from 'antd';
import { notifySuccess } from '../api/notify.ts';
import { showFormError } from '../shared/formErrors.ts';
import { useLast } from '../shared/useLast.ts';
import { isPendingApproval, useUpdateUser } from './api.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import { roleOptions } from './options.ts';

type TValues = { displayName: string; role: TRole; departmentId: number | null };

/** Only the fields that changed are sent, so the audit log records real changes (e.g. a move). */
function changes(user: TUser, values: TValues): TUpdateUserBody {
  const body: TUpdateUserBody = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) body.displayName = displayName;
  if (values.role !== user.role) body.role = values.role;
  if (values.departmentId !== (user.department?.id ?? null)) body.departmentId = values.departmentId;
  return body;
}

export function EditUserModal({ user: selected, onClose }: { user: TUser | null; onClose: () => void }) {
  const user = useLast(selected);
  const [form] = Form.useForm<TValues>();
  const update = useUpdateUser({ silent: true });

  const onFinish = (values: TValues) => {
    if (!user) return;
    const body = changes(user, values);
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: (saved) => {
          notifySuccess(isPendingApproval(saved) ? saved.message : `已保存 ${saved.displayName} 的信息`);
          onClose();
        },
        onError: (error) => showFormError(form, error, {}),
      },
    );
  };

  return (
    <Modal
      title={user ? `编辑用户：${user.username}` : '编辑用户'}
      open={selected !== null}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'edit-user-submit' }}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          name="user-edit"
          layout="vertical"
          initialValues={{
            displayName: user.displayName,
            role: user.role,
            departmentId: user.department?.id ?? null,
          }}
          onFinish={onFinish}
          clearOnDestroy
        >
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
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item label="部门" name="departmentId" extra="更换部门即为人员调动，将记入审计日志。">
            <DepartmentSelect />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
