import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { type TAuditFilters, useAuditList, useVerifyAudit } from './api.ts';
import { VerifyResult } from './VerifyResult.tsx';

/** 审计日志: the hash-chained log, filtered on the server. Loaded lazily (see app/routes.tsx). */
export default function AuditPage() {
  const me = useMe();
  const [filters, setFilters] = useState<TAuditFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const audit = useAuditList({ ...filters, ...page });
  const verify = useVerifyAudit();

  return (
    <Card
      title="审计日志"
      extra={
        me.actions.includes('audit.verify') && (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            校验完整性
          </Button>
        )
      }
    >
      <div style={{ marginBottom: 16 }}>
        <AuditFilters
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, page: 1 }));
          }}
        />
      </div>
      {verify.data && <VerifyResult result={verify.data} onClose={() => verify.reset()} />}
      <AuditTable
        data={audit.data}
        loading={audit.isFetching}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize })}
      />
    </Card>
  );
}
