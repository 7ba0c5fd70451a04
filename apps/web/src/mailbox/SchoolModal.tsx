import type { TPartnerSchool, TSchoolKind } from '@procura/server/mailbox/schema';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Switch } from 'antd';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { useCreateSchool, useRenewMailboxLink, useUpdateSchool } from './api.ts';
import { schoolKindOptions } from './options.ts';

type TForm = { name: string; kind: TSchoolKind; mailboxOpen: boolean; accountUsername?: string };

/** New school, or changes to one: name, kind, mailbox on/off, linked school account, a new link. */
export function SchoolModal({ school, onClose }: { school: TPartnerSchool | null; onClose: () => void }) {
  const create = useCreateSchool();
  const update = useUpdateSchool(school?.id ?? 0);
  const renew = useRenewMailboxLink(school?.id ?? 0);
  const saving = school ? update : create;
  const [form] = Form.useForm<TForm>();

  const submit = (values: TForm) => {
    const account = values.accountUsername?.trim() || undefined;
    if (school) {
      update.mutate(
        {
          name: values.name,
          kind: values.kind,
          mailboxOpen: values.mailboxOpen,
          accountUsername: account ?? null,
        },
        {
          onSuccess: () => {
            notifySuccess('已保存');
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { name: values.name, kind: values.kind, ...(account ? { accountUsername: account } : {}) },
        {
          onSuccess: () => {
            notifySuccess('已新增对接学校');
            onClose();
          },
        },
      );
    }
  };

  return (
    <Modal
      open
      title={school ? `修改：${school.name}` : '新增对接学校'}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving.isPending}
      okButtonProps={{ 'data-testid': 'school-save' }}
      destroyOnHidden
    >
      {saving.error && (
        <Alert type="error" showIcon title={errorText(saving.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: school?.name ?? '',
          kind: school?.kind ?? 'primary',
          mailboxOpen: school?.mailboxOpen ?? true,
          accountUsername: school?.account?.username ?? '',
        }}
      >
        <Form.Item label="学校名称" name="name" rules={[{ required: true, message: '请填写学校名称' }]}>
          <Input maxLength={100} data-testid="school-name" />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select options={schoolKindOptions} />
        </Form.Item>
        {school && (
          <Form.Item label="校园信箱" name="mailboxOpen" valuePropName="checked">
            <Switch checkedChildren="开放" unCheckedChildren="停用" />
          </Form.Item>
        )}
        <Form.Item
          label="学校账号（用户名）"
          name="accountUsername"
          extra="由系统管理员以“学校（幼儿园）账号”角色创建；学校用它提交入职查询。留空表示不关联。"
        >
          <Input maxLength={64} data-testid="school-account" />
        </Form.Item>
      </Form>
      {school && (
        <Popconfirm
          title="更换信箱链接？"
          description="旧链接和已张贴的二维码将立即失效，需要重新打印张贴。"
          onConfirm={() =>
            renew.mutate(undefined, { onSuccess: () => notifySuccess('已更换信箱链接，请重新打印二维码') })
          }
        >
          <Button danger loading={renew.isPending}>
            更换信箱链接
          </Button>
        </Popconfirm>
      )}
    </Modal>
  );
}
