import { FileWordOutlined } from '@ant-design/icons';
import type { TCaseDetail } from '@procura/server/cases/schema';
import { useMutation } from '@tanstack/react-query';
import { Alert, Card, List, Typography } from 'antd';
import { apiDownload } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';

/** 案件文书: every document archived on the case, each downloadable as it was archived. */
export function CaseDocuments({ documents }: { documents: TCaseDetail['documents'] }) {
  const download = useMutation({ mutationFn: (url: string) => apiDownload(url), meta: { silent: true } });
  return (
    <Card title="案件文书">
      {download.error && <Alert type="error" showIcon title={errorText(download.error)} />}
      <List
        size="small"
        dataSource={documents}
        locale={{ emptyText: '尚无归档文书' }}
        data-testid="case-documents"
        renderItem={(document) => (
          <List.Item key={document.id}>
            <Typography.Link onClick={() => download.mutate(document.url)}>
              <FileWordOutlined /> {document.name}
            </Typography.Link>
            <Typography.Text type="secondary">{formatDateTime(document.createdAt)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
