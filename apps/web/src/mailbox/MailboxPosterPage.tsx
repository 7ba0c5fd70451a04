import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMailboxQr, useSchools } from './api.ts';

// Printing shows only the poster: the staff menu, header and buttons stay on screen.
const printStyle = `@media print {
  .ant-layout-sider, .ant-layout-header, .poster-actions { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  .mailbox-poster { box-shadow: none !important; border: none !important; }
}`;

/** A printable A4 poster with the school's mailbox QR code, to put up on campus. */
export default function MailboxPosterPage() {
  const id = Number(useParams().id);
  const qr = useMailboxQr(id);
  const school = useSchools().data?.items.find((s) => s.id === id);
  if (!qr.data || !school) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  return (
    <>
      <style>{printStyle}</style>
      <div className="poster-actions" style={{ marginBottom: 16, display: 'flex', gap: 16 }}>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="poster-print"
        >
          打印
        </Button>
        <Link to="/mailbox/schools">返回对接学校</Link>
      </div>
      <Card className="mailbox-poster" style={{ maxWidth: 640, margin: '0 auto', textAlign: 'center' }}>
        <Typography.Title level={2}>“亮晶晶+绒花”校园信箱</Typography.Title>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {school.name}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16 }}>
          遇到欺凌、伤害、家里的难处，或者想问法律问题？
          <br />
          用手机扫一扫，写信给检察官。可以不留名字。
        </Typography.Paragraph>
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.data.svg)}`}
          alt={`${school.name}校园信箱二维码`}
          style={{ width: 320, height: 320 }}
          data-testid="poster-qr"
        />
        <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }} data-testid="poster-url">
          {qr.data.url}
        </Typography.Paragraph>
        <Typography.Paragraph strong>如遇紧急危险，请立即拨打 110，或告诉老师、家长。</Typography.Paragraph>
      </Card>
    </>
  );
}
