import type { TAuditVerifyResult } from '@procura/server/audit/schema';
import { Alert } from 'antd';

function describe(result: TAuditVerifyResult): string {
  if (result.ok) return `审计链完整，已校验 ${result.checked} 条`;
  if (result.broken)
    return `审计链不完整：第 ${result.broken.id} 条记录校验失败，原因：${result.broken.reason}`;
  return `审计链不完整（已校验 ${result.checked} 条）`;
}

/** The outcome of 校验完整性, kept on screen until the next check. */
export function VerifyResult({ result, onClose }: { result: TAuditVerifyResult; onClose: () => void }) {
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={describe(result)}
      closable={{ onClose }}
      data-testid="audit-verify-result"
      style={{ marginBottom: 16 }}
    />
  );
}
