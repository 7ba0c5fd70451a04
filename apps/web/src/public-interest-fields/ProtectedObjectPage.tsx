import type { TCase } from '@procura/server/cases/schema';
import { Card, Descriptions, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDate } from '../shared/dates.ts';
import { useProtectedObject } from './api.ts';

/** One protected object and every case about it that the user may see. */
export default function ProtectedObjectPage() {
  const id = Number(useParams().id);
  const object = useProtectedObject(id);
  const data = object.data;

  return (
    <Card title={data ? `保护对象：${data.name}` : '保护对象'} loading={object.isLoading}>
      {data && (
        <>
          <Descriptions
            column={3}
            items={[
              { key: 'kind', label: '类别', children: data.kindLabel },
              { key: 'level', label: '保护级别', children: data.protectionLevel ?? '—' },
              { key: 'count', label: '相关案件', children: data.caseCount },
            ]}
          />
          <Table<TCase>
            rowKey="id"
            dataSource={data.cases}
            pagination={false}
            locale={{ emptyText: '无可查看的相关案件' }}
            data-testid="protected-object-cases"
            columns={[
              {
                title: '案号',
                key: 'caseNumber',
                width: 230,
                render: (_, c) => <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>,
              },
              { title: '案件名称', dataIndex: 'title' },
              { title: '公益诉讼领域', key: 'field', width: 160, render: (_, c) => c.pilFieldLabel ?? '—' },
              {
                title: '阶段',
                key: 'stage',
                width: 110,
                render: (_, c) => <Tag color={c.closedAt ? 'default' : 'blue'}>{c.stageLabel}</Tag>,
              },
              { title: '部门', key: 'department', width: 120, render: (_, c) => c.department.name },
              { title: '立案日期', key: 'openedAt', width: 110, render: (_, c) => formatDate(c.openedAt) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
