import type { AssignmentStatus } from '@dx/domain';
import { Button, FileInput, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Assignment, fileToBase64, postUpdate, type Task, taskKeys } from '../../../api/tasks';
import { ApiError } from '../../../lib/api';
import { useProvince } from '../../../lib/province';
import { ErrorAlert } from '../../../lib/ui';
import type { TaskLabels } from '../../../locales/tasks';
import { RecordPicker } from './TaskForms';

export function UpdateDialog({
  task,
  part,
  kind,
  onClose,
  L,
}: {
  task: Task;
  part: Assignment | null;
  kind: 'progress' | 'comment';
  onClose: () => void;
  L: TaskLabels;
}) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<AssignmentStatus>(
    part?.status === 'not_started' ? 'in_progress' : (part?.status ?? 'in_progress'),
  );
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [recordIds, setRecordIds] = useState<string[]>([]);
  const { provinceId } = useProvince();
  const save = useMutation({
    mutationFn: async () =>
      postUpdate(task.id, {
        kind,
        assignmentId: part?.id,
        status: kind === 'progress' ? status : undefined,
        version: kind === 'progress' ? part?.version : undefined,
        note,
        links: link.trim() ? [link.trim()] : [],
        recordIds,
        files: file
          ? [
              {
                fileName: file.name,
                contentType: file.type || 'application/octet-stream',
                contentBase64: await fileToBase64(file),
              },
            ]
          : [],
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: taskKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${kind === 'progress' ? L.updateTitle : L.comment}${part ? ` — ${part.unitName}` : ''}`}
    >
      <Stack>
        {kind === 'progress' && (
          <NativeSelect
            label={L.status}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as AssignmentStatus)}
            data={['not_started', 'in_progress', 'done', 'blocked'].map((s) => ({
              value: s,
              label: L.statuses[s]!,
            }))}
          />
        )}
        <Textarea
          label={L.note}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <TextInput
          label={L.link}
          value={link}
          onChange={(e) => setLink(e.currentTarget.value)}
          placeholder="https://"
        />
        {part && (
          <RecordPicker
            provinceId={provinceId}
            unitId={part.unitId}
            value={recordIds}
            onChange={setRecordIds}
            error={save.error instanceof ApiError ? save.error.fieldErrors['recordIds.0'] : undefined}
            L={L}
          />
        )}
        <FileInput label={L.evidenceFile} value={file} onChange={setFile} clearable />
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {L.close}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {L.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
