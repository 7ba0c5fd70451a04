import { PlusOutlined } from '@ant-design/icons';
import type { TUser } from '@procura/server/users/schema';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { type TUserFilters, useUsers } from './api.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFilters } from './UserFilters.tsx';
import { UserTable } from './UserTable.tsx';

/** 用户管理: list, filter and maintain accounts. Loaded lazily (see app/routes.tsx). */
export default function UsersPage() {
  const me = useMe();
  const [filters, setFilters] = useState<TUserFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TUser | null>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const users = useUsers({ ...filters, ...page });

  return (
    <Card title="用户管理">
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <UserFilters
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, page: 1 }));
          }}
        />
        {me.actions.includes('user.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-user"
          >
            新建用户
          </Button>
        )}
      </Flex>
      <UserTable
        data={users.data}
        loading={users.isFetching}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize })}
        onEdit={setEditing}
        onResetPassword={setResetting}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        // Accounts are listed oldest first: open the last page, where the new one now stands.
        onCreated={() =>
          setPage((current) => ({
            ...current,
            page: Math.max(1, Math.ceil(((users.data?.total ?? 0) + 1) / current.pageSize)),
          }))
        }
      />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
