/**
 * The office supervisor's post (业务科长): overdue tasks are escalated to it when their definition
 * names no other post, and its holders reassign the tasks of their office.
 */
export const SUPERVISOR_POST = 'supervisor';
