import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { apiDownload } from '../api/client.ts';

type TProps = {
  /** The export route, e.g. /api/cases/export; it takes the list's filters without paging. */
  path: string;
  filters: Record<string, string | number | undefined>;
  testId: string;
};

/** 导出 Excel: downloads what the list's filters select; refusals (too many rows) show centrally. */
export function ExportButton({ path, filters, testId }: TProps) {
  const download = useMutation({ mutationFn: () => apiDownload(path, filters) });
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      data-testid={testId}
    >
      导出 Excel
    </Button>
  );
}
