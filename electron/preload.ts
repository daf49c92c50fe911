// The bridge between the sandboxed renderer and the main process: one function per API channel,
// never ipcRenderer itself. Bundled to CommonJS, as a sandboxed preload must be.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, ipcChannel } from '../shared/api/channels.ts';

const bridge = Object.fromEntries(channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcChannel(channel), input)]));

contextBridge.exposeInMainWorld('jurybox', bridge);
