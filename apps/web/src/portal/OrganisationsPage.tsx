import { organisationKinds, type TOrganisationKind } from '@procura/domain/portal';
import type { TOrganisationList } from '@procura/server/portal/schema';
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useOrganisationMutation, useOrganisations } from './api.ts';

type TOrganisation = TOrganisationList['items'][number];
type TCreate = { name: string; kind: TOrganisationKind; usernames?: string[] };

const kindOptions = Object.entries(organisationKinds).map(([value, label]) => ({ value, label }));

function BindAccount({ organisation }: { organisation: TOrganisation }) {
  const [username, setUsername] = useState('');
  const bind = useOrganisationMutation((name: string) => ({
    path: `/api/organisations/${organisation.id}/accounts`,
    method: 'POST',
    body: { username: name },
  }));
  return (
    <Space direction="vertical" size={4}>
      <Space.Compact>
        <Input
          size="small"
          placeholder="外部单位账号"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          style={{ width: 160 }}
          data-testid={`organisation-bind-input-${organisation.id}`}
        />
        <Button
          size="small"
          disabled={!username.trim()}
          loading={bind.isPending}
          onClick={() => bind.mutate(username.trim(), { onSuccess: () => setUsername('') })}
          data-testid={`organisation-bind-${organisation.id}`}
        >
          绑定
        </Button>
      </Space.Compact>
      {bind.error && <Typography.Text type="danger">{errorText(bind.error)}</Typography.Text>}
    </Space>
  );
}

function Accounts({ organisation }: { organisation: TOrganisation }) {
  const unbind = useOrganisationMutation((userId: number) => ({
    path: `/api/organisations/${organisation.id}/accounts/${userId}`,
    method: 'DELETE',
  }));
  if (organisation.accounts.length === 0)
    return <Typography.Text type="secondary">未绑定账号</Typography.Text>;
  return (
    <Space wrap size={4}>
      {organisation.accounts.map((a) => (
        <Tag key={a.id} data-testid={`organisation-account-${a.username}`}>
          {a.displayName}（{a.username}）
          <Popconfirm
            title={`解除账号 ${a.username} 与本单位的绑定？解除后该账号看不到本单位的任何记录。`}
            onConfirm={() => unbind.mutate(a.id)}
            okText="解除"
          >
            <Typography.Link style={{ marginLeft: 6 }} data-testid={`organisation-unbind-${a.username}`}>
              解除
            </Typography.Link>
          </Popconfirm>
        </Tag>
      ))}
      {unbind.error && <Typography.Text type="danger">{errorText(unbind.error)}</Typography.Text>}
    </Space>
  );
}

/** 外部单位管理 (admin): the organisations of the portal and the accounts acting for each. */
export default function OrganisationsPage() {
  const list = useOrganisations();
  const [creating, setCreating] = useState(false);
  const create = useOrganisationMutation((body: TCreate) => ({
    path: '/api/organisations',
    method: 'POST',
    body,
  }));
  return (
    <Card
      title="外部单位"
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="organisation-create-open">
          登记外部单位
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="外部单位账号先在「用户管理」中以「外部单位」角色创建，再在此绑定到所属单位；每个账号只能绑定一个单位，只能看到送达本单位的检察建议和本单位参加的磋商。"
      />
      {list.isError && <Alert type="error" title={errorText(list.error)} />}
      <Table<TOrganisation>
        rowKey="id"
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={false}
        data-testid="organisations-table"
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kindLabel', width: 110 },
          { title: '账号', key: 'accounts', render: (_, o) => <Accounts organisation={o} /> },
          { title: '绑定账号', key: 'bind', width: 260, render: (_, o) => <BindAccount organisation={o} /> },
        ]}
      />
      <FormModal<TCreate, TCreate>
        title="登记外部单位"
        open={creating}
        onClose={() => setCreating(false)}
        mutation={create}
        toBody={(v) => ({ name: v.name, kind: v.kind, usernames: v.usernames ?? [] })}
        done="已登记外部单位"
        onDone={() => setCreating(false)}
        testId="organisation-create"
      >
        <Form.Item
          label="单位名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
        >
          <Input maxLength={200} data-testid="organisation-name" />
        </Form.Item>
        <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={kindOptions} data-testid="organisation-kind" />
        </Form.Item>
        <Form.Item label="绑定账号（可选，输入账号后回车）" name="usernames">
          <Select mode="tags" open={false} data-testid="organisation-usernames" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
