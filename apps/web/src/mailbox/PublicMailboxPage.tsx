import type { TLetterTopic } from '@procura/domain/mailbox/topics';
import type { TSubmitLetterBody, TSubmitLetterResult } from '@procura/server/mailbox/schema';
import { Alert, Button, Card, Form, Input, Result, Select, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorText, isApiError } from '../api/errors.ts';
import { usePublicSchool, useSubmitLetter } from './api.ts';
import { PublicFrame } from './PublicFrame.tsx';

/** Any unknown, closed, cut-short or mistyped link: one message a student understands. */
const invalidLink = '信箱链接无效或已停用，请向学校老师索取新的二维码';
const linkRefused = (error: unknown) =>
  isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429;

type TForm = { topic?: TLetterTopic; grade?: string; body: string; named: boolean; contact?: string };

/** 校园信箱 of one school, opened from its QR code: no account, anonymous unless the student says otherwise. */
export default function PublicMailboxPage() {
  const { token = '' } = useParams();
  const school = usePublicSchool(token);
  const submit = useSubmitLetter(token);
  const [sent, setSent] = useState<TSubmitLetterResult | null>(null);
  const [form] = Form.useForm<TForm>();
  const named = Form.useWatch('named', form);

  if (school.isLoading) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (school.error || !school.data) {
    return (
      <PublicFrame>
        <Result
          status="warning"
          title="无法打开信箱"
          subTitle={linkRefused(school.error) ? invalidLink : errorText(school.error)}
          data-testid="mailbox-invalid"
        />
      </PublicFrame>
    );
  }

  if (sent) {
    return (
      <PublicFrame school={school.data.name}>
        <Result
          status="success"
          title="来信已收到"
          subTitle="检察官会认真阅读并答复。请记下取件码，以后凭它查看答复。"
          extra={[
            <Link key="pickup" to="/campus-mailbox/pickup">
              <Button type="primary">去查看答复</Button>
            </Link>,
          ]}
        >
          <Typography.Paragraph style={{ textAlign: 'center' }}>取件码（只显示这一次）</Typography.Paragraph>
          <Typography.Title
            level={2}
            copyable
            style={{ textAlign: 'center', fontFamily: 'monospace', letterSpacing: 2 }}
            data-testid="pickup-code"
          >
            {sent.pickupCode}
          </Typography.Title>
          <Alert
            type="warning"
            showIcon
            title="请抄下或截图保存取件码：离开本页后无法再次显示，检察院也无法找回。"
          />
        </Result>
      </PublicFrame>
    );
  }

  const onFinish = (values: TForm) => {
    const body: TSubmitLetterBody = {
      body: values.body,
      ...(values.topic ? { topic: values.topic } : {}),
      ...(values.grade ? { grade: values.grade } : {}),
      ...(values.named && values.contact ? { contact: values.contact } : {}),
    };
    submit.mutate(body, { onSuccess: setSent });
  };

  return (
    <PublicFrame school={school.data.name}>
      <Card>
        <Typography.Paragraph>
          这里是{school.data.procuratorate}
          设在你们学校的信箱。遇到欺凌、伤害、家里的难处，或者想问法律问题，都可以写下来。
          <b>可以不留名字</b>；检察官会认真阅读并答复。
        </Typography.Paragraph>
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="如果正处在危险中，请立即拨打 110，或马上告诉老师、家长；也可拨打 12355 青少年服务台。"
        />
        {submit.error && (
          <Alert
            type="error"
            showIcon
            title={errorText(submit.error)}
            style={{ marginBottom: 16 }}
            data-testid="letter-error"
          />
        )}
        <Form form={form} layout="vertical" initialValues={{ named: false }} onFinish={onFinish}>
          <Form.Item label="想说的是哪方面（可不选）" name="topic">
            <Select
              allowClear
              placeholder="不确定可以不选"
              options={school.data.topics.map((t) => ({ value: t.id, label: t.label }))}
              data-testid="letter-topic"
            />
          </Form.Item>
          <Form.Item label="年级（可不填）" name="grade">
            <Input maxLength={20} placeholder="如：初二" data-testid="letter-grade" />
          </Form.Item>
          <Form.Item
            label="来信内容"
            name="body"
            rules={[
              { required: true, message: '请写下你想说的话' },
              { min: 5, message: '来信内容至少 5 个字' },
            ]}
          >
            <Input.TextArea
              rows={8}
              maxLength={2000}
              showCount
              placeholder="只能填写文字，不能上传图片或文件"
              data-testid="letter-body"
            />
          </Form.Item>
          <Form.Item label="留下联系方式，方便检察官联系你" name="named" valuePropName="checked">
            <Switch checkedChildren="留联系方式" unCheckedChildren="匿名" data-testid="letter-named" />
          </Form.Item>
          {named && (
            <Form.Item
              label="联系方式（姓名、班级或电话）"
              name="contact"
              rules={[{ required: true, message: '请填写联系方式，或改为匿名' }]}
            >
              <Input maxLength={100} data-testid="letter-contact" />
            </Form.Item>
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={submit.isPending}
            data-testid="letter-submit"
          >
            投递
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          已经写过信？<Link to="/campus-mailbox/pickup">凭取件码查看答复</Link>
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}
