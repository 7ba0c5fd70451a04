import { QuestionCircleOutlined } from '@ant-design/icons';
import type { TWorkbenchItem } from '@procura/server/workbench/schema';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import { Link, useNavigate } from 'react-router';
import { groupedMenuRoutes } from '../app/routes.tsx';
import { useMe, usePublicInfo } from '../auth/hooks.ts';
import { useMarkRead, useNotifications } from '../notifications/api.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useWorkbench } from './api.ts';

/** One count: its figure opens the list filtered to exactly these rows; the ? explains the 口径. */
function CountCard({ item }: { item: TWorkbenchItem }) {
  const inPage = item.link.startsWith('/#');
  const figure = (
    <Statistic
      title={
        <Space size={4}>
          {item.label}
          <Tooltip title={`口径：${item.definition}`}>
            <QuestionCircleOutlined aria-label={`${item.label}的口径`} />
          </Tooltip>
        </Space>
      }
      value={item.count}
      suffix={item.unit}
      data-testid={item.key === 'unreadNotifications' ? 'workbench-unread' : `workbench-count-${item.key}`}
      styles={{ content: item.alert && item.count > 0 ? { color: '#cf1322' } : undefined }}
    />
  );
  return (
    <Card size="small" hoverable data-testid={`workbench-item-${item.key}`}>
      {inPage ? (
        <a
          href={item.link}
          onClick={(event) => {
            event.preventDefault();
            document.getElementById(item.link.slice(2))?.scrollIntoView({ behavior: 'smooth' });
          }}
          data-testid={`workbench-link-${item.key}`}
        >
          {figure}
        </a>
      ) : (
        <Link to={item.link} data-testid={`workbench-link-${item.key}`}>
          {figure}
        </Link>
      )}
    </Card>
  );
}

/** 待办: what waits for this user, counted as the lists count it (GET /api/workbench). */
function CountsCard() {
  const workbench = useWorkbench();
  const data = workbench.data;
  return (
    <Card
      title="待我处理"
      extra={data && <Typography.Text type="secondary">案件、线索范围：{data.scopeLabel}</Typography.Text>}
      loading={workbench.isPending}
      data-testid="workbench-counts"
    >
      <Row gutter={[16, 16]}>
        {data?.items.map((item) => (
          <Col key={item.key} xs={24} sm={12} md={8} xl={6}>
            <CountCard item={item} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The unread notifications themselves (the 未读通知 count opens this list). */
function NotificationsCard() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = (notifications.data?.items ?? []).filter((n) => !n.readAt);
  return (
    <Card
      id="notifications"
      title={`未读通知（${notifications.data?.unread ?? 0} 条）`}
      data-testid="workbench-waiting"
      loading={notifications.isPending}
    >
      {unread.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读通知" />
      ) : (
        <List
          size="small"
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

/**
 * 工作台 (the home page of every user): who is signed in, the counts of what waits for them with
 * links to the lists filtered to exactly those rows, the unread notifications, and the modules
 * they can open. No invented figures: a zero is a zero, and what the role cannot act on is left out.
 */
export function WorkbenchPage() {
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
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'procuratorate', label: '所在院', children: info?.procuratorate.name ?? '—' },
            { key: 'department', label: '部门', children: me.department?.name ?? '—' },
            { key: 'role', label: '角色', children: me.roleLabel },
            { key: 'username', label: '用户名', children: me.username },
          ]}
        />
      </Card>
      <CountsCard />
      <NotificationsCard />
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
