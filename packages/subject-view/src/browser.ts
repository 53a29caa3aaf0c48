// The script a page loads with <script type="module">: registers the element and nothing else.
import { defineReusePreferenceLedger } from './define.js';

defineReusePreferenceLedger();
