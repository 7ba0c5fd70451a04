import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Divider, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { signOut, useMe, usePublicInfo } from '../auth/hooks.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';

export function HeaderBar() {
  const me = useMe();
  const { data: info } = usePublicInfo();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  const onLogout = async () => {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      setLeaving(false);
      navigate('/login', { replace: true });
    }
  };

  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
      <Typography.Title
        level={4}
        style={{ margin: 0, whiteSpace: 'nowrap' }}
        data-testid="header-procuratorate"
      >
        {info?.procuratorate.name ?? '检察履职一体化平台'}
      </Typography.Title>
      <Space size="small" wrap={false} data-testid="header-user">
        {!me.mustChangePassword && <NotificationBell />}
        <UserOutlined />
        <Typography.Text strong>{me.displayName}</Typography.Text>
        <Tag color="blue">{me.roleLabel}</Tag>
        {me.department && <Typography.Text type="secondary">{me.department.name}</Typography.Text>}
        <Divider orientation="vertical" />
        <Link to="/password" data-testid="change-password-link">
          <LockOutlined /> 修改密码
        </Link>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          loading={leaving}
          onClick={onLogout}
          data-testid="logout-button"
        >
          退出登录
        </Button>
      </Space>
    </div>
  );
}
