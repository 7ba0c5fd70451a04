import type { TAccountRequest } from '@procura/server/account-requests/schema';
import { Alert, Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useAccountRequests, useDecideAccountRequest } from './api.ts';

const statusTags: Record<TAccountRequest['status'], { color: string; label: string }> = {
  pending: { color: 'orange', label: '待审批' },
  approved: { color: 'green', label: '已批准' },
  rejected: { color: 'default', label: '已驳回' },
};

/**
 * 账号审批: the administrator's creation or elevation of a leadership account, or reset of its
 * password, waits here for the chief. An approved creation or reset shows its password once.
 */
export default function AccountRequestsPage() {
  const me = useMe();
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const requests = useAccountRequests(status);
  const decide = useDecideAccountRequest();
  const [rejecting, setRejecting] = useState<TAccountRequest | null>(null);
  const [note, setNote] = useState('');
  const [issued, setIssued] = useState<{ request: TAccountRequest; password: string } | null>(null);
  const canDecide = me.actions.includes('accountRequest.decide');

  const approve = (request: TAccountRequest) =>
    decide.mutate(
      { id: request.id, decision: { approve: true } },
      {
        onSuccess: ({ accountRequest, password }) => {
          if (password) setIssued({ request: accountRequest, password });
          else notifySuccess(`已批准：${accountRequest.displayName}（${accountRequest.roleLabel}）`);
        },
      },
    );

  const reject = () => {
    if (!rejecting) return;
    decide.mutate(
      { id: rejecting.id, decision: { approve: false, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          notifySuccess(`已驳回：${rejecting.displayName}`);
          setRejecting(null);
          setNote('');
        },
      },
    );
  };

  return (
    <Card
      title="账号审批"
      extra={
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as 'pending' | 'all')}
          options={[
            { value: 'pending', label: '待审批' },
            { value: 'all', label: '全部' },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        系统管理员创建检察长、副检察长、部门负责人账号，将用户变更为这些角色，或重置其密码，须经检察长批准后生效。批准创建或重置密码时生成的密码只显示一次，请当面交给本人。
      </Typography.Paragraph>
      <Table<TAccountRequest>
        rowKey="id"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        pagination={false}
        data-testid="account-requests-table"
        locale={{ emptyText: '没有待审批的申请' }}
        columns={[
          { title: '申请', dataIndex: 'kindLabel' },
          {
            title: '账号',
            render: (_, r) => `${r.displayName}（${r.username}）`,
          },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '部门', render: (_, r) => r.department?.name ?? '—' },
          { title: '申请人', dataIndex: 'requestedBy' },
          { title: '申请时间', render: (_, r) => formatDateTime(r.requestedAt) },
          {
            title: '状态',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={statusTags[r.status].color}>{statusTags[r.status].label}</Tag>
                {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: TAccountRequest) =>
                    r.status === 'pending' && r.userId !== me.id ? (
                      <Space>
                        <Button
                          type="primary"
                          size="small"
                          loading={decide.isPending}
                          onClick={() => approve(r)}
                          data-testid={`approve-${r.username}`}
                        >
                          批准
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => setRejecting(r)}
                          data-testid={`reject-${r.username}`}
                        >
                          驳回
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={rejecting ? `驳回：${rejecting.displayName}（${rejecting.kindLabel}）` : '驳回'}
        open={rejecting !== null}
        okText="驳回"
        okButtonProps={{ danger: true, 'data-testid': 'reject-submit' }}
        onOk={reject}
        onCancel={() => setRejecting(null)}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={200}
          placeholder="驳回意见（可不填）"
        />
      </Modal>
      <Modal
        title="已批准"
        open={issued !== null}
        onCancel={() => setIssued(null)}
        footer={
          <Button type="primary" onClick={() => setIssued(null)} data-testid="issued-password-close">
            我已记下
          </Button>
        }
      >
        {issued && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {issued.request.displayName}（{issued.request.username}，{issued.request.roleLabel}）的密码：
            </Typography.Text>
            <Typography.Text code copyable strong data-testid="issued-password">
              {issued.password}
            </Typography.Text>
            <Alert
              type="warning"
              showIcon
              title="密码只显示这一次，请当面交给本人；本人首次登录时须修改密码。"
            />
          </Space>
        )}
      </Modal>
    </Card>
  );
}
