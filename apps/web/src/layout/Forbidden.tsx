import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** Shown on a page the user's role may not use. */
export function Forbidden() {
  const navigate = useNavigate();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title="无权访问"
        subTitle="您的角色没有使用此功能的权限，如有需要请联系系统管理员。"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回工作台
          </Button>
        }
      />
    </div>
  );
}
