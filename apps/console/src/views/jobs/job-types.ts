import type { Schemas } from '@simops/api-client'

// The jobs API's shapes, as the generated client names them.

export type Job = Schemas['Job']
export type JobItem = Schemas['JobItem']
export type CreateJob = Schemas['CreateJob']
/** `202 { jobId, job }`, the answer to creating a job or uploading an import. */
export type JobAccepted = Schemas['JobAccepted']

export type JobAction = Schemas['JobAction']
export type JobState = Schemas['JobState']
export type JobOrigin = Job['origin']
export type JobItemResult = Schemas['JobItemResult']
/** The actions a job over a set of cards (selection or filter) can take. */
export type CardJobAction = Exclude<JobAction, 'bind' | 'import'>
