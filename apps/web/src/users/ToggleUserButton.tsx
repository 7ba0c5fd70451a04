import type { TUser } from '@procura/server/users/schema';
import { Button, Popconfirm } from 'antd';
import { notifySuccess } from '../api/notify.ts';
import { useUpdateUser } from './api.ts';

/** 停用 / 启用 with a confirmation; errors go to the central toast. */
export function ToggleUserButton({ user }: { user: TUser }) {
  const update = useUpdateUser({ silent: false });
  const verb = user.disabled ? '启用' : '停用';

  return (
    <Popconfirm
      title={`确定${verb}用户 ${user.displayName}（${user.username}）？`}
      description={
        user.disabled ? '启用后该用户可以重新登录。' : '停用后该用户将无法登录，已登录的会话随即失效。'
      }
      okText={verb}
      cancelText="取消"
      okButtonProps={{ danger: !user.disabled, 'data-testid': 'toggle-user-confirm' }}
      onConfirm={() =>
        update.mutateAsync(
          { id: user.id, body: { disabled: !user.disabled } },
          { onSuccess: () => notifySuccess(`已${verb}用户 ${user.displayName}`) },
        )
      }
    >
      <Button type="link" size="small" danger={!user.disabled} data-testid={`user-toggle-${user.username}`}>
        {verb}
      </Button>
    </Popconfirm>
  );
}
