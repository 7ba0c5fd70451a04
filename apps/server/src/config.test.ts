import { describe, expect, it } from 'vitest';
import { loadConfig, parsePublicUrl } from './config.ts';

describe('PROCURA_PUBLIC_URL', () => {
  it('is unset unless given, and kept as an origin with an optional path, without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PROCURA_PUBLIC_URL: 'https://jcy.example.cn/' }).publicUrl).toBe(
      'https://jcy.example.cn',
    );
    expect(parsePublicUrl('https://example.cn/procura//')).toBe('https://example.cn/procura');
    expect(parsePublicUrl('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080');
  });

  it('refuses what is not a plain http(s) address, naming the value in Chinese', () => {
    for (const bad of [
      'jcy.example.cn',
      'ftp://example.cn',
      'https://example.cn/?a=1',
      'https://u:p@example.cn',
    ]) {
      expect(() => parsePublicUrl(bad)).toThrow(`PROCURA_PUBLIC_URL 无效：${bad}`);
    }
  });
});
