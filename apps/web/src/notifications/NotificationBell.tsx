import { BellOutlined } from '@ant-design/icons';
import type { TNotification } from '@procura/server/notifications/schema';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../shared/dates.ts';
import { useMarkRead, useNotifications } from './api.ts';

/** 通知: the bell in the header with the unread count; a click marks read and opens the link. */
export function NotificationBell() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;

  const onClick = (item: TNotification) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    if (item.link) navigate(item.link);
  };

  const content = (
    <div style={{ width: 380, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {notifications.data?.items.length ? (
        <List
          size="small"
          dataSource={notifications.data.items}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              onClick={() => onClick(item)}
              style={{ cursor: 'pointer', background: item.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}
              data-testid={`notification-${item.id}`}
            >
              <div>
                <Typography.Text strong={!item.readAt}>{item.text}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(item.createdAt)}
                    {item.readAt ? ' · 已读' : ''}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      )}
    </div>
  );

  return (
    <Popover
      title="通知"
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
    >
      <Button type="text" aria-label={`通知，${unread} 条未读`} data-testid="notification-bell">
        <Badge count={unread} size="small" data-testid="notification-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
