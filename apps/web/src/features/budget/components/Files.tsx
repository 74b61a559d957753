import { Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { attach, attachmentUrl, budgetKeys, type Estimate, fileToBase64 } from '../../../api/budget';
import { ErrorAlert } from '../../../lib/ui';
import { useBudgetLabels } from '../../../locales/budget';

export function Files({ e }: { e: Estimate }) {
  const L = useBudgetLabels();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const up = useMutation({
    mutationFn: async () =>
      attach(e.id, {
        fileName: file!.name,
        contentType: file!.type || 'application/octet-stream',
        contentBase64: await fileToBase64(file!),
      }),
    onSuccess: () => {
      setFile(null);
      qc.invalidateQueries({ queryKey: budgetKeys.one(e.id) });
    },
  });
  return (
    <Stack gap="sm">
      {e.attachments.length === 0 && <Text size="sm">{L.noFiles}</Text>}
      {e.attachments.map((f) => (
        <Anchor key={f.id} href={attachmentUrl(f.id)}>
          {f.fileName} ({Math.ceil(f.size / 1024)} KB)
        </Anchor>
      ))}
      {e.canEdit && (
        <Group align="flex-end" wrap="wrap">
          <FileInput label={L.fileInput} value={file} onChange={setFile} clearable />
          <Button onClick={() => up.mutate()} disabled={!file} loading={up.isPending}>
            {L.attach}
          </Button>
        </Group>
      )}
      <ErrorAlert error={up.error} />
    </Stack>
  );
}
