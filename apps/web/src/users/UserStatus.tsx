import type { TUser } from '@procura/server/users/schema';
import { Space, Tag } from 'antd';

/** 正常, or every reason the account is not: 已停用, 已锁定, 须改密. */
export function UserStatus({ user }: { user: TUser }) {
  const tags = [
    user.disabled && (
      <Tag key="disabled" color="red">
        已停用
      </Tag>
    ),
    user.locked && (
      <Tag key="locked" color="orange">
        已锁定
      </Tag>
    ),
    user.mustChangePassword && (
      <Tag key="mustChange" color="gold">
        须改密
      </Tag>
    ),
  ].filter(Boolean);
  if (tags.length === 0) return <Tag color="green">正常</Tag>;
  return <Space size={0}>{tags}</Space>;
}
