import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { menuRoutes } from '../app/routes.tsx';
import { useMe, usePublicInfo } from '../auth/hooks.ts';

/** 工作台: who is signed in, where, and which modules they can open. No invented figures. */
export function HomePage() {
  const me = useMe();
  const { data: info } = usePublicInfo();
  const modules = menuRoutes(me).filter((route) => route.path !== '/');

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
      {modules.length > 0 && (
        <Card title="可用功能">
          <Space size="large" wrap>
            {modules.map((route) => (
              <Link key={route.path} to={route.path}>
                {route.menu?.icon} {route.title}
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
