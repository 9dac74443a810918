import { ApiError, session, type ApiErrorBody } from '../api.ts';
import type { ImportJob } from './types.ts';

/** Posts a file's bytes as the body of `POST /imports` (the one route that takes a file), with the bearer token. */
export async function uploadFile(file: File, query: { kind: string; templateId?: string | undefined }): Promise<ImportJob> {
  const params = new URLSearchParams({ kind: query.kind, fileName: file.name, ...(query.templateId ? { templateId: query.templateId } : {}) });
  const token = session.get();
  const response = await fetch(`/api/imports?${params}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: file,
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (payload as ApiErrorBody | null) ?? { code: 'SERVER_UNREACHABLE', message: { zh: '无法连接服务器', en: 'Cannot reach the server' }, details: null });
  }
  return payload as ImportJob;
}
