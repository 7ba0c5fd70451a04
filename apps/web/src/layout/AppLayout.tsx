import { Layout, Typography, theme } from 'antd';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { usePublicInfo } from '../auth/hooks.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { SideMenu } from './SideMenu.tsx';

export function AppLayout() {
  const { token } = theme.useToken();
  const { data: info } = usePublicInfo();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
        <div style={{ padding: '16px 12px', textAlign: 'center' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 14 : 16 }}>
            {collapsed ? '检察' : (info?.procuratorate.shortName ?? '检察履职一体化平台')}
          </Typography.Text>
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, padding: '0 24px' }}>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
