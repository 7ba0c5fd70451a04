import { MessageOutlined } from '@ant-design/icons';
import type { TPortalFeedbackBody } from '@procura/server/portal-clues/schema';
import { Alert, Button, Card, Descriptions, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useCluePortalOrigin, useWritePortalFeedback } from './clues-api.ts';

/**
 * 外部单位移送: on a clue an outside organisation sent through the portal (or one transferred from
 * it), who sent it and the feedback written back; deciders write more. Hidden on other clues.
 */
export function CluePortalOrigin({ clueId, mayWrite }: { clueId: number; mayWrite: boolean }) {
  const query = useCluePortalOrigin(clueId);
  const write = useWritePortalFeedback(clueId);
  const [writing, setWriting] = useState(false);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const origin = query.data?.origin;
  if (!origin) return null;
  return (
    <Card
      title="外部单位移送（门户）"
      data-testid="clue-portal-origin"
      extra={
        mayWrite && (
          <Button
            size="small"
            icon={<MessageOutlined />}
            onClick={() => setWriting(true)}
            data-testid="portal-feedback-open"
          >
            向移送单位反馈
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'organisation',
            label: '移送单位',
            children: `${origin.organisation.name}（${origin.organisation.kindLabel}）`,
          },
          { key: 'sentAt', label: '移送时间', children: formatDateTime(origin.sentAt) },
          { key: 'sentBy', label: '经办账号', children: origin.sentBy },
          { key: 'field', label: '移送单位所选领域', children: origin.fieldLabel },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
        处理决定（立案、不立案及理由）和办案成效自动显示在该单位的门户上；下面的反馈同时显示（只显示部门，不显示承办人姓名）。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={origin.feedback}
        locale={{ emptyText: '尚未反馈' }}
        data-testid="clue-portal-feedback"
        renderItem={(f) => (
          <List.Item key={f.id}>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(f.at)} · {f.department} · {f.writtenBy}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{f.text}</div>
            </div>
          </List.Item>
        )}
      />
      <FormModal
        title={`向${origin.organisation.name}反馈`}
        open={writing}
        onClose={() => setWriting(false)}
        mutation={write}
        toBody={(v: TPortalFeedbackBody) => ({ text: v.text.trim() })}
        done="反馈已发送到该单位的门户"
        testId="portal-feedback"
      >
        <Form.Item
          name="text"
          label="反馈内容"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写反馈内容' }]}
        >
          <Input.TextArea rows={5} maxLength={5000} data-testid="portal-feedback-text" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
