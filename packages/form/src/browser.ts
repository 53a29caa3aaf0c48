// The script a page loads with <script type="module">: registers the element and nothing else.
import { defineReusePreferenceForm } from './define.js';

defineReusePreferenceForm();
