import { join } from 'node:path';
import { defineLoader } from 'vitepress';
import { siteFiles } from './site-files.js';

export interface SchemaLink {
  path: string;
  id: string;
  title: string;
  name: string;
}

declare const data: SchemaLink[];

export { data };

const repoRoot = join(import.meta.dirname, '..', '..', '..');

export default defineLoader({
  watch: [join(repoRoot, 'spec/v1/schemas/*.json')],
  load: () =>
    siteFiles(repoRoot).schemas.map(({ path, id, title }) => ({
      path: `/${path}`,
      id,
      title,
      name: path.split('/').pop()!,
    })),
});
