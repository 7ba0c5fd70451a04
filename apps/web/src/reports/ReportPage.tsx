import { reportKinds } from '@procura/domain/reports/kinds';
import { Alert, Button, Card, Input, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { formatDateTime } from '../shared/dates.ts';
import { downloadReport, useReport, useReportChange } from './api.ts';

/**
 * One report draft: a textarea per section (the chief's text, else the generated one), 保存修改,
 * 重新生成数字 (keeps the edits) and 下载 .docx (figures, tables and charts measured when downloaded).
 */
export default function ReportPage() {
  const id = Number(useParams().id);
  const report = useReport(id);
  const { save, regenerate } = useReportChange(id);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const data = report.data;

  useEffect(() => {
    if (data) setTexts(Object.fromEntries(data.sections.map((s) => [s.id, s.edited ?? s.generated])));
  }, [data]);

  if (report.isError) return <Alert type="error" showIcon title={errorText(report.error)} />;
  if (!data) return <Spin />;

  const changed = data.sections.filter(
    (s) => texts[s.id] !== undefined && texts[s.id] !== (s.edited ?? s.generated),
  );
  const onSave = () =>
    save.mutate(
      { sections: changed.map((s) => ({ id: s.id, text: texts[s.id] ?? null })) },
      { onSuccess: () => notifySuccess('已保存修改') },
    );
  const onDownload = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadReport(id);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };
  const failure = save.error ?? regenerate.error ?? downloadError;

  return (
    <Card
      title={data.title}
      extra={
        <Space>
          <Button
            onClick={() => regenerate.mutate()}
            loading={regenerate.isPending}
            data-testid="report-regenerate"
          >
            重新生成数字
          </Button>
          <Button
            type="primary"
            onClick={onSave}
            disabled={changed.length === 0}
            loading={save.isPending}
            data-testid="report-save"
          >
            保存修改
          </Button>
          <Button onClick={onDownload} loading={downloading} data-testid="report-download">
            下载 .docx
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {reportKinds[data.kind].label} · {data.scopeLabel} · 数字生成于 {formatDateTime(data.generatedAt)}
          。各节文字可修改；下载时数字、表格和图表按驾驶舱口径重新计算，已修改的文字原样保留。
        </Typography.Text>
        {failure ? <Alert type="error" showIcon title={errorText(failure)} /> : null}
        {data.sections.map((section) => (
          <Card
            key={section.id}
            size="small"
            type="inner"
            title={
              <Space>
                {section.title}
                {section.edited !== null && (
                  <Tag color="blue" data-testid={`report-edited-${section.id}`}>
                    已修改
                  </Tag>
                )}
              </Space>
            }
            extra={
              section.edited !== null && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setTexts((t) => ({ ...t, [section.id]: section.generated }))}
                >
                  恢复生成的文字
                </Button>
              )
            }
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 16 }}
              value={texts[section.id] ?? ''}
              onChange={(e) => setTexts((t) => ({ ...t, [section.id]: e.target.value }))}
              maxLength={20000}
              data-testid={`report-section-${section.id}`}
            />
          </Card>
        ))}
      </Space>
    </Card>
  );
}
