import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useAnswerLetter, useLetter, useLetterToClue, useMarkLetterRead, useReleaseLetter } from './api.ts';

/** One letter in full, as plain text; answer it, or register it as a clue of the juvenile department. */
export default function LetterDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const navigate = useNavigate();
  const letter = useLetter(id);
  const answer = useAnswerLetter(id);
  const toClue = useLetterToClue(id);
  const markRead = useMarkLetterRead(id);
  const release = useReleaseLetter(id);
  const data = letter.data;
  const unread = data?.status === 'new';
  const { mutate: markAsRead, isIdle: notYetMarked } = markRead;
  // Showing the letter to its first reader marks it read, by a POST (a GET changes nothing).
  useEffect(() => {
    if (unread && notYetMarked) markAsRead();
  }, [unread, notYetMarked, markAsRead]);
  if (!data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={`来信 #${data.id}`} extra={<Link to="/mailbox">返回来信列表</Link>}>
        {data.urgent && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`紧急来信：涉及${data.urgentReason}`}
            data-testid="letter-urgent"
          />
        )}
        {data.suspected && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`疑似刷信：${data.suspectedReason ?? ''}`}
            description="来信已照常保存。如判断为学生的正常来信，可解除标记，来信回到来信列表。"
            action={
              me.actions.includes('mailbox.answer') && (
                <Button
                  size="small"
                  loading={release.isPending}
                  onClick={() =>
                    release.mutate(undefined, { onSuccess: () => notifySuccess('已解除疑似刷信标记') })
                  }
                  data-testid="letter-release"
                >
                  解除标记
                </Button>
              )
            }
            data-testid="letter-suspected"
          />
        )}
        <Descriptions
          column={2}
          size="small"
          items={[
            { key: 'school', label: '学校', children: data.school.name },
            { key: 'at', label: '收信时间', children: formatDateTime(data.createdAt) },
            {
              key: 'topic',
              label: '主题',
              children: `${data.topicLabel}${data.topicSource === 'keywords' ? '（按关键词归类）' : ''}`,
            },
            { key: 'grade', label: '年级', children: data.grade ?? '—' },
            { key: 'contact', label: '联系方式', children: data.contact ?? '匿名' },
            {
              key: 'status',
              label: '状态',
              children: <Tag data-testid="letter-status">{data.statusLabel}</Tag>,
            },
          ]}
        />
        <Typography.Title level={5}>来信内容</Typography.Title>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12 }}
          data-testid="letter-body-text"
        >
          {data.body}
        </Typography.Paragraph>
        {me.actions.includes('mailbox.toClue') &&
          (data.clueId ? (
            <Link to={`/clues/${data.clueId}`} data-testid="letter-clue-link">
              已转为线索 #{data.clueId}
            </Link>
          ) : (
            <Popconfirm
              title="转为本院未检部门的线索？"
              description="线索来源记为“12309/群众举报”，来信内容和联系方式一并登记。"
              okText="转为线索"
              onConfirm={() =>
                toClue.mutate(undefined, {
                  onSuccess: ({ clueId }) => {
                    notifySuccess('已转为线索');
                    navigate(`/clues/${clueId}`);
                  },
                })
              }
            >
              <Button danger={data.urgent} loading={toClue.isPending} data-testid="letter-to-clue">
                转为线索
              </Button>
            </Popconfirm>
          ))}
      </Card>
      <Card title="答复（学生凭取件码查看）">
        {data.answer && (
          <Typography.Paragraph type="secondary">
            {data.answeredBy} 于 {formatDateTime(data.answeredAt)} 答复；再次提交将替换原答复。
          </Typography.Paragraph>
        )}
        {me.actions.includes('mailbox.answer') && (
          <Form
            key={data.answeredAt ?? 'none'}
            layout="vertical"
            initialValues={{ answer: data.answer ?? '' }}
            onFinish={({ answer: text }: { answer: string }) =>
              answer.mutate(
                { answer: text },
                { onSuccess: () => notifySuccess('已答复，学生可凭取件码查看') },
              )
            }
          >
            <Form.Item
              name="answer"
              rules={[
                { required: true, message: '请填写答复' },
                { min: 2, message: '答复至少 2 个字' },
              ]}
            >
              <Input.TextArea
                rows={6}
                maxLength={5000}
                showCount
                placeholder="用学生读得懂的话答复；不要写入其他学生的信息"
                data-testid="letter-answer"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={answer.isPending}
              data-testid="letter-answer-submit"
            >
              提交答复
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
