import { EyeInvisibleOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorText } from '../api/errors.ts';
import { hasAccess } from '../auth/access.ts';
import { useMe } from '../auth/hooks.ts';
import { JudicialAidSection } from '../judicial-aid/JudicialAidSection.tsx';
import { formatDate } from '../shared/dates.ts';
import { useJuvenileCase } from './api.ts';
import { MinorsCard } from './MinorsCard.tsx';
import { OrdersCard } from './OrdersCard.tsx';
import { RecordsCard } from './RecordsCard.tsx';
import { SealingCard } from './SealingCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';

/** A juvenile case: masked by default; 查看完整信息 (handler, juvenile head, chief) is audited. */
export default function JuvenileCaseDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const [full, setFull] = useState(false);
  const query = useJuvenileCase(id, full);
  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) {
    return <Result status="warning" title="无法打开案件" subTitle={errorText(query.error)} />;
  }
  const detail = query.data;
  const canWrite = hasAccess(me, 'juvenile.write') && !detail.sealed;
  return (
    <Flex vertical gap={16} data-testid="juvenile-case">
      <Card
        title={
          <span>
            {detail.caseNumber}{' '}
            {detail.sealed && (
              <Tag icon={<LockOutlined />} color="purple">
                犯罪记录已封存
              </Tag>
            )}
          </span>
        }
        extra={
          detail.mayViewFull && (
            <Button
              icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
              onClick={() => setFull(!full)}
              data-testid="full-view"
            >
              {full ? '隐去姓名' : '查看完整信息'}
            </Button>
          )
        }
      >
        {full && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="正在查看未成年人完整信息，本次查看已记入审计日志。请勿外传（未成年人保护法 第一百零三条）。"
            data-testid="full-view-notice"
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'title',
              label: '案件名称',
              children: <span data-testid="juvenile-title">{detail.title}</span>,
              span: 'filled',
            },
            { key: 'type', label: '案件类型', children: detail.typeLabel },
            { key: 'stage', label: '当前阶段', children: <Tag color="blue">{detail.stageLabel}</Tag> },
            { key: 'handler', label: '承办人', children: detail.handler?.name ?? '—' },
            { key: 'department', label: '承办部门', children: detail.department.name },
            { key: 'opened', label: '立案日期', children: formatDate(detail.openedAt) },
            {
              key: 'link',
              label: '案件流程',
              children: detail.sealed ? (
                '（已封存）'
              ) : (
                <Link to={`/cases/${detail.id}`}>时间线、阶段与文书</Link>
              ),
            },
          ]}
        />
      </Card>
      <MinorsCard detail={detail} canWrite={canWrite} />
      {detail.type === 'juvenileVictim' && (
        <SessionsCard detail={detail} canWrite={canWrite} canApprove={hasAccess(me, 'juvenile.approve')} />
      )}
      <RecordsCard detail={detail} canWrite={canWrite} />
      <JudicialAidSection
        caseId={detail.id}
        mayEdit={canWrite && hasAccess(me, 'judicialAid.write')}
        full={detail.full}
        minors={detail.minors.map((m) => ({ id: m.id, name: `${m.name}（${m.roleLabel}）` }))}
      />
      <OrdersCard detail={detail} canWrite={canWrite} />
      {detail.type === 'juvenileSuspect' && (
        <SealingCard detail={detail} canSeal={hasAccess(me, 'juvenile.seal')} />
      )}
    </Flex>
  );
}
