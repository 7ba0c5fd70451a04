import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The public mailbox pages: a phone-sized column with the brand, no staff menu. */
export function PublicFrame({ school, children }: { school?: string; children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f6fb' }}>
      <Layout.Content style={{ maxWidth: 640, width: '100%', margin: '0 auto', padding: '24px 16px' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          “亮晶晶+绒花”校园信箱
        </Typography.Title>
        {school && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }} data-testid="mailbox-school">
            {school}
          </Typography.Paragraph>
        )}
        {children}
      </Layout.Content>
    </Layout>
  );
}
