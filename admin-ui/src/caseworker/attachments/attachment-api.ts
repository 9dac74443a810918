import { ApiError, download, session, type ApiErrorBody } from '../../api.ts';
import type { Attachment } from './types.ts';

/** What the browser checks before sending: the extensions of the accepted types (the server judges by content). */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png';

/** Whether a file's name has one of the accepted extensions. */
export function acceptedName(name: string): boolean {
  return /\.(pdf|jpe?g|png)$/i.test(name);
}

/** A size as people read it: KB below a megabyte, MB above. */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Posts one file for a step (or `case`) and material, reporting its progress in percent; resolves to the stored attachment. */
export function uploadAttachment(caseId: string, file: File, step: string, material: string, onProgress: (percent: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.set('file', file);
    form.set('step', step);
    form.set('material', material);
    const request = new XMLHttpRequest();
    request.open('POST', `/api/cases/${caseId}/attachments`);
    const token = session.get();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status === 201) resolve(body as Attachment);
      else reject(new ApiError(request.status, (body as ApiErrorBody | null) ?? { code: 'SERVER_UNREACHABLE', message: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the connection and retry' }, details: null }));
    };
    request.onerror = () => reject(new ApiError(0, { code: 'SERVER_UNREACHABLE', message: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the connection and retry' }, details: null }));
    request.send(form);
  });
}

/** Downloads an attached file under its original name (the browser opens it with its viewer). */
export function downloadAttachment(attachment: Attachment): Promise<void> {
  return download(`/cases/${attachment.caseId}/attachments/${attachment.id}?download=1`, attachment.fileName);
}
