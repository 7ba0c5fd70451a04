import type { TPublicInfo } from '@procura/server/auth/schema';
import { Alert, Card, Table, type TableColumnsType, Tag } from 'antd';

type TDemoAccount = TPublicInfo['demoAccounts'][number];

const columns: TableColumnsType<TDemoAccount> = [
  { title: '部门', dataIndex: 'department', render: (name: string | null) => name ?? '—' },
  { title: '角色', dataIndex: 'roleLabel' },
  { title: '姓名', dataIndex: 'displayName' },
  { title: '用户名', dataIndex: 'username' },
];

/**
 * Demo accounts, shown on the login page only while the server runs with demo data: every one at
 * once, by department and role, without a scroll box of its own (the page scrolls).
 */
export function DemoAccounts({
  accounts,
  onPick,
}: {
  accounts: TDemoAccount[];
  onPick: (account: TDemoAccount) => void;
}) {
  return (
    <Card
      title={
        <span>
          <Tag color="orange">演示数据</Tag>演示账号
        </span>
      }
      style={{ width: 640, maxWidth: '100%' }}
      data-testid="demo-accounts"
    >
      <Alert
        type="warning"
        showIcon
        title={`当前为演示数据，以下账号仅供体验，密码均为 ${accounts[0]?.password ?? ''}。点击一行即可填入登录表单。`}
        style={{ marginBottom: 12 }}
      />
      <Table<TDemoAccount>
        rowKey="username"
        size="small"
        columns={columns}
        dataSource={accounts}
        pagination={false}
        onRow={(account) => ({
          onClick: () => onPick(account),
          style: { cursor: 'pointer' },
          title: `以 ${account.displayName} 登录`,
        })}
      />
    </Card>
  );
}
