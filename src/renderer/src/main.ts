import { mount } from 'svelte';
import App from './App.svelte';
import { keepAppInItsWindow } from './lib/leave-guard';
import './styles/app.css';

keepAppInItsWindow(window);

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');
mount(App, { target });
