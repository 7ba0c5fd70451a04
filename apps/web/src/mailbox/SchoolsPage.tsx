import { PlusOutlined } from '@ant-design/icons';
import type { TPartnerSchool } from '@procura/server/mailbox/schema';
import { Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { useSchools } from './api.ts';
import { SchoolModal } from './SchoolModal.tsx';

/** 对接学校: each school's mailbox link and QR code, and the account that runs its employment checks. */
export default function SchoolsPage() {
  const me = useMe();
  const schools = useSchools();
  const [editing, setEditing] = useState<TPartnerSchool | 'new' | null>(null);
  const canManage = me.actions.includes('school.manage');
  const columns: TableColumnsType<TPartnerSchool> = [
    { title: '学校', dataIndex: 'name' },
    { title: '类别', dataIndex: 'kindLabel', width: 110 },
    {
      title: '校园信箱',
      key: 'mailbox',
      width: 110,
      render: (_, s) => (s.mailboxOpen ? <Tag color="green">开放</Tag> : <Tag>停用</Tag>),
    },
    { title: '来信', dataIndex: 'letters', width: 80 },
    {
      title: '学校账号',
      key: 'account',
      width: 200,
      render: (_, s) => (s.account ? `${s.account.displayName}（${s.account.username}）` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, s) => (
        <Space>
          <Link to={`/mailbox/schools/${s.id}/poster`} data-testid={`school-poster-${s.id}`}>
            二维码海报
          </Link>
          {canManage && (
            <Button
              type="link"
              size="small"
              onClick={() => setEditing(s)}
              data-testid={`school-edit-${s.id}`}
            >
              修改
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title="对接学校"
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="school-create"
          >
            新增学校
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        columns={columns}
        dataSource={schools.data?.items}
        loading={schools.isFetching}
        pagination={false}
      />
      {editing && (
        <SchoolModal school={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
