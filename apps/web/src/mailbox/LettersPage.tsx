import type { TLetter } from '@procura/server/mailbox/schema';
import {
  Badge,
  Card,
  Flex,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../shared/dates.ts';
import { type TLetterFilters, useLetters, useSchools } from './api.ts';
import { letterStatusOptions, topicOptions } from './options.ts';

const statusColour = { new: 'red', read: 'blue', answered: 'green' } as const;

const columns: TableColumnsType<TLetter> = [
  { title: '收信时间', key: 'createdAt', width: 150, render: (_, l) => formatDateTime(l.createdAt) },
  { title: '学校', key: 'school', width: 170, render: (_, l) => l.school.name },
  { title: '主题', dataIndex: 'topicLabel', width: 130 },
  {
    title: '来信',
    key: 'body',
    render: (_, l) => (
      <Space orientation="vertical" size={2}>
        {l.urgentCategories.length > 0 && (
          <Space size={4} wrap>
            {l.urgentCategories.map((c) => (
              <Tag key={c.category} color="red" data-testid={`urgent-${c.category}`}>
                紧急·{c.label}：{c.words.join('、')}
              </Tag>
            ))}
          </Space>
        )}
        {l.suspected && <Tag color="orange">疑似刷信：{l.suspectedReason}</Tag>}
        <Link to={`/mailbox/letters/${l.id}`} data-testid={`letter-link-${l.id}`}>
          <Typography.Text ellipsis style={{ maxWidth: 420, color: 'inherit' }}>
            {l.body}
          </Typography.Text>
        </Link>
      </Space>
    ),
  },
  { title: '署名', key: 'anonymous', width: 80, render: (_, l) => (l.anonymous ? '匿名' : '留有联系方式') },
  {
    title: '状态',
    key: 'status',
    width: 120,
    render: (_, l) => (
      <Space size={4}>
        <Tag color={statusColour[l.status]}>{l.statusLabel}</Tag>
        {l.clueId && <Link to={`/clues/${l.clueId}`}>线索</Link>}
      </Space>
    ),
  },
];

/** Filters a notification's link asks for, e.g. /mailbox?schoolId=3&urgent=true or ?suspected=true. */
function filtersOf(search: URLSearchParams): TLetterFilters {
  const schoolId = Number(search.get('schoolId'));
  return {
    ...(Number.isInteger(schoolId) && schoolId > 0 ? { schoolId } : {}),
    ...(search.get('urgent') === 'true' ? { urgent: 'true' as const } : {}),
    ...(search.get('awaiting') === 'answer' ? { awaiting: 'answer' as const } : {}),
    suspected: search.get('suspected') === 'true' ? 'true' : 'false',
  };
}

/**
 * 校园信箱: every partner school's letters, urgent ones first; letters that look like a flood
 * (疑似刷信) on a tab of their own, so a flood never buries a student's letter.
 */
export default function LettersPage() {
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<TLetterFilters>(() => filtersOf(search));
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const letters = useLetters({ ...filters, ...page });
  const schools = useSchools();
  // A notification's link followed while this page is open asks for other filters.
  const searchKey = search.toString();
  useEffect(() => {
    setFilters(filtersOf(new URLSearchParams(searchKey)));
    setPage((current) => ({ ...current, page: 1 }));
  }, [searchKey]);
  const change = (next: TLetterFilters) => {
    setFilters(next);
    setPage((current) => ({ ...current, page: 1 }));
  };
  return (
    <Card
      title={
        <Space>
          校园信箱来信
          <Badge count={letters.data?.unread ?? 0} title="未读" data-testid="letters-unread" />
        </Space>
      }
      tabList={[
        { key: 'false', label: '来信' },
        { key: 'true', label: <span data-testid="letters-suspected-tab">疑似刷信</span> },
      ]}
      activeTabKey={filters.suspected ?? 'false'}
      onTabChange={(key) => change({ ...filters, suspected: key === 'true' ? 'true' : 'false' })}
      extra={
        <Space>
          <Link to="/mailbox/statistics">主题统计</Link>
          <Link to="/mailbox/schools">对接学校与二维码</Link>
        </Space>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="学校"
          style={{ width: 200 }}
          value={filters.schoolId}
          options={schools.data?.items.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(schoolId?: number) => change({ ...filters, schoolId })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          options={letterStatusOptions}
          onChange={(status) => change({ ...filters, status })}
        />
        <Select
          allowClear
          placeholder="主题"
          style={{ width: 160 }}
          options={topicOptions}
          onChange={(topic) => change({ ...filters, topic })}
        />
        <Space>
          <Switch
            size="small"
            checked={filters.urgent === 'true'}
            onChange={(on) => change({ ...filters, urgent: on ? 'true' : undefined })}
            data-testid="letters-urgent-only"
          />
          只看紧急
        </Space>
        <Space>
          <Switch
            size="small"
            checked={filters.awaiting === 'answer'}
            onChange={(on) => change({ ...filters, awaiting: on ? 'answer' : undefined })}
            data-testid="letters-unanswered-only"
          />
          只看待答复
        </Space>
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={letters.data?.items}
        loading={letters.isFetching}
        rowClassName={(l) => (l.status === 'new' ? 'letter-unread' : '')}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: letters.data?.total,
          showTotal: (total) => `共 ${total} 封`,
          onChange: (next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize }),
        }}
        data-testid="letters-table"
      />
    </Card>
  );
}
