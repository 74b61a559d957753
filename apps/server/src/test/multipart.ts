/** A multipart/form-data body holding one file in the field `file`, as the web's upload sends it. */
export const multipartFile = (fileName: string, content: string | Buffer) => {
  const boundary = '----dxmatrix';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};
