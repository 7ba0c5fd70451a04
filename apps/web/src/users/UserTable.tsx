import type { TUser, TUserList } from '@procura/server/users/schema';
import { Button, Space, Table, type TableColumnsType, Tooltip } from 'antd';
import { useMe } from '../auth/hooks.ts';
import { ToggleUserButton } from './ToggleUserButton.tsx';
import { UserStatus } from './UserStatus.tsx';

type TProps = {
  data: TUserList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onEdit: (user: TUser) => void;
  onResetPassword: (user: TUser) => void;
};

export function UserTable({ data, loading, page, pageSize, onPageChange, onEdit, onResetPassword }: TProps) {
  const me = useMe();
  const mayUpdate = me.actions.includes('user.update');
  const mayReset = me.actions.includes('user.resetPassword');

  const columns: TableColumnsType<TUser> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'roleLabel' },
    { title: '部门', key: 'department', render: (_, user) => user.department?.name ?? '—' },
    { title: '状态', key: 'status', render: (_, user) => <UserStatus user={user} /> },
  ];
  if (mayUpdate || mayReset) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, user) => (
        <Space size={0}>
          {mayUpdate && (
            <Button
              type="link"
              size="small"
              onClick={() => onEdit(user)}
              data-testid={`user-edit-${user.username}`}
            >
              编辑
            </Button>
          )}
          {mayReset && (
            <Button
              type="link"
              size="small"
              onClick={() => onResetPassword(user)}
              data-testid={`user-reset-${user.username}`}
            >
              重置密码
            </Button>
          )}
          {mayUpdate &&
            (user.id === me.id ? (
              <Tooltip title="不能停用自己的账号">
                <Button type="link" size="small" disabled>
                  停用
                </Button>
              </Tooltip>
            ) : (
              <ToggleUserButton user={user} />
            ))}
        </Space>
      ),
    });
  }

  return (
    <Table<TUser>
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 人`,
        onChange: onPageChange,
      }}
      data-testid="users-table"
    />
  );
}
