import { Alert, Card, Descriptions, List, Space, Statistic, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { groupedMenuRoutes } from '../app/routes.tsx';
import { useMe, usePublicInfo } from '../auth/hooks.ts';
import { useMarkRead, useNotifications } from '../notifications/api.ts';
import { formatDateTime } from '../shared/dates.ts';

/** 待办: the unread notifications are the handoffs waiting for this user (transfers, approvals…). */
function WaitingCard() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = (notifications.data?.items ?? []).filter((n) => !n.readAt).slice(0, 5);
  return (
    <Card title="待办与通知" data-testid="workbench-waiting" loading={notifications.isPending}>
      <Statistic
        title="未读通知"
        value={notifications.data?.unread ?? 0}
        suffix="条"
        data-testid="workbench-unread"
      />
      {unread.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={unread}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              style={{ cursor: item.link ? 'pointer' : undefined }}
              onClick={() => {
                markRead.mutate(item.id);
                if (item.link) navigate(item.link);
              }}
              data-testid={`workbench-notification-${item.id}`}
            >
              <Typography.Text>{item.text}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatDateTime(item.createdAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 工作台: who is signed in, where, what waits for them, and which modules they can open. No invented figures. */
export function HomePage() {
  const me = useMe();
  const { data: info } = usePublicInfo();
  // The same headings and names as the side menu (by line of work), without the 工作台 itself.
  const groups = groupedMenuRoutes(me)
    .map((group) => ({ ...group, routes: group.routes.filter((route) => route.path !== '/') }))
    .filter((group) => group.routes.length > 0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {info?.demo && <Alert type="warning" showIcon title="当前为演示数据" data-testid="demo-alert" />}
      <Card data-testid="welcome-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          欢迎，{me.displayName}
        </Typography.Title>
        <Descriptions
          column={1}
          items={[
            { key: 'procuratorate', label: '所在院', children: info?.procuratorate.name ?? '—' },
            { key: 'department', label: '部门', children: me.department?.name ?? '—' },
            { key: 'role', label: '角色', children: me.roleLabel },
            { key: 'username', label: '用户名', children: me.username },
          ]}
        />
      </Card>
      <WaitingCard />
      {groups.length > 0 && (
        <Card title="可用功能" data-testid="home-modules">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {groups.map(({ group, title, routes }) => (
              <div key={group}>
                <Typography.Text type="secondary">{title}</Typography.Text>
                <div>
                  <Space size="large" wrap>
                    {routes.map((route) => (
                      <Link key={route.path} to={route.path}>
                        {route.menu?.icon} {route.menu?.label ?? route.title}
                      </Link>
                    ))}
                  </Space>
                </div>
              </div>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
