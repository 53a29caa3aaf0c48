import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import SampleRegister from './SampleRegister.vue';
import SchemaList from './SchemaList.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('SampleRegister', SampleRegister);
    app.component('SchemaList', SchemaList);
  },
} satisfies Theme;
