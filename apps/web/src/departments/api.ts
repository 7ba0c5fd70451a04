import type { TDepartment } from '@procura/server/departments/schema';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function fetchDepartments(): Promise<TDepartment[]> {
  return api<TDepartment[]>('/api/departments');
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: fetchDepartments, staleTime: 60_000 });
}

/** Options for a department Select, grouped by line of work. */
export function departmentOptions(departments: TDepartment[] | undefined) {
  const groups = new Map<string, { label: string; value: number }[]>();
  for (const department of departments ?? []) {
    const group = groups.get(department.lineLabel) ?? [];
    group.push({ label: department.name, value: department.id });
    groups.set(department.lineLabel, group);
  }
  return [...groups].map(([label, options]) => ({ label, title: label, options }));
}
