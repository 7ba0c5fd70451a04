import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect } from 'react';
import { setNotifier } from '../api/notify.ts';
import { queryClient } from '../api/queryClient.ts';

/** Hands antd's context-aware message/notification to the central notifier. */
function NotifierBridge() {
  const { message, notification } = AntApp.useApp();
  useEffect(() => setNotifier(message, notification), [message, notification]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1f4e9c', borderRadius: 4 } }}
    >
      <AntApp>
        <NotifierBridge />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
