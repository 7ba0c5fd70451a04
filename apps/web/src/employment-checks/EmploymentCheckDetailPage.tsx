import { DownloadOutlined } from '@ant-design/icons';
import type { TCheckedPerson } from '@procura/server/employment-checks/schema';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  List,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { apiDownload } from '../api/client.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useCheck } from './api.ts';

const columns: TableColumnsType<TCheckedPerson> = [
  { title: '行号', dataIndex: 'row', width: 70 },
  { title: '姓名', dataIndex: 'name', width: 120 },
  { title: '公民身份号码', dataIndex: 'idNumberMasked', width: 200 },
  { title: '岗位', dataIndex: 'position', render: (p: string | null) => p ?? '—' },
  {
    title: '查询结果',
    key: 'result',
    width: 130,
    render: (_, p) => (
      <Tag color={p.result === 'clear' ? 'green' : 'orange'} data-testid={`result-${p.row}`}>
        {p.resultLabel}
      </Tag>
    ),
  },
];

/** One check, person by person; the juvenile department also sees why a person needs a manual check. */
export default function EmploymentCheckDetailPage() {
  const id = Number(useParams().id);
  const check = useCheck(id);
  const download = useMutation({
    mutationFn: (format: 'docx' | 'xlsx') => apiDownload(`/api/employment-checks/${id}/result.${format}`),
  });
  const data = check.data;
  if (!data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const detailed = data.people.some((p) => p.review);
  return (
    <Card
      title={`入职查询结果 #${data.id}`}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download.mutate('docx')}
            data-testid="check-docx"
          >
            结果告知函（.docx）
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download.mutate('xlsx')}
            data-testid="check-xlsx"
          >
            结果清单（.xlsx）
          </Button>
          <Link to="/employment-checks">返回</Link>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'school', label: '单位', children: data.school.name },
          { key: 'by', label: '查询人', children: data.requestedBy },
          { key: 'at', label: '查询时间', children: formatDateTime(data.requestedAt) },
          { key: 'file', label: '文件', children: data.fileName },
          { key: 'count', label: '人数', children: data.peopleCount },
          { key: 'review', label: '需人工核实', children: `${data.reviewCount} 人` },
        ]}
      />
      <Typography.Paragraph type="secondary">
        “需人工核实”不等于有犯罪记录：检察院未检部门将人工核实后另行书面告知，核实完成前请暂缓录用决定。
      </Typography.Paragraph>
      <Table
        rowKey="row"
        size="middle"
        columns={columns}
        dataSource={data.people}
        pagination={false}
        expandable={
          detailed
            ? {
                rowExpandable: (p) => Boolean(p.review?.length),
                expandedRowRender: (p) => (
                  <List
                    size="small"
                    header="比对依据（仅未检部门可见，不向学校提供）"
                    dataSource={p.review}
                    renderItem={(m) => (
                      <List.Item>
                        {m.confidence}：{m.explanation}
                      </List.Item>
                    )}
                  />
                ),
              }
            : undefined
        }
        data-testid="check-people"
      />
    </Card>
  );
}
