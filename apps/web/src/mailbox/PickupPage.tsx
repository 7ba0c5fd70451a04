import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';
import { usePickUp } from './api.ts';
import { PublicFrame } from './PublicFrame.tsx';

/** 凭取件码查看答复: the letter and the prosecutor's answer, as plain text. */
export default function PickupPage() {
  const pickUp = usePickUp();
  const letter = pickUp.data;
  return (
    <PublicFrame>
      <Card title="凭取件码查看答复">
        <Form
          layout="inline"
          onFinish={({ code }: { code: string }) => pickUp.mutate(code)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item name="code" rules={[{ required: true, message: '请输入取件码' }]} style={{ flex: 1 }}>
            <Input
              placeholder="如：ABCD-EFGH-JKMN-PQRS"
              maxLength={40}
              autoComplete="off"
              data-testid="pickup-input"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pickUp.isPending} data-testid="pickup-submit">
            查看
          </Button>
        </Form>
        {pickUp.error && (
          <Alert type="error" showIcon title={errorText(pickUp.error)} data-testid="pickup-error" />
        )}
        {letter && (
          <>
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'school', label: '学校', children: letter.school },
                { key: 'topic', label: '主题', children: letter.topicLabel },
                { key: 'at', label: '来信时间', children: formatDateTime(letter.submittedAt) },
              ]}
            />
            <Typography.Title level={5}>你的来信</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="pickup-body">
              {letter.body}
            </Typography.Paragraph>
            <Typography.Title level={5}>检察官的答复</Typography.Title>
            {letter.answer ? (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="pickup-answer">
                  {letter.answer}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  答复时间：{formatDateTime(letter.answeredAt)}
                </Typography.Text>
              </>
            ) : (
              <Alert
                type="info"
                showIcon
                title="检察官还没有答复，请过几天再来查看。"
                data-testid="pickup-pending"
              />
            )}
          </>
        )}
      </Card>
    </PublicFrame>
  );
}
